"""The fields the OpenFisca Legislation Explorer reads, over real HTTP from `tartunta serve`.

The explorer (openfisca/legislation-explorer) lists `/parameters` and `/variables`, shows a
parameter's description, documentation, values and (newer versions) `metadata` (label, unit,
date-keyed `reference` with `title`/`href`), a variable's description, references (each rendered
as a link), documentation and formulas (content, source, the parameters each formula links), and
`/entities` and `/spec`.
"""

from __future__ import annotations

import re

import pytest

import test_palvelin_apu as apu
from lakiselain import linkitetyt_parametrit

pytestmark = pytest.mark.slow

URL = re.compile(r"^https://[^\s]+$")
PAIVA = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def palvelin():
    palvelin = apu.palvelin()
    yield palvelin
    palvelin.pysayta()


@pytest.fixture(scope="module")
def parametrit(palvelin):
    luettelo = palvelin.get("/parameters").json()
    return {tunnus: palvelin.get(f"/parameter/{tunnus}").json() for tunnus in luettelo}


@pytest.fixture(scope="module")
def muuttujat(palvelin):
    luettelo = palvelin.get("/variables").json()
    return {nimi: palvelin.get(f"/variable/{nimi}").json() for nimi in luettelo}


def _lehdet(parametrit):
    return {tunnus: p for tunnus, p in parametrit.items() if "values" in p}


def test_parametrin_metatiedot_ja_arvokohtaiset_lahteet(parametrit):
    lehdet = _lehdet(parametrit)
    assert len(lehdet) >= 25
    for tunnus, p in lehdet.items():
        assert p["description"], tunnus
        assert p["metadata"]["label"], tunnus
        assert p["metadata"]["unit"], tunnus
        viitteet = p["metadata"]["reference"]
        # date-keyed, one entry per dated value, each a list of {title, href}
        assert set(viitteet) == set(p["values"]), tunnus
        for paiva, lista in viitteet.items():
            assert PAIVA.match(paiva) and lista, (tunnus, paiva)
            for viite in lista:
                assert set(viite) <= {"title", "href"} and viite["title"], (tunnus, viite)
                assert "href" not in viite or URL.match(viite["href"]), (tunnus, viite)
            assert any("href" in v for v in lista), (tunnus, paiva)
    assert p["source"].startswith("https://")


def test_arvon_oma_lahde_ensin(parametrit):
    # parameters/ulosotto/suojaosuus.yaml: 2022-01-01 value 23.20 cites "Asetus 1033/2021"
    velallinen = parametrit["ulosotto.suojaosuus.velallinen"]
    assert velallinen["values"]["2022-01-01"] == pytest.approx(23.20)
    assert velallinen["metadata"]["reference"]["2022-01-01"][0] == {
        "title": "Asetus 1033/2021",
        "href": "https://www.finlex.fi/fi/laki/alkup/2021/20211033",
    }
    # the covid-19 rules: six months from 2022-01-01, two again from 2023-01-01 (L 139/2022)
    hakuaika = parametrit["hakeminen.hakuaika_kuukausina"]
    assert hakuaika["values"] == {"2017-01-01": 2, "2022-01-01": 6, "2023-01-01": 2}
    assert hakuaika["metadata"]["reference"]["2022-01-01"][0]["href"] == "https://www.finlex.fi/fi/laki/alkup/2022/20220139"
    assert parametrit["oikeus.covid19_todettu_tartunta"]["values"] == {
        "2017-01-01": False, "2022-01-01": True, "2023-01-01": False
    }


def test_muuttujien_viitteet_ovat_osoitteita(muuttujat):
    assert len(muuttujat) >= 100
    for nimi, m in muuttujat.items():
        assert m["description"], nimi
        assert m["references"], nimi
        assert all(URL.match(r) for r in m["references"]), (nimi, m["references"])
        # the citation text stays in the documentation
        assert "Lähteet: " in m["documentation"], nimi
    maara = muuttujat["tartuntatautipaivaraha"]
    assert "https://www.finlex.fi/fi/laki/ajantasa/2004/20041224" in maara["references"]
    assert "SVL 1224/2004 11 luku 15 §" in maara["documentation"]


def test_jokainen_parametri_linkitetty_kaavasta(parametrit, muuttujat):
    lehdet = set(_lehdet(parametrit))
    linkitetyt = set()
    for m in muuttujat.values():
        for kaava in m.get("formulas", {}).values():
            assert kaava["source"].startswith("https://") and "/blob/" in kaava["source"]
            linkitetyt |= linkitetyt_parametrit(kaava["content"], lehdet)
    assert lehdet - linkitetyt == set()
    # the divisors ÷25 and ÷300 are linked from the divisor's formula page
    jakaja = next(iter(muuttujat["paivarahan_jakaja"]["formulas"].values()))["content"]
    assert {"paivaraha.palkansaajan_jakaja", "paivaraha.yrittajan_jakaja"} <= linkitetyt_parametrit(jakaja, lehdet)


def test_entiteetit_ja_spec(palvelin):
    entiteetit = palvelin.get("/entities").json()
    assert entiteetit["vakuutettu"]["roles"] and entiteetit["ansiotyo"]["description"]
    assert "/calculate" in palvelin.get("/spec").json()["paths"]
