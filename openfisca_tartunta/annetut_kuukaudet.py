"""Whether a monthly input was given at all (CONTRACT.md: missing months).

A month the decision covers needs its monthly pay inputs: a missing month is an
input error, not "no loss of earnings" (give 0 to state that there is none).
"Given" is OpenFisca's own record: the holder's known periods.  A value set for
a year (dispatched to its months), for the month, or by a table column (set for
every simulated month) counts as given.  The record is per simulation: in a
simulation of several persons, a value given for one person in a month makes the
month given for all of them (the builder fills the others with the default).
"""

from __future__ import annotations

import numpy as np

from openfisca_tartunta.tarkistukset import Syottovirhe


def annettu(populaatio, nimi: str, period) -> bool:
    """True when the simulation has a value of `nimi` for `period` (input or cache)."""
    holder = populaatio.simulation.get_holder(nimi)
    return any(p.contains(period) for p in holder.get_known_periods())


def syote_annettu(populaatio, nimi: str) -> bool:
    """False when input `nimi` holds no value at all in the simulation: every row then has the
    variable's default, and a check or a count over it can be skipped (a variable a reform gives a
    formula counts as given)."""
    if populaatio.simulation.tax_benefit_system.variables[nimi].formulas:
        return True
    holder = populaatio._holders.get(nimi)  # OpenFisca makes a holder when a value is set or read
    return holder is not None and bool(holder.get_known_periods())


def vaadi_kuukauden_arvo(populaatio, nimi: str, period, tarvitaan) -> None:
    """Raise `Syottovirhe` when rows `tarvitaan` need `nimi` for `period` and it was not given.

    `tarvitaan` may be a callable returning the mask: it is evaluated only when the month is missing.
    """
    if annettu(populaatio, nimi, period):
        return
    tarvitaan = np.asarray(tarvitaan() if callable(tarvitaan) else tarvitaan, dtype=bool)
    if not tarvitaan.any():
        return
    raise Syottovirhe(
        nimi,
        f"no value for {period}, a month the decision covers; give the month's value (0 when there is none)",
        str(period),
        rivit=int(tarvitaan.sum()),
    )
