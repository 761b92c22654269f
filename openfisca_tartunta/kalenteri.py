"""The benefit calendar: arkipäivät and the application deadline.

*Arkipäivä* (SVL 1224/2004 1:4 §, guideline 1.3.2.3, 1.9): Monday to Saturday
except church holidays, Independence Day, May Day, Christmas Eve and Midsummer
Eve.  Finland's public holidays in the `holidays` library are exactly those days
(church holidays incl. New Year's Day and Epiphany, May Day, Independence Day,
Christmas Eve, Midsummer Eve); the tests check them against known years.

Deadlines that fall on a Saturday, a Sunday or such a holiday move to the next
working day (guideline 1.5.3; Act on the Calculation of Time Limits 150/1930).

Everything here works on numpy arrays of `datetime64[D]`, whole populations at
a time; nothing loops over people or days.
"""

from __future__ import annotations

from datetime import date

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


def arkipaivat(alku, loppu) -> np.ndarray:
    """Number of arkipäivät from `alku` to `loppu`, both inclusive; 0 if `loppu < alku`.

    Only the non-empty intervals are counted (populations have many empty ones).
    """
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


def seuraava_tyopaiva(paiva) -> np.ndarray:
    """`paiva` itself if it is a working day (Mon–Fri, no holiday), else the next one."""
    return np.busday_offset(paivina(paiva), 0, roll="forward", busdaycal=_TYO)


def edellinen_tyopaiva_ennen(paiva) -> np.ndarray:
    """The last working day strictly before `paiva`."""
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


def hakuajan_maaraaika(paiva, kuukaudet: int) -> np.ndarray:
    """Last day an application for day `paiva` may arrive (1.5.3).

    `paiva` + `kuukaudet` months, moved to the next working day when it falls on
    a Saturday, Sunday or holiday.
    """
    return seuraava_tyopaiva(lisaa_kuukausia(paiva, kuukaudet))


def aikaisin_haettu_paiva(hakemus_saapunut, kuukaudet: int) -> np.ndarray:
    """First day D whose deadline the application still meets (1.5.3).

    The inverse of `hakuajan_maaraaika`, in closed form: the deadline of D is on
    or after the arrival date A exactly when D + `kuukaudet` months falls after
    the last working day before A (call that day + 1 = B).  The smallest such D
    is B's day-of-month `kuukaudet` months earlier, or — when that month is too
    short to have it — the first day of the following month.
    """
    raja = edellinen_tyopaiva_ennen(hakemus_saapunut) + 1
    kuukausi = raja.astype("datetime64[M]")
    paiva_nro = (raja - kuukausi.astype("datetime64[D]")).astype(np.int64)
    aiempi = kuukausi - int(kuukaudet)
    mahtuu = paiva_nro < kuukauden_pituus(aiempi)
    return np.where(
        mahtuu,
        aiempi.astype("datetime64[D]") + np.where(mahtuu, paiva_nro, 0),
        (aiempi + 1).astype("datetime64[D]"),
    )


def kuukauden_rajat(period) -> tuple[np.datetime64, np.datetime64]:
    """First and last day (inclusive) of an OpenFisca period."""
    return np.datetime64(str(period.start), "D"), np.datetime64(str(period.stop), "D")
