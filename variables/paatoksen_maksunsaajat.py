"""Figures the decision documents state of the payees that are not yet variables (guideline
1.8.4, 1.8.4.1, 1.9.2.5).

The pay-security payer's share per earning activity, which its decision states like an
employer's (RULES.md §12), is `tartuntatautipaivaraha_palkkaturvan_maksajalle` in
`variables/palkkaturva.py`, beside its sum.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu


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
