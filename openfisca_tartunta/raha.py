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


def euroina(arvo) -> np.ndarray:
    """An input amount as float64 euros, float32 noise removed (whole cents)."""
    return np.round(np.asarray(arvo, dtype=np.float64), 2)


def senteiksi(arvo) -> np.ndarray:
    """Round half up to the cent (for non-negative money)."""
    arvo = np.asarray(arvo, dtype=np.float64)
    return np.floor(arvo * 100.0 + 0.5 + np.abs(arvo) * 100.0 * _NUDGE) / 100.0


def sentteina(arvo) -> np.ndarray:
    """Euros as whole cents (int64), rounded half up."""
    return np.rint(senteiksi(arvo) * 100.0).astype(np.int64)
