"""Entitlement (guideline 1.3, 1.3.1, 1.3.3, 1.3.3.1, 1.3.3.2.2, 1.3.4, 1.3.5, 1.4)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu


class oikeus_tartuntatautipaivarahaan(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    label = "Oikeus tartuntatautipäivärahaan kuukaudessa"
    reference = [
        "Kelan etuusohje 1.3, 1.3.1, 1.3.3, 1.3.3.1, 1.3.3.2.2, 1.4, 1.5.3",
        "TTL 1227/2016 8 luku 82 §",
        "SVL 1224/2004 8 luku 1 a §, 6 §",
    ]
    documentation = (
        "At least one day of the month is granted (payment restrictions aside): insured under SVL, "
        "a qualifying decision, a loss of earnings (the unemployed, students and homemakers get "
        "nothing without a job that loses earnings), and a day not barred by the application "
        "period, a blocking benefit or annual leave. No waiting period, no maximum duration, no "
        "age condition for the insured (1.3.3.1, 1.3.4, 1.3.5)."
    )

    def formula(vakuutettu, period):
        return (
            vakuutettu("sairausvakuutettu", period)
            & vakuutettu("paatos_oikeuttaa_paivarahaan", period)
            & (vakuutettu("laskennallinen_paivaraha", period) > 0)
            & (vakuutettu("myonnetyt_paivat", period) > 0)
        )
