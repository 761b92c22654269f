"""Figures the decision documents state of the payees that are not yet variables (guideline
1.8.4, 1.8.4.1, 1.3.2.7, 1.9.2.3).

The pay-security payer gets a decision like an employer's (RULES.md §12), so its share is
needed per earning activity, as `tartuntatautipaivaraha_tyonantajalle` is for an employer:
the row's share when its pay was paid as pay security (the same rule as
`maksetaan_palkkaturvan_maksajalle`, which is their sum); what then stays the employer's is
`maksetaan_tyonantajalle` (`variables/tarkistus_nykyiset.py`, the revision's figure too).
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Ansiotyo, Vakuutettu

_VIITE = ["Kelan etuusohje 1.3.2.7, 1.9.2.3, 1.8.4.1", "Palkkaturvalaki 866/1998 16 §", "SVL 1224/2004 7 luku 4 §"]


class tartuntatautipaivaraha_palkkaturvan_maksajalle(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ansiotyön osuus, joka maksetaan palkkaturvan maksajalle (ELY-keskus)"
    reference = _VIITE
    documentation = (
        "`tartuntatautipaivaraha_tyonantajalle` of a row whose pay was paid as pay security "
        "(`palkkaturvana_maksettu`), else 0; over the rows the sum is `maksetaan_palkkaturvan_maksajalle`."
    )

    def formula(ansiotyo, period):
        osuus = ansiotyo("tartuntatautipaivaraha_tyonantajalle", period)
        return np.where(ansiotyo("palkkaturvana_maksettu", period), osuus, 0.0)


class kunnan_vaatija_on_hyvinvointialue(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    label = "Kunnan maksuvaatimusten vaatija on hyvinvointialue"
    reference = ["Kelan etuusohje 1.9.2.5", "Laki sosiaali- ja terveydenhuollon järjestämisestä 612/2021"]
    documentation = (
        "Parameter `maksaminen.hyvinvointialue_kunnan_sijaan` of the month: from 2023 the claimant of 1.9.2.5 is "
        "a wellbeing services county (RULES.md §11); the documents name it so."
    )

    def formula(vakuutettu, period, parameters):
        hyvinvointialue = parameters(period).maksaminen.hyvinvointialue_kunnan_sijaan
        return np.full(vakuutettu.count, bool(hyvinvointialue))
