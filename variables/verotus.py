"""Tax withholding on the insured's part (guideline 1.9.3, 1.9.3.1, 1.9.3.2, 1.9.3.4.1).

Only the insured's gross part is taxed by Kela; the employers' part is not
(1.3.2, 1.9.2.9).  Per month:

- nothing when the insured's part per paid day is at most 4 € (1.9.3.4.1);
- no withholding data, or a payment for the previous calendar year paid
  retroactively: the table percentage (1.9.3.4.1);
- a card issued for wages: the base rate up to the card's income limit, the
  additional rate above it (1.9.3.1), each at least 25 % (1.9.3.4.1);
- a card issued for benefits: its rates as they are (1.9.3.1);
- a source-tax card (limited tax liability): 35 % of the payment after
  deducting the monthly deduction for a whole month, or the daily deduction per calendar day (parameters `verotus.lahdevero`) (1.9.3.2);
- a higher rate the recipient asked for replaces any lower rate (1.9.3.1).

Rates are inputs in percent (27 means 27 %).
"""

import numpy as np
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.luettelot import Ennakonpidatysperuste
from openfisca_tartunta.paatoksen_ajanjakso import maksetun_ajan_kalenteripaivat
from openfisca_tartunta.raha import euroina, senteiksi, sentteina, tarkkuudella
from openfisca_tartunta.tarkistukset import ei_negatiivinen, vaadi

_VIITE = ["Kelan etuusohje 1.9.3.1, 1.9.3.4.1", "Ennakkoperintälaki 1118/1996", "Verohallinnon päätös ennakonpidätyksen toimittamistavoista ja määrästä 6 §"]


# --- inputs -------------------------------------------------------------------


class ennakonpidatysperuste(Variable):
    value_type = Enum
    possible_values = Ennakonpidatysperuste
    default_value = Ennakonpidatysperuste.ei_tietoja
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ennakonpidätyksen peruste"
    reference = ["Kelan etuusohje 1.9.3.1, 1.9.3.2, 1.9.3.3, 1.9.3.4.1"]
    documentation = "Which withholding basis Kela holds; `ei_tietoja` (the default) means the table percentage."


class ennakonpidatysprosentti(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "%"
    label = "Ennakonpidätysprosentti (perusprosentti)"
    reference = _VIITE
    documentation = "Base rate on the card, in percent (27 = 27 %), 0–100."


class ennakonpidatys_lisaprosentti(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "%"
    label = "Ennakonpidätyksen lisäprosentti"
    reference = _VIITE
    documentation = "Rate above the card's income limit, in percent, 0–100; used as given when a limit is set."


class ennakonpidatys_tuloraja(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Verokortin tuloraja (€/kalenterivuosi)"
    reference = _VIITE
    documentation = "Income limit on the card for the calendar year; 0 means none (the card has only one rate)."


class ennakonpidatys_tulokertyma(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tulorajaan luettu tulokertymä ennen tämän kuukauden maksua"
    reference = ["Kelan etuusohje 1.9.3.1, 1.9.3.3.3"]
    documentation = (
        "Income already counted against the card's limit in the calendar year before this month's "
        "payment (payments of earlier months of the decision included). Kela tracks it; the model "
        "takes it as an input per month (no yearly dispatch: it differs from month to month)."
    )


class ennakonpidatys_oma_prosentti(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "%"
    label = "Maksunsaajan pyytämä korkeampi pidätysprosentti"
    reference = ["Kelan etuusohje 1.9.3.1, 1.9.3.3.2, 1.9.3.4"]
    documentation = "A higher rate the recipient asked for, in percent; 0 = none. It replaces any lower rate."


class kohdistuu_edelliseen_vuoteen(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Edelliseen kalenterivuoteen kohdistuva takautuva maksu"
    reference = ["Kelan etuusohje 1.9.3.4.1"]
    documentation = (
        "The month belongs to the previous calendar year and is paid retroactively (or as an "
        "addition): withheld at the table percentage. Not for a regular payment period that spans "
        "the turn of the year (1.9.3.4.1). Model: applies to resident cards, not to source tax."
    )


# --- helpers ----------------------------------------------------------------------


def _osuutena(prosentit, nimi: str) -> tuple[np.ndarray, np.ndarray]:
    """A percent input checked to be 0–100 (float32 noise removed): (the percent, the fraction)."""
    if not np.any(prosentit):  # a rate nobody has (the own rate, mostly): zeros, nothing to check
        nollat = np.zeros(np.shape(prosentit))
        return nollat, nollat.copy()
    prosentit = tarkkuudella(prosentit, 4)
    if not (np.min(prosentit) >= 0 and np.max(prosentit) <= 100):  # two reductions; a NaN fails both
        vaadi(
            (prosentit >= 0) & (prosentit <= 100),
            nimi,
            prosentit,
            "a withholding rate is a percentage from 0 to 100 (27 means 27 %) (1.9.3.1)",
        )
    return prosentit, prosentit / 100.0


class lahdeveron_vahennys(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Lähdeverovähennys kuukaudelta"
    reference = ["Kelan etuusohje 1.9.3.2", "Laki rajoitetusti verovelvollisen tulon verottamisesta 627/1978 6 §"]
    documentation = (
        "the monthly deduction when Kela pays for the whole calendar month, otherwise the daily deduction × the "
        "calendar days of the month's paid time (the decision within the application period and before a "
        "blocking benefit): 'Jos Kela maksaa etuutta vajaalta kuukaudelta' (1.9.3.2)."
    )

    def formula(vakuutettu, period, parameters):
        p = parameters(period).verotus.lahdevero
        paivat, kokonainen = maksetun_ajan_kalenteripaivat(vakuutettu, period)
        return np.where(kokonainen, p.vahennys_kuukaudelta, p.vahennys_paivalta * paivat)


class ennakonpidatys(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ennakonpidätys vakuutetulle maksettavasta osasta"
    reference = _VIITE + ["Kelan etuusohje 1.9.3.2", "Laki rajoitetusti verovelvollisen tulon verottamisesta 627/1978 6–7 §"]
    documentation = (
        "Withheld from `ennakonpidatyksen_alainen_osa`: the insured's part less the tax-free regress "
        "payments (1.9.3.7; the whole insured's part when there is none; the employers' part is not taxed). "
        "Model: the 4 €/day test is on the insured's part per paid day; the 25 % floor of a wage "
        "card applies to both its base and additional rate; the income limit is compared with "
        "`ennakonpidatys_tulokertyma` + this month's part; a previous-year retroactive payment uses "
        "the table percentage (resident cards only); the recipient's own higher rate replaces each "
        "lower rate (for source tax, the 35 % after the deduction). Rounded half up to the cent."
    )

    def formula(vakuutettu, period, parameters):
        p = parameters(period).verotus
        osa = euroina(vakuutettu("ennakonpidatyksen_alainen_osa", period))  # regress is tax-free (1.9.3.7)
        paivat = vakuutettu("tartuntatautipaivarahan_maksupaivat", period)
        peruste = vakuutettu("ennakonpidatysperuste", period)
        _, perus = _osuutena(vakuutettu("ennakonpidatysprosentti", period), "ennakonpidatysprosentti")
        lisa_prosentteina, lisa = _osuutena(vakuutettu("ennakonpidatys_lisaprosentti", period), "ennakonpidatys_lisaprosentti")
        _, oma = _osuutena(vakuutettu("ennakonpidatys_oma_prosentti", period), "ennakonpidatys_oma_prosentti")
        tuloraja = euroina(vakuutettu("ennakonpidatys_tuloraja", period))
        kertyma = euroina(vakuutettu("ennakonpidatys_tulokertyma", period))
        ei_negatiivinen(tuloraja, "ennakonpidatys_tuloraja", "1.9.3.1")
        ei_negatiivinen(kertyma, "ennakonpidatys_tulokertyma", "1.9.3.1")
        edellinen_vuosi = vakuutettu("kohdistuu_edelliseen_vuoteen", period)
        kortti = (peruste == Ennakonpidatysperuste.palkan_verokortti) | (peruste == Ennakonpidatysperuste.etuuden_verokortti)
        vaadi(
            ~(kortti & (tuloraja > 0)) | (lisa > 0),
            "ennakonpidatys_lisaprosentti",
            lisa_prosentteina,
            "missing: a tax card with an income limit has an additional rate for the income above it (1.9.3.1)",
        )

        lahde = peruste == Ennakonpidatysperuste.lahdeverokortti
        taulukko = ~lahde & ((peruste == Ennakonpidatysperuste.ei_tietoja) | edellinen_vuosi)
        palkka = ~taulukko & (peruste == Ennakonpidatysperuste.palkan_verokortti)

        # Base/additional rate split at the card's income limit (1.9.3.1).
        rajan_alla = np.subtract(tuloraja, kertyma)
        np.clip(rajan_alla, 0.0, osa, out=rajan_alla)
        rajan_alla = np.where(tuloraja > 0, rajan_alla, osa)
        rajan_yli = np.subtract(osa, rajan_alla)
        lattia = palkka * p.vahimmaisprosentti_palkan_verokortilla  # 0 where the floor does not apply
        for prosentti in (perus, lisa):
            np.maximum(prosentti, lattia, out=prosentti)
            np.maximum(prosentti, oma, out=prosentti)
        vero = np.multiply(rajan_alla, perus, out=rajan_alla)  # the card's rates (most rows)
        vero += np.multiply(rajan_yli, lisa, out=rajan_yli)
        # In their place, on their rows: the table percentage (a fifth of a population) and the
        # source tax after its deduction (a few per cent), 1.9.3.4.1, 1.9.3.2.
        rivit = np.flatnonzero(taulukko)
        vero[rivit] = np.maximum(oma[rivit], p.taulukkoprosentti) * osa[rivit]
        rivit = np.flatnonzero(lahde)
        lahdevero = np.maximum(osa[rivit] - vakuutettu("lahdeveron_vahennys", period)[rivit], 0.0)
        vero[rivit] = lahdevero * np.maximum(oma[rivit], p.lahdevero.prosentti)
        # "at most 4 € a day": compared in whole cents, so 20,00 € for 5 days is exactly at the limit
        # (`osa` is whole cents, so 100 × osa is within float noise of its cents).
        raja = np.multiply(paivat, float(sentteina(p.pidatyksen_alaraja_paivalta)))  # whole cents: exact
        raja += 0.5
        pidetaan = np.multiply(osa, 100.0) > raja
        pidetaan &= paivat > 0
        vero = np.minimum(senteiksi(vero), osa, out=vero)
        return np.where(pidetaan, vero, 0.0)
