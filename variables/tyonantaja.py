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

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.parametrit import ryhman_summa
from openfisca_tartunta.raha import euroina, senteiksi, sentteina
from openfisca_tartunta.tarkistukset import ei_negatiivinen, vaadi
from openfisca_tartunta.tunnukset import vaadi_tyonantajan_tunnus


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


class tyonantajan_tunnus(Variable):
    value_type = str
    default_value = ""
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Työnantajan Y-tunnus tai Kelan tekninen tunnus"
    reference = ["Kelan etuusohje 1.3.2.8"]
    documentation = (
        "Y-tunnus (NNNNNNN-C, check digit validated), or for a foreign employer without one Kela's "
        "technical id: 9 digits starting with 999. Required for every row that is paid a share."
    )


def _vapaa_ikkunassa(ansiotyo, period, rivit=None):
    """Each row's reported paid leave clipped to its insured's paid window.

    Without `rivit` every row, with the inputs checked; with `rivit` (indices of
    rows already checked) only those rows.
    """
    alkaa = kalenteri.paivina(ansiotyo("palkallinen_vapaa_alkaa", period))
    paattyy = kalenteri.paivina(ansiotyo("palkallinen_vapaa_paattyy", period))
    ikkuna_alku = kalenteri.paivina(ansiotyo.vakuutettu("maksettavan_ajan_alku", period))
    ikkuna_loppu = kalenteri.paivina(ansiotyo.vakuutettu("maksettavan_ajan_loppu", period))
    palkkatyo = ansiotyo.has_role(Vakuutettu.PALKKATYO)
    if rivit is not None:
        alkaa, paattyy, ikkuna_alku, ikkuna_loppu, palkkatyo = (
            x[rivit] for x in (alkaa, paattyy, ikkuna_alku, ikkuna_loppu, palkkatyo)
        )
        return np.maximum(alkaa, ikkuna_alku), np.where(palkkatyo, np.minimum(paattyy, ikkuna_loppu), kalenteri.AINA)
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
    alku = np.maximum(alkaa, ikkuna_alku)
    loppu = np.where(palkkatyo, np.minimum(paattyy, ikkuna_loppu), kalenteri.AINA)
    return alku, loppu


# --- per row ------------------------------------------------------------------


class palkallisen_vapaan_arkipaivat(Variable):
    value_type = int
    entity = Ansiotyo
    definition_period = MONTH
    label = "Palkallisen vapaan arkipäivät kuukauden maksettavalla ajalla"
    reference = ["Kelan etuusohje 1.3.2.3", "SVL 1224/2004 1 luku 4 §"]
    documentation = (
        "Arkipäivät of the employer's reported paid leave inside the month's paid window (all "
        "arkipäivät of a continuous leave, the employee's days off included, 1.3.2.3). Employment "
        "rows only: an entrepreneur's own company is paid only if the entrepreneur is employed by "
        "it, which is an employment row (1.3.2.2)."
    )

    def formula(ansiotyo, period):
        alku, loppu = _vapaa_ikkunassa(ansiotyo, period)
        return kalenteri.arkipaivat(alku, loppu)


class tyonantajan_palkka_jakoperusteena(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työnantajan maksama palkka jaon perusteena"
    reference = _VIITE_TYONANTAJA + ["Kelan etuusohje 1.3.2.2"]
    documentation = (
        "The month's absence-time pay of an employment row whose reported paid leave has an "
        "arkipäivä in the paid window; 0 otherwise (no allowance to an employer for days it did "
        "not report as paid leave, 1.3.2.3). Pay reported on a self-employment row is not a "
        "ground: without an employment relationship the entrepreneur is paid (1.3.2.2)."
    )

    def formula(ansiotyo, period):
        palkka = euroina(ansiotyo("tyonantajan_maksama_palkka", period))
        ei_negatiivinen(palkka, "tyonantajan_maksama_palkka", "1.3.2.3")
        vapaa = ansiotyo("palkallisen_vapaan_arkipaivat", period)
        return np.where(vapaa > 0, palkka, 0.0)


# --- per insured ----------------------------------------------------------------


class palkallisen_vapaan_maksupaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksupäivät, joilta työnantaja on maksanut palkkaa (E)"
    reference = ["Kelan etuusohje 1.3.2.3, 1.3.2.4, 1.9.4", "SVL 1224/2004 7 luku 4 §"]
    documentation = (
        "E: arkipäivät of the month's paid window that fall inside at least one paying employer's "
        "reported paid leave (the union of the leaves, not their sum), at most the month's paid "
        "days. Model assumption: annual-leave and payment-restriction days (given only as counts) "
        "are taken to lie outside the reported paid leave as far as the paid leave leaves room; "
        "E = min(union, paid days) therefore never exceeds the paid days. The employer's "
        "pay (W) caps its share in any case."
    )

    def formula(vakuutettu, period):
        tyot = vakuutettu.members
        maksaa = tyot("tyonantajan_palkka_jakoperusteena", period) > 0  # checks the inputs first
        omat = np.where(maksaa, tyot("palkallisen_vapaan_arkipaivat", period), 0)
        ryhma = vakuutettu.members_entity_id
        maksavia = np.bincount(ryhma, weights=maksaa, minlength=vakuutettu.count)
        # One paying row: the union is that row's own days.  Several: merge their intervals.
        yhdiste = ryhman_summa(vakuutettu, np.where(maksavia[ryhma] > 1, 0, omat))
        useita = np.flatnonzero(maksaa & (maksavia[ryhma] > 1))
        if useita.size:
            alku, loppu = _vapaa_ikkunassa(tyot, period, useita)
            yhdiste += np.bincount(ryhma[useita], weights=_yhdisteen_paivat(ryhma[useita], alku, loppu), minlength=vakuutettu.count)
        return np.minimum(np.rint(yhdiste).astype(np.int32), vakuutettu("tartuntatautipaivarahan_maksupaivat", period))


def _yhdisteen_paivat(ryhma, alku, loppu) -> np.ndarray:
    """Each interval's arkipäivät not already covered by an earlier-starting interval of its group.

    Summed per group this is the arkipäivät of the union of the group's intervals.
    Sorted by (group, start); the exclusive running maximum of the ends within a
    group comes from one `maximum.accumulate` over keys with the group in the
    high bits.  Days are counted from the epoch (every window day is after 2017).
    """
    a = alku.astype(np.int64)
    b = loppu.astype(np.int64)
    r = ryhma.astype(np.int64)
    jarjestys = np.argsort((r << 23) + a, kind="stable")  # a < 2**22 days (year 9999)
    a_j, b_j, r_j = a[jarjestys], b[jarjestys], r[jarjestys]
    pohja = r_j << 32
    kertyma = np.maximum.accumulate(pohja + b_j)
    edellinen = np.concatenate(([-1], kertyma[:-1]))
    edellinen_loppu = np.where(edellinen >= pohja, edellinen - pohja, 0)
    uusi_alku = np.maximum(a_j, edellinen_loppu + 1)
    paivat_j = kalenteri.arkipaivat(uusi_alku.astype("datetime64[D]"), b_j.astype("datetime64[D]"))
    paivat = np.empty_like(paivat_j)
    paivat[jarjestys] = paivat_j
    return paivat


class tyonantajien_maksama_palkka(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työnantajien maksama poissaoloajan palkka yhteensä (W)"
    reference = _VIITE_TYONANTAJA
    documentation = "W: Σ of the rows' `tyonantajan_palkka_jakoperusteena`, in whole cents."

    def formula(vakuutettu, period):
        senttia = sentteina(vakuutettu.members("tyonantajan_palkka_jakoperusteena", period))
        return ryhman_summa(vakuutettu, senttia) / 100.0


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
        palkkatyo = vakuutettu.members.has_role(Vakuutettu.PALKKATYO)
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
        "through the same inputs (1.3.2.6–1.3.2.8). Checks `tyonantajan_tunnus` of every row with "
        "pay in a group whose employers are paid (1.3.2.8)."
    )

    def formula(vakuutettu, period):
        paiva = euroina(vakuutettu("tyosuhteiden_osuus_paivarahasta", period))
        paivat = vakuutettu("palkallisen_vapaan_maksupaivat", period)
        # W from the rows in whole cents (not the float32-stored total).
        senttia = sentteina(vakuutettu.members("tyonantajan_palkka_jakoperusteena", period))
        palkka = ryhman_summa(vakuutettu, senttia) / 100.0
        brutto = euroina(vakuutettu("tartuntatautipaivaraha", period))
        tyonantajille = np.minimum(np.minimum(senteiksi(paiva * paivat), palkka), brutto)
        # Every employer due a share must be identifiable (1.3.2.8).
        saa = (senttia > 0) & (tyonantajille > 0)[vakuutettu.members_entity_id]
        vaadi_tyonantajan_tunnus(vakuutettu.members("tyonantajan_tunnus", period), saa)
        return tyonantajille


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
        ryhmat = ansiotyo.simulation.populations["vakuutettu"]
        ryhma = ryhmat.members_entity_id.astype(np.int64)
        w_i = sentteina(ansiotyo("tyonantajan_palkka_jakoperusteena", period))
        w = np.rint(np.bincount(ryhma, weights=w_i, minlength=ryhmat.count)).astype(np.int64)
        # T ≤ W by construction; the min only guards against float32 storage of very large T.
        t = np.minimum(sentteina(ryhmat("tartuntatautipaivaraha_tyonantajille", period)), w)
        w_r = w[ryhma]
        jakaja = np.where(w_r > 0, w_r, 1)
        osoittaja = t[ryhma] * w_i  # exact in int64 while T ≤ W < ~3·10^7 € a month
        pohja = osoittaja // jakaja
        jaannos = osoittaja % jakaja
        jaljella = t - np.rint(np.bincount(ryhma, weights=pohja, minlength=ryhmat.count)).astype(np.int64)
        # Odd cents: only groups with cents left over need ranking, typically few.
        lisa = np.zeros(ryhma.size, dtype=np.int64)
        rivit = np.flatnonzero(jaljella[ryhma] > 0)
        if rivit.size:
            ryhma_r = ryhma[rivit]
            jarjestys = np.lexsort((rivit, -jaannos[rivit], ryhma_r))
            ryhma_j = ryhma_r[jarjestys]
            sija = np.arange(rivit.size) - np.searchsorted(ryhma_j, ryhma_j, side="left")
            lisa[rivit[jarjestys]] = sija < jaljella[ryhma_j]
        osuus = pohja + lisa
        return osuus / 100.0


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
