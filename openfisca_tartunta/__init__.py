"""openfisca-tartunta: Kela's infectious-disease daily allowance as OpenFisca rules.

`CountryTaxBenefitSystem` is the entry point every OpenFisca tool expects.
"""

from __future__ import annotations

from importlib import metadata

from openfisca_tartunta.sijainnit import JUURI_DIR, PAKETTI_DIR

# In an editable checkout `reforms/` lives beside the package, not inside it.
# Extending the package path makes `openfisca_tartunta.reforms` importable in
# both layouts (YAML tests name reforms by that dotted path).
if JUURI_DIR != PAKETTI_DIR and str(JUURI_DIR) not in __path__:  # noqa: F821
    __path__.append(str(JUURI_DIR))  # noqa: F821

try:
    __version__ = metadata.version("openfisca-tartunta")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0+checkout"

from openfisca_tartunta.jarjestelma import CountryTaxBenefitSystem  # noqa: E402

__all__ = ["CountryTaxBenefitSystem", "__version__"]
