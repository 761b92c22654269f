"""Parameter look-ups for many dates at once."""

from __future__ import annotations

from typing import Callable

import numpy as np


def vuoden_arvot(parameters, paivat, hae: Callable) -> np.ndarray:
    """Value of a yearly parameter at 1 January of each date's year.

    `hae(parameters_at_instant)` picks the value.  One look-up per distinct year
    (a handful), then a vectorised gather; used for amounts that change on
    1 January (YEL/MYEL limits).
    """
    vuodet = np.asarray(paivat).astype("datetime64[Y]").astype(np.int64) + 1970
    vuodet = np.clip(vuodet, 1971, 9998)
    erilliset, paikat = np.unique(vuodet, return_inverse=True)
    arvot = np.array([hae(parameters(f"{v:04d}-01-01")) for v in erilliset], dtype=np.float64)
    return arvot[paikat.reshape(vuodet.shape)] if arvot.size else np.zeros(vuodet.shape)
