"""Entitlement and the daily amount (guideline 1.3, 1.3.3, 1.3.3.1, 1.3.3.2.2, 1.6, 1.7, 1.7.2.2, 1.7.2.3).

Employee: 1/25 of the lost monthly pay (the employer's estimate, or the pay just
before without a reliable one; less lower-paid replacement work).  Entrepreneur:
1/300 of the YEL/MYEL income in force (YEL and voluntary insurance capped at the
year's YEL maximum), or without insurance the taxed income, left out when the
neglect is probable and the income over the limit.  The rows add up; the sum is
rounded half up to the cent, computed as an exact fraction of whole cents.
"""

from __future__ import annotations

from math import lcm

import numpy as np

from . import kalenteri
from .parametrit import vuosittain


def pyorista(osoittaja, nimittaja) -> np.ndarray:
    """Round the non-negative fraction osoittaja / nimittaja half up to an integer (exact)."""
    osoittaja = np.asarray(osoittaja, dtype=np.int64)
    nimittaja = np.asarray(nimittaja, dtype=np.int64)
    return (2 * osoittaja + nimittaja) // (2 * np.where(nimittaja > 0, nimittaja, 1))


def rivien_perusteet(s, tbs) -> tuple[np.ndarray, np.ndarray]:
    """Each row's basis in cents: employee €/month (0 for entrepreneurs), entrepreneur €/year (0 for employees)."""
    arvio = np.where(s.selvitetty, s.ansionmenetys, s.edeltava_palkka)
    palkka = np.where(s.palkkatyo, np.maximum(arvio - s.korvaava_palkka, 0), 0)
    yrittaja = ~s.palkkatyo
    alkaa = s.alkaa[s.kuuluu[yrittaja]]
    alkaa = np.where(alkaa == kalenteri.EI_PAIVAA, np.datetime64("2017-01-01"), alkaa)  # no decision: any year
    yel_max = vuosittain(tbs, alkaa, lambda p: p.yrittaja.yel_enimmaistyotulo)
    raja = vuosittain(tbs, alkaa, lambda p: p.yrittaja.laiminlyonnin_tuloraja)
    vakuutus, tyotulo, verotettu = s.vakuutus[yrittaja], s.tyotulo[yrittaja], s.verotettu_tulo[yrittaja]
    tulo = np.select(
        [(vakuutus == 1) | (vakuutus == 3), vakuutus == 2],  # yel, vapaaehtoinen; myel
        [np.minimum(tyotulo, yel_max), tyotulo],
        np.where(s.laiminlyonti[yrittaja] & (verotettu > raja), 0, verotettu),
    )
    vuositulo = np.zeros(s.kuuluu.size, dtype=np.int64)
    vuositulo[yrittaja] = tulo
    return palkka, vuositulo


def paivaraha(s, p, tbs) -> tuple[np.ndarray, np.ndarray]:
    """(daily amount, employment rows' part of it) per insured in cents, entitlement not yet checked."""
    n = s.peruste.size
    palkka, vuositulo = rivien_perusteet(s, tbs)
    a, b = p.palkansaajan_jakaja, p.yrittajan_jakaja  # Fractions: x / (num/den) = x·den / num
    yhteinen = lcm(a.numerator, b.numerator)
    palkat = np.bincount(s.kuuluu, weights=palkka, minlength=n).astype(np.int64)  # exact below 2**53 cents
    tulot = np.bincount(s.kuuluu, weights=vuositulo, minlength=n).astype(np.int64)
    osoittaja = palkat * (a.denominator * (yhteinen // a.numerator)) + tulot * (b.denominator * (yhteinen // b.numerator))
    paivalta = pyorista(osoittaja, yhteinen)
    tyosuhteet = pyorista(palkat * a.denominator, a.numerator)
    return paivalta, tyosuhteet


def paatos_oikeuttaa(s, p) -> np.ndarray:
    """An absence order, quarantine or isolation; or a child under the age limit kept at home (1.3.3, 1.3.3.1)."""
    return np.isin(s.peruste, (1, 2, 3)) | ((s.peruste == 4) & (s.lapsen_ika < p.lapsen_ikaraja))
