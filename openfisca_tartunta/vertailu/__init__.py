"""What a rule change moves: `tartunta vertaa` (drafters' tool).

Modules: `jarjestelmat` (the two systems: a git revision, a reform, the law of a
date), `parametrit` (parameter values changed), `kaavat` (formulas changed, with
the guideline sections they cite), `tapaukset` (every YAML case output that
moves), `vaikutus` (the population impact, through `tartunta simuloi`),
`raportti` (HTML, Markdown and JSON) and `ajo` (the command and `vertaa()`).
"""

from __future__ import annotations

from openfisca_tartunta.vertailu.ajo import vertaa
from openfisca_tartunta.vertailu.jarjestelmat import Vertailuvirhe
from openfisca_tartunta.vertailu.raportti import Raportti, kirjoita

__all__ = ["Raportti", "Vertailuvirhe", "kirjoita", "vertaa"]
