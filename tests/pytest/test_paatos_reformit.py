"""The decision formats the model (issue 8, "the model decides, the decision formats").

For the baseline and each reform in `reforms/`, the service is built with that system and, on a
set of cases, every figure of the proposal must equal the model's own output for the case
(computed here with a plain OpenFisca simulation), and the reasons must account for every
arkipäivä of the decision: granted + refused = the decision's arkipäivät, not-paid ≤ granted,
paid = granted − not paid.
"""

from __future__ import annotations

import copy

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

import test_palvelin_apu as apu
from openfisca_tartunta.palvelin.sovellus import jarjestelma, luo_sovellus
from openfisca_tartunta.raha import sentteina
from openfisca_tartunta.reforms import REFORMIT, sovella_reformit


def _kaksi_kuukautta() -> dict:
    """Isolation 18.3.–12.4.2024, Kela's rehabilitation allowance from 8.4. (blocks), annual leave 25.–27.3."""
    t = copy.deepcopy(apu.KARANTEENI)
    t["ansiotyot"]["tyo_1"]["ansionmenetys"] = {"2024-03": 2500, "2024-04": 2500}
    t["vakuutetut"]["vakuutettu_1"].update(
        poissaolon_peruste={"ETERNITY": "eristaminen"},
        poissaolo_alkaa={"ETERNITY": "2024-03-18"},
        poissaolo_paattyy={"ETERNITY": "2024-04-12"},
        estava_etuus_1={"ETERNITY": "kelan_kuntoutusraha"},
        estava_etuus_1_alkaa={"ETERNITY": "2024-04-08"},
        estava_etuus_1_paattyy={"ETERNITY": "2024-04-30"},
        vuosiloma_1_alkaa={"ETERNITY": "2024-03-25"},
        vuosiloma_1_paattyy={"ETERNITY": "2024-03-27"},
    )
    return t


def _tyonantaja_ja_yrittaja() -> dict:
    t = copy.deepcopy(apu.KARANTEENI)
    t["ansiotyot"]["tyo_1"].update(tyonantajan_maksama_palkka={"2024-03": 1000}, palkallinen_vapaa_alkaa={"ETERNITY": "2024-03-04"},
                                   palkallinen_vapaa_paattyy={"ETERNITY": "2024-03-08"}, korvaavan_tyon_palkka={"2024-03": 500})
    t["ansiotyot"]["yritys"] = {"yrittajavakuutus": {"ETERNITY": "yel"}, "yrittajan_tyotulo": {"ETERNITY": 30000}}
    t["vakuutetut"]["vakuutettu_1"]["yritystoiminnat"] = ["yritys"]
    t["vakuutetut"]["vakuutettu_1"].update(maksueste_1_alkaa={"ETERNITY": "2024-03-13"}, maksueste_1_paattyy={"ETERNITY": "2024-03-14"})
    return t


TAPAUKSET = {
    "perus": lambda: copy.deepcopy(apu.KARANTEENI),
    "myohassa": lambda: apu.tapaus(hakemus_saapunut={"ETERNITY": "2024-05-07"}),
    "kaksi_kuukautta": _kaksi_kuukautta,
    "tyonantaja_ja_yrittaja": _tyonantaja_ja_yrittaja,
    "korvaava_tyo": lambda: {**apu.KARANTEENI, "ansiotyot": {"tyo_1": {"ansionmenetys": {"2024-03": 3000}, "korvaavan_tyon_palkka": {"2024-03": 3000}}}},
}

VAKUUTETUN = {
    "paatoksen_arkipaivat": "paatoksen_arkipaivat",
    "myonnetyt_paivat": None,  # granted: myonnetyt_paivat where oikeus_tartuntatautipaivarahaan
    "maksupaivat": "tartuntatautipaivarahan_maksupaivat",
    "paivaraha": "tartuntatautipaivaraha_paivalta",
    "brutto": "tartuntatautipaivaraha",
    "vakuutetulle_brutto": "tartuntatautipaivaraha_vakuutetulle",
    "ennakonpidatys": "ennakonpidatys",
    "ulosottopidatys": "ulosottopidatys",
    "netto": "tartuntatautipaivaraha_netto",
    "tyonantajille_yhteensa": "tartuntatautipaivaraha_tyonantajille",
}
RIVIN = {"perusteen_maara": "paivarahan_peruste", "jakaja": "paivarahan_jakaja", "osuus_paivalta": "paivarahan_osuus"}


def _euro(x) -> float:
    return round(int(sentteina(x).item()) / 100, 2)


@pytest.fixture(scope="module")
def perus():
    return jarjestelma()


@pytest.mark.parametrize("reformi", [None, *sorted(REFORMIT)])
def test_ehdotus_on_mallin_tulos(perus, reformi):
    tbs = perus if reformi is None else sovella_reformit(perus, [reformi])
    asiakas = luo_sovellus(tax_benefit_system=tbs).test_client()
    for nimi, tee in TAPAUKSET.items():
        tilanne = tee()
        r = asiakas.post("/paatosehdotus", json={**copy.deepcopy(tilanne), "kieli": "fi"})
        assert r.status_code == 200, (reformi, nimi, r.get_data(as_text=True)[:500])
        e = r.get_json()
        sim = SimulationBuilder().build_from_entities(tbs, copy.deepcopy(tilanne))
        rivit = list(tilanne["ansiotyot"])
        for kk in e["kuukaudet"]:
            kausi = kk["kuukausi"]
            for kentta, muuttuja in VAKUUTETUN.items():
                if muuttuja is None:
                    oikeus = bool(sim.calculate("oikeus_tartuntatautipaivarahaan", kausi)[0])
                    odotettu = int(sim.calculate("myonnetyt_paivat", kausi)[0]) if oikeus else 0
                elif isinstance(kk[kentta], float):
                    odotettu = _euro(sim.calculate(muuttuja, kausi)[0])
                else:
                    odotettu = int(sim.calculate(muuttuja, kausi)[0])
                assert kk[kentta] == odotettu, (reformi, nimi, kausi, kentta)
            for peruste in kk["paivarahan_perusteet"]:
                i = rivit.index(peruste["ansiotyo"])
                for kentta, muuttuja in RIVIN.items():
                    arvo = sim.calculate(muuttuja, kausi)[i]
                    odotettu = int(arvo) if kentta == "jakaja" else _euro(arvo)
                    assert peruste[kentta] == odotettu, (reformi, nimi, kausi, kentta)
                assert str(peruste["jakaja"]) in peruste["teksti"]
            for osuus in kk["tyonantajille"]:
                i = rivit.index(osuus["ansiotyo"])
                assert osuus["maara"] == _euro(sim.calculate("tartuntatautipaivaraha_tyonantajalle", kausi)[i])
        # payment periods add up to the months exactly
        for kentta in ("maksupaivat", "brutto", "ennakonpidatys", "ulosottopidatys", "netto"):
            assert round(sum(m[kentta] for m in e["maksukaudet"]), 2) == round(sum(k[kentta] for k in e["kuukaudet"]), 2), (reformi, nimi, kentta)
        # the reasons account for every arkipäivä of the decision
        y = e["yhteensa"]
        myonnetty = sum(p["paivat"] for p in e["perustelut"] if p["vaikutus"] == "myonteinen")
        hylatty = sum(p["paivat"] for p in e["perustelut"] if p["vaikutus"] == "kielteinen")
        ei_makseta = sum(p["paivat"] for p in e["perustelut"] if p["vaikutus"] == "ei_makseta")
        assert myonnetty == y["myonnetyt_paivat"], (reformi, nimi)
        assert myonnetty + hylatty == y["paatoksen_arkipaivat"], (reformi, nimi, e["perustelut"])
        assert y["maksupaivat"] == myonnetty - ei_makseta, (reformi, nimi)


def test_tapaukset_kattavat_syyt(perus):
    """The case set exercises the reasons it claims to (late, blocked, leave, restriction, replacement work)."""
    asiakas = luo_sovellus(tax_benefit_system=perus).test_client()
    koodit = set()
    for tee in TAPAUKSET.values():
        koodit |= {p["koodi"] for p in asiakas.post("/paatosehdotus", json=tee()).get_json()["perustelut"]}
    assert {"hakemus_myohassa", "estava_etuus", "vuosiloma", "maksamisen_rajoitus", "korvaava_tyo", "tyonantajalle"} <= koodit


def test_odotusajan_paivat_hylataan_ajalta(perus):
    """Issue 8 finding 4: with the waiting-period reform, 11 decision days give 1 granted day; the
    other 10 are explained and rejected as a dated period (4.–14.3.2024)."""
    asiakas = luo_sovellus(tax_benefit_system=sovella_reformit(perus, ["odotusaika"])).test_client()
    e = asiakas.post("/paatosehdotus", json={**apu.tapaus(), "kieli": "fi"}).get_json()
    y = e["yhteensa"]
    ulkona = [p for p in e["perustelut"] if p["koodi"] == "ei_maksettavaa_aikaa"]
    assert len(ulkona) == 1 and ulkona[0]["paivat"] == y["paatoksen_arkipaivat"] - y["myonnetyt_paivat"]
    hylatty = [j for j in e["jaksot"] if j["ratkaisu"] == "hylataan"]
    granted = [j for j in e["jaksot"] if j["ratkaisu"] == "myonnetaan"]
    assert hylatty[0]["alkaa"] == "2024-03-04" and hylatty[0]["arkipaivat"] == ulkona[0]["paivat"]
    assert granted and granted[0]["alkaa"] > hylatty[0]["paattyy"]
