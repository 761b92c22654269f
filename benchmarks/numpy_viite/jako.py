"""The employer's part and the split between employers (guideline 1.3.2.1–1.3.2.3; SVL 7:4 §; RULES.md §5).

- Wᵢ: the pay an employer reported for the month, apportioned to the days the
  allowance is paid for: pay × paid days of its leave ÷ the leave's arkipäivät in
  the decision and the month (half up to the cent); as it is when the pay is
  already for the paid days (`palkka_koko_vapaalta` false).  Only employment rows.
- E: the month's paid days inside the union of the paying employers' leaves
  (a day grid for the few insured with several paying employers).
- T = min(employment part × E, W, gross); row i gets T·Wᵢ/W, the cents left by
  rounding down going one each to the largest remainders (ties: the earlier row).
"""

from __future__ import annotations

import numpy as np

from . import kalenteri
from .maara import pyorista
from .paivat import Paivat, maksetut


def palkat(s, paivat: Paivat, oikeus: np.ndarray) -> np.ndarray:
    """Wᵢ in cents per row."""
    kk_alku, kk_loppu = kalenteri.kuukauden_rajat(s.kuukausi)
    w = np.zeros(s.kuuluu.size, dtype=np.int64)
    rivit = np.flatnonzero(s.palkkatyo & (s.vapaa_alkaa != kalenteri.EI_PAIVAA) & oikeus[s.kuuluu])
    if rivit.size == 0:
        return w
    ryhma = s.kuuluu[rivit]
    alkaa, paattyy = s.vapaa_alkaa[rivit], s.vapaa_paattyy[rivit]
    vapaan = kalenteri.arkipaivat(
        np.maximum(np.maximum(alkaa, s.alkaa[ryhma]), kk_alku), np.minimum(np.minimum(paattyy, s.paattyy[ryhma]), kk_loppu)
    )
    maksettuja = maksetut(paivat, alkaa, paattyy, ryhma)
    palkka = s.maksettu_palkka[rivit]
    osuus = np.where(s.koko_vapaalta[rivit], pyorista(palkka * maksettuja, np.maximum(vapaan, 1)), palkka)
    w[rivit] = np.where(maksettuja > 0, osuus, 0)
    return w


def palkallisen_vapaan_maksupaivat(s, paivat: Paivat, w: np.ndarray) -> np.ndarray:
    """E per insured: paid days in the union of the paying rows' leaves."""
    n = s.peruste.size
    maksaa = w > 0
    maksavia = np.bincount(s.kuuluu, weights=maksaa, minlength=n)
    yksi = maksaa & (maksavia[s.kuuluu] == 1)
    e = np.zeros(n, dtype=np.int64)
    rivit = np.flatnonzero(yksi)
    e[s.kuuluu[rivit]] = maksetut(paivat, s.vapaa_alkaa[rivit], s.vapaa_paattyy[rivit], s.kuuluu[rivit])
    useat = np.flatnonzero(maksavia > 1)
    if useat.size:  # a day grid of the month for these insured
        kk_alku, kk_loppu = kalenteri.kuukauden_rajat(s.kuukausi)
        paiva = np.arange(kk_alku, kk_loppu + 1)
        rivit = np.flatnonzero(maksaa & (maksavia[s.kuuluu] > 1))
        paikka = np.searchsorted(useat, s.kuuluu[rivit])
        vapaalla = np.zeros((useat.size, paiva.size), dtype=bool)
        np.logical_or.at(
            vapaalla, paikka, (paiva >= s.vapaa_alkaa[rivit, None]) & (paiva <= s.vapaa_paattyy[rivit, None])
        )
        maksetaan = (paiva >= paivat.alku[useat, None]) & (paiva <= paivat.loppu[useat, None])
        for a, b in paivat.estot + paivat.lomat + paivat.esteet:
            maksetaan &= ~((paiva >= a[useat, None]) & (paiva <= b[useat, None]))
        arki = kalenteri.arkipaivat(paiva, paiva) == 1
        e[useat] = (vapaalla & maksetaan & arki).sum(axis=1)
    return e


def jaa(ryhma: np.ndarray, w: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Split each insured's T over its rows ∝ Wᵢ in whole cents, largest remainders first (SVL 7:4 § 3)."""
    tulos = np.zeros(ryhma.size, dtype=np.int64)
    rivit = np.flatnonzero(w > 0)
    if rivit.size == 0:
        return tulos
    g = ryhma[rivit]
    summa = np.bincount(g, weights=w[rivit], minlength=t.size).astype(np.int64)
    osoittaja = t[g] * w[rivit]
    pohja, jaannos = osoittaja // summa[g], osoittaja % summa[g]
    jaljella = t - np.bincount(g, weights=pohja, minlength=t.size).astype(np.int64)
    # rank within the insured: rows with a larger remainder, or an equal one earlier (rows are in order)
    jarjestys = np.lexsort((rivit, -jaannos, g))
    g_j = g[jarjestys]
    sija = np.arange(g_j.size) - np.searchsorted(g_j, g_j)
    lisa = np.zeros(rivit.size, dtype=np.int64)
    lisa[jarjestys] = sija < jaljella[g_j]
    tulos[rivit] = pohja + lisa
    return tulos


def tyonantajille(tyosuhteet, e, w_summa, brutto) -> np.ndarray:
    """T per insured in cents."""
    return np.minimum(np.minimum(tyosuhteet * e, w_summa), brutto)
