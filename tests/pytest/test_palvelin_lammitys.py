"""The master's warm-up before the workers fork (`palvelin/lammitys.py`)."""

from __future__ import annotations

import gc
import logging

from openfisca_tartunta.palvelin.asetukset import Asetukset
from openfisca_tartunta.palvelin.lammitys import lammita
from openfisca_tartunta.palvelin.sovellus import jarjestelma


def test_lammitys_jaadyttaa_keon_eika_kirjaa_mitaan(caplog):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    tbs = jarjestelma()
    muisti = tbs.__dict__.pop("_nopean_laskennan_muuttujat", None)
    try:
        with caplog.at_level(logging.DEBUG):
            lammita(tbs, Asetukset())
        # The model's objects are out of the collector's generations …
        assert gc.get_freeze_count() > 10_000
        # … the formulas' look-ups of the README's case are filled …
        assert {"tartuntatautipaivaraha", "tartuntatautipaivaraha_netto"} <= set(tbs.__dict__["_nopean_laskennan_muuttujat"])
        # … and nothing was logged: no request was made (no log line, no audit record).
        assert [r for r in caplog.records if r.name.startswith(("tartunta", "openfisca_tartunta"))] == []
    finally:
        gc.unfreeze()
        if muisti is not None:
            tbs.__dict__["_nopean_laskennan_muuttujat"].update(muisti)
