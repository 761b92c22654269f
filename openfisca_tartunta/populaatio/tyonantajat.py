"""The synthetic population's employers: a pool of valid Y-tunnukset and foreign Kela ids (1.3.2.8)."""

from __future__ import annotations

import numpy as np

from openfisca_tartunta.tunnukset import _PAINOT as YTUNNUKSEN_PAINOT


def ytunnukset(rng: np.random.Generator, maara: int) -> np.ndarray:
    """`maara` distinct valid Y-tunnukset (NNNNNNN-C; the check digit of `tunnukset`)."""
    luvut = np.unique(rng.integers(1_000_000, 10_000_000, size=int(maara * 1.4) + 20))
    numerot = (luvut[:, None] // 10 ** np.arange(6, -1, -1)) % 10
    jaannos = (numerot @ YTUNNUKSEN_PAINOT) % 11
    kelpaa = jaannos != 1  # remainder 1 has no check digit
    luvut, jaannos = luvut[kelpaa], jaannos[kelpaa]
    valitut = rng.permutation(luvut.size)[:maara]
    if valitut.size < maara:  # pragma: no cover - 1.4 × oversampling leaves ample room
        raise RuntimeError("could not draw enough distinct Y-tunnukset")
    tarkiste = np.where(jaannos[valitut] == 0, 0, 11 - jaannos[valitut])
    return np.char.add(np.char.add(np.char.zfill(luvut[valitut].astype(str), 7), "-"), tarkiste.astype(str))


def tyonantajat(koko: int, siemen: int) -> tuple[np.ndarray, int]:
    """The employer-id dictionary: "" (self-employment), domestic Y-tunnukset, foreign 999 ids.

    Returns the ids and the number of domestic ones (they follow the "" at index 0).
    """
    rng = np.random.default_rng([siemen, 1_000_003])
    kotimaiset = max(50, koko // 20)
    ulkomaiset = max(3, kotimaiset // 100)
    ulko = np.unique(rng.integers(0, 1_000_000, size=ulkomaiset * 2))[:ulkomaiset]
    ulko_tunnukset = np.char.add("999", np.char.zfill(ulko.astype(str), 6))
    return np.concatenate([[""], ytunnukset(rng, kotimaiset), ulko_tunnukset]), kotimaiset


def tunnusindeksit(rng: np.random.Generator, palkkatyo: np.ndarray, tunnukset: np.ndarray, kotimaisia: int) -> np.ndarray:
    """Each activity's index into `tunnukset`: skewed domestic sizes, 1 % foreign, 0 for self-employment."""
    m = palkkatyo.size
    ulkomainen = rng.random(m) < 0.01
    kotimainen = 1 + np.floor(kotimaisia * rng.random(m) ** 2).astype(np.int64)
    ulkomaisia = tunnukset.size - 1 - kotimaisia
    ulko = 1 + kotimaisia + rng.integers(0, ulkomaisia, m)
    return np.where(palkkatyo, np.where(ulkomainen, ulko, kotimainen), 0).astype(np.int32)
