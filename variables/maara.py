"""The daily amount and the month's gross allowance (guideline 1.6, 1.7, 1.9; SVL 1224/2004 11 luku 15 §).

Daily amount = Σ employment rows' lost monthly pay ÷ the employee divisor (25) +
Σ self-employment rows' annual income ÷ the entrepreneur divisor (300), rounded half up to the cent.  An employee's part in a month
comes from that month's pay inputs; an entrepreneur's from the income in force
when the decision starts.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import jaksot
from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.raha import euroina, senteiksi
from openfisca_tartunta.roolit import roolien_summa


def _osuudet(ansiotyo, period, parameters):
    """Each row's unrounded part of the daily amount, in float64 from whole-cent inputs.

    Computed here rather than read back from `paivarahan_osuus`, which OpenFisca
    stores as float32: a part such as 30 001.50 ÷ 300 = 100.005 would come back as
    100.00499... and round down instead of half up (1.6).
    """
    def laske():
        return euroina(ansiotyo("paivarahan_peruste", period)) / ansiotyo("paivarahan_jakaja", period)

    return jaksot.muistista(ansiotyo, ("paivarahan_osuudet", str(period)), laske)  # once per month; read-only


class paivarahan_peruste(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ansiotyön päivärahan peruste (käytetty tulo)"
    reference = ["Kelan etuusohje 1.6, 1.7, 1.7.2.2"]
    documentation = (
        "The income the row's part of the daily amount is computed from: an employment row's "
        "`menetetty_kuukausiansio` (€/month), a self-employment row's `yrittajan_paivarahan_tyotulo` (€/year)."
    )

    def formula(ansiotyo, period):
        palkka = ansiotyo("menetetty_kuukausiansio", period)
        yrittaja = ansiotyo("yrittajan_paivarahan_tyotulo", period)
        return np.where(ansiotyo("on_palkkatyo", period), palkka, yrittaja)


class paivarahan_jakaja(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "/1"
    label = "Ansiotyön päivärahan jakaja"
    reference = ["Kelan etuusohje 1.6, 1.7", "SVL 1224/2004 11 luku 15 §"]
    documentation = (
        "The divisor of the row's basis: `paivaraha.palkansaajan_jakaja` (25) for an employment row, "
        "`paivaraha.yrittajan_jakaja` (300) for a self-employment row, in force in the month. "
        "A float: a divisor set by law need not be whole (a drafter's 21.5 must not become 21)."
    )

    def formula(ansiotyo, period, parameters):
        p = parameters(period).paivaraha
        return np.where(ansiotyo("on_palkkatyo", period), p.palkansaajan_jakaja, p.yrittajan_jakaja)


class paivarahan_osuus(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ansiotyön osuus päivärahasta (pyöristämätön)"
    reference = ["Kelan etuusohje 1.6, 1.7, 1.3.2.2", "SVL 1224/2004 11 luku 15 §"]
    documentation = "`paivarahan_peruste` ÷ `paivarahan_jakaja`: employment row lost monthly pay ÷ 25, self-employment row annual income ÷ 300. Not rounded; a reform may change it (e.g. a replacement rate)."

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
        summa = roolien_summa(vakuutettu, osuus, (Vakuutettu.PALKKATYO, Vakuutettu.YRITYSTOIMINTA))
        return senteiksi(summa)


class tartuntatautipaivaraha_paivalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tartuntatautipäivärahan määrä päivältä"
    reference = ["Kelan etuusohje 1.6, 1.7", "SVL 1224/2004 11 luku 15 §"]
    documentation = "The daily amount in €, rounded to the cent; 0 in a month with no granted day."

    def formula(vakuutettu, period):
        oikeus = vakuutettu("oikeus_tartuntatautipaivarahaan", period)
        return np.where(oikeus, vakuutettu("laskennallinen_paivaraha", period), 0.0)


class tartuntatautipaivaraha(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tartuntatautipäiväraha kuukaudelta (brutto)"
    reference = ["Kelan etuusohje 1.6, 1.9", "SVL 1224/2004 11 luku 15 §"]
    documentation = "Daily amount × paid days of the month, rounded to the cent; before the split, tax and distraint."

    def formula(vakuutettu, period):
        return senteiksi(
            vakuutettu("tartuntatautipaivaraha_paivalta", period)
            * vakuutettu("tartuntatautipaivarahan_maksupaivat", period)
        )
