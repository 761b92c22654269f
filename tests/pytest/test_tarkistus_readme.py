"""The README's `/tarkistus` example: its request gives the answer excerpt shown (in-process app)."""

from __future__ import annotations

import json
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def _lohko(teksti: str, merkki: str) -> dict:
    osuma = re.search(rf"<!-- {merkki} -->\s*```json\n(.*?)```", teksti, re.S)
    assert osuma, f"README has no block after <!-- {merkki} -->"
    return json.loads(osuma.group(1))


def test_readmen_tarkistusesimerkki():
    from openfisca_tartunta.palvelin.sovellus import luo_sovellus

    teksti = README.read_text(encoding="utf-8")
    pyynto, odotettu = _lohko(teksti, "tarkistus-esimerkki"), _lohko(teksti, "tarkistus-vastaus")
    vastaus = luo_sovellus().test_client().post("/tarkistus", json=pyynto)
    assert vastaus.status_code == 200, vastaus.get_data(as_text=True)[:300]
    saaja = next(m for m in vastaus.json["maksunsaajat"] if m["maksunsaaja"] == odotettu["maksunsaaja"])
    assert {k: saaja[k] for k in odotettu} == odotettu
