"""The employers' share and the insured's part, per insured (guideline 1.3.2, 1.9.2.1, 1.9.2.2;
SVL 1224/2004 7:4): E, W, T and the split of T between the paying employers by largest remainder.
The rows' paid leave and pay for the same period are `variables/tyonantaja.py` (RULES.md §5).
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import jaksot
from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.palkallinen_vapaa import ikkuna, jasenten_esteet, vapaa
from openfisca_tartunta.parametrit import ryhman_summa
from openfisca_tartunta.raha import euroina, jaa_suurimmin_jaannoksin, senteiksi, sentteina

_VIITE_TYONANTAJA = ["Kelan etuusohje 1.3.2, 1.3.2.1, 1.3.2.3, 1.9.2.2", "SVL 1224/2004 7 luku 4 §"]


# --- per insured ----------------------------------------------------------------


def _palkat_senteina(vakuutettu, period):
    """W: the rows with a pay for the same period (every other row's is 0), their pays and the sum
    per insured, in whole cents (int64): (rows, Wᵢ of those rows, W per insured).

    The one definition of W, read by `tyonantajien_maksama_palkka`, the employers' total
    and the split (the float32-stored total is not read back).  Only the rows with paid days
    in a reported leave have a pay (a fraction of all); W sums whole cents, exact in any order.
    """
    def laske():
        palkka = vakuutettu.members("tyonantajan_palkka_jakoperusteena", period)
        rivit = np.flatnonzero(palkka > 0)  # from a mask: numpy finds its rows 5–9× faster than a float array's
        w_i = sentteina(palkka[rivit])
        ryhma = vakuutettu.members_entity_id[rivit]
        return rivit, w_i, np.bincount(ryhma, weights=w_i, minlength=vakuutettu.count).round().astype(np.int64)

    return jaksot.muistista(vakuutettu, ("palkat_senteina", str(period)), laske)  # once per month; read-only


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
        # The paying rows (a pay for the same period: a fraction of all); reading them checks the inputs first.
        maksavat = _palkat_senteina(vakuutettu, period)[0]
        omat = tyot("palkallisen_vapaan_maksetut_paivat", period)[maksavat]
        ryhma = vakuutettu.members_entity_id[maksavat]
        useampi = np.bincount(ryhma, minlength=vakuutettu.count)[ryhma] > 1
        # One paying row: the union is that row's own days.  Several: merge their intervals.
        yksi = ~useampi
        # (float64 also when no row pays: numpy counts an empty selection in int64 even with weights)
        yhdiste = np.bincount(ryhma[yksi], weights=omat[yksi], minlength=vakuutettu.count).astype(np.float64, copy=False)
        useita = maksavat[useampi]
        if useita.size:
            alkaa, paattyy = vapaa(tyot, period, useita)
            ikkuna_alku, ikkuna_loppu = ikkuna(tyot, period, useita)
            alku, loppu = jaksot.yhdisteen_palat(ryhma[useampi], np.maximum(alkaa, ikkuna_alku), np.minimum(paattyy, ikkuna_loppu))
            paivat = jaksot.maksetut_paivat(alku, loppu, jasenten_esteet(vakuutettu, period, useita))
            yhdiste += np.bincount(ryhma[useampi], weights=paivat, minlength=vakuutettu.count)
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
        return _palkat_senteina(vakuutettu, period)[2] / 100.0


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
        osuus = vakuutettu("tyosuhteiden_osuus_paivarahasta", period)
        paivat = vakuutettu("palkallisen_vapaan_maksupaivat", period)
        brutto = vakuutettu("tartuntatautipaivaraha", period)
        w = _palkat_senteina(vakuutettu, period)[2]
        # T is computed where W > 0 (a third of a population); elsewhere min(…, W = 0) is 0.
        rivit = np.flatnonzero(w != 0)
        tulos = np.zeros(vakuutettu.count)
        paiva = euroina(osuus[rivit])
        tulos[rivit] = np.minimum(np.minimum(senteiksi(paiva * paivat[rivit]), w[rivit] / 100.0), euroina(brutto[rivit]))
        return tulos


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
        rivit, w_i, w = _palkat_senteina(ryhmat, period)
        # T ≤ W by construction; the min only guards against float32 storage of very large T.
        t = np.minimum(sentteina(ryhmat("tartuntatautipaivaraha_tyonantajille", period)), w)
        # Only rows with pay share T (a row with Wᵢ = 0 has remainder 0, never a left-over cent).
        osuudet = np.zeros(ansiotyo.count)
        osuudet[rivit] = jaa_suurimmin_jaannoksin(ryhmat.members_entity_id[rivit], w_i, t) / 100.0
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
