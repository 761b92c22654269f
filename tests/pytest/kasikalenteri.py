"""A hand-written Finnish benefit calendar for the property tests: an oracle
independent of the `holidays` library the model uses (datetime only).

Arkipäivä (SVL 1:4 §; guideline 1.9): Monday–Saturday except church holidays,
Independence Day, May Day, Christmas Eve and Midsummer Eve.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache
from math import floor


def paasiaispaiva(vuosi: int) -> date:
    """Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a = vuosi % 19
    b, c = divmod(vuosi, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    L = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * L) // 451
    kuukausi, paiva = divmod(h + L - 7 * m + 114, 31)
    return date(vuosi, kuukausi, paiva + 1)


def _viikonpaiva_valilla(alku: date, loppu: date, viikonpaiva: int) -> date:
    """The one day of the given weekday (0 = Monday) in the 7-day range alku..loppu."""
    paiva = alku
    while paiva.weekday() != viikonpaiva:
        paiva += timedelta(days=1)
    assert paiva <= loppu
    return paiva


@lru_cache(maxsize=None)
def pyhat(vuosi: int) -> frozenset[date]:
    """Days that are not arkipäivät although they may be Mon–Sat (SVL 1:4 §; 1.5.3, 1.9)."""
    paasiainen = paasiaispaiva(vuosi)
    return frozenset(
        {
            date(vuosi, 1, 1),  # uudenvuodenpäivä
            date(vuosi, 1, 6),  # loppiainen
            paasiainen - timedelta(days=2),  # pitkäperjantai
            paasiainen,  # pääsiäispäivä
            paasiainen + timedelta(days=1),  # 2. pääsiäispäivä
            date(vuosi, 5, 1),  # vappu
            paasiainen + timedelta(days=39),  # helatorstai
            paasiainen + timedelta(days=49),  # helluntaipäivä
            _viikonpaiva_valilla(date(vuosi, 6, 19), date(vuosi, 6, 25), 4),  # juhannusaatto (Fri)
            _viikonpaiva_valilla(date(vuosi, 6, 20), date(vuosi, 6, 26), 5),  # juhannuspäivä (Sat)
            _viikonpaiva_valilla(date(vuosi, 10, 31), date(vuosi, 11, 6), 5),  # pyhäinpäivä (Sat)
            date(vuosi, 12, 6),  # itsenäisyyspäivä
            date(vuosi, 12, 24),  # jouluaatto
            date(vuosi, 12, 25),  # joulupäivä
            date(vuosi, 12, 26),  # tapaninpäivä
        }
    )


def on_arkipaiva(paiva: date) -> bool:
    return paiva.weekday() < 6 and paiva not in pyhat(paiva.year)


def on_tyopaiva(paiva: date) -> bool:
    """A day an application can be left on (Mon–Fri, no holiday) (1.5.3)."""
    return paiva.weekday() < 5 and paiva not in pyhat(paiva.year)


def kuukausia_myohemmin(paiva: date, kuukaudet: int) -> date:
    """Same day of the month `kuukaudet` later, or that month's last day."""
    indeksi = paiva.year * 12 + paiva.month - 1 + kuukaudet
    vuosi, kuukausi = divmod(indeksi, 12)
    kuukausi += 1
    return date(vuosi, kuukausi, min(paiva.day, calendar.monthrange(vuosi, kuukausi)[1]))


def maaraaika(paiva: date, kuukaudet: int) -> date:
    """Last day an application for day `paiva` may arrive: D + months, then the next working day."""
    raja = kuukausia_myohemmin(paiva, kuukaudet)
    while not on_tyopaiva(raja):
        raja += timedelta(days=1)
    return raja


def kuukauden_paivat(kuukausi: date):
    for paiva in range(calendar.monthrange(kuukausi.year, kuukausi.month)[1]):
        yield kuukausi + timedelta(days=paiva)


def puoli_ylos(arvo) -> int:
    """Round a non-negative exact value (Fraction or int) half up to an integer."""
    return floor(Fraction(arvo) + Fraction(1, 2))




def kuukauden_loppu(kuukausi: date) -> date:
    return kuukausi.replace(day=calendar.monthrange(kuukausi.year, kuukausi.month)[1])


def arkipaivat(alku: date, loppu: date) -> set[date]:
    """The arkipäivät from `alku` to `loppu`, both inclusive."""
    paivat = set()
    while alku <= loppu:
        if on_arkipaiva(alku):
            paivat.add(alku)
        alku += timedelta(days=1)
    return paivat
