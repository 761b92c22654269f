"""The employer's reported paid leave per earning activity, checked, and the windows and ranges
the split reads on the same rows (guideline 1.3.2.3, 1.3.2.4, 1.9.4; `variables/tyonantaja.py`,
`variables/tyonantajien_osuus.py`)."""

from __future__ import annotations

import numpy as np

from openfisca_tartunta import jaksot, kalenteri
from openfisca_tartunta.paatoksen_ajanjakso import maksettava_ikkuna, paatoksen_paivat
from openfisca_tartunta.tarkistukset import vaadi


def vapaa(ansiotyo, period, rivit=None):
    """Each row's reported paid leave (checked), or those of `rivit` (indices of checked rows)."""
    alkaa = kalenteri.paivina(ansiotyo("palkallinen_vapaa_alkaa", period))
    paattyy = kalenteri.paivina(ansiotyo("palkallinen_vapaa_paattyy", period))
    palkkatyo = ansiotyo("on_palkkatyo", period)
    if rivit is not None:
        return alkaa[rivit], np.where(palkkatyo[rivit], paattyy[rivit], kalenteri.AINA)
    # Checked and computed once per month for both readers (treat the arrays as read-only).
    return jaksot.muistista(ansiotyo, ("palkallinen_vapaa", str(period)), lambda: _tarkistettu(alkaa, paattyy, palkkatyo))


def _tarkistettu(alkaa, paattyy, palkkatyo):
    alku_annettu = kalenteri.ei_paiva(alkaa, kalenteri.EI_PAIVAA)
    loppu_annettu = kalenteri.ei_paiva(paattyy, kalenteri.AINA)
    vaadi(
        alku_annettu | ~loppu_annettu,
        "palkallinen_vapaa_alkaa",
        alkaa,
        "missing while palkallinen_vapaa_paattyy is given; give both dates of the reported paid leave (1.3.2.3)",
    )
    vaadi(
        loppu_annettu | ~alku_annettu,
        "palkallinen_vapaa_paattyy",
        paattyy,
        "missing while palkallinen_vapaa_alkaa is given; give both dates of the reported paid leave (1.3.2.3)",
    )
    numerot = kalenteri.paivanumeroina(alkaa, paattyy)  # day numbers where no date is NaT (faster)
    a, b = numerot or (alkaa, paattyy)
    vaadi(
        ~(alku_annettu & loppu_annettu) | (b >= a),
        "palkallinen_vapaa_paattyy",
        paattyy,
        "the reported paid leave ends before it starts (palkallinen_vapaa_alkaa); the end date is inclusive (1.3.2.3)",
    )
    return alkaa, np.where(palkkatyo, paattyy, kalenteri.AINA)


def vapaan_rivit(alkaa, paattyy) -> np.ndarray:
    """The rows with a reported paid leave (a quarter of a usual population); the others count 0 days."""
    return np.flatnonzero(alkaa <= paattyy)


def vapaan_rivit_kuukaudessa(ansiotyo, period) -> np.ndarray:
    """`vapaan_rivit` of the month's checked leave, found once per month for every reader."""
    return jaksot.muistista(ansiotyo, ("palkallisen_vapaan_rivit", str(period)), lambda: vapaan_rivit(*vapaa(ansiotyo, period)))


def _jasenille(ansiotyo, paivat, rivit):
    """The insured's values (a pair of day arrays) on each activity row, or on the rows `rivit`."""
    ryhma = ansiotyo.simulation.populations["vakuutettu"].members_entity_id
    jasen = ryhma if rivit is None else ryhma[rivit]
    return paivat[0][jasen], paivat[1][jasen]


def ikkuna(ansiotyo, period, rivit=None):
    """The month's paid window of each row's insured (or of the rows `rivit`)."""
    return _jasenille(ansiotyo, maksettava_ikkuna(ansiotyo.simulation.populations["vakuutettu"], period), rivit)


def paatoksen_rajat(ansiotyo, period, rivit=None):
    """The decision's first and last day of each row's insured (or of the rows `rivit`)."""
    return _jasenille(ansiotyo, paatoksen_paivat(ansiotyo.simulation.populations["vakuutettu"], period), rivit)


def jasenten_esteet(vakuutettu, period, rivit=None) -> jaksot.Esteet:
    """The insured's ranges on its activity rows (or on the rows `rivit`)."""
    ryhma = vakuutettu.members_entity_id
    return jaksot.lue(vakuutettu, period).jasenille(ryhma if rivit is None else ryhma[rivit], vakuutettu.count)
