"""Text inputs as codes and distinct values, kept from the column they came in.

A population's text columns (an employer's Y-tunnus) arrive as pandas Categoricals or
Parquet dictionaries: a few distinct values and an integer code per row.  OpenFisca
stores text as an object array, so a formula that checks each distinct value once
(`variables/tyonantajan_tunnus.py`) had to hash 1.5 million strings again
(`pd.factorize`, ~0.2 s per million rows).  `simulaatio.py` records the column's codes
beside the stored array; `tekijoihin` returns them while that very array is the
holder's value, and factorises otherwise (a JSON case, a value set later).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_AVAIN = "_tartunta_tekijat"


def kaytetyt(koodit: np.ndarray, erilliset: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct values) without the values no row uses (a Categorical keeps its
    categories after filtering), so that, as with `pd.factorize`, every distinct value is one
    some row has.  The values come back read-only in an array of their own: the simulations
    of one table (baseline and reform) share them, and `tunnukset` checks them once."""
    koodit = np.asarray(koodit, dtype=np.int64)
    kaytetty = np.bincount(koodit, minlength=len(erilliset)) > 0
    if not kaytetty.all():
        uudet = np.cumsum(kaytetty) - 1
        koodit, erilliset = uudet[koodit], np.asarray(erilliset, dtype=object)[kaytetty]
    else:
        erilliset = np.array(erilliset, dtype=object)
    erilliset.flags.writeable = False
    return koodit, erilliset


def luokista(luokat: pd.Categorical, valimuisti: dict | None, avain) -> tuple[np.ndarray, np.ndarray]:
    """`kaytetyt` of a Categorical column, once per `valimuisti` (the baseline and the reform
    of one table get the same arrays)."""
    if valimuisti is not None and avain in valimuisti:
        return valimuisti[avain]
    tulos = kaytetyt(luokat.codes, np.asarray(luokat.categories.to_numpy(), dtype=object))
    if valimuisti is not None:
        valimuisti[avain] = tulos
    return tulos


def merkitse(simulaatio, nimi: str, taulukko: np.ndarray, koodit: np.ndarray, erilliset: np.ndarray) -> None:
    """Record that `taulukko` (the array given to `set_input`) is `erilliset[koodit]`
    (`kaytetyt`: only values some row uses)."""
    simulaatio.__dict__.setdefault(_AVAIN, {})[nimi] = (taulukko, koodit, erilliset)


def tekijoihin(populaatio, nimi: str, period) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct values) of the text variable `nimi`, as `pd.factorize` gives them."""
    taulukko = populaatio(nimi, period)
    tallennettu = populaatio.simulation.__dict__.get(_AVAIN, {}).get(nimi)
    if tallennettu is not None and tallennettu[0] is taulukko:
        return tallennettu[1], tallennettu[2]
    koodit, erilliset = pd.factorize(np.asarray(taulukko, dtype=object), use_na_sentinel=False)
    return koodit, np.asarray(erilliset, dtype=object)
