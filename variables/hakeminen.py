"""The application period (guideline 1.5.3; SVL 1224/2004 15 luku 4 § 1 mom. 1 k.)."""

from datetime import date

import numpy as np
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Vakuutettu


class hakemus_saapunut(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Hakemuksen saapumispäivä"
    reference = ["Kelan etuusohje 1.5.3", "SVL 1224/2004 15 luku 4 § 1 mom. 1 k."]
    documentation = "The default 1970-01-01 means not given: the application is taken as on time."


class myohastyminen_hyvaksytty(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Myöhästyminen hyväksytty (epääminen olisi kohtuutonta)"
    reference = ["Kelan etuusohje 1.5.3", "SVL 1224/2004 15 luku 4 § 1 mom. 1 k."]
    documentation = "E.g. the person was in isolation and could not apply in time: all decision days can be paid."


class hakuajan_ensimmainen_paiva(Variable):
    value_type = date
    entity = Vakuutettu
    definition_period = MONTH
    label = "Ensimmäinen päivä, jolta hakemus on ajoissa"
    reference = ["Kelan etuusohje 1.5.3", "SVL 1224/2004 15 luku 4 § 1 mom. 1 k."]
    documentation = (
        "Day D can be paid if the application arrived by D + 2 months (same day of the month, or "
        "the month's last day), moved to the next working day when that is a Saturday, Sunday or "
        "holiday. This is the first such D; the decision's own start still bounds it (1.5.3)."
    )

    def formula(vakuutettu, period, parameters):
        kuukaudet = parameters(period).hakeminen.hakuaika_kuukausina
        saapunut = vakuutettu("hakemus_saapunut", period)
        hyvaksytty = vakuutettu("myohastyminen_hyvaksytty", period)
        return np.where(hyvaksytty, kalenteri.AINA, kalenteri.aikaisin_haettu_paiva(saapunut, kuukaudet))
