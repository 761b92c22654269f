"""The employer's right and the split between payees (guideline 1.3.2, 1.9.2.1, 1.9.2.2).

SVL 1224/2004 7:4: the allowance is paid to the employer for the days it paid
absence-time pay, up to that pay; the excess goes to the insured (1.3.2.1,
1.3.2.3).  Several paying employers share in proportion to the pay each paid
(SVL 7:4 §3).  A YEL/MYEL entrepreneur's part always goes to the insured: that is
the 1.3.2.2 split by YEL/MYEL income and pay.

Per month (RULES.md §5):

- the *paid window* is the part of the month the allowance can be paid for
  (decision, application period, blocking benefit);
- E = the window's arkipäivät inside some employer's reported paid leave, at
  most the month's paid days;
- W = Σ absence-time pay of the employment rows whose paid leave reaches the
  window;
- the employers together get T = min(employment part of the daily amount × E, W),
  each row T × Wᵢ / W in cents, the odd cents by largest remainder;
- the insured gets gross − T.
"""

from datetime import date

import numpy as np
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import jaksot, kalenteri
from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.paatoksen_ajanjakso import maksettava_ikkuna, paatoksen_paivat
from openfisca_tartunta.parametrit import ryhman_summa
from openfisca_tartunta.raha import euroina, jaa_suurimmin_jaannoksin, senteiksi, sentteina
from openfisca_tartunta.annetut_kuukaudet import vaadi_kuukauden_arvo
from openfisca_tartunta.tarkistukset import ei_negatiivinen, vaadi


_VIITE_TYONANTAJA = ["Kelan etuusohje 1.3.2, 1.3.2.1, 1.3.2.3, 1.9.2.2", "SVL 1224/2004 7 luku 4 §"]


# --- inputs -----------------------------------------------------------------


class tyonantajan_maksama_palkka(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Työnantajan maksama poissaoloajan palkka kuukauden päätöspäiviltä"
    reference = _VIITE_TYONANTAJA
    documentation = (
        "Absence-time pay (or compensation in lieu of pay, e.g. a car benefit) the employer paid for "
        "the decision's days of this month. A yearly input applies to each of its months. The "
        "employer is paid the allowance up to this amount (1.3.2.3)."
    )


class palkallinen_vapaa_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Työnantajan ilmoittaman palkallisen vapaan ensimmäinen päivä"
    reference = ["Kelan etuusohje 1.3.2.3", "SVL 1224/2004 7 luku 4 §"]
    documentation = (
        "First day of the paid leave the employer reported. The default 9999-12-31 means not given: "
        "with the default end (1970-01-01) the leave is empty and the employer gets nothing."
    )


class palkallinen_vapaa_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Työnantajan ilmoittaman palkallisen vapaan viimeinen päivä (mukaan lukien)"
    reference = ["Kelan etuusohje 1.3.2.3", "SVL 1224/2004 7 luku 4 §"]
    documentation = (
        "Last day of the reported paid leave, inclusive. The default 1970-01-01 means not given. "
        "When both dates are given, an end before the start is an input error; when only one is "
        "given, the other one is missing and that is an input error too."
    )


class palkka_koko_vapaalta(Variable):
    value_type = bool
    default_value = True
    entity = Ansiotyo
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ilmoitettu palkka kattaa koko kuukauden palkallisen vapaan"
    reference = ["Kelan etuusohje 1.3.2.1, 1.3.2.3"]
    documentation = (
        "True (default): `tyonantajan_maksama_palkka` is the pay for all of the month's reported paid leave "
        "in the decision, and the pay for the same period as the allowance is its share by arkipäivät "
        "(1.3.2.1: 'verrataan … samalta ajalta'). False: the reported pay is already the pay for the days "
        "the allowance is paid for and is compared as it is."
    )


def _vapaa(ansiotyo, period, rivit=None):
    """Each row's reported paid leave (checked), or those of `rivit` (indices of checked rows)."""
    alkaa = kalenteri.paivina(ansiotyo("palkallinen_vapaa_alkaa", period))
    paattyy = kalenteri.paivina(ansiotyo("palkallinen_vapaa_paattyy", period))
    palkkatyo = ansiotyo("on_palkkatyo", period)
    if rivit is not None:
        return alkaa[rivit], np.where(palkkatyo[rivit], paattyy[rivit], kalenteri.AINA)
    alku_annettu = alkaa != kalenteri.EI_PAIVAA
    loppu_annettu = paattyy != kalenteri.AINA
    vaadi(
        alku_annettu | ~loppu_annettu,
        "palkallinen_vapaa_alkaa",
        alkaa,
        "missing while palkallinen_vapaa_paattyy is given; give both dates of the reported paid leave (1.3.2.3)",
    )
    vaadi(
        loppu_annettu | ~alku_annettu,
        "palkallinen_vapaa_paattyy",
        paattyy,
        "missing while palkallinen_vapaa_alkaa is given; give both dates of the reported paid leave (1.3.2.3)",
    )
    vaadi(
        ~(alku_annettu & loppu_annettu) | (paattyy >= alkaa),
        "palkallinen_vapaa_paattyy",
        paattyy,
        "the reported paid leave ends before it starts (palkallinen_vapaa_alkaa); the end date is inclusive (1.3.2.3)",
    )
    return alkaa, np.where(palkkatyo, paattyy, kalenteri.AINA)


def _vapaan_rivit(alkaa, paattyy) -> np.ndarray:
    """The rows with a reported paid leave (a quarter of a usual population); the others count 0 days."""
    return np.flatnonzero(alkaa <= paattyy)


def _ikkuna(ansiotyo, period, rivit=None):
    ikkuna = maksettava_ikkuna(ansiotyo.vakuutettu, period)
    return ikkuna if rivit is None else (ikkuna[0][rivit], ikkuna[1][rivit])


def _jasenten_esteet(vakuutettu, period, rivit=None) -> jaksot.Esteet:
    """The insured's ranges on its activity rows (or on the rows `rivit`)."""
    ryhma = vakuutettu.members_entity_id
    return jaksot.lue(vakuutettu, period).jasenille(ryhma if rivit is None else ryhma[rivit], vakuutettu.count)


# --- per row ------------------------------------------------------------------


class palkallisen_vapaan_arkipaivat(Variable):
    value_type = int
    entity = Ansiotyo
    definition_period = MONTH
    label = "Palkallisen vapaan arkipäivät kuukauden päätöspäivinä"
    reference = ["Kelan etuusohje 1.3.2.3", "SVL 1224/2004 1 luku 4 §"]
    documentation = (
        "Arkipäivät of the employer's reported paid leave inside the decision and the month (all "
        "arkipäivät of a continuous leave, the employee's days off included, 1.3.2.3): the days the "
        "month's reported pay is for. Employment rows only: an entrepreneur's own company is paid only "
        "if the entrepreneur is employed by it, which is an employment row (1.3.2.2)."
    )

    def formula(ansiotyo, period):
        alkaa, paattyy = _vapaa(ansiotyo, period)
        rivit = _vapaan_rivit(alkaa, paattyy)
        paivat = np.zeros(ansiotyo.count, dtype=np.int64)
        if rivit.size:
            vakuutettu = ansiotyo.simulation.populations["vakuutettu"]
            jasen = vakuutettu.members_entity_id[rivit]
            alku, loppu = (d[jasen] for d in paatoksen_paivat(vakuutettu, period))
            kk_alku, kk_loppu = kalenteri.kuukauden_rajat(period)
            paivat[rivit] = kalenteri.arkipaivat(
                np.maximum(np.maximum(alkaa[rivit], alku), kk_alku), np.minimum(np.minimum(paattyy[rivit], loppu), kk_loppu)
            )
        return paivat


class palkallisen_vapaan_maksetut_paivat(Variable):
    value_type = int
    entity = Ansiotyo
    definition_period = MONTH
    label = "Palkallisen vapaan arkipäivät, joilta päivärahaa maksetaan"
    reference = ["Kelan etuusohje 1.3.2.1, 1.3.2.3, 1.3.2.4, 1.4, 1.9.4"]
    documentation = (
        "Arkipäivät of the row's reported paid leave inside the month's paid window that the allowance "
        "is paid for (not blocked, not annual leave, not restricted); 0 in a month with no entitlement."
    )

    def formula(ansiotyo, period):
        alkaa, paattyy = _vapaa(ansiotyo, period)
        rivit = _vapaan_rivit(alkaa, paattyy)
        paivat = np.zeros(ansiotyo.count, dtype=np.int32)
        if rivit.size:
            vakuutettu = ansiotyo.simulation.populations["vakuutettu"]
            jasen = vakuutettu.members_entity_id[rivit]
            ikkuna_alku, ikkuna_loppu = (d[jasen] for d in maksettava_ikkuna(vakuutettu, period))
            paivat[rivit] = jaksot.maksetut_paivat(
                np.maximum(alkaa[rivit], ikkuna_alku), np.minimum(paattyy[rivit], ikkuna_loppu), _jasenten_esteet(vakuutettu, period, rivit)
            )
        oikeus = ansiotyo.vakuutettu("oikeus_tartuntatautipaivarahaan", period)
        return np.where(oikeus, paivat, 0)


class tyonantajan_palkka_jakoperusteena(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työnantajan maksama palkka samalta ajalta (vertailu- ja jakoperuste)"
    reference = _VIITE_TYONANTAJA + ["Kelan etuusohje 1.3.2.2"]
    documentation = (
        "The pay for the same period as the allowance (1.3.2.1): the month's reported pay × the paid "
        "days of the leave ÷ the leave's arkipäivät in the decision (`palkallisen_vapaan_maksetut_paivat` "
        "÷ `palkallisen_vapaan_arkipaivat`), rounded half up to the cent; the reported pay as it is when "
        "`palkka_koko_vapaalta` is false. 0 for a row with no paid day in its reported leave (no allowance "
        "to an employer for days it did not report as paid leave, 1.3.2.3) and for self-employment rows "
        "(1.3.2.2). A month with reported paid leave in the decision needs `tyonantajan_maksama_palkka`."
    )

    def formula(ansiotyo, period):
        vapaa = ansiotyo("palkallisen_vapaan_arkipaivat", period)
        vaadi_kuukauden_arvo(ansiotyo, "tyonantajan_maksama_palkka", period, lambda: vapaa > 0)
        palkka = euroina(ansiotyo("tyonantajan_maksama_palkka", period))
        ei_negatiivinen(palkka, "tyonantajan_maksama_palkka", "1.3.2.3")
        maksetut = ansiotyo("palkallisen_vapaan_maksetut_paivat", period)
        osuus = np.where(ansiotyo("palkka_koko_vapaalta", period), maksetut / np.maximum(vapaa, 1), 1.0)
        return np.where(maksetut > 0, senteiksi(palkka * osuus), 0.0)


# --- per insured ----------------------------------------------------------------


def _palkat_senteina(vakuutettu, period):
    """W: each row's pay for the same period and their sum per insured, in whole cents (int64).

    The one definition of W, read by `tyonantajien_maksama_palkka`, the employers' total
    and the split (the float32-stored total is not read back).
    """
    w_i = sentteina(vakuutettu.members("tyonantajan_palkka_jakoperusteena", period))
    ryhma = vakuutettu.members_entity_id
    return w_i, np.bincount(ryhma, weights=w_i, minlength=vakuutettu.count).round().astype(np.int64)


class palkallisen_vapaan_maksupaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksupäivät, joilta työnantaja on maksanut palkkaa (E)"
    reference = ["Kelan etuusohje 1.3.2.3, 1.3.2.4, 1.9.4", "SVL 1224/2004 7 luku 4 §"]
    documentation = (
        "E: the month's paid days (not blocked, not annual leave, not restricted) inside at least one "
        "paying employer's reported paid leave (the union of the leaves, not their sum)."
    )

    def formula(vakuutettu, period):
        tyot = vakuutettu.members
        maksaa = tyot("tyonantajan_palkka_jakoperusteena", period) > 0  # checks the inputs first
        omat = np.where(maksaa, tyot("palkallisen_vapaan_maksetut_paivat", period), 0)
        ryhma = vakuutettu.members_entity_id
        maksavia = np.bincount(ryhma, weights=maksaa, minlength=vakuutettu.count)
        # One paying row: the union is that row's own days.  Several: merge their intervals.
        yhdiste = ryhman_summa(vakuutettu, np.where(maksavia[ryhma] > 1, 0, omat))
        useita = np.flatnonzero(maksaa & (maksavia[ryhma] > 1))
        if useita.size:
            alkaa, paattyy = _vapaa(tyot, period, useita)
            ikkuna_alku, ikkuna_loppu = _ikkuna(tyot, period, useita)
            alku, loppu = jaksot.yhdisteen_palat(ryhma[useita], np.maximum(alkaa, ikkuna_alku), np.minimum(paattyy, ikkuna_loppu))
            paivat = jaksot.maksetut_paivat(alku, loppu, _jasenten_esteet(vakuutettu, period, useita))
            yhdiste += np.bincount(ryhma[useita], weights=paivat, minlength=vakuutettu.count)
        return np.minimum(np.rint(yhdiste).astype(np.int32), vakuutettu("tartuntatautipaivarahan_maksupaivat", period))


class tyonantajien_maksama_palkka(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työnantajien maksama poissaoloajan palkka samalta ajalta yhteensä (W)"
    reference = _VIITE_TYONANTAJA
    documentation = "W: Σ of the rows' `tyonantajan_palkka_jakoperusteena` (the pay for the same period), in whole cents."

    def formula(vakuutettu, period):
        return _palkat_senteina(vakuutettu, period)[1] / 100.0


class tyosuhteiden_osuus_paivarahasta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Palkkatöiden osuus päivärahasta päivältä"
    reference = ["Kelan etuusohje 1.3.2.2, 1.6, 1.7", "SVL 1224/2004 7 luku 4 §"]
    documentation = (
        "Σ of the employment rows' parts of the daily amount (lost pay ÷ the employee divisor), rounded to the cent "
        "and at most the daily amount; equal to the daily amount when there is no self-employment "
        "row. The self-employment rows' part (YEL/MYEL income ÷ the entrepreneur divisor) always goes to the insured: "
        "this is the split by YEL/MYEL income and pay of 1.3.2.2."
    )

    def formula(vakuutettu, period):
        osat = vakuutettu.members("paivarahan_osuus", period).astype(np.float64)
        palkkatyo = vakuutettu.members("on_palkkatyo", period)
        summa = ryhman_summa(vakuutettu, np.where(palkkatyo, osat, 0.0))
        return np.minimum(senteiksi(summa), euroina(vakuutettu("tartuntatautipaivaraha_paivalta", period)))


class tartuntatautipaivaraha_tyonantajille(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tartuntatautipäivärahasta työnantajille maksettava osa"
    reference = _VIITE_TYONANTAJA + ["Kelan etuusohje 1.3.2.2, 1.3.2.6–1.3.2.8"]
    documentation = (
        "T = min(employment part of the daily amount × E, W), rounded to the cent, at most the "
        "gross allowance. The employers' part is neither taxed by Kela nor distrained (1.9.2.9). "
        "A bankruptcy estate, the ELY centre or a foreign employer stands in the employer's place "
        "through the same inputs (1.3.2.6–1.3.2.8). Needs no `tyonantajan_tunnus` (see "
        "`tyonantajan_tunnus_puuttuu`)."
    )

    def formula(vakuutettu, period):
        vakuutettu.members("tyonantajan_tunnus_kelpaa", period)  # a malformed given id is an input error (1.3.2.8)
        paiva = euroina(vakuutettu("tyosuhteiden_osuus_paivarahasta", period))
        paivat = vakuutettu("palkallisen_vapaan_maksupaivat", period)
        palkka = _palkat_senteina(vakuutettu, period)[1] / 100.0
        brutto = euroina(vakuutettu("tartuntatautipaivaraha", period))
        return np.minimum(np.minimum(senteiksi(paiva * paivat), palkka), brutto)


class tartuntatautipaivaraha_tyonantajalle(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tartuntatautipäivärahasta tämän työnantajan osa"
    reference = _VIITE_TYONANTAJA + ["SVL 1224/2004 7 luku 4 § 3 mom."]
    documentation = (
        "T × Wᵢ / W in whole cents; the cents left over by rounding down go one each to the rows "
        "with the largest remainders (ties: the earlier row), so the shares sum exactly to T."
    )

    def formula(ansiotyo, period):
        ansiotyo("tyonantajan_tunnus_kelpaa", period)  # a malformed given id is an input error (1.3.2.8)
        ryhmat = ansiotyo.simulation.populations["vakuutettu"]
        w_i, w = _palkat_senteina(ryhmat, period)
        # T ≤ W by construction; the min only guards against float32 storage of very large T.
        t = np.minimum(sentteina(ryhmat("tartuntatautipaivaraha_tyonantajille", period)), w)
        # Only rows with pay share T (a row with Wᵢ = 0 has remainder 0, never a left-over cent).
        maksavat = np.flatnonzero(w_i > 0)
        osuudet = np.zeros(ansiotyo.count)
        osuudet[maksavat] = jaa_suurimmin_jaannoksin(ryhmat.members_entity_id[maksavat], w_i[maksavat], t) / 100.0
        return osuudet


class tartuntatautipaivaraha_vakuutetulle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tartuntatautipäivärahasta vakuutetulle maksettava osa (brutto)"
    reference = ["Kelan etuusohje 1.3.2.1, 1.3.2.2, 1.3.2.3, 1.9.2.1", "SVL 1224/2004 7 luku 4 §"]
    documentation = (
        "Gross allowance less the employers' part: the days without paid leave, the excess over "
        "the employer's pay and an entrepreneur's part (1.3.2.1–1.3.2.3). Withholding and "
        "distraint are taken from this part only."
    )

    def formula(vakuutettu, period):
        brutto = euroina(vakuutettu("tartuntatautipaivaraha", period))
        tyonantajille = euroina(vakuutettu("tartuntatautipaivaraha_tyonantajille", period))
        return senteiksi(np.maximum(brutto - tyonantajille, 0.0))
