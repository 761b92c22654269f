"""The benefit calendar: arkipäivät and the application deadline.

*Arkipäivä* (SVL 1224/2004 1:4 §, guideline 1.3.2.3, 1.9): Monday to Saturday
except church holidays, Independence Day, May Day, Christmas Eve and Midsummer
Eve.  Finland's public holidays in the `holidays` library are exactly those days
(church holidays incl. New Year's Day and Epiphany, May Day, Independence Day,
Christmas Eve, Midsummer Eve); the tests check them against known years.

Deadlines that fall on a Saturday, a Sunday or such a holiday move to the next
working day (guideline 1.5.3; Act on the Calculation of Time Limits 150/1930).

Everything here works on numpy arrays of `datetime64[D]`, whole populations at
a time; nothing loops over people or days.  Counts and offsets are read from
per-day lookup tables indexed by the day number (days since 1970-01-01) over
1970 … the calendar's last year + 1: the arkipäivät before each day (a count is
a difference of two entries), the next and the previous working day, and, per
application period, each day's deadline and each arrival day's first day on
time, and each day's 1 January.  The tables are built once per process from the `busday_*` functions and
the closed forms below, which still answer for any day outside them.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import numpy as np
import holidays as _holidays

ENSIMMAINEN_VUOSI = 2000
VIIMEINEN_VUOSI = 2060
VIIMEINEN_PAIVA = np.datetime64(f"{VIIMEINEN_VUOSI}-12-31", "D")

#: Monday–Saturday: the days the allowance can be paid for.
ARKIPAIVAT_VIIKOSSA = "1111110"
#: Monday–Friday: the days an office is open (a deadline moves to the next one).
TYOPAIVAT_VIIKOSSA = "1111100"

#: Sentinels for dates that are "not given": a day that never comes (a start), and a day
#: before everything (an application "on time", an end of an empty interval).  As `date`
#: for variables' `default_value`, as `datetime64[D]` for formulas.
EI_PAIVAA_PVM = date(9999, 12, 31)
AINA_PVM = date(1970, 1, 1)
EI_PAIVAA = np.datetime64(EI_PAIVAA_PVM, "D")
AINA = np.datetime64(AINA_PVM, "D")


def _pyhapaivat() -> np.ndarray:
    kalenteri = _holidays.Finland(years=range(ENSIMMAINEN_VUOSI, VIIMEINEN_VUOSI + 1))
    return np.array(sorted(kalenteri.keys()), dtype="datetime64[D]")


#: Days that are not arkipäivät although they are Monday–Saturday.
PYHAPAIVAT = _pyhapaivat()
#: The arkipäivä calendar (SVL 1:4), the one every count and offset in the package uses.
ARKIKALENTERI = np.busdaycalendar(weekmask=ARKIPAIVAT_VIIKOSSA, holidays=PYHAPAIVAT)
_ARKI = ARKIKALENTERI
_TYO = np.busdaycalendar(weekmask=TYOPAIVAT_VIIKOSSA, holidays=PYHAPAIVAT)


def paivina(arvo) -> np.ndarray:
    """Any date-like array (OpenFisca date variables included) as `datetime64[D]`.

    An array that already is `datetime64[D]` is returned as it is (not copied): treat it as read-only.
    """
    arvo = np.asarray(arvo)
    return arvo if arvo.dtype == np.dtype("datetime64[D]") else arvo.astype("datetime64[D]")


def ei_paiva(paivat, paiva: np.datetime64) -> np.ndarray:
    """`paivat != paiva` for a day `paiva` (not NaT), compared as day numbers: the same result
    (NaT included: its number is no day's) at half the cost of datetime64's NaT-aware comparison."""
    return paivina(paivat).view(np.int64) != np.datetime64(paiva, "D").astype(np.int64)


#: NaT's day number: the smallest int64.
_NAT = np.iinfo(np.int64).min


def paivanumeroina(*paivat) -> tuple[np.ndarray, ...] | None:
    """Day numbers (int64 views, no copy) of date arrays or single days, or None if one holds NaT.

    Without NaT, int64 comparisons, max and min give datetime64's results, a comparison at about
    half the cost of its NaT-aware loop (README, Third speed pass); with a NaT the caller keeps the dates."""
    numerot = tuple(paivina(p).view(np.int64) for p in paivat)
    return None if any(n.size and n.min() == _NAT for n in numerot) else numerot


def _arkipaivat_laskien(alku, loppu) -> np.ndarray:
    """`arkipaivat` by `busday_count` (any days; only the non-empty intervals are counted)."""
    alku = paivina(alku)
    loppu = paivina(loppu)
    ok = loppu >= alku
    if ok.all():
        return np.busday_count(alku, loppu + 1, busdaycal=_ARKI).astype(np.int32)
    tulos = np.zeros(ok.shape, dtype=np.int32)
    rivit = np.flatnonzero(ok)
    if rivit.size:
        tulos.flat[rivit] = np.busday_count(alku.flat[rivit] if alku.ndim else alku, loppu.flat[rivit] + 1 if loppu.ndim else loppu + 1, busdaycal=_ARKI)
    return tulos


def on_arkipaiva(paiva) -> np.ndarray:
    return np.is_busday(paivina(paiva), busdaycal=_ARKI)


def _seuraava_tyopaiva_laskien(paiva) -> np.ndarray:
    return np.busday_offset(paivina(paiva), 0, roll="forward", busdaycal=_TYO)


def _edellinen_tyopaiva_ennen_laskien(paiva) -> np.ndarray:
    return np.busday_offset(paivina(paiva) - 1, 0, roll="backward", busdaycal=_TYO)


def kuukauden_pituus(kuukausi) -> np.ndarray:
    kuukausi = np.asarray(kuukausi).astype("datetime64[M]")
    return ((kuukausi + 1).astype("datetime64[D]") - kuukausi.astype("datetime64[D]")).astype(np.int64)


def lisaa_kuukausia(paiva, kuukaudet: int) -> np.ndarray:
    """The same day of the month `kuukaudet` months later, or that month's last day.

    29.2. + 2 → 29.4.; 31.12. + 2 → 28.2. (or 29.2. in a leap year).
    """
    paiva = paivina(paiva)
    kuukausi = paiva.astype("datetime64[M]")
    paiva_nro = (paiva - kuukausi.astype("datetime64[D]")).astype(np.int64)
    uusi = kuukausi + int(kuukaudet)
    return uusi.astype("datetime64[D]") + np.minimum(paiva_nro, kuukauden_pituus(uusi) - 1)


def _hakuajan_maaraaika_laskien(paiva, kuukaudet: int) -> np.ndarray:
    return _seuraava_tyopaiva_laskien(lisaa_kuukausia(paiva, kuukaudet))


def _aikaisin_haettu_paiva_laskien(hakemus_saapunut, kuukaudet: int) -> np.ndarray:
    """First day D whose deadline the application still meets (1.5.3), in closed form.

    The inverse of `hakuajan_maaraaika`, in closed form: the deadline of D is on
    or after the arrival date A exactly when D + `kuukaudet` months falls after
    the last working day before A (call that day + 1 = B).  The smallest such D
    is B's day-of-month `kuukaudet` months earlier, or — when that month is too
    short to have it — the first day of the following month.
    """
    raja = _edellinen_tyopaiva_ennen_laskien(hakemus_saapunut) + 1
    kuukausi = raja.astype("datetime64[M]")
    paiva_nro = (raja - kuukausi.astype("datetime64[D]")).astype(np.int64)
    aiempi = kuukausi - int(kuukaudet)
    mahtuu = paiva_nro < kuukauden_pituus(aiempi)
    return np.where(
        mahtuu,
        aiempi.astype("datetime64[D]") + np.where(mahtuu, paiva_nro, 0),
        (aiempi + 1).astype("datetime64[D]"),
    )


# --- the per-day lookup tables ------------------------------------------------------------

#: The tables cover day numbers 0 … _PAIVIA - 1: 1970-01-01 … the end of the year after the calendar's last.
_PAIVIA = int((np.datetime64(f"{VIIMEINEN_VUOSI + 2}-01-01", "D") - AINA).astype(np.int64))
_KAIKKI_PAIVAT = AINA + np.arange(_PAIVIA)
#: Arkipäivät before each day: the count from day a to day b (inclusive) is _ARKI_ENNEN[b + 1] - _ARKI_ENNEN[a].
_ARKI_ENNEN = np.concatenate(([0], np.cumsum(np.is_busday(_KAIKKI_PAIVAT, busdaycal=_ARKI)))).astype(np.int32)
_SEURAAVA_TYOPAIVA = _seuraava_tyopaiva_laskien(_KAIKKI_PAIVAT)
_EDELLINEN_TYOPAIVA = _edellinen_tyopaiva_ennen_laskien(_KAIKKI_PAIVAT)


def _paivanumerot(paiva: np.ndarray) -> np.ndarray:
    """Day numbers (days since 1970-01-01) of a `datetime64[D]` array, without a copy; NaT is the smallest int64."""
    return paiva.view(np.int64)


def _taulukosta(paiva, taulukko: np.ndarray, laske) -> np.ndarray:
    """A function of one day read from its table (`taulukko[day number]`); days outside the table by `laske`."""
    paiva = paivina(paiva)
    i = _paivanumerot(paiva)
    sisalla = (i >= 0) & (i < _PAIVIA)
    if sisalla.all():
        return taulukko[i]
    muoto = paiva.shape
    paiva, i, sisalla = paiva.reshape(-1), i.reshape(-1), sisalla.reshape(-1)
    tulos = np.empty(paiva.shape, dtype=taulukko.dtype)
    tulos[sisalla] = taulukko[i[sisalla]]
    tulos[~sisalla] = laske(paiva[~sisalla])
    return tulos.reshape(muoto)


def arkipaivat(alku, loppu) -> np.ndarray:
    """Number of arkipäivät from `alku` to `loppu`, both inclusive; 0 if `loppu < alku`.

    A difference of two entries of the table of arkipäivät before each day (the
    table is non-decreasing, so an empty interval gives at most 0); intervals with
    an end outside the table (or NaT) are counted by `busday_count`.
    """
    alku = paivina(alku)
    loppu = paivina(loppu)
    a = _paivanumerot(alku)
    b = _paivanumerot(loppu)
    sisalla = (a >= 0) & (b < _PAIVIA)
    if sisalla.all():
        return _arkipaivat_taulukosta(a, b)
    alku, loppu = (np.broadcast_to(x, sisalla.shape).reshape(-1) for x in (alku, loppu))
    a, b, s = _paivanumerot(alku), _paivanumerot(loppu), sisalla.reshape(-1)
    tulos = np.empty(s.shape, dtype=np.int32)
    tulos[s] = _arkipaivat_taulukosta(a[s], b[s])
    tulos[~s] = _arkipaivat_laskien(alku[~s], loppu[~s])
    return tulos.reshape(sisalla.shape)


def _arkipaivat_taulukosta(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Arkipäivät from day number `a` ≥ 0 to `b` < _PAIVIA.  A start after the table (9999-12-31,
    "none") or an end before it gives an empty interval, so both are clamped onto the table's ends."""
    return np.maximum(_ARKI_ENNEN[np.maximum(b, -1) + 1] - _ARKI_ENNEN[np.minimum(a, _PAIVIA)], 0)


def seuraava_tyopaiva(paiva) -> np.ndarray:
    """`paiva` itself if it is a working day (Mon–Fri, no holiday), else the next one."""
    return _taulukosta(paiva, _SEURAAVA_TYOPAIVA, _seuraava_tyopaiva_laskien)


def edellinen_tyopaiva_ennen(paiva) -> np.ndarray:
    """The last working day strictly before `paiva`."""
    return _taulukosta(paiva, _EDELLINEN_TYOPAIVA, _edellinen_tyopaiva_ennen_laskien)


@lru_cache(maxsize=16)
def _maaraajat(kuukaudet: int) -> np.ndarray:
    return _hakuajan_maaraaika_laskien(_KAIKKI_PAIVAT, kuukaudet)


@lru_cache(maxsize=16)
def _ensimmaiset_haetut(kuukaudet: int) -> np.ndarray:
    return _aikaisin_haettu_paiva_laskien(_KAIKKI_PAIVAT, kuukaudet)


def hakuajan_maaraaika(paiva, kuukaudet: int) -> np.ndarray:
    """Last day an application for day `paiva` may arrive (1.5.3).

    `paiva` + `kuukaudet` months, moved to the next working day when it falls on
    a Saturday, Sunday or holiday.
    """
    kuukaudet = int(kuukaudet)
    return _taulukosta(paiva, _maaraajat(kuukaudet), lambda p: _hakuajan_maaraaika_laskien(p, kuukaudet))


def aikaisin_haettu_paiva(hakemus_saapunut, kuukaudet: int) -> np.ndarray:
    """First day D whose deadline an application arriving on `hakemus_saapunut` still meets (1.5.3);
    the inverse of `hakuajan_maaraaika` (see `_aikaisin_haettu_paiva_laskien`)."""
    kuukaudet = int(kuukaudet)
    return _taulukosta(hakemus_saapunut, _ensimmaiset_haetut(kuukaudet), lambda p: _aikaisin_haettu_paiva_laskien(p, kuukaudet))


_VUODEN_ALKU = _KAIKKI_PAIVAT.astype("datetime64[Y]").astype("datetime64[D]")


def vuoden_alku(paiva) -> np.ndarray:
    """1 January of each day's year."""
    return _taulukosta(paiva, _VUODEN_ALKU, lambda p: p.astype("datetime64[Y]").astype("datetime64[D]"))


def kuukauden_rajat(period) -> tuple[np.datetime64, np.datetime64]:
    """First and last day (inclusive) of an OpenFisca period."""
    return np.datetime64(str(period.start), "D"), np.datetime64(str(period.stop), "D")
