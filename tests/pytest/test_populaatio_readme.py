"""The README's population example is what a run of its commands prints (`make readme-populaatio`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from openfisca_tartunta.populaatio import esimerkki

pytestmark = pytest.mark.slow  # generates and simulates a population

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readmen_populaatioesimerkki_vastaa_ajoa(tmp_path):
    lohko, kuva = esimerkki.aja(tmp_path)
    assert esimerkki.readmen_lohko(README.read_text(encoding="utf-8")) == lohko, "run `make readme-populaatio`"
    assert kuva.is_file() and (README.parent / esimerkki.KUVAN_POLKU).is_file()
