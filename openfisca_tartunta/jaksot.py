"""Date ranges that take days out of the paid time (1.3.2.4, 1.4, 1.9.4), vectorised.

A case gives annual leave, payment restrictions and blocking benefits as date
ranges in a few numbered slots (ETERNITY inputs `vuosiloma_1_alkaa` …, see
`variables/jaksot.py`).  Each day of the paid window has at most one reason,
taken in this order:

1. a blocking benefit (no allowance, 1.4),
2. annual leave (not granted, no loss of earnings, 1.3.2.4),
3. a payment restriction (granted, not paid, 1.9.4).

Ranges of one kind must not overlap, nor annual leave and a payment
restriction (the checks in `jaksojen_tarkistus.tarkista`); a blocking benefit may cover annual
leave or a restriction, and then takes the day.  Counting uses
inclusion–exclusion over the slots, evaluated only on the rows that have any
range at all (a population usually has few), so the cost stays near that of
one `busday_count` per window.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from openfisca_core.indexed_enums import Enum

from openfisca_tartunta import kalenteri
from openfisca_tartunta.annetut_kuukaudet import syote_annettu
from openfisca_tartunta.luettelot import TYOSSAKAYVAN_ELAKKEET

VUOSILOMIA = 3
MAKSUESTEITA = 2
ESTAVIA_ETUUKSIA = 3


def vuosilomat() -> list[str]:
    return [f"vuosiloma_{i}" for i in range(1, VUOSILOMIA + 1)]


def maksuesteet() -> list[str]:
    return [f"maksueste_{i}" for i in range(1, MAKSUESTEITA + 1)]


def estavat_etuudet() -> list[str]:
    return [f"estava_etuus_{i}" for i in range(1, ESTAVIA_ETUUKSIA + 1)]


def yhdisteen_palat(ryhma, alku, loppu):
    """Each interval's part not already covered by an earlier-starting interval of its group.

    The parts are disjoint and their union per group is the union of the group's
    intervals.  Sorted by (group, start); the exclusive running maximum of the
    ends within a group comes from one `maximum.accumulate` over keys with the
    group in the high bits.  Days are counted from the epoch (every window day is
    after 2017).
    """
    a = alku.astype(np.int64)
    b = loppu.astype(np.int64)
    r = ryhma.astype(np.int64)
    jarjestys = np.argsort((r << 23) + a, kind="stable")  # a < 2**22 days (year 9999)
    a_j, b_j, r_j = a[jarjestys], b[jarjestys], r[jarjestys]
    pohja = r_j << 32
    kertyma = np.maximum.accumulate(pohja + b_j)
    edellinen = np.concatenate(([-1], kertyma[:-1]))
    edellinen_loppu = np.where(edellinen >= pohja, edellinen - pohja, 0)
    uusi_alku = np.empty_like(a)
    uusi_alku[jarjestys] = np.maximum(a_j, edellinen_loppu + 1)
    return uusi_alku.astype("datetime64[D]"), b.astype("datetime64[D]")


def kalenteripaivat(alku, loppu) -> np.ndarray:
    """Calendar days from `alku` to `loppu`, both inclusive; 0 if `loppu < alku`."""
    return np.maximum((kalenteri.paivina(loppu) - kalenteri.paivina(alku)).astype(np.int64) + 1, 0).astype(np.int32)


def leikkauksen_paivat(valit, laskuri=kalenteri.arkipaivat) -> np.ndarray:
    """Days (`laskuri`: arkipäivät or calendar days) in the intersection of the ranges `valit`.

    `valit` is a list of (start, end) arrays of equal length; only the rows where
    the intersection is not empty are counted.
    """
    return _leikkaus(*_numeroina(valit, laskuri))


def _numeroina(valit, laskuri):
    """The ranges `valit` as day numbers and `laskuri` for them (`kalenteri.paivanumeroina`: the
    same days, cheaper comparisons), or both as they are if a date is NaT."""
    numerot = kalenteri.paivanumeroina(*(p for vali in valit for p in vali))
    if numerot is None:  # a NaT somewhere: datetime64's own comparisons
        return valit, laskuri
    paivat = "datetime64[D]"
    return list(zip(numerot[0::2], numerot[1::2])), lambda alku, loppu: laskuri(alku.view(paivat), loppu.view(paivat))


def _leikkaus(valit, laskuri) -> np.ndarray:
    alku, loppu = valit[0]
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
    """The checked ranges of every insured with any, the working-pensioner exception applied.

    The inputs are ETERNITY: read once per simulation and population, then reused.
    """
    return muistista(vakuutettu, "esteet", lambda: _lue(vakuutettu, period))


def muistista(vakuutettu, avain, laske):
    """A value cached on the simulation for this population (checked by identity)."""
    valimuisti = vakuutettu.simulation.__dict__.setdefault("_tartunta_jaksot", {})
    osuma = valimuisti.get((id(vakuutettu), avain))
    if osuma is None or osuma[0] is not vakuutettu:
        osuma = valimuisti[(id(vakuutettu), avain)] = (vakuutettu, laske())
    return osuma[1]


def kuukauden_erittely(vakuutettu, period):
    """The month's (per-slot blocked, annual-leave, restriction) arkipäivät of the paid window,
    computed once per month for every variable that states them."""
    from openfisca_tartunta.paatoksen_ajanjakso import maksettava_ikkuna

    def laske():
        alku, loppu = maksettava_ikkuna(vakuutettu, period)
        return erittely(alku, loppu, lue(vakuutettu, period))

    return muistista(vakuutettu, ("erittely", str(period)), laske)


def _lue(vakuutettu, period) -> Esteet:
    rivit = np.flatnonzero(vakuutettu("ajanjaksoja_annettu", period))  # checks the ranges first
    if rivit.size == 0:  # nobody has a range (the usual single case): no slot needs reading
        tyhja = (np.zeros(0, "datetime64[D]"), np.zeros(0, "datetime64[D]"))
        return Esteet(
            rivit, [tyhja for _ in estavat_etuudet()], [tyhja for _ in vuosilomat()],
            [tyhja for _ in maksuesteet()], [np.zeros(0, np.int16) for _ in estavat_etuudet()],
        )

    def lue_sarake(nimi):
        if syote_annettu(vakuutettu, nimi):
            return np.asarray(vakuutettu(nimi, period))[rivit]
        muuttuja = vakuutettu.simulation.tax_benefit_system.variables[nimi]
        return np.full(rivit.size, muuttuja.default_value.index if muuttuja.value_type is Enum else muuttuja.default_value,
                       dtype=np.int16 if muuttuja.value_type is Enum else "datetime64[D]")

    def pari(nimi):
        return kalenteri.paivina(lue_sarake(f"{nimi}_alkaa")), kalenteri.paivina(lue_sarake(f"{nimi}_paattyy"))

    tyossa = vakuutettu("tyoskentelee_elakkeella", period)[rivit]
    estot, etuudet = [], []
    for nimi in estavat_etuudet():
        alku, loppu = pari(nimi)
        etuus = lue_sarake(nimi)
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


def _erittely_riveilla(alku, loppu, esteet: Esteet, laskuri):
    """`erittely` on the rows `esteet.rivit` only (the rows with a range; the others have none)."""
    r = esteet.rivit
    ikkuna = (kalenteri.paivina(alku)[r], kalenteri.paivina(loppu)[r])
    # Every range converted (and checked for NaT) once for all the intersections below.
    kaikki, laskuri = _numeroina([ikkuna, *esteet.estot, *esteet.lomat, *esteet.rajoitukset], laskuri)
    i, j = 1 + len(esteet.estot), 1 + len(esteet.estot) + len(esteet.lomat)
    ikkuna, estot, lomat, rajoitukset = kaikki[0], kaikki[1:i], kaikki[i:j], kaikki[j:]
    estetyt = [_leikkaus([ikkuna, esto], laskuri) for esto in estot]
    osat = []
    for lista in (lomat, rajoitukset):
        osa = np.zeros(r.size, dtype=np.int32)
        for jakso in lista:
            osa += _leikkaus([ikkuna, jakso], laskuri)
            for esto in estot:  # blocked days are the blocking benefit's, not counted twice
                osa -= _leikkaus([ikkuna, jakso, esto], laskuri)
        osat.append(osa)
    return estetyt, osat[0], osat[1]


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
    omat_estetyt, loma[r], rajoitus[r] = _erittely_riveilla(alku, loppu, esteet, laskuri)
    for kaikki, omat in zip(estetyt, omat_estetyt):
        kaikki[r] = omat
    return estetyt, loma, rajoitus


def maksetut_paivat(alku, loppu, esteet: Esteet, laskuri=kalenteri.arkipaivat) -> np.ndarray:
    """Days of [alku, loppu] (already inside the paid window) that the allowance is paid for."""
    kaikki = laskuri(alku, loppu)  # ≥ 0: all of a row's days where it has no range
    tulos = kaikki.astype(np.int32)
    r = esteet.rivit
    if r.size:  # the deductions on the rows with a range (a few per cent of a population)
        estetyt, loma, rajoitus = _erittely_riveilla(alku, loppu, esteet, laskuri)
        tulos[r] = np.maximum(kaikki[r] - sum(estetyt, np.zeros(r.size, dtype=np.int32)) - loma - rajoitus, 0)
    return tulos


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
