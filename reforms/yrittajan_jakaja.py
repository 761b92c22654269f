"""Reform: the entrepreneur's (YEL/MYEL) divisor changed.

Today an entrepreneur's daily amount is 1/300 of the annual YEL/MYEL work
income (guideline 1.6, 1.7; parameter `paivaraha.yrittajan_jakaja`).  This
reform sets another divisor from a date, e.g. 365 (the income spread over
calendar days instead of about 300 arkipäivät).  The parameter covers every
self-employment row, as in the baseline (YEL, MYEL, voluntary, and the model's
assumption for income from taxation).
"""

from __future__ import annotations

from openfisca_core.periods import instant
from openfisca_core.reforms import Reform

#: Illustrative default: a what-if value, not law.
JAKAJA = 365
ALKAEN = "2017-01-01"


class YrittajanJakaja(Reform):
    """`paivaraha.yrittajan_jakaja` = `jakaja` from `alkaen`."""

    name = "Yrittäjän päivärahan jakaja muutettu"
    jakaja = JAKAJA
    alkaen = ALKAEN

    def apply(self):
        jakaja, alkaen = self.jakaja, self.alkaen

        def muuta(parametrit):
            parametrit.paivaraha.yrittajan_jakaja.update(start=instant(alkaen), value=float(jakaja))
            return parametrit

        self.modify_parameters(muuta)


def yrittajan_jakaja(jakaja: float, alkaen: str = ALKAEN) -> type[YrittajanJakaja]:
    """A `YrittajanJakaja` reform with the given divisor from `alkaen` (YYYY-MM-DD)."""
    if not jakaja > 0:
        raise ValueError(f"yrittajan_jakaja: the divisor must be positive, got {jakaja!r}")
    return type(f"YrittajanJakaja{round(jakaja)}", (YrittajanJakaja,), {"jakaja": float(jakaja), "alkaen": alkaen})
