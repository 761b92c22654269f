"""A request body is parsed once (the access hook's parse is the endpoint's), and the audit record
still gets the proposal's outcome without the answer being parsed back (in-process, Flask client)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from openfisca_tartunta.esimerkit import KARANTEENI_PALKANSAAJA, paatoksen_tapaus
from openfisca_tartunta.palvelin import pyynnot
from openfisca_tartunta.palvelin.sovellus import luo_sovellus
from openfisca_tartunta.palvelin.turva.asetukset import TurvaAsetukset


@pytest.fixture
def asiakas(tmp_path):
    turva = TurvaAsetukset(kirjausloki=str(tmp_path / "loki.sqlite"), rekisteri=str(tmp_path / "valtuudet.sqlite"))
    return luo_sovellus(turva_asetukset=turva).test_client(), tmp_path / "loki.sqlite"


@pytest.fixture
def jasennykset(monkeypatch):
    kerrat = []
    alkuperainen = pyynnot.jasenna

    def laske(raaka):
        kerrat.append(len(raaka))
        return alkuperainen(raaka)

    monkeypatch.setattr(pyynnot, "jasenna", laske)
    return kerrat


def test_runko_jasennetaan_kerran(asiakas, jasennykset):
    client, _ = asiakas
    r = client.post("/calculate", json=KARANTEENI_PALKANSAAJA)
    assert r.status_code == 200
    # 1.6: 3 000 / 25 = 120 €/day; 11 arkipäivät 4.–15.3.2024 (Mon–Sat), no waiting days for a quarantine
    assert r.json["vakuutetut"]["vakuutettu_1"]["tartuntatautipaivaraha"]["2024-03"] == 1320.0
    assert len(jasennykset) == 1


def test_virheellinen_json_saa_tarkan_virheen(asiakas, jasennykset):
    client, _ = asiakas
    r = client.post("/calculate", data='{"vakuutetut": NaN}', content_type="application/json")
    assert r.status_code == 400 and r.json["virhe"] == "virheellinen_json"
    assert "NaN is not a JSON number" in r.json["viesti"]
    assert len(jasennykset) == 2  # the hook found no JSON; the endpoint parsed again for the precise message


def test_kirjausloki_saa_ehdotuksen_ratkaisun(asiakas):
    client, loki = asiakas
    r = client.post("/paatosehdotus", json=paatoksen_tapaus())
    assert r.status_code == 200 and r.json["ratkaisu"] == "myonteinen"
    html = client.post("/paatosehdotus?saaja=vakuutettu&muoto=html", json=paatoksen_tapaus())
    assert html.status_code == 200 and html.mimetype == "text/html"
    with sqlite3.connect(loki) as yhteys:
        rivit = yhteys.execute("SELECT polku, tila, ratkaisu FROM kirjaukset ORDER BY nro").fetchall()
    assert rivit[-2:] == [("/paatosehdotus", 200, "myonteinen"), ("/paatosehdotus", 200, None)]
    assert json.loads(r.data)["ratkaisu"] == "myonteinen"


@pytest.mark.parametrize("teksti, odotettu", [
    ('{"a": 12345678901234567890123}', 12345678901234567890123),  # beyond 64 bits: kept exact
    ('{"a": -9999999999999999999}', -9999999999999999999),
    ('{"a": 9007199254740993}', 9007199254740993),  # 2**53 + 1: exact, not a float
    ('{"a": 0.1}', 0.1),
    ('\ufeff{"a": "\\u00e4"}', "ä"),
    ('{"a": "\\ud800"}', "\ud800"),  # a lone surrogate: read as the standard parser reads it
])
def test_arvot_luetaan_tarkasti(teksti, odotettu):
    data = pyynnot.jasenna(teksti.encode("utf-8", "surrogatepass"))
    assert data == {"a": odotettu} and type(data["a"]) is type(odotettu)


@pytest.mark.parametrize("teksti, viesti", [
    ('{"a": NaN}', "NaN is not a JSON number"),
    ('{"a": -Infinity}', "-Infinity is not a JSON number"),
    ('{"a": 1e400}', "number 1e400 is out of range"),
    ('{"a": 1,}', "malformed JSON"),
    ("[" * 5000 + "]" * 5000, "malformed JSON"),
])
def test_virheet_nimetaan_tarkasti(teksti, viesti):
    with pytest.raises(pyynnot.Asiakasvirhe) as virhe:
        pyynnot.jasenna(teksti.encode())
    assert virhe.value.tila == 400 and viesti in str(virhe.value)
