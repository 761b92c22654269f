"""The benefit calendar, built from the statute's list of days (SVL 1224/2004 1:4 §; guideline 1.3.2.3, 1.5.3, 1.9).

Independent of the model's calendar: the holidays are listed here from the
definition (Easter from `dateutil`), and days are counted with prefix tables
over one day axis, so that a count over any interval is two look-ups.

- *arkipäivä*: Monday–Saturday except church holidays, Independence Day, May Day,
  Christmas Eve and Midsummer Eve;
- *working day* (a deadline moves to the next one, 1.5.3): Monday–Friday except those days.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from dateutil.easter import easter

ALKU = np.datetime64("2000-01-01", "D")
LOPPU = np.datetime64("2061-12-31", "D")
#: "Not given": a start that never comes / an end before everything (CONTRACT.md).
EI_PAIVAA = np.datetime64("9999-12-31", "D")
AINA = np.datetime64("1970-01-01", "D")


def viikonpaiva(paivat) -> np.ndarray:
    """Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday)."""
    return (np.asarray(paivat, dtype="datetime64[D]").astype(np.int64) + 3) % 7


def _ensimmainen(paiva: np.datetime64, viikonpaivana: int) -> np.datetime64:
    """The first `viikonpaivana` (Monday = 0) on or after `paiva`."""
    return paiva + int((viikonpaivana - viikonpaiva(paiva)) % 7)


def pyhapaivat(vuodet=range(2000, 2062)) -> np.ndarray:
    """Church holidays, Independence Day, May Day, Christmas Eve and Midsummer Eve of `vuodet`."""
    paivat = []
    for v in vuodet:  # a loop over years, not people
        paasiainen = np.datetime64(easter(v), "D")
        paivat += [np.datetime64(f"{v}-{kk}", "D") for kk in ("01-01", "01-06", "05-01", "12-06", "12-24", "12-25", "12-26")]
        # Good Friday, Easter Day, Easter Monday, Ascension Day, Whit Sunday
        paivat += [paasiainen - 2, paasiainen, paasiainen + 1, paasiainen + 39, paasiainen + 49]
        aatto = _ensimmainen(np.datetime64(f"{v}-06-19", "D"), 4)  # Midsummer Eve: Friday 19–25 June
        paivat += [aatto, aatto + 1]  # and Midsummer Day
        paivat.append(_ensimmainen(np.datetime64(f"{v}-10-31", "D"), 5))  # All Saints' Day: Saturday 31.10.–6.11.
    return np.unique(np.array(paivat, dtype="datetime64[D]"))


_AKSELI = np.arange(ALKU, LOPPU + 1)
_PYHA = np.isin(_AKSELI, pyhapaivat())
_VKP = viikonpaiva(_AKSELI)
ON_ARKIPAIVA = (_VKP <= 5) & ~_PYHA
ON_TYOPAIVA = (_VKP <= 4) & ~_PYHA
#: _ARKI[i] = arkipäivät of the days before ALKU + i.
_ARKI = np.concatenate([[0], np.cumsum(ON_ARKIPAIVA)]).astype(np.int64)
# _SEURAAVA[i] = index of the first working day on or after ALKU + i.
_SEURAAVA = np.minimum.accumulate(np.where(ON_TYOPAIVA, np.arange(_AKSELI.size), _AKSELI.size - 1)[::-1])[::-1]


_ALKU_LUKU = int(ALKU.astype(np.int64))


def _indeksi(paivat) -> np.ndarray:
    i = np.asarray(paivat, dtype="datetime64[D]").view(np.int64) - _ALKU_LUKU
    return np.clip(i, 0, _AKSELI.size - 1)


def arkipaivat(alku, loppu) -> np.ndarray:
    """Arkipäivät of [alku, loppu], both inclusive; 0 for an empty interval."""
    alku, loppu = np.asarray(alku, dtype="datetime64[D]"), np.asarray(loppu, dtype="datetime64[D]")
    maara = _ARKI[_indeksi(loppu) + 1] - _ARKI[_indeksi(alku)]
    return np.where(loppu >= alku, maara, 0)


def kalenteripaivat(alku, loppu) -> np.ndarray:
    """Calendar days of [alku, loppu], both inclusive; 0 for an empty interval."""
    erotus = np.asarray(loppu, dtype="datetime64[D]").view(np.int64) - np.asarray(alku, dtype="datetime64[D]").view(np.int64)
    return np.maximum(erotus + 1, 0)


def seuraava_tyopaiva(paivat) -> np.ndarray:
    """The day itself if it is a working day, else the next one."""
    return ALKU + _SEURAAVA[_indeksi(paivat)]


def lisaa_kuukausia(paivat, kuukausia: int) -> np.ndarray:
    """The same day of the month `kuukausia` later, or that month's last day if it has no such day."""
    paivat = np.asarray(paivat, dtype="datetime64[D]")
    kk = paivat.astype("datetime64[M]")
    paiva = (paivat - kk.astype("datetime64[D]")).astype(np.int64)  # 0-based
    kohde = kk + kuukausia
    pituus = ((kohde + 1).astype("datetime64[D]") - kohde.astype("datetime64[D]")).astype(np.int64)
    return kohde.astype("datetime64[D]") + np.minimum(paiva, pituus - 1)


@lru_cache(maxsize=4)
def _maaraajat(kuukausia: int) -> np.ndarray:
    """The application deadline of every day of the axis (non-decreasing in the day)."""
    return seuraava_tyopaiva(lisaa_kuukausia(_AKSELI, kuukausia))


def aikaisin_ajoissa(saapunut, kuukausia: int) -> np.ndarray:
    """The first day D whose deadline (D + `kuukausia` months, moved to a working day) is on or
    after `saapunut` (1.5.3): a binary search in the table of deadlines."""
    return _AKSELI[np.minimum(np.searchsorted(_maaraajat(kuukausia), saapunut, side="left"), _AKSELI.size - 1)]


def kuukauden_rajat(kuukausi: str) -> tuple[np.datetime64, np.datetime64]:
    kk = np.datetime64(kuukausi, "M")
    return kk.astype("datetime64[D]"), (kk + 1).astype("datetime64[D]") - 1
