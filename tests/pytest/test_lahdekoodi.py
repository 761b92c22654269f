"""The `source` field of `/variable/*` and `/parameter/*` (the Legislation Explorer's "Edit" links)."""

from __future__ import annotations

import re

import pytest

from openfisca_tartunta import CountryTaxBenefitSystem
from openfisca_tartunta.lahdekoodi import YMPARISTO_REF, YMPARISTO_URL
from openfisca_tartunta.palvelin.sovellus import luo_sovellus
from openfisca_tartunta.sijainnit import JUURI_DIR

PYPROJECT_URL = "https://github.com/openfisca-tartunta/openfisca-tartunta"


def _asiakas(monkeypatch, **ymparisto):
    for nimi in (YMPARISTO_URL, YMPARISTO_REF):
        monkeypatch.delenv(nimi, raising=False)
    for nimi, arvo in ymparisto.items():
        monkeypatch.setenv(nimi, arvo)
    return luo_sovellus(tax_benefit_system=CountryTaxBenefitSystem()).test_client()


def test_muuttujan_lahde_pyprojectin_osoitteesta(monkeypatch):
    vastaus = _asiakas(monkeypatch).get("/variable/tartuntatautipaivaraha").get_json()
    lahde = vastaus["source"]
    assert "None" not in lahde
    osoite = re.fullmatch(re.escape(PYPROJECT_URL) + r"/blob/0\.1\.0/variables/(\w+\.py)#L(\d+)-L(\d+)", lahde)
    assert osoite, lahde
    rivit = (JUURI_DIR / "variables" / osoite[1]).read_text(encoding="utf-8").splitlines()
    alku, loppu = int(osoite[2]), int(osoite[3])
    # OpenFisca starts a variable's range one line above its `class` line
    assert any(r.startswith("class tartuntatautipaivaraha(") for r in rivit[alku - 1 : loppu])
    for kaava in vastaus["formulas"].values():
        assert kaava["source"].startswith(f"{PYPROJECT_URL}/blob/0.1.0/variables/{osoite[1]}#L")


def test_parametrin_lahde_ja_asetukset(monkeypatch):
    asiakas = _asiakas(monkeypatch, **{YMPARISTO_URL: "https://git.example.org/kela/tartunta/", YMPARISTO_REF: "main"})
    vastaus = asiakas.get("/parameter/paivaraha/palkansaajan_jakaja").get_json()
    assert vastaus["source"] == (
        "https://git.example.org/kela/tartunta/blob/main/parameters/paivaraha/palkansaajan_jakaja.yaml"
    )
    assert (JUURI_DIR / "parameters/paivaraha/palkansaajan_jakaja.yaml").is_file()


@pytest.mark.parametrize(
    ("nimi", "arvo"), [(YMPARISTO_URL, "git@github.com:x/y"), (YMPARISTO_REF, "main; rm -rf")]
)
def test_virheellinen_asetus_nimetaan(monkeypatch, nimi, arvo):
    monkeypatch.setenv(nimi, arvo)
    with pytest.raises(ValueError, match=nimi):
        CountryTaxBenefitSystem().get_package_metadata()
