"""The application period (guideline 1.5.3; SVL 1224/2004 15 luku 4 § 1 mom. 1 k.)."""

from datetime import date

import numpy as np
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.parametrit import paatoksen_alkaessa


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


class hakuaika_kuukausina(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Hakuaika (kuukautta) päätöksen ensimmäisenä päivänä"
    reference = ["Kelan etuusohje 1.5.3", "SVL 1224/2004 15 luku 4 § 1 mom. 1 k.", "L 139/2022"]
    documentation = (
        "`hakeminen.hakuaika_kuukausina` in force on the decision's first day: 2 months, but 6 for an "
        "absence that began from 1.1.2022 to 31.12.2022 (L 139/2022, temporary SVL 15:4 § 1 mom. 1 k.). "
        "Read on the first day, so the whole decision has one period even when it runs into 2023."
    )

    def formula(vakuutettu, period, parameters):
        def hakuaika(paiva):
            kuukaudet = parameters(paiva).hakeminen.hakuaika_kuukausina
            return int(kuukaudet)

        return paatoksen_alkaessa(vakuutettu, period, hakuaika).astype(np.int32)


class hakuajan_ensimmainen_paiva(Variable):
    value_type = date
    entity = Vakuutettu
    definition_period = MONTH
    label = "Ensimmäinen päivä, jolta hakemus on ajoissa"
    reference = ["Kelan etuusohje 1.5.3", "SVL 1224/2004 15 luku 4 § 1 mom. 1 k."]
    documentation = (
        "Day D can be paid if the application arrived by D + `hakuaika_kuukausina` months (same day of "
        "the month, or the month's last day), moved to the next working day when that is a Saturday, "
        "Sunday or holiday. This is the first such D; the decision's own start still bounds it (1.5.3)."
    )

    def formula(vakuutettu, period):
        kuukaudet = vakuutettu("hakuaika_kuukausina", period)
        saapunut = vakuutettu("hakemus_saapunut", period)
        hyvaksytty = vakuutettu("myohastyminen_hyvaksytty", period)
        pienet = kuukaudet.size and 0 <= kuukaudet.min() and kuukaudet.max() < 1000
        erilliset = np.flatnonzero(np.bincount(kuukaudet)) if pienet else np.unique(kuukaudet)  # bincount: no sort
        if erilliset.size == 1:  # the usual case: one period for every row
            paiva = kalenteri.aikaisin_haettu_paiva(saapunut, int(erilliset[0]))
        else:  # each period on its own rows (one or two values)
            paiva = np.full(vakuutettu.count, kalenteri.AINA)
            saapunut = kalenteri.paivina(saapunut)
            for k in erilliset:
                rivit = np.flatnonzero(kuukaudet == k)
                paiva[rivit] = kalenteri.aikaisin_haettu_paiva(saapunut[rivit], int(k))
        return np.where(hyvaksytty, kalenteri.AINA, paiva)
