"""Benefits that block the allowance (guideline 1.4, 1.4.4, 1.4.5, 1.4.7, 1.4.8, 1.7.2.7).

Kela or earnings-related rehabilitation allowance, rehabilitation-time earnings
compensation, old-age or early old-age pension, MP adaptation pension, part-time
pension started before 2017 and guarantee pension with an old-age pension or to
an immigrant aged 65+ block the allowance from the day they start (SVL 8:6 §1).
A pensioner who works and is ordered away from that work is entitled (SVL 8:6 §3).
Partial early old-age pension, partial disability pension, KEL disability pension
with an income loss, other-law compensation and farmers' retirement support do
not block (1.4.1.2, 1.4.2, 1.4.6, 1.4.13, 1.4.15): they are simply not inputs.
"""

from datetime import date

import numpy as np
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Vakuutettu


class estava_etuus_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Tartuntatautipäivärahan estävän etuuden alkamispäivä"
    reference = ["Kelan etuusohje 1.4, 1.4.4, 1.4.5, 1.4.7, 1.4.8", "SVL 1224/2004 8 luku 6 § 1 mom."]
    documentation = (
        "First day of a blocking benefit; 9999-12-31 (the default) means none. Used as given: an "
        "old-age pension starts on the first of a month, so the allowance runs to the end of the "
        "previous month (1.4.5)."
    )


class tyoskentelee_elakkeella(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Työssä käyvä eläkkeensaaja"
    reference = ["Kelan etuusohje 1.4.5, 1.4.7, 1.4.8, 1.7.2.7", "SVL 1224/2004 8 luku 6 § 3 mom."]
    documentation = "A pensioner who actually worked and is ordered away from that work: the pension does not block."


class estavan_etuuden_vaikutus_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Päivä, josta lukien estävä etuus estää päivärahan"
    reference = ["Kelan etuusohje 1.4, 1.4.5, 1.7.2.7", "SVL 1224/2004 8 luku 6 §"]

    def formula(vakuutettu, period):
        alkaa = kalenteri.paivina(vakuutettu("estava_etuus_alkaa", period))
        tyossa = vakuutettu("tyoskentelee_elakkeella", period)
        return np.where(tyossa, kalenteri.EI_PAIVAA, alkaa)
