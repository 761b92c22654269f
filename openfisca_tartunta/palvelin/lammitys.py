"""Warm the model once in the master before the workers fork, then freeze the heap.

The first request of each kind fills caches that every later one reads: OpenFisca's
parameters at an instant, the formulas by date (`nopea_laskenta.py`), the calendar's
tables, the message catalogs and templates.  `lammita` fills them once in the master
(gunicorn's `preload_app`), so every worker starts warm and shares those pages
copy-on-write, and then calls `gc.freeze()`: the ~180 000 objects of the model and the
app leave the collector's generations, so a full collection no longer scans them
during a request (before: a pause of 5–15 ms now and then, seen in the p99).

The warm-up computes the README's case through the endpoints' own functions, without
Flask: no request, no log line, no audit record.
"""

from __future__ import annotations

import copy
import gc

from openfisca_tartunta.esimerkit import KARANTEENI_PALKANSAAJA, paatoksen_tapaus
from openfisca_tartunta.palvelin.laskenta import laske_tilanne
from openfisca_tartunta.palvelin.paatosehdotus import KIELET, vastaus as paatosvastaus

def lammita(tbs, asetukset) -> None:
    """One `/calculate` and one `/paatosehdotus` per language in-process, then `gc.freeze()`."""
    laske_tilanne(tbs, copy.deepcopy(KARANTEENI_PALKANSAAJA), asetukset.max_entities)
    for kieli in KIELET:
        paatosvastaus(tbs, paatoksen_tapaus(), kieli, asetukset)
    gc.collect()
    gc.freeze()
