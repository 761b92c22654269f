"""Where the rule folders live.

`parameters/`, `variables/` and `reforms/` sit at the top of the repository but
belong to the package: the wheel carries them inside `openfisca_tartunta/`
(hatchling `force-include`), while an editable checkout keeps them one level
up.  Everything that needs them asks this module.
"""

from __future__ import annotations

from pathlib import Path

PAKETTI_DIR = Path(__file__).resolve().parent
_KANDIDAATIT = (PAKETTI_DIR, PAKETTI_DIR.parent)


def _etsi(nimi: str) -> Path:
    for juuri in _KANDIDAATIT:
        polku = juuri / nimi
        if polku.is_dir():
            return polku
    raise FileNotFoundError(
        f"openfisca_tartunta: folder '{nimi}/' not found next to the package "
        f"({', '.join(str(k) for k in _KANDIDAATIT)}); the installation is incomplete."
    )


PARAMETRIT_DIR = _etsi("parameters")
MUUTTUJAT_DIR = _etsi("variables")
REFORMIT_DIR = _etsi("reforms")
# The folder that holds `variables/` and `reforms/`: in a checkout the repository
# root, in a wheel the package itself.
JUURI_DIR = MUUTTUJAT_DIR.parent
