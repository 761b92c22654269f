"""Money: cents and rounding.

OpenFisca stores floats as float32.  Amounts are taken back to float64 and to
whole cents before any arithmetic, and rounded half up to the cent where the
guideline rounds (the daily amount, each payment, tax, distraint).
"""

from __future__ import annotations

import numpy as np

# A relative nudge that absorbs binary noise in values such as 12.345 (stored as
# 12.3449999...) so that half-cent cases round up, as money is rounded.
_NUDGE = 1e-9


def tarkkuudella(arvo, desimaalit: int) -> np.ndarray:
    """`np.round(x, desimaalit)` as float64 (desimaalit ≥ 0): numpy's own steps (× 10ⁿ, round half
    to even, ÷ 10ⁿ), done in place on one float64 copy.  The same values (`tests/pytest/test_raha.py`)
    without the new array numpy's round allocates for each step.  (The copy is a plain cast: a
    ufunc that casts float32 as it multiplies takes numpy's buffered path, four times slower.)"""
    kerroin = float(10**desimaalit)
    tulos = np.array(arvo, dtype=np.float64)
    np.multiply(tulos, kerroin, out=tulos)
    np.rint(tulos, out=tulos)
    np.divide(tulos, kerroin, out=tulos)
    return tulos if tulos.ndim else tulos[()]  # a scalar stays a scalar, as with np.round


def sentin_tarkkuudella(arvo) -> np.ndarray:
    """`np.round(x, 2)` as float64 (see `tarkkuudella`)."""
    return tarkkuudella(arvo, 2)


def euroina(arvo) -> np.ndarray:
    """An input amount as float64 euros, float32 noise removed (whole cents)."""
    return sentin_tarkkuudella(arvo)


def _sentit_ylospain(arvo) -> np.ndarray:
    """Whole cents as float64, rounded half up (with the nudge): ⌊100x + 0.5 + |100x| × nudge⌋,
    the same operations in the same order as the formula, on two arrays instead of five."""
    arvo = np.asarray(arvo)
    if arvo.ndim == 0:
        sentit = float(arvo) * 100.0
        return np.float64(np.floor(sentit + 0.5 + abs(sentit) * _NUDGE))
    if arvo.dtype == np.float64:
        sentit = np.multiply(arvo, 100.0)
    else:  # a float64 copy (a plain cast), then in place
        sentit = arvo.astype(np.float64)
        np.multiply(sentit, 100.0, out=sentit)
    tonaisu = np.abs(sentit)
    np.multiply(tonaisu, _NUDGE, out=tonaisu)
    np.add(sentit, 0.5, out=sentit)
    np.add(sentit, tonaisu, out=sentit)
    return np.floor(sentit, out=sentit)


def senteiksi(arvo) -> np.ndarray:
    """Round half up to the cent (for non-negative money)."""
    sentit = _sentit_ylospain(arvo)
    if isinstance(sentit, np.ndarray):
        return np.divide(sentit, 100.0, out=sentit)
    return sentit / 100.0


def sentteina(arvo) -> np.ndarray:
    """Euros as whole cents (int64), rounded half up: the cents `senteiksi` rounds to (without
    dividing by 100 and multiplying back, which `rint` undid exactly below 2⁵² cents)."""
    return _sentit_ylospain(arvo).astype(np.int64)


def jaa_suurimmin_jaannoksin(ryhma, painot, summat) -> np.ndarray:
    """Split each group's `summat` (int cents) over its rows in proportion to `painot` (int cents).

    Each row gets ⌊T × wᵢ / W⌋; the cents left over go one each to the rows with
    the largest remainders (ties: the earlier row), so a group's shares sum
    exactly to T (SVL 7:4 § 3 mom.).  `ryhma`: each row's group index.  Exact in
    int64 while T × wᵢ < 9.2·10¹⁸ (T ≤ W < ~3·10⁷ € a month).
    """
    ryhma = np.asarray(ryhma, dtype=np.int64)
    w_i = np.asarray(painot, dtype=np.int64)
    t = np.asarray(summat, dtype=np.int64)
    ryhmia = t.size
    w = np.bincount(ryhma, weights=w_i, minlength=ryhmia).round().astype(np.int64)
    w_r = w[ryhma]
    jakaja = np.where(w_r > 0, w_r, 1)
    osoittaja = t[ryhma] * w_i
    pohja = osoittaja // jakaja
    jaannos = osoittaja % jakaja
    jaljella = t - np.bincount(ryhma, weights=pohja, minlength=ryhmia).round().astype(np.int64)
    # Odd cents: only groups with cents left over need ranking, typically few.
    lisa = np.zeros(ryhma.size, dtype=np.int64)
    rivit = np.flatnonzero(jaljella[ryhma] > 0)
    if rivit.size:
        ryhma_r = ryhma[rivit]
        jarjestys = np.lexsort((rivit, -jaannos[rivit], ryhma_r))
        ryhma_j = ryhma_r[jarjestys]
        sija = np.arange(rivit.size) - np.searchsorted(ryhma_j, ryhma_j, side="left")
        lisa[rivit[jarjestys]] = sija < jaljella[ryhma_j]
    return pohja + lisa


def erotus(populaatio, period, vahennettava: str, *vahennykset: str) -> np.ndarray:
    """`euroina(vahennettava) − euroina(v₁) − euroina(v₂) …` of computed variables, in that order,
    skipping the deductions that are zero on every row (most populations have no regress, claim
    or distraint): subtracting +0.0 leaves every value as it was, so the result is the same."""
    tulos = euroina(populaatio(vahennettava, period))
    for nimi in vahennykset:
        arvot = populaatio(nimi, period)
        if np.any(arvot):
            tulos -= euroina(arvot)
    return tulos
