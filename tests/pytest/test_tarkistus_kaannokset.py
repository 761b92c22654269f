"""The revision documents' catalogs (gettext domain `tarkistus`): the template is up to date with
the code, every text has a Finnish and a Swedish translation, and placeholders are kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

import openfisca_tartunta.asiakirjat as asiakirjat

HAKEMISTO = Path(asiakirjat.__file__).parent
PAIKKA = re.compile(r"%\((\w+)\)s")


def _koodin_viestit() -> set:
    return {viesti for _rivi, viesti, _k, _c in extract_from_file(
        "python", str(HAKEMISTO / "tarkistus.py"), keywords={"T_": None, "t": None})}


def test_pohja_on_ajan_tasalla():
    with (HAKEMISTO / "locale" / "tarkistus.pot").open("rb") as f:
        assert _koodin_viestit() == {m.id for m in read_po(f) if m.id}


@pytest.mark.parametrize("kieli", ["fi", "sv"])
def test_kaikki_kaannetty_ja_paikat_sailyvat(kieli):
    with (HAKEMISTO / "locale" / kieli / "LC_MESSAGES" / "tarkistus.po").open("rb") as f:
        luettelo = read_po(f, locale=kieli)
    for viesti in _koodin_viestit():
        m = luettelo.get(viesti)
        assert m is not None and m.string, viesti
        assert set(PAIKKA.findall(m.string)) == set(PAIKKA.findall(viesti)), (viesti, m.string)
