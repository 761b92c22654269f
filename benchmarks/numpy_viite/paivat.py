"""Payable days of the month (guideline 1.9, 1.3.2.4, 1.4, 1.4.5, 1.5.3, 1.9.4; RULES.md §3–4).

The paid window is the decision inside the month from the first day the
application reaches.  Inside it each day has one reason: a blocking benefit
first, then annual leave, then a payment restriction (ranges of one kind do not
overlap, nor leave and restriction: the model refuses such input).  Counts are
interval arithmetic on the prefix tables of `kalenteri`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import kalenteri

#: Pensions that do not block for a pensioner who works (1.4.5, 1.4.7, 1.4.8; SVL 8:6 § 3).
_TYOSSAKAYVAN = (4, 6, 7)  # vanhuuselake, osa_aikaelake, takuuelake (syote.ETUUDET)


def hakuajan_alku(saapunut, hyvaksytty, kuukausia: np.ndarray) -> np.ndarray:
    """First day an application arriving on `saapunut` reaches (1.5.3): the first D whose deadline
    (D + `kuukausia` months, the month's last day if it has no such day, moved to the next working
    day) is on or after the arrival.  1970-01-01 for one on time or accepted late."""
    tulos = np.full(saapunut.shape, kalenteri.AINA)
    myohassa = (saapunut != kalenteri.AINA) & ~hyvaksytty
    for k in np.unique(kuukausia[myohassa]):  # one value, two in a year the period changes
        rivit = np.flatnonzero(myohassa & (kuukausia == k))
        tulos[rivit] = kalenteri.aikaisin_ajoissa(saapunut[rivit], int(k))
    return tulos


def estavat_valit(estot, tyoskentelee) -> list[tuple[np.ndarray, np.ndarray]]:
    """The blocking ranges in force: a type and a start given; not a working pensioner's pension."""
    valit = []
    for tyyppi, alkaa, paattyy in estot:
        voimassa = (tyyppi != 0) & (alkaa != kalenteri.EI_PAIVAA) & ~(tyoskentelee & np.isin(tyyppi, _TYOSSAKAYVAN))
        valit.append((np.where(voimassa, alkaa, kalenteri.EI_PAIVAA), paattyy))
    return valit


def erittely(alku, loppu, estot, lomat, esteet, laskuri=kalenteri.arkipaivat):
    """Days of [alku, loppu] (`laskuri`) blocked, on annual leave (not blocked), restricted (not blocked)."""

    def osa(valit, pois=()):
        maara = 0
        for a, b in valit:
            a, b = np.maximum(alku, a), np.minimum(loppu, b)
            maara = maara + laskuri(a, b)
            for c, d in pois:
                maara = maara - laskuri(np.maximum(a, c), np.minimum(b, d))
        return maara + np.zeros(np.shape(alku), dtype=np.int64)

    return osa(estot), osa(lomat, estot), osa(esteet, estot)


def jasenille(valit, rivit):
    """Per-insured ranges gathered to activity rows (`rivit`: each row's insured)."""
    return [tuple(x[rivit] for x in vali) for vali in valit]


@dataclass
class Paivat:
    alku: np.ndarray  # the paid window (per insured)
    loppu: np.ndarray
    estot: list
    lomat: list
    esteet: list
    rajattu: np.ndarray  # the insured has some range (only their days need the ranges)
    myonnetyt: np.ndarray  # window arkipäivät less blocked and annual leave
    esteen: np.ndarray  # restriction arkipäivät
    kalenteripaivat: np.ndarray  # calendar days of the paid time (1.9.3.2, 1.9.2.9)
    kokonainen: np.ndarray  # every day of the month is paid time


def _vahennykset(alku, loppu, estot, lomat, esteet, kenella, rivit=None):
    """`erittely` (arkipäivät and calendar days) on the rows of insured who have some range; 0 elsewhere."""
    kohteet = np.flatnonzero(kenella if rivit is None else kenella[rivit])
    henkilot = kohteet if rivit is None else rivit[kohteet]
    tulos = np.zeros((4, np.size(alku)), dtype=np.int64)
    if kohteet.size:
        valit = [jasenille(v, henkilot) for v in (estot, lomat, esteet)]
        a, b = alku[kohteet], loppu[kohteet]
        esto, loma, este = erittely(a, b, *valit)
        tulos[:, kohteet] = esto, loma, este, sum(erittely(a, b, *valit, laskuri=kalenteri.kalenteripaivat))
    return tulos


def kuukauden_paivat(s, hakuaika_kuukausina: np.ndarray) -> Paivat:
    """`hakuaika_kuukausina`: the application period in force on each decision's first day."""
    kk_alku, kk_loppu = kalenteri.kuukauden_rajat(s.kuukausi)
    on_paatos = s.peruste != 0
    haku = hakuajan_alku(s.hakemus_saapunut, s.myohastyminen_hyvaksytty, hakuaika_kuukausina)
    alku = np.maximum(np.maximum(np.where(on_paatos, s.alkaa, kalenteri.EI_PAIVAA), haku), kk_alku)
    loppu = np.minimum(np.where(on_paatos, s.paattyy, kalenteri.AINA), kk_loppu)
    estot = estavat_valit(s.estot, s.tyoskentelee_elakkeella)
    rajattu = np.zeros(alku.size, dtype=bool)
    for a, _ in estot + s.lomat + s.esteet:
        rajattu |= a != kalenteri.EI_PAIVAA
    esto, loma, este, pois = _vahennykset(alku, loppu, estot, s.lomat, s.esteet, rajattu)
    kesto = kalenteri.kalenteripaivat(alku, loppu) - pois
    return Paivat(
        alku=alku, loppu=loppu, estot=estot, lomat=s.lomat, esteet=s.esteet, rajattu=rajattu,
        myonnetyt=np.maximum(kalenteri.arkipaivat(alku, loppu) - esto - loma, 0),
        esteen=este,
        kalenteripaivat=kesto,
        kokonainen=kesto == kalenteri.kalenteripaivat(kk_alku, kk_loppu),
    )


def maksetut(paivat: Paivat, alku, loppu, rivit) -> np.ndarray:
    """Paid arkipäivät of [alku, loppu] ∩ the window of each row's insured (`rivit`): less blocked, leave, restriction."""
    alku, loppu = np.maximum(alku, paivat.alku[rivit]), np.minimum(loppu, paivat.loppu[rivit])
    esto, loma, este, _ = _vahennykset(alku, loppu, paivat.estot, paivat.lomat, paivat.esteet, paivat.rajattu, rivit)
    return np.maximum(kalenteri.arkipaivat(alku, loppu) - esto - loma - este, 0)
