"""Every payee of the allowance, in one table (guideline 1.9.2, 1.9.2.1–1.9.2.11).

`MAKSUNSAAJIEN_OSUUDET` maps a payee code to the MONTH variable on `vakuutettu` that holds
what is paid to that payee.  Together with the tax withheld (`ennakonpidatys`)
they add up to the gross allowance, cent for cent (`tests/pytest/test_maksunsaajat.py`).
The payees are those of 1.9.2; the order in which their claims are met is in
RULES.md §11 and the modules `variables/regressi.py`, `variables/kunta.py`,
`variables/maksunsaajat.py`.
"""

from __future__ import annotations

import numpy as np

from openfisca_tartunta import jaksot, kalenteri
from openfisca_tartunta.annetut_kuukaudet import syote_annettu
from openfisca_tartunta.paatoksen_ajanjakso import maksettava_ikkuna
from openfisca_tartunta.raha import euroina
from openfisca_tartunta.tarkistukset import ei_negatiivinen, vaadi

#: payee code → the variable paid to it (€ per month).
MAKSUNSAAJIEN_OSUUDET: dict[str, str] = {
    "vakuutettu": "maksetaan_vakuutetulle",
    "edunvalvoja": "maksetaan_edunvalvojalle",
    "edunvalvontavaltuutettu": "maksetaan_edunvalvontavaltuutetulle",
    "valtakirja": "maksetaan_valtakirjalla",
    "tyonantaja": "maksetaan_tyonantajille",
    "palkkaturvan_maksaja": "maksetaan_palkkaturvan_maksajalle",
    "kunta": "maksetaan_kunnalle",
    "tyottomyyskassa": "maksetaan_tyottomyyskassalle",
    "kela": "maksetaan_kelalle",
    "ulosottoviranomainen": "ulosottopidatys",
}

#: What Kela withholds and pays to the tax authority: not a payee of 1.9.2, but part of the gross.
ENNAKONPIDATYS = "ennakonpidatys"


def vaatimus(vakuutettu, nimi: str, period, kohta: str) -> np.ndarray:
    """A claim input of the month as float64 euros (whole cents), checked non-negative and finite.

    A claim nobody gave (the usual population) is zeros without reading or checking the defaults."""
    if not syote_annettu(vakuutettu, nimi):
        return np.zeros(vakuutettu.count)
    arvo = euroina(vakuutettu(nimi, period))
    ei_negatiivinen(arvo, nimi, kohta)
    return arvo


def ei_vaatimusta(vakuutettu, *nimet: str) -> bool:
    """True when none of the claim inputs `nimet` holds a value in the simulation (the usual
    population): the claim's formula then returns zeros without reading anything else."""
    return not any(syote_annettu(vakuutettu, nimi) for nimi in nimet)


def tuen_maksupaivat(vakuutettu, period, vaatimus_nimi: str, alkaa_nimi: str, paattyy_nimi: str, kohta: str,
                     mika: str = "the income support paid in advance") -> np.ndarray:
    """The month's paid days inside the period `alkaa_nimi` … `paattyy_nimi` (ETERNITY dates, the
    end inclusive) where the claim `vaatimus_nimi` is given: the days a claimant may take the allowance
    for (TOTUL 23 §, the support's days; asiakasmaksulaki 14 §, the care's days).  Both dates are
    required with a claim; without one (the usual population) nothing is read."""
    if ei_vaatimusta(vakuutettu, vaatimus_nimi):
        return np.zeros(vakuutettu.count, dtype=np.int32)
    on = vaatimus(vakuutettu, vaatimus_nimi, period, kohta) > 0
    alkaa = kalenteri.paivina(vakuutettu(alkaa_nimi, period))
    paattyy = kalenteri.paivina(vakuutettu(paattyy_nimi, period))
    vaadi(~(on & (alkaa == kalenteri.EI_PAIVAA)), alkaa_nimi, alkaa,
          f"missing: the first day of {mika}, needed for the claim ({kohta})")
    vaadi(~(on & (paattyy == kalenteri.AINA)), paattyy_nimi, paattyy,
          f"missing: the last day of {mika}, needed for the claim ({kohta})")
    vaadi(~on | (paattyy >= alkaa), paattyy_nimi, paattyy, f"before {alkaa_nimi}; the end day is inclusive ({kohta})")
    if not on.any():  # the usual population: no claim, no calendar work
        return np.zeros(vakuutettu.count, dtype=np.int32)
    ikkuna_alku, ikkuna_loppu = maksettava_ikkuna(vakuutettu, period)
    paivat = jaksot.maksetut_paivat(np.maximum(alkaa, ikkuna_alku), np.minimum(paattyy, ikkuna_loppu), jaksot.lue(vakuutettu, period))
    maksetut = vakuutettu("tartuntatautipaivarahan_maksupaivat", period)
    return np.where(on, np.minimum(paivat, maksetut), 0)


def paivien_osuus(netto, paivat, kaikki) -> np.ndarray:
    """The part of the month's net for `paivat` of its `kaikki` paid days, spread evenly (RULES.md §11)."""
    from openfisca_tartunta.raha import senteiksi

    return senteiksi(np.asarray(netto, dtype=np.float64) * paivat / np.maximum(kaikki, 1))
