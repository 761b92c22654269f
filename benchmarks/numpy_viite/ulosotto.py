"""Distraint of the insured's part after tax (guideline 1.9.2.9; Ulosottokaari 705/2007 4:48–49; RULES.md §8).

Protected amount: (debtor's daily amount + dependants × the dependant's) × 30 for a
whole month of paid time, × its calendar days otherwise.  Levy on the income base
b (the part after tax + other net income), s the protected amount:
b ≤ s: 0; b ≤ 2s: 2/3 (b − s); b ≤ 4s: b/3; above: min(4s/3 + 4/5 (b − 4s), b/2).
The allowance bears levy × its share of b; a fixed amount is levied as set.
Either way at most the allowance after tax and at most b − s.  Exact fractions of cents.
"""

from __future__ import annotations

from math import lcm

import numpy as np

from .maara import pyorista


def suojaosuus(s, p, kalenteripaivat, kokonainen) -> np.ndarray:
    paivat = np.where(kokonainen, p.suoja_paivia_kuukaudessa, kalenteripaivat)
    return (p.suoja_velallinen + s.huollettavat * p.suoja_huollettava) * paivat


def ulosottopidatys(s, p, netto_ennen, suoja) -> np.ndarray:
    """Distraint in cents (`netto_ennen`: the insured's part less tax, cents)."""
    tulos = np.zeros(netto_ennen.size, dtype=np.int64)
    rivit = np.flatnonzero(s.maksukielto & ~s.vapaakuukausi & (netto_ennen > 0))  # only they can be distrained
    tulos[rivit] = _pidatys(p, netto_ennen[rivit], s.muut_nettotulot[rivit], s.vakiomaara[rivit], suoja[rivit])
    return tulos


def _pidatys(p, netto_ennen, muut, vakiomaara, suoja) -> np.ndarray:
    b = netto_ennen + muut
    r1, k1, k2, r2, r3, rmax = (
        p.tulorajaosuus, p.ensimmainen_raja, p.toinen_raja, p.perusosuus, p.ylimenevan_osuus, p.enimmaisosuus
    )
    q = lcm(r1.denominator, r2.denominator, r3.denominator, rmax.denominator, k2.denominator * r2.denominator,
            k2.denominator * r3.denominator)

    def kertaa(murto, x):  # murto × x × q, an integer
        return x * (murto.numerator * (q // murto.denominator))

    ylempi = np.minimum(kertaa(r2 * k2, suoja) + kertaa(r3, b) - kertaa(r3 * k2, suoja), kertaa(rmax, b))
    levy = np.select(  # × q
        [b <= suoja, b * k1.denominator <= suoja * k1.numerator, b * k2.denominator <= suoja * k2.numerator],
        [0, kertaa(r1, b - suoja), kertaa(r2, b)],
        ylempi,
    )
    osuus = pyorista(levy * netto_ennen, q * b)
    yli = np.maximum(b - suoja, 0)
    maara = np.where(vakiomaara > 0, np.minimum(vakiomaara, yli), osuus)
    return np.minimum(np.minimum(maara, netto_ennen), yli)
