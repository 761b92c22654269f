"""Input checks with clear messages.

A bad input fails with `Syottovirhe` naming the variable, the offending value
and the rule, never silently becoming zero.  The message counts the rows but
carries no identifier of a person.
"""

from __future__ import annotations

import numpy as np


class Syottovirhe(ValueError):
    """Invalid input for the model: names the variable, the value and the rule."""

    def __init__(self, muuttuja: str, viesti: str, arvo=None, rivit: int = 1) -> None:
        self.muuttuja = muuttuja
        self.arvo = arvo
        self.viesti = viesti
        self.rivit = rivit
        arvoteksti = "" if arvo is None else f" (value {arvo!r}"
        if arvoteksti and rivit > 1:
            arvoteksti += f", first of {rivit} rows"
        if arvoteksti:
            arvoteksti += ")"
        super().__init__(f"{muuttuja}{arvoteksti}: {viesti}")

    def __reduce__(self):
        # Picklable with its fields (Dask ships errors between processes).
        return (Syottovirhe, (self.muuttuja, self.viesti, self.arvo, self.rivit))


def _nayta(arvo):
    if isinstance(arvo, np.generic):
        arvo = arvo.item()
    if isinstance(arvo, float):
        return round(arvo, 2)
    return str(arvo) if not isinstance(arvo, (int, bool)) else arvo


def vaadi(ok, muuttuja: str, arvot, viesti: str) -> None:
    """Raise `Syottovirhe` for the first row where `ok` is false."""
    ok = np.asarray(ok, dtype=bool)
    if ok.all():
        return
    virheet = np.flatnonzero(~ok)
    arvot = np.asarray(arvot)
    arvo = arvot[virheet[0]] if arvot.ndim and arvot.size == ok.size else arvot
    raise Syottovirhe(muuttuja, viesti, _nayta(arvo), rivit=int(virheet.size))


#: No amount or count in this benefit comes near this; larger inputs are data errors
#: (and would overflow whole-cent arithmetic).
SUURIN_ARVO = 1e12


def ei_negatiivinen(arvot, muuttuja: str, kohta: str) -> None:
    """A non-negative, finite, plausible amount or count."""
    arvot = np.asarray(arvot)
    # Two reductions, no temporary arrays; a NaN anywhere makes the min NaN, and NaN >= 0 is false.
    if arvot.size == 0 or (np.min(arvot) >= 0 and np.max(arvot) < SUURIN_ARVO):
        return
    vaadi(arvot >= 0, muuttuja, arvot, f"must not be negative ({kohta})")
    if np.issubdtype(arvot.dtype, np.floating):
        vaadi(np.isfinite(arvot), muuttuja, arvot, "must be a finite number")
    vaadi(arvot < SUURIN_ARVO, muuttuja, arvot, "is implausibly large (10¹² or more)")
