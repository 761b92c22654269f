"""The daily amount (guideline 1.6, 1.7; SVL 1224/2004 11 luku 13 §).

Daily amount = Σ employment rows' lost monthly pay ÷ the employee divisor (25) +
Σ self-employment rows' annual income ÷ the entrepreneur divisor (300), rounded half up to the cent.  An employee's part in a month
comes from that month's pay inputs; an entrepreneur's from the income in force
when the decision starts.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.raha import euroina, senteiksi


def _osuudet(ansiotyo, period, parameters):
    """Each row's unrounded part of the daily amount, in float64 from whole-cent inputs.

    Computed here rather than read back from `paivarahan_osuus`, which OpenFisca
    stores as float32: a part such as 30 001.50 ÷ 300 = 100.005 would come back as
    100.00499... and round down instead of half up (1.6).
    """
    p = parameters(period).paivaraha
    palkka = euroina(ansiotyo("menetetty_kuukausiansio", period)) / p.palkansaajan_jakaja
    yrittaja = euroina(ansiotyo("yrittajan_paivarahan_tyotulo", period)) / p.yrittajan_jakaja
    return np.where(ansiotyo.has_role(Vakuutettu.PALKKATYO), palkka, yrittaja)


class paivarahan_osuus(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ansiotyön osuus päivärahasta (pyöristämätön)"
    reference = ["Kelan etuusohje 1.6, 1.7, 1.3.2.2", "SVL 1224/2004 11 luku 13 §"]
    documentation = "Employment row: lost monthly pay ÷ the employee divisor (25). Self-employment row: annual income ÷ the entrepreneur divisor (300). Not rounded."

    def formula(ansiotyo, period, parameters):
        return _osuudet(ansiotyo, period, parameters)


class laskennallinen_paivaraha(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Laskennallinen päiväraha (ennen oikeuden tarkistamista)"
    reference = ["Kelan etuusohje 1.6, 1.7"]
    documentation = (
        "Sum of the rows' parts, rounded half up to the cent; entitlement not yet checked. The "
        "parts are summed in float64 (not from the float32 `paivarahan_osuus`) so that half-cent "
        "amounts round up, and per role so that a person with no earning activity gets 0."
    )

    def formula(vakuutettu, period, parameters):
        osuus = _osuudet(vakuutettu.members, period, parameters)
        # Role-filtered sums have one value for every group, also for a group with no rows.
        summa = vakuutettu.sum(osuus, role=Vakuutettu.PALKKATYO) + vakuutettu.sum(
            osuus, role=Vakuutettu.YRITYSTOIMINTA
        )
        return senteiksi(summa)


class tartuntatautipaivaraha_paivalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tartuntatautipäivärahan määrä päivältä"
    reference = ["Kelan etuusohje 1.6, 1.7", "SVL 1224/2004 11 luku 13 §"]
    documentation = "The daily amount in €, rounded to the cent; 0 in a month with no granted day."

    def formula(vakuutettu, period):
        oikeus = vakuutettu("oikeus_tartuntatautipaivarahaan", period)
        return np.where(oikeus, vakuutettu("laskennallinen_paivaraha", period), 0.0)
