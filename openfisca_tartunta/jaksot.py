"""Date ranges that take days out of the paid time (1.3.2.4, 1.4, 1.9.4), vectorised.

A case gives annual leave, payment restrictions and blocking benefits as date
ranges in a few numbered slots (ETERNITY inputs `vuosiloma_1_alkaa` …, see
`variables/jaksot.py`).  Each day of the paid window has at most one reason,
taken in this order:

1. a blocking benefit (no allowance, 1.4),
2. annual leave (not granted, no loss of earnings, 1.3.2.4),
3. a payment restriction (granted, not paid, 1.9.4).

Ranges of one kind must not overlap, nor annual leave and a payment
restriction (the checks in `tarkista`); a blocking benefit may cover annual
leave or a restriction, and then takes the day.  Counting uses
inclusion–exclusion over the slots, evaluated only on the rows that have any
range at all (a population usually has few), so the cost stays near that of
one `busday_count` per window.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from openfisca_tartunta import kalenteri
from openfisca_tartunta.luettelot import KUUN_ALUSTA_ALKAVAT, TYOSSAKAYVAN_ELAKKEET, EstavaEtuus
from openfisca_tartunta.tarkistukset import vaadi

VUOSILOMIA = 3
MAKSUESTEITA = 2
ESTAVIA_ETUUKSIA = 3


def vuosilomat() -> list[str]:
    return [f"vuosiloma_{i}" for i in range(1, VUOSILOMIA + 1)]


def maksuesteet() -> list[str]:
    return [f"maksueste_{i}" for i in range(1, MAKSUESTEITA + 1)]


def estavat_etuudet() -> list[str]:
    return [f"estava_etuus_{i}" for i in range(1, ESTAVIA_ETUUKSIA + 1)]


def kalenteripaivat(alku, loppu) -> np.ndarray:
    """Calendar days from `alku` to `loppu`, both inclusive; 0 if `loppu < alku`."""
    return np.maximum((kalenteri.paivina(loppu) - kalenteri.paivina(alku)).astype(np.int64) + 1, 0).astype(np.int32)


def leikkauksen_paivat(valit, laskuri=kalenteri.arkipaivat) -> np.ndarray:
    """Days (`laskuri`: arkipäivät or calendar days) in the intersection of the ranges `valit`.

    `valit` is a list of (start, end) arrays of equal length; only the rows where
    the intersection is not empty are counted.
    """
    alku = valit[0][0]
    loppu = valit[0][1]
    for a, b in valit[1:]:
        alku = np.maximum(alku, a)
        loppu = np.minimum(loppu, b)
    tulos = np.zeros(len(alku), dtype=np.int32)
    rivit = np.flatnonzero(alku <= loppu)
    if rivit.size:
        tulos[rivit] = laskuri(alku[rivit], loppu[rivit])
    return tulos


@dataclass
class Esteet:
    """The ranges of the rows `rivit` (the only rows with any), as (start, end) arrays."""

    rivit: np.ndarray
    estot: list
    lomat: list
    rajoitukset: list
    #: the blocking benefit of each `estot` slot (EstavaEtuus codes), for the reasons
    etuudet: list

    def jasenille(self, ryhma: np.ndarray, ryhmia: int) -> "Esteet":
        """The same ranges on member rows (`ryhma`: each member's group index)."""
        kohta = np.full(ryhmia, -1, dtype=np.int64)
        kohta[self.rivit] = np.arange(self.rivit.size)
        oma = kohta[ryhma]
        rivit = np.flatnonzero(oma >= 0)
        valinta = oma[rivit]

        def ota(lista):
            return [(a[valinta], b[valinta]) for a, b in lista]

        return Esteet(rivit, ota(self.estot), ota(self.lomat), ota(self.rajoitukset), [e[valinta] for e in self.etuudet])


def lue(vakuutettu, period) -> Esteet:
    """The checked ranges of every insured with any, the working-pensioner exception applied."""
    rivit = np.flatnonzero(vakuutettu("ajanjaksoja_annettu", period))  # checks the ranges first

    def pari(nimi):
        return (
            kalenteri.paivina(vakuutettu(f"{nimi}_alkaa", period))[rivit],
            kalenteri.paivina(vakuutettu(f"{nimi}_paattyy", period))[rivit],
        )

    tyossa = vakuutettu("tyoskentelee_elakkeella", period)[rivit]
    estot, etuudet = [], []
    for nimi in estavat_etuudet():
        alku, loppu = pari(nimi)
        etuus = vakuutettu(nimi, period)[rivit]
        ei_esta = tyossa & np.isin(etuus, [e.index for e in TYOSSAKAYVAN_ELAKKEET])
        estot.append((np.where(ei_esta, kalenteri.EI_PAIVAA, alku), np.where(ei_esta, kalenteri.AINA, loppu)))
        etuudet.append(np.asarray(etuus))
    return Esteet(rivit, estot, [pari(n) for n in vuosilomat()], [pari(n) for n in maksuesteet()], etuudet)


def estojaksot(vakuutettu, period) -> list[tuple[np.ndarray, np.ndarray]]:
    """The blocking ranges in force (working-pensioner exception applied), one pair per slot,
    over all insured rows (9999-12-31 … 1970-01-01 where a slot is empty): the gaps of the paid
    time, for the payment periods (`maksukaudet(…, ei_makseta=…)`)."""
    esteet = lue(vakuutettu, period)
    tulos = []
    for a, b in esteet.estot:
        alku = np.full(vakuutettu.count, kalenteri.EI_PAIVAA)
        loppu = np.full(vakuutettu.count, kalenteri.AINA)
        alku[esteet.rivit], loppu[esteet.rivit] = a, b
        tulos.append((alku, loppu))
    return tulos


def erittely(alku, loppu, esteet: Esteet, laskuri=kalenteri.arkipaivat):
    """Days of [alku, loppu] blocked (per slot), on annual leave and restricted, each day once.

    Returns (list of per-slot blocked days, annual-leave days, restriction days),
    arrays over all rows of `alku`.
    """
    n = len(alku)
    estetyt = [np.zeros(n, dtype=np.int32) for _ in esteet.estot]
    loma = np.zeros(n, dtype=np.int32)
    rajoitus = np.zeros(n, dtype=np.int32)
    r = esteet.rivit
    if r.size == 0:
        return estetyt, loma, rajoitus
    ikkuna = (kalenteri.paivina(alku)[r], kalenteri.paivina(loppu)[r])
    for k, esto in enumerate(esteet.estot):
        estetyt[k][r] = leikkauksen_paivat([ikkuna, esto], laskuri)
    for lista, summa in ((esteet.lomat, loma), (esteet.rajoitukset, rajoitus)):
        osa = np.zeros(r.size, dtype=np.int32)
        for jakso in lista:
            osa += leikkauksen_paivat([ikkuna, jakso], laskuri)
            for esto in esteet.estot:  # blocked days are the blocking benefit's, not counted twice
                osa -= leikkauksen_paivat([ikkuna, jakso, esto], laskuri)
        summa[r] = osa
    return estetyt, loma, rajoitus


def maksetut_paivat(alku, loppu, esteet: Esteet, laskuri=kalenteri.arkipaivat) -> np.ndarray:
    """Days of [alku, loppu] (already inside the paid window) that the allowance is paid for."""
    kaikki = laskuri(alku, loppu)
    estetyt, loma, rajoitus = erittely(alku, loppu, esteet, laskuri)
    return np.maximum(kaikki - sum(estetyt, np.zeros_like(kaikki)) - loma - rajoitus, 0).astype(np.int32)


def ensimmainen_maksettu(alku, loppu, esteet: Esteet) -> np.ndarray:
    """The first arkipäivä of [alku, loppu] not taken by a range; 9999-12-31 if none.

    One pass per slot and as many passes as there are slots: a day pushed past
    one range may land in another (loops over slots, never over rows).
    """
    paiva = np.busday_offset(kalenteri.paivina(alku), 0, roll="forward", busdaycal=kalenteri.ARKIKALENTERI)
    r = esteet.rivit
    if r.size:
        p = paiva[r]
        kaikki = esteet.estot + esteet.lomat + esteet.rajoitukset
        for _ in kaikki:
            for a, b in kaikki:
                sisalla = (a <= p) & (p <= b)
                if sisalla.any():
                    p = np.where(
                        sisalla,
                        np.busday_offset(np.where(sisalla, b, p) + 1, 0, roll="forward", busdaycal=kalenteri.ARKIKALENTERI),
                        p,
                    )
        paiva[r] = p
    return np.where(paiva <= kalenteri.paivina(loppu), paiva, kalenteri.EI_PAIVAA)


def tarkista(vakuutettu, period) -> None:
    """Refuse ill-formed ranges with an error naming the field (once per simulation)."""

    def pvm(nimi):
        return kalenteri.paivina(vakuutettu(nimi, period))

    ryhmat: dict[str, list] = {"vuosiloma": [], "maksueste": [], "estava_etuus": []}
    for laji, nimet, avoin_loppu in (
        ("vuosiloma", vuosilomat(), False),
        ("maksueste", maksuesteet(), False),
        ("estava_etuus", estavat_etuudet(), True),
    ):
        for nimi in nimet:
            alku, loppu = pvm(f"{nimi}_alkaa"), pvm(f"{nimi}_paattyy")
            alku_annettu = alku != kalenteri.EI_PAIVAA
            if avoin_loppu:
                loppu_annettu = loppu != kalenteri.EI_PAIVAA
                vaadi(alku_annettu | ~loppu_annettu, f"{nimi}_alkaa", alku,
                      f"missing while {nimi}_paattyy is given; give the first day of the benefit (1.4)")
                etuus = vakuutettu(nimi, period)
                ei_etuutta = etuus == EstavaEtuus.ei_etuutta
                vaadi(~alku_annettu | ~ei_etuutta, nimi, etuus.decode_to_str(),
                      f"missing: name the benefit that starts on {nimi}_alkaa (1.4)")
                vaadi(alku_annettu | ei_etuutta, f"{nimi}_alkaa", alku,
                      f"missing: give the first day of the benefit named in {nimi} (1.4)")
                kuun_alku = alku == alku.astype("datetime64[M]").astype("datetime64[D]")
                vaadi(~alku_annettu | kuun_alku | ~np.isin(etuus, [e.index for e in KUUN_ALUSTA_ALKAVAT]),
                      f"{nimi}_alkaa", alku,
                      "an old-age pension (or an MP's adaptation pension) starts on the first day of a month; "
                      "the allowance runs to the end of the previous month (1.4.5)")
                vaadi(~alku_annettu | (alku < np.datetime64("2017-01-01")) | (etuus != EstavaEtuus.osa_aikaelake),
                      f"{nimi}_alkaa", alku,
                      "only a part-time pension started before 2017-01-01 blocks the allowance (1.4.7)")
            else:
                loppu_annettu = loppu != kalenteri.AINA
                vaadi(alku_annettu | ~loppu_annettu, f"{nimi}_alkaa", alku,
                      f"missing while {nimi}_paattyy is given; give both dates of the range")
                vaadi(loppu_annettu | ~alku_annettu, f"{nimi}_paattyy", loppu,
                      f"missing while {nimi}_alkaa is given; give both dates of the range (the end is inclusive)")
            vaadi(~alku_annettu | ~loppu_annettu | (loppu >= alku), f"{nimi}_paattyy", loppu,
                  f"the range ends before it starts ({nimi}_alkaa); the end date is inclusive")
            if avoin_loppu:  # a pension that does not block a working pensioner overlaps nothing
                alku_annettu = alku_annettu & ~(
                    vakuutettu("tyoskentelee_elakkeella", period) & np.isin(etuus, [e.index for e in TYOSSAKAYVAN_ELAKKEET])
                )
            ryhmat[laji].append((nimi, np.where(alku_annettu, alku, kalenteri.EI_PAIVAA),
                                 np.where(alku_annettu, loppu, kalenteri.AINA)))
    pareittain = [(ryhmat[l], ryhmat[l]) for l in ryhmat] + [(ryhmat["maksueste"], ryhmat["vuosiloma"])]
    for ensimmaiset, toiset in pareittain:
        for i, (nimi, a, b) in enumerate(ensimmaiset):
            for j, (muu, c, d) in enumerate(toiset):
                if ensimmaiset is toiset and j >= i:
                    continue
                vaadi(np.maximum(a, c) > np.minimum(b, d), f"{nimi}_alkaa", a,
                      f"the range overlaps {muu} ({muu}_alkaa … {muu}_paattyy); give each day once")
