"""Other payees over real HTTP (`tartunta serve`): `/paatosehdotus` lists each payee's amount
per month, `/calculate` gives the payee variables, a claim missing a date it needs is a 400
naming the field (guideline 1.9.2.5, 1.9.2.9; RULES.md §11).

September 2024: 25 arkipäivää. Lost pay 2 500 €/month → 100 €/pv, gross 2 500 €; a card for
benefits at 20 % → tax 500, net 2 000. The municipality's income support 1.–14.9. (12 paid days),
claim 600 € on time → 600. Distraint base 1 400 (alone, 976,80 protected): 2/3 × 423,20 = 282,13;
the insured 1 400 − 282,13 = 1 117,87.
"""

from __future__ import annotations

import copy

import pytest

import test_palvelin_apu as apu

pytestmark = pytest.mark.slow

KK = "2024-09"
TAPAUS = {
    "ansiotyot": {"tyo_1": {"ansionmenetys": {KK: 2500}}},
    "vakuutetut": {
        "vakuutettu_1": {
            "palkkatyot": ["tyo_1"],
            "poissaolon_peruste": {"ETERNITY": "karanteeni"},
            "poissaolo_alkaa": {"ETERNITY": "2024-09-01"},
            "poissaolo_paattyy": {"ETERNITY": "2024-09-30"},
            "ennakonpidatysperuste": {KK: "etuuden_verokortti"},
            "ennakonpidatysprosentti": {KK: 20},
            "ulosotto_maksukielto": {KK: True},
            "kunnan_toimeentulotukivaatimus": {KK: 600},
            "kunnan_toimeentulotuki_alkaa": {"ETERNITY": "2024-09-01"},
            "kunnan_toimeentulotuki_paattyy": {"ETERNITY": "2024-09-14"},
            "kunnan_vaatimus_saapunut": {"ETERNITY": "2024-09-10"},
            "maksupaiva": {KK: "2024-10-01"},
        }
    },
}


@pytest.fixture(scope="module")
def palvelin():
    return apu.palvelin()


def test_paatosehdotus_luettelee_maksunsaajat(palvelin):
    vastaus = palvelin.post("/paatosehdotus", copy.deepcopy(TAPAUS))
    assert vastaus.status_code == 200, vastaus.text[:500]
    assert vastaus.json()["maksunsaajat"] == [
        {"kuukausi": KK, "saaja": "vakuutettu", "maara": 1117.87},
        {"kuukausi": KK, "saaja": "kunta", "maara": 600.0},
        {"kuukausi": KK, "saaja": "ulosottoviranomainen", "maara": 282.13},
    ]


def test_calculate_antaa_maksunsaajien_muuttujat(palvelin):
    tapaus = copy.deepcopy(TAPAUS)
    for nimi in ("maksetaan_kunnalle", "ulosottopidatys", "tartuntatautipaivaraha_netto", "maksetaan_tyottomyyskassalle"):
        tapaus["vakuutetut"]["vakuutettu_1"][nimi] = {KK: None}
    vastaus = palvelin.post("/calculate", tapaus)
    assert vastaus.status_code == 200, vastaus.text[:500]
    v = vastaus.json()["vakuutetut"]["vakuutettu_1"]
    assert (v["maksetaan_kunnalle"][KK], v["ulosottopidatys"][KK]) == (pytest.approx(600), pytest.approx(282.13))
    assert (v["tartuntatautipaivaraha_netto"][KK], v["maksetaan_tyottomyyskassalle"][KK]) == (pytest.approx(1117.87), 0)


def test_puuttuva_maksupaiva_on_400(palvelin):
    tapaus = copy.deepcopy(TAPAUS)
    del tapaus["vakuutetut"]["vakuutettu_1"]["maksupaiva"]
    vastaus = palvelin.post("/paatosehdotus", tapaus)
    assert vastaus.status_code == 400, vastaus.text[:500]
    runko = vastaus.json()
    assert "maksupaiva" in runko["kentta"] and "missing" in runko["viesti"]
    assert "Traceback" not in vastaus.text


def test_asiakirja_nimeaa_kunnan_eika_yleista_huomiota(palvelin):
    """The insured's document names the payees (issue 14 item 4); the old catch-all handler note is gone."""
    vastaus = palvelin.post("/paatosehdotus", copy.deepcopy(TAPAUS)).json()
    assert "muut_maksunsaajat" not in [h["koodi"] for h in vastaus["kasittelijan_huomiot"]]
    vakuutetun = next(d for d in vastaus["asiakirjat"] if d["tunnus"] == "vakuutettu")
    saajat = [k.replace("\xa0", " ") for k in next(o for o in vakuutetun["osiot"] if o["koodi"] == "maksunsaajat")["kappaleet"]]
    assert saajat == ["Maksetaan syyskuussa 2024: sinulle 1 117,87 €, hyvinvointialueelle 600,00 € ja "
                      "ulosottoviranomaiselle 282,13 €; ennakonpidätys 500,00 €."]
    ilman = copy.deepcopy(TAPAUS)
    ilman["vakuutetut"]["vakuutettu_1"]["kunnan_toimeentulotukivaatimus"] = {KK: 0}
    vastaus = palvelin.post("/paatosehdotus", ilman).json()
    assert [m["saaja"] for m in vastaus["maksunsaajat"]] == ["vakuutettu", "ulosottoviranomainen"]
