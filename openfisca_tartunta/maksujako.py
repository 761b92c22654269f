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

from openfisca_tartunta.raha import euroina
from openfisca_tartunta.tarkistukset import ei_negatiivinen

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
    """A claim input of the month as float64 euros (whole cents), checked non-negative and finite."""
    arvo = euroina(vakuutettu(nimi, period))
    ei_negatiivinen(arvo, nimi, kohta)
    return arvo
