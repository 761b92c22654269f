"""Parameter look-ups for many dates at once, and group sums."""

from __future__ import annotations

from typing import Callable

import numpy as np
from openfisca_core.periods import Instant

from openfisca_tartunta import jaksot, kalenteri
from openfisca_tartunta.paatoksen_ajanjakso import ENSIMMAINEN_PAIVA


def muista_puut(tbs) -> None:
    """Keep each parameter tree `tbs.get_parameters_at_instant` builds, for the life of `tbs`.

    This version of OpenFisca builds the whole tree again on every call; a population run
    asks for the same few hundred days in every partition (`paivittain`: the day each
    absence began), about a thousand trees a partition.  Only for systems nobody changes
    afterwards (the population run's, `populaatio.osat.jarjestelmat`): a changed value in
    place would not be seen.  A new `tbs.parameters` (a reform's) empties the store.
    """
    rakenna = tbs.get_parameters_at_instant
    puut: dict = {}
    juuri = [tbs.parameters]

    def get_parameters_at_instant(instant):
        if tbs.parameters is not juuri[0]:
            puut.clear()
            juuri[0] = tbs.parameters
        puu = puut.get(instant)
        if puu is None:
            puu = puut[instant] = rakenna(instant)
        return puu

    tbs.get_parameters_at_instant = get_parameters_at_instant


def paivan_arvot(parameters, paivat, hae: Callable) -> np.ndarray:
    """Value of a parameter at each date in `paivat`.

    `hae(parameters_at_instant)` picks the value, or a tuple of values (then the
    result has one column per value, e.g. `maksimi, raja = vuoden_arvot(...).T`).
    One look-up per distinct date (a handful in practice), then a vectorised gather.
    """
    paivat = kalenteri.paivina(paivat)
    erilliset, paikat = _erilliset(paivat)
    if erilliset.size == 0:  # no rows: an empty result of the right width
        return np.zeros(paivat.shape + np.shape(hae(parameters(str(ENSIMMAINEN_PAIVA)))))
    arvot = np.array([hae(parameters(_hetki(p))) for p in erilliset], dtype=np.float64)
    return arvot[paikat.reshape(paivat.shape)]


def _erilliset(paivat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(paivat, return_inverse=True)` without sorting: the dates of a population lie in
    a span of a few years, so presence flags over that span of day numbers find the distinct ones."""
    d = paivat.view(np.int64).reshape(-1)
    if d.size:
        alin, ylin = int(d.min()), int(d.max())
        if alin != np.iinfo(np.int64).min and ylin - alin <= 4 * d.size + 4096:  # no NaT, a short span
            lasna = np.zeros(ylin - alin + 1, dtype=bool)
            siirto = d - alin
            lasna[siirto] = True
            kohta = np.cumsum(lasna) - 1
            return (np.flatnonzero(lasna) + alin).view("datetime64[D]"), kohta[siirto].reshape(paivat.shape)
    return np.unique(paivat, return_inverse=True)


def _hetki(paiva: np.datetime64) -> Instant:
    """An OpenFisca instant of a day, without formatting and parsing its text."""
    d = paiva.item()
    return Instant((d.year, d.month, d.day))


def paivittain(paivat, hae: Callable[[str], object]) -> np.ndarray:
    """`hae(paiva)` at each date in `paivat` (ISO date strings), for the rules that apply a value
    in force on one day of the case, e.g. the day an absence began.

    A formula passes a small function that reads `parameters(paiva).…` itself, so that the
    formula's source names the parameter it applies (the Legislation Explorer links it):

        def hakuaika(paiva):
            kuukaudet = parameters(paiva).hakeminen.hakuaika_kuukausina
            return kuukaudet

    One look-up per distinct date, then a vectorised gather.
    """
    paivat = kalenteri.paivina(paivat)
    erilliset, paikat = _erilliset(paivat)
    if erilliset.size == 0:
        return np.asarray([hae(str(ENSIMMAINEN_PAIVA))])[:0]
    arvot = np.asarray([hae(str(p)) for p in erilliset])
    return arvot[paikat.reshape(paivat.shape)]


def paatoksen_alkaessa(vakuutettu, period, hae: Callable[[str], object]) -> np.ndarray:
    """`paivittain(…, hae)` on each insured's decision's first day (the parameters' first day where
    there is no decision): the rules in force on the day an absence began (SVL 8:1 a §, 15:4 §).
    The distinct days are found once per simulation for every such rule."""
    alku = vakuutettu("paatoksen_ensimmainen_paiva", period)

    def laske():
        paivat = kalenteri.paivina(alku)
        return alku, _erilliset(np.where(paivat == kalenteri.EI_PAIVAA, ENSIMMAINEN_PAIVA, paivat))

    osuma = jaksot.muistista(vakuutettu, "paatoksen_alun_paivat", laske)
    if osuma[0] is not alku:  # the first day was given anew: find its days again
        osuma = laske()
    erilliset, paikat = osuma[1]
    if erilliset.size == 0:
        return np.asarray([hae(str(ENSIMMAINEN_PAIVA))])[:0]
    return np.asarray([hae(str(p)) for p in erilliset])[paikat]


def vuoden_arvot(parameters, paivat, hae: Callable) -> np.ndarray:
    """Value of a yearly parameter at 1 January of each date's year (YEL/MYEL limits)."""
    alut = np.clip(kalenteri.vuoden_alku(paivat), np.datetime64("1971-01-01", "D"), np.datetime64("9998-01-01", "D"))
    return paivan_arvot(parameters, alut, hae)


def vuosittain(paivat, hae: Callable[[str], object]) -> np.ndarray:
    """`paivittain` at 1 January of each date's year (the YEL limits of the year)."""
    paivat = kalenteri.paivina(paivat)
    erilliset, paikat = _erilliset(paivat)  # the few distinct days first, then their years
    vuodet = np.clip(erilliset.astype("datetime64[Y]"), np.datetime64("1971", "Y"), np.datetime64("9998", "Y"))
    return paivittain(vuodet.astype("datetime64[D]"), hae)[paikat.reshape(paivat.shape)]


def ryhman_summa(ryhma, arvot) -> np.ndarray:
    """Per-group sums of member values in float64 (0 for a group with no members)."""
    return np.bincount(ryhma.members_entity_id, weights=np.asarray(arvot, dtype=np.float64), minlength=ryhma.count)
