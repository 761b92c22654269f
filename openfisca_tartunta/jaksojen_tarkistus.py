"""Checks of the date ranges that take days out of the paid time (1.3.2.4, 1.4, 1.4.5, 1.4.7, 1.9.4).

Every slot's range is well formed (both dates, the end not before the start; a blocking
benefit names its type and starts when that type may start), and ranges of one kind do not
overlap, nor annual leave and a payment restriction (`jaksot` counts the days).
"""

from __future__ import annotations

import numpy as np

from openfisca_tartunta import kalenteri
from openfisca_tartunta.annetut_kuukaudet import syote_annettu
from openfisca_tartunta.jaksot import estavat_etuudet, maksuesteet, vuosilomat
from openfisca_tartunta.luettelot import KUUN_ALUSTA_ALKAVAT, TYOSSAKAYVAN_ELAKKEET, EstavaEtuus
from openfisca_tartunta.tarkistukset import vaadi

#: Only a part-time pension that started before this day blocks the allowance (1.4.7, SVL 8:6 § 1 mom. 5 k.).
OSA_AIKAELAKE_ENNEN = np.datetime64("2017-01-01", "D")


def _slotin_syotteet(laji: str, nimi: str) -> list[str]:
    return [f"{nimi}_alkaa", f"{nimi}_paattyy"] + ([nimi] if laji == "estava_etuus" else [])


def tarkista(vakuutettu, period) -> np.ndarray:
    """Refuse ill-formed ranges with an error naming the field; return the rows with any range.

    Runs once per simulation (from `ajanjaksoja_annettu`), on the rows where any slot is
    filled (usually few), so a large population costs one comparison per input; a slot
    whose inputs hold no value in the simulation is not read at all (a single case).
    """
    nimet = [(laji, nimi) for laji, lista in (("vuosiloma", vuosilomat()), ("maksueste", maksuesteet()),
                                              ("estava_etuus", estavat_etuudet())) for nimi in lista]
    # A slot none of whose inputs holds a value is empty on every row: nothing to check or compare.
    nimet = [(laji, nimi) for laji, nimi in nimet
             if any(syote_annettu(vakuutettu, n) for n in _slotin_syotteet(laji, nimi))]
    sarakkeet = {}
    annettu = np.zeros(vakuutettu.count, dtype=bool)
    for laji, nimi in nimet:
        alku = kalenteri.paivina(vakuutettu(f"{nimi}_alkaa", period))
        loppu = kalenteri.paivina(vakuutettu(f"{nimi}_paattyy", period))
        annettu |= kalenteri.ei_paiva(alku, kalenteri.EI_PAIVAA)
        annettu |= kalenteri.ei_paiva(loppu, kalenteri.EI_PAIVAA if laji == "estava_etuus" else kalenteri.AINA)
        sarakkeet[nimi] = [alku, loppu]
        if laji == "estava_etuus":
            etuus = np.asarray(vakuutettu(nimi, period))
            annettu |= etuus != EstavaEtuus.ei_etuutta.index
            sarakkeet[nimi].append(etuus)
    rivit = np.flatnonzero(annettu)
    if rivit.size == 0:
        return rivit
    tyossa = np.asarray(vakuutettu("tyoskentelee_elakkeella", period))[rivit]
    elakkeet = [e.index for e in TYOSSAKAYVAN_ELAKKEET]
    ryhmat: dict[str, list] = {"vuosiloma": [], "maksueste": [], "estava_etuus": []}
    for laji, nimi in nimet:
        alku, loppu = sarakkeet[nimi][0][rivit], sarakkeet[nimi][1][rivit]
        alku_annettu = alku != kalenteri.EI_PAIVAA
        if laji == "estava_etuus":
            etuus = sarakkeet[nimi][2][rivit]
            loppu_annettu = loppu != kalenteri.EI_PAIVAA
            vaadi(alku_annettu | ~loppu_annettu, f"{nimi}_alkaa", alku,
                  f"missing while {nimi}_paattyy is given; give the first day of the benefit (1.4)")
            ei_etuutta = etuus == EstavaEtuus.ei_etuutta.index
            vaadi(~alku_annettu | ~ei_etuutta, nimi, alku,
                  f"missing: name the benefit that starts on {nimi}_alkaa (the value shown) (1.4)")
            vaadi(alku_annettu | ei_etuutta, f"{nimi}_alkaa", alku,
                  f"missing: give the first day of the benefit named in {nimi} (1.4)")
            kuun_alku = alku == alku.astype("datetime64[M]").astype("datetime64[D]")
            vaadi(~alku_annettu | kuun_alku | ~np.isin(etuus, [e.index for e in KUUN_ALUSTA_ALKAVAT]),
                  f"{nimi}_alkaa", alku,
                  "an old-age pension (or an MP's adaptation pension) starts on the first day of a month; "
                  "the allowance runs to the end of the previous month (1.4.5)")
            vaadi(~alku_annettu | (alku < OSA_AIKAELAKE_ENNEN) | (etuus != EstavaEtuus.osa_aikaelake.index),
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
        if laji == "estava_etuus":  # a pension that does not block a working pensioner overlaps nothing
            alku_annettu = alku_annettu & ~(tyossa & np.isin(etuus, elakkeet))
        ryhmat[laji].append((nimi, np.where(alku_annettu, alku, kalenteri.EI_PAIVAA),
                             np.where(alku_annettu, loppu, kalenteri.AINA)))
    pareittain = [(ryhmat[laji], ryhmat[laji]) for laji in ryhmat] + [(ryhmat["maksueste"], ryhmat["vuosiloma"])]
    for ensimmaiset, toiset in pareittain:
        for i, (nimi, a, b) in enumerate(ensimmaiset):
            for j, (muu, c, d) in enumerate(toiset):
                if ensimmaiset is toiset and j >= i:
                    continue
                vaadi(np.maximum(a, c) > np.minimum(b, d), f"{nimi}_alkaa", a,
                      f"the range overlaps {muu} ({muu}_alkaa … {muu}_paattyy); give each day once")
    return rivit
