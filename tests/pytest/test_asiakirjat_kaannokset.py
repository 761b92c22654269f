"""The message catalogs: every text of the decision documents is translated into Finnish and
Swedish, keeps its placeholders, and the template `asiakirjat.pot` is up to date with the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import openfisca_tartunta.asiakirjat as asiakirjat

HAKEMISTO = Path(asiakirjat.__file__).parent
PAIKKA = re.compile(r"%\((\w+)\)s")


def _koodin_viestit() -> set:
    viestit = set()
    for _tiedosto, _rivi, viesti, _kommentit, _konteksti in extract_from_dir(
        str(HAKEMISTO), method_map=[("**.py", "python")], keywords={"_": None, "N_": None, "n_": (1, 2)}
    ):
        viestit.add(viesti)
    return viestit


def _luettelo(kieli: str):
    with (HAKEMISTO / "locale" / kieli / "LC_MESSAGES" / "asiakirjat.po").open("rb") as f:
        return read_po(f, locale=kieli)


def test_pohja_on_ajan_tasalla():
    with (HAKEMISTO / "locale" / "asiakirjat.pot").open("rb") as f:
        pohja = {m.id for m in read_po(f) if m.id}
    assert _koodin_viestit() == pohja


@pytest.mark.parametrize("kieli", ["fi", "sv"])
def test_kaikki_kaannetty_ja_paikat_sailyvat(kieli):
    luettelo = _luettelo(kieli)
    for viesti in _koodin_viestit():
        m = luettelo.get(viesti)
        assert m is not None and m.string and all(m.string if isinstance(m.string, tuple) else [m.string]), viesti
        lahde = set(PAIKKA.findall(" ".join(viesti if isinstance(viesti, tuple) else [viesti]))) - {"n"}
        kaannos = set(PAIKKA.findall(" ".join(m.string if isinstance(m.string, tuple) else [m.string]))) - {"n"}
        assert kaannos == lahde, (viesti, m.string)


@pytest.mark.parametrize("kieli", ["fi", "sv", "en"])
def test_ei_sumeita_kaannoksia(kieli):
    """A fuzzy entry (pybabel's guess after a msgid changed) is not used at run time: the text would fall
    back to English. None may be left in a catalog."""
    sumeat = [m.id for m in _luettelo(kieli) if m.id and m.fuzzy]
    assert sumeat == []
