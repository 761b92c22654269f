"""A plain-numpy reference implementation of the one-month chain (issue 12), an independent oracle.

Written from Kela's guideline and docs/RULES.md, not from the model's formulas:
entitlement, payable days (decision window, application period, blocking
benefits, annual leave, payment restrictions), the daily amount, the employers'
and the insured's parts, tax withholding or source tax, distraint and the net
payment.  Parameter values come from the OpenFisca parameter tree, so a reform of
parameters moves both.  Money is whole cents (int64) and rounding exact.

    syote = numpy_viite.lue(vakuutetut, ansiotyot, "2024-03")   # untimed: columns to arrays
    tulokset = numpy_viite.laske(syote, tbs)                      # the chain

Not covered: input validation (the model refuses invalid input; the reference
assumes valid input), reforms that change formulas, decision figures other than
those the outputs need, payment periods; one month per call (a table with
`name@YYYY-MM` columns is read for the month asked).
"""

from __future__ import annotations

import numpy as np

from . import jako, maara, paivat, parametrit, ulosotto, vero
from .syote import Syote, lue

__all__ = ["Syote", "lue", "laske", "vertaa", "SENTTIMAARAT", "YDIN"]

#: Outputs in euros (compared to the cent); the others are days and a flag.
SENTTIMAARAT = (
    "tartuntatautipaivaraha_paivalta",
    "tartuntatautipaivaraha",
    "tartuntatautipaivaraha_tyonantajille",
    "tartuntatautipaivaraha_vakuutetulle",
    "ennakonpidatys",
    "ulosottopidatys",
    "tartuntatautipaivaraha_netto",
    "tartuntatautipaivaraha_tyonantajalle",
)


#: The core of the benchmark (issue 2): entitlement, daily amount, paid days, gross.
YDIN = (
    "oikeus_tartuntatautipaivarahaan",
    "tartuntatautipaivaraha_paivalta",
    "tartuntatautipaivarahan_maksupaivat",
    "tartuntatautipaivaraha",
)


def laske(s: Syote, tbs, ydin: bool = False) -> dict[str, np.ndarray]:
    """The contract's outputs of the month (money in cents, int64), keyed by the model's names.

    `ydin`: only the core (`YDIN`), as the benchmark times it.
    """
    p = parametrit.kuukauden(tbs, s.kuukausi)
    # the application period in force on the decision's first day (RULES.md; L 139/2022 ties it to the start)
    hakuaika = parametrit.paivittain(tbs.parameters.hakeminen.hakuaika_kuukausina, s.alkaa)
    pv = paivat.kuukauden_paivat(s, hakuaika)
    laskennallinen, tyosuhteet = maara.paivaraha(s, p, tbs)
    oikeus = s.sairausvakuutettu & maara.paatos_oikeuttaa(s, p) & (laskennallinen > 0) & (pv.myonnetyt > 0)
    paivalta = np.where(oikeus, laskennallinen, 0)
    paivia = np.where(oikeus, np.maximum(pv.myonnetyt - pv.esteen, 0), 0)
    brutto = paivalta * paivia
    if ydin:
        return dict(zip(YDIN, (oikeus, paivalta, paivia, brutto)))

    w = jako.palkat(s, pv, oikeus)
    e = np.minimum(jako.palkallisen_vapaan_maksupaivat(s, pv, w), paivia)
    w_summa = np.bincount(s.kuuluu, weights=w, minlength=s.peruste.size).astype(np.int64)
    t = jako.tyonantajille(np.minimum(tyosuhteet, paivalta), e, w_summa, brutto)
    osa = brutto - t

    verot = vero.ennakonpidatys(s, p, osa, paivia, pv.kalenteripaivat, pv.kokonainen)
    suoja = ulosotto.suojaosuus(s, p, pv.kalenteripaivat, pv.kokonainen)
    ulos = ulosotto.ulosottopidatys(s, p, osa - verot, suoja)
    return {
        "oikeus_tartuntatautipaivarahaan": oikeus,
        "tartuntatautipaivaraha_paivalta": paivalta,
        "tartuntatautipaivarahan_maksupaivat": paivia,
        "tartuntatautipaivaraha": brutto,
        "tartuntatautipaivaraha_tyonantajille": t,
        "tartuntatautipaivaraha_vakuutetulle": osa,
        "ennakonpidatys": verot,
        "ulosottopidatys": ulos,
        "tartuntatautipaivaraha_netto": osa - verot - ulos,
        "tartuntatautipaivaraha_tyonantajalle": jako.jaa(s.kuuluu, w, t),
    }


def mallin_arvot(nimi: str, arvot) -> np.ndarray:
    """A model output in the reference's units: money as whole cents, days and flags as they are."""
    arvot = np.asarray(arvot)
    if nimi in SENTTIMAARAT:
        return np.rint(arvot.astype(np.float64) * 100.0).astype(np.int64)
    return arvot.astype(bool) if arvot.dtype == bool else arvot.astype(np.int64)


def vertaa(viite: dict[str, np.ndarray], malli: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Rows where the model's output (as computed, float32 money) differs from the reference, per output."""
    return {nimi: np.flatnonzero(mallin_arvot(nimi, malli[nimi]) != viite[nimi]) for nimi in malli}
