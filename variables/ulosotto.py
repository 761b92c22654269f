"""Distraint of the allowance (guideline 1.9.2.9; Ulosottokaari 705/2007 4:48–49).

The allowance can be distrained under the rules for wages.  While a payment
prohibition (maksukielto) is in force, only the insured's own part is
distrained, after tax (1.9.2.9).  Per month:

- protected amount (suojaosuus) = (debtor's daily amount + dependants × the
  dependant's daily amount) × 30 for a month the decision covers entirely, ×
  the calendar days it covers otherwise (model reading: 4:48 counts the
  protected amount per day and a month as 30 days);
- income base (tulopohja) = the allowance's part after tax (and after the claims
  that rank before distraint: Kela's, the unemployment fund's and the
  municipality's advance and client fee, 1.9.2.9, RULES.md §11) + the debtor's
  other net income the prohibition states;
- levy (4:49): up to 2 × protected, 2/3 of the part above the protected amount;
  2×–4×, 1/3 of the base; above 4×, 1/3 of 4 × protected + 4/5 of the excess,
  at most 1/2 of the base;
- the allowance bears its proportional share of the levy (levy × allowance /
  base); a fixed amount set by the bailiff is levied as it is, at most the part
  above the protected amount and at most the allowance (1.9.2.9);
- a free month (vapaakuukausi): nothing.
"""

import numpy as np
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.paatoksen_ajanjakso import maksetun_ajan_kalenteripaivat
from openfisca_tartunta.raha import erotus, euroina, senteiksi, sentteina
from openfisca_tartunta.tarkistukset import ei_negatiivinen

_VIITE = ["Kelan etuusohje 1.9.2.9", "Ulosottokaari 705/2007 4 luku 48–49 §"]


# --- inputs (the payment prohibition) ------------------------------------------------


class ulosotto_maksukielto(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ulosottomiehen maksukielto voimassa"
    reference = _VIITE + ["Ulosottokaari 705/2007 4 luku 7 §"]
    documentation = "While a payment prohibition is in force the distrained amount goes to the bailiff (1.9.2.9)."


class ulosotto_huollettavat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Suojaosuudessa huomioitavat huollettavat"
    reference = _VIITE
    documentation = (
        "Spouse or cohabitee dependent on the debtor, and own and the spouse's minor children "
        "(adopted included) living in the household (1.9.2.9)."
    )


class ulosotto_muut_nettotulot(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Velallisen muut nettotulot tulopohjassa (kuukaudelta)"
    reference = _VIITE
    documentation = (
        "The debtor's other net income and income-replacing benefits in the month as the "
        "prohibition states them (pensions and other benefits paid instead of pay count; "
        "earmarked benefits such as housing allowance or child benefit do not, 1.9.2.9)."
    )


class ulosotto_vakiomaara(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Maksukiellon vakiomääräinen ulosmitattava määrä (kuukaudelta)"
    reference = _VIITE
    documentation = "A fixed monthly amount set by the bailiff; 0 means the amount is computed by 4:49."


class ulosotto_vapaakuukausi(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ulosoton vapaakuukausi"
    reference = _VIITE + ["Ulosottokaari 705/2007 4 luku 50 §"]
    documentation = "A month free of distraint granted to the debtor: nothing is levied (1.9.2.9)."


# --- computed -------------------------------------------------------------------------


class ulosotto_suojaosuus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ulosoton suojaosuus kuukaudelta"
    reference = _VIITE
    documentation = (
        "(Debtor's daily protected amount + dependants × the dependant's) × 30 for a calendar month "
        "paid entirely, × the calendar days of the month's paid time otherwise (the decision within "
        "the application period and before a blocking benefit; model reading of 4:48: the protected "
        "amount is a daily amount, a month counts 30 days). "
        "Rounded to the cent. 2017: 672,30 € alone, 913,50 € with one dependant (1.9.2.9)."
    )

    def formula(vakuutettu, period, parameters):
        p = parameters(period).ulosotto.suojaosuus
        huollettavat = vakuutettu("ulosotto_huollettavat", period)
        ei_negatiivinen(huollettavat, "ulosotto_huollettavat", "1.9.2.9, UK 4:48")
        kalenteripaivat, kokonainen = maksetun_ajan_kalenteripaivat(vakuutettu, period)
        paivat = np.where(kokonainen, p.paivia_kuukaudessa, kalenteripaivat)
        return senteiksi((p.velallinen + huollettavat * p.huollettava) * paivat)


class ulosotto_tulopohja(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ulosoton tulopohja kuukaudelta"
    reference = _VIITE
    documentation = (
        "`ulosoton_tulopohjan_paivaraha` (the insured's part after regress, tax and the claims that rank "
        "before distraint, RULES.md §11; the insured's part after tax when there are no claims) + "
        "`ulosotto_muut_nettotulot` (1.9.2.9)."
    )

    def formula(vakuutettu, period):
        muut = euroina(vakuutettu("ulosotto_muut_nettotulot", period))
        ei_negatiivinen(muut, "ulosotto_muut_nettotulot", "1.9.2.9")
        paivaraha = euroina(vakuutettu("ulosoton_tulopohjan_paivaraha", period))
        return senteiksi(paivaraha + muut if muut.any() else paivaraha)  # + 0.0 changes no sum


def ulosmitattava_maara(
    tulopohja, suojaosuus, *, ensimmainen_raja, toinen_raja, tulorajaosuus, perusosuus, ylimenevan_osuus, enimmaisosuus
) -> np.ndarray:
    """The levy of UK 4:49 on the whole income base; the shares and limits are the values of
    parameters `ulosotto.ulosmittaus.*`, which the calling formula reads and passes on."""
    b = np.asarray(tulopohja, dtype=np.float64)
    s = np.asarray(suojaosuus, dtype=np.float64)
    raja1 = ensimmainen_raja * s
    raja2 = toinen_raja * s
    return np.select(
        [b <= s, b <= raja1, b <= raja2],
        [0.0, tulorajaosuus * (b - s), perusosuus * b],
        default=np.minimum(perusosuus * raja2 + ylimenevan_osuus * (b - raja2), enimmaisosuus * b),
    )


class ulosottopidatys(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ulosottopidätys tartuntatautipäivärahasta"
    reference = _VIITE
    documentation = (
        "0 without a payment prohibition or in a free month. Computed: the 4:49 levy on the income "
        "base × (`ulosoton_tulopohjan_paivaraha` / base) — the allowance's proportional share. Fixed amount: as "
        "set, at most the base's part above the protected amount. Either way at most the allowance "
        "after tax and the claims ranking before distraint (`ulosottoon_kaytettavissa`) and at most the base "
        "less the protected amount, rounded half up to the cent."
    )

    def formula(vakuutettu, period, parameters):
        u = parameters(period).ulosotto.ulosmittaus
        kielto = vakuutettu("ulosotto_maksukielto", period)
        vapaa = vakuutettu("ulosotto_vapaakuukausi", period)
        vakio = euroina(vakuutettu("ulosotto_vakiomaara", period))
        ei_negatiivinen(vakio, "ulosotto_vakiomaara", "1.9.2.9")
        # Every row's inputs are read and checked; the levy is computed on the rows under a payment
        # prohibition in a month that is not free (a few per cent of a population).
        paivaraha, kaytettavissa, tulopohja, suoja = (vakuutettu(nimi, period) for nimi in (
            "ulosoton_tulopohjan_paivaraha", "ulosottoon_kaytettavissa", "ulosotto_tulopohja", "ulosotto_suojaosuus"))
        rivit = np.flatnonzero(kielto & ~vapaa)
        tulos = np.zeros(vakuutettu.count)
        vakio = vakio[rivit]
        paivaraha, kaytettavissa, tulopohja, suoja = (euroina(x[rivit]) for x in (paivaraha, kaytettavissa, tulopohja, suoja))
        ylittava = np.maximum(tulopohja - suoja, 0.0)

        levy = ulosmitattava_maara(
            tulopohja,
            suoja,
            ensimmainen_raja=u.ensimmainen_raja,
            toinen_raja=u.toinen_raja,
            tulorajaosuus=u.tulorajaosuus,
            perusosuus=u.perusosuus,
            ylimenevan_osuus=u.ylimenevan_osuus,
            enimmaisosuus=u.enimmaisosuus,
        )
        laskettu = levy * paivaraha / np.where(tulopohja > 0, tulopohja, 1.0)
        maara = np.where(vakio > 0, np.minimum(vakio, ylittava), laskettu)
        # Whole cents; the debtor keeps at least the protected amount of the base.
        senttia = np.minimum(np.minimum(sentteina(maara), sentteina(kaytettavissa)), sentteina(ylittava))
        tulos[rivit] = senttia / 100.0
        return tulos


class tartuntatautipaivaraha_netto(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetulle maksettava tartuntatautipäiväraha (netto)"
    reference = ["Kelan etuusohje 1.9.2.1, 1.9.2.4–1.9.2.9, 1.9.3"]
    documentation = (
        "The insured's remaining net: the insured's gross part less regress, tax withheld, the claims "
        "before distraint, distraint and the municipality's way-of-life payment (RULES.md §11) — "
        "`ulosottoon_kaytettavissa` − `ulosottopidatys` − `kunnalle_elamantapojen_vuoksi`. Paid to the "
        "insured or to whoever `vakuutetun_osan_saaja` names. Without claims: the gross part less tax and distraint."
    )

    def formula(vakuutettu, period):
        netto = erotus(vakuutettu, period, "ulosottoon_kaytettavissa", "ulosottopidatys", "kunnalle_elamantapojen_vuoksi")
        return senteiksi(np.maximum(netto, 0.0))
