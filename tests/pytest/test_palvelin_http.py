"""The web service over real HTTP: `tartunta serve` (gunicorn, 2 workers) on a free loopback port.

Every expected amount is worked by hand from the guideline; the arithmetic is in
each test's docstring.  March 2024: Mon 4.3.–Fri 15.3. has 11 arkipäivät
(Mon–Sat, no holiday); Easter 2024 is Good Friday 29.3. and Easter Monday 1.4.
"""

from __future__ import annotations

import copy
import json
import re
import socket

import pytest
import requests

import test_palvelin_apu as apu

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def palvelin():
    palvelin = apu.palvelin()
    yield palvelin
    palvelin.pysayta()


def _virhe(vastaus, tila: int, koodi: str | None = None, kentta: str | None = None) -> dict:
    """Assert a JSON error of the given status, code and field; no stack trace."""
    assert vastaus.status_code == tila, vastaus.text[:500]
    assert vastaus.headers["Content-Type"].startswith("application/json")
    runko = vastaus.json()
    assert {"virhe", "viesti", "kentta", "virheet", "pyynto_id"} <= set(runko)
    assert "Traceback" not in vastaus.text and 'File "' not in vastaus.text
    if koodi:
        assert runko["virhe"] == koodi, runko
    if kentta:
        assert runko["kentta"] == kentta, runko
    assert runko["pyynto_id"] == vastaus.headers["X-Request-ID"]
    return runko


# --- health and the stock OpenFisca API -------------------------------------------


def test_health(palvelin):
    import openfisca_tartunta

    r = palvelin.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": openfisca_tartunta.__version__, "openfisca": r.json()["openfisca"],
                        "kayttooikeudet": {"tila": "avoin", "huomautus": r.json()["kayttooikeudet"]["huomautus"]}}
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", r.json()["openfisca"])


def test_openfiscan_perusrajapinta(palvelin):
    assert "tartuntatautipaivaraha" in palvelin.get("/variables").json()
    muuttuja = palvelin.get("/variable/tartuntatautipaivaraha").json()
    assert muuttuja["definitionPeriod"] == "MONTH" and muuttuja["entity"] == "vakuutettu"
    assert "paivaraha.palkansaajan_jakaja" in palvelin.get("/parameters").json()
    jakaja = palvelin.get("/parameter/paivaraha.palkansaajan_jakaja").json()
    assert list(jakaja["values"].values()) == [25]  # 1.6: kuukausitulon kahdeskymmenesviidesosa
    entiteetit = palvelin.get("/entities").json()
    assert set(entiteetit) == {"ansiotyo", "vakuutettu"}
    _virhe(palvelin.get("/variable/ei_tallaista"), 404, "ei_loydy")


def test_spec_kuvaa_omat_polut(palvelin):
    spec = palvelin.get("/spec").json()
    for polku in ("/calculate", "/trace", "/paatosehdotus", "/eraajo", "/health"):
        assert polku in spec["paths"], polku
    assert spec["servers"] == [{"url": "/"}]  # relative: the Host header is never copied in
    vieras = palvelin.get("/spec", headers={"Host": "evil.example"}).json()
    assert "evil.example" not in json.dumps(vieras)
    assert "Virhe" in spec["components"]["schemas"]
    assert spec["paths"]["/eraajo"]["post"]["requestBody"]["content"]["application/json"]["example"]["kuukaudet"]


def test_calculate_karanteeni(palvelin):
    """1.6: 3 000 €/month → 3 000 / 25 = 120.00 €/day; 11 arkipäivät × 120 = 1 320.00 €."""
    tilanne = apu.tapaus(
        tartuntatautipaivaraha_paivalta={"2024-03": None},
        tartuntatautipaivarahan_maksupaivat={"2024-03": None},
        tartuntatautipaivaraha={"2024-03": None},
        poissaolo_alkaa={"ETERNITY": "2024-03-04"},
    )
    r = palvelin.post("/calculate", tilanne)
    assert r.status_code == 200, r.text
    v = r.json()["vakuutetut"]["vakuutettu_1"]
    assert v["tartuntatautipaivaraha_paivalta"]["2024-03"] == pytest.approx(120.00, abs=0.01)
    assert v["tartuntatautipaivarahan_maksupaivat"]["2024-03"] == 11
    assert v["tartuntatautipaivaraha"]["2024-03"] == pytest.approx(1320.00, abs=0.01)
    assert r.headers["Country-Package"] == "openfisca-tartunta"


def test_calculate_akselit(palvelin):
    """Axes vary the lost pay 0 / 1 500 / 3 000 €: daily amounts 0, 60.00 and 120.00 (1.6)."""
    tilanne = apu.tapaus(tartuntatautipaivaraha_paivalta={"2024-03": None})
    tilanne["axes"] = [[{"count": 3, "name": "ansionmenetys", "min": 0, "max": 3000, "period": "2024-03"}]]
    r = palvelin.post("/calculate", tilanne)
    assert r.status_code == 200, r.text
    assert r.json()["vakuutetut"]["vakuutettu_1"]["tartuntatautipaivaraha_paivalta"]["2024-03"] == pytest.approx([0, 60, 120], abs=0.01)


def test_trace(palvelin):
    r = palvelin.post("/trace", apu.tapaus(tartuntatautipaivaraha={"2024-03": None}))
    assert r.status_code == 200, r.text
    runko = r.json()
    assert runko["requestedCalculations"] == ["tartuntatautipaivaraha<2024-03>"]
    assert runko["entitiesDescription"] == {"ansiotyot": ["tyo_1"], "vakuutetut": ["vakuutettu_1"]}
    assert runko["trace"]["tartuntatautipaivaraha<2024-03>"]["value"] == pytest.approx([1320.0])


# --- decision proposals -------------------------------------------------------------


def _tyonantajan_palkka(tilanne: dict, rivi: str, palkka: float, alku: str, loppu: str) -> dict:
    tyo = tilanne["ansiotyot"][rivi]
    tyo["tyonantajan_maksama_palkka"] = {"2024-03": palkka}
    tyo["palkallinen_vapaa_alkaa"] = {"ETERNITY": alku}
    tyo["palkallinen_vapaa_paattyy"] = {"ETERNITY": loppu}
    return tilanne


def _perustelu(ehdotus: dict, koodi: str) -> dict:
    osumat = [p for p in ehdotus["perustelut"] if p["koodi"] == koodi]
    assert osumat, [p["koodi"] for p in ehdotus["perustelut"]]
    return osumat[0]


def test_paatosehdotus_myonteinen_tyonantajalle(palvelin):
    """Granted, employer paid absence pay (1.3.2.3, 1.8.4.1, 1.9).

    Daily 3 000 / 25 = 120.00; 11 days → 1 320.00 gross.  The employer paid 1 000 € for its
    paid leave Mon 4.–Fri 8.3. (5 arkipäivät): it gets min(120 × 5, 1 000) = 600.00.  The insured
    720.00, tax at the table rate 35 % with no withholding data (1.9.3.4.1): 252.00; net 468.00.
    Payment periods: the first 6 arkipäivät 4.–9.3., then 11.–15.3. (5, short).  Period 1: gross
    6 × 120 = 720, all of the employer's 600 (its leave days are in it), insured 120, tax 35 % = 42,
    net 78; period 2: gross 600, insured 600, tax 210, net 390.
    """
    tilanne = _tyonantajan_palkka(copy.deepcopy(apu.KARANTEENI), "tyo_1", 1000, "2024-03-04", "2024-03-08")
    tilanne["kieli"] = "fi"
    r = palvelin.post("/paatosehdotus", tilanne)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Language"] == "fi"
    e = r.json()
    assert e["ratkaisu"] == "myonteinen" and e["ratkaisu_teksti"] == "Myönteinen päätös"
    assert e["paivaraha"]["maara"] == 120.00
    peruste = e["paivaraha"]["perusteet"][0]
    assert (peruste["peruste"], peruste["perusteen_maara"], peruste["jakaja"], peruste["osuus_paivalta"]) == (
        "ansionmenetys", 3000.0, 25, 120.0)
    kk = e["kuukaudet"][0]
    assert (kk["kuukausi"], kk["paatoksen_arkipaivat"], kk["maksupaivat"]) == ("2024-03", 11, 11)
    assert kk["brutto"] == 1320.00
    assert kk["tyonantajille"] == [{"ansiotyo": "tyo_1", "tyonantajan_tunnus": "0737546-2", "maara": 600.00}]
    assert (kk["vakuutetulle_brutto"], kk["ennakonpidatys"], kk["ulosottopidatys"], kk["netto"]) == (720.00, 252.00, 0.0, 468.00)
    kaudet = [(k["alku"], k["loppu"], k["arkipaivat"], k["vajaa"], k["brutto"], k["vakuutetulle_brutto"], k["ennakonpidatys"], k["netto"]) for k in e["maksukaudet"]]
    assert kaudet == [
        ("2024-03-04", "2024-03-09", 6, False, 720.00, 120.00, 42.00, 78.00),
        ("2024-03-11", "2024-03-15", 5, True, 600.00, 600.00, 210.00, 390.00),
    ]
    assert e["maksukaudet"][0]["tyonantajille"][0]["maara"] == 600.00
    saajat = {(s["rooli"], s.get("tyonantajan_tunnus")): s["maara"] for s in e["paatoksen_saajat"]}
    assert saajat == {("vakuutettu", None): 720.00, ("tyonantaja", "0737546-2"): 600.00}
    myonnetty = _perustelu(e, "myonnetty")
    assert myonnetty["paivat"] == 11 and "karanteeniin" in myonnetty["teksti"] and "4.3.2024–15.3.2024" in myonnetty["teksti"]
    assert "1.3.3" in myonnetty["ohjeen_kohdat"] and "tartuntatautilaki (1227/2016) 82 §" in myonnetty["saadokset"]
    assert "sairausvakuutuslaki (1224/2004) 7 luku 4 §" in _perustelu(e, "tyonantajalle")["saadokset"]
    assert "3\u00a0000,00\u00a0€; jakaja 25, osuus päivärahasta 120,00\u00a0€" in peruste["teksti"]
    assert e["yhteensa"]["netto"] == 468.00


def test_paatosehdotus_myohassa_ruotsiksi(palvelin):
    """Partly granted, application late (1.5.3, SVL 15:2), in Swedish by Accept-Language.

    Application arrived Tue 7.5.2024.  Day D can be paid if D + 2 months, moved to the next
    working day, is on or after 7.5.: 7.3. → 7.5. yes; 6.3. → Mon 6.5. no; 5.3. → Sun 5.5. → 6.5. no;
    4.3. → Sat 4.5. → 6.5. no.  Late: 4.–6.3. = 3 arkipäivät.  Granted 7.–15.3. = 8 days × 120 =
    960.00; tax 35 % = 336.00; net 624.00.  Periods: 7.–13.3. (6) and 14.–15.3. (2).
    """
    tilanne = apu.tapaus(hakemus_saapunut={"ETERNITY": "2024-05-07"})
    r = palvelin.post("/paatosehdotus", tilanne, headers={"Accept-Language": "sv-FI,sv;q=0.9,en;q=0.5"})
    assert r.status_code == 200, r.text
    e = r.json()
    assert e["kieli"] == "sv" and r.headers["Content-Language"] == "sv"
    assert e["ratkaisu"] == "osittain_myonteinen" and e["ratkaisu_teksti"] == "Delvis bifall"
    assert e["etuus"] == "Smittbärarpenning"
    myohassa = _perustelu(e, "hakemus_myohassa")
    assert myohassa["paivat"] == 3 and myohassa["vaikutus"] == "kielteinen"
    assert myohassa["ohjeen_kohdat"] == ["1.5.3"] and myohassa["saadokset"] == ["sjukförsäkringslagen (1224/2004) 15 kap. 4 § 1 mom. 1 punkten"]
    assert "7.5.2024" in myohassa["teksti"] and "4.3.2024–6.3.2024" in myohassa["teksti"] and "ansökan" in myohassa["teksti"]
    assert e["yhteensa"]["myonnetyt_paivat"] == 8 and e["yhteensa"]["brutto"] == 960.00
    assert (e["yhteensa"]["ennakonpidatys"], e["yhteensa"]["netto"]) == (336.00, 624.00)
    assert [(k["alku"], k["loppu"], k["arkipaivat"], k["brutto"]) for k in e["maksukaudet"]] == [
        ("2024-03-07", "2024-03-13", 6, 720.00),
        ("2024-03-14", "2024-03-15", 2, 240.00),
    ]


def test_paatosehdotus_estava_etuus_kaksi_kuukautta(palvelin):
    """Partly granted, old-age pension from 1.4.2024 blocks (1.4, 1.4.5, SVL 8:6).

    Isolation 25.3.–5.4.2024, 2 500 €/month → 100.00 €/day.  March: 25.–28. and Sat 30.
    (29.3. Good Friday) = 5 days → 500.00.  April 1.4. Easter Monday, 2.–5.4. = 4 days blocked.
    9 decision days, 5 granted.  Tax 35 % = 175.00; net 325.00.  One payment period
    25.–30.3. (5 days, short).
    """
    tilanne = copy.deepcopy(apu.KARANTEENI)
    tilanne["ansiotyot"]["tyo_1"]["ansionmenetys"] = {"2024-03": 2500, "2024-04": 2500}
    tilanne["vakuutetut"]["vakuutettu_1"].update(
        poissaolon_peruste={"ETERNITY": "eristaminen"},
        poissaolo_alkaa={"ETERNITY": "2024-03-25"},
        poissaolo_paattyy={"ETERNITY": "2024-04-05"},
        estava_etuus_1={"ETERNITY": "vanhuuselake"},
        estava_etuus_1_alkaa={"ETERNITY": "2024-04-01"},
    )
    e = palvelin.post("/paatosehdotus", {**tilanne, "kieli": "fi"}).json()
    assert e["ratkaisu"] == "osittain_myonteinen"
    assert [(k["kuukausi"], k["paatoksen_arkipaivat"], k["myonnetyt_paivat"], k["brutto"]) for k in e["kuukaudet"]] == [
        ("2024-03", 5, 5, 500.00),
        ("2024-04", 4, 0, 0.0),
    ]
    esto = _perustelu(e, "estava_etuus")
    assert esto["paivat"] == 4 and esto["ohjeen_kohdat"] == ["1.4"] and esto["saadokset"] == ["sairausvakuutuslaki (1224/2004) 8 luku 6 § 1 mom."]
    assert (e["yhteensa"]["ennakonpidatys"], e["yhteensa"]["netto"]) == (175.00, 325.00)
    assert [(k["alku"], k["loppu"], k["arkipaivat"], k["vajaa"], k["brutto"]) for k in e["maksukaudet"]] == [
        ("2024-03-25", "2024-03-30", 5, True, 500.00)
    ]


def test_paatosehdotus_lapsi_16_kielteinen_englanniksi(palvelin):
    """Rejected: a child of 16 kept at home gives no right (1.3.3.1, TTL 82 §: under 16)."""
    tilanne = apu.tapaus(poissaolon_peruste={"ETERNITY": "lapsen_kotona_pito"}, lapsen_ika={"ETERNITY": 16})
    e = palvelin.post("/paatosehdotus", {**tilanne, "kieli": "en"}).json()
    assert e["ratkaisu"] == "kielteinen" and e["ratkaisu_teksti"] == "Rejected"
    lapsi = _perustelu(e, "lapsi_yli_ikarajan")
    assert lapsi["paivat"] == 11 and "1.3.3.1" in lapsi["ohjeen_kohdat"] and lapsi["saadokset"] == ["Communicable Diseases Act (1227/2016), section 82"]
    assert "under 16" in lapsi["teksti"]
    assert e["yhteensa"]["brutto"] == 0 and e["maksukaudet"] == []
    assert [s["rooli"] for s in e["paatoksen_saajat"]] == ["vakuutettu"]


@pytest.mark.parametrize(
    "muutos, koodi, kohta, saados",
    [
        ({"sairausvakuutettu": {"2024-03": False}}, "ei_vakuutettu", "1.3.1", "sairausvakuutuslaki (1224/2004) 1 luku 2 §"),
        ({"poissaolon_peruste": {"ETERNITY": "ei_paatosta"}}, "ei_paatosta", "1.3.3.3", "tartuntatautilaki (1227/2016) 82 §"),
    ],
)
def test_paatosehdotus_kielteiset(palvelin, muutos, koodi, kohta, saados):
    """Rejected: not insured (1.3.1); no decision of the communicable-disease doctor (1.3.3.3)."""
    e = palvelin.post("/paatosehdotus", apu.tapaus(**muutos)).json()
    assert e["ratkaisu"] == "kielteinen"
    perustelu = _perustelu(e, koodi)
    assert kohta in perustelu["ohjeen_kohdat"] and saados in perustelu["saadokset"]


def test_paatosehdotus_ei_ansionmenetysta(palvelin):
    """Rejected: no lost earnings (1.3.3, 1.6) — e.g. equal-pay replacement work 3 000 € (1.3.3.2.2)."""
    tilanne = copy.deepcopy(apu.KARANTEENI)
    tilanne["ansiotyot"]["tyo_1"]["korvaavan_tyon_palkka"] = {"2024-03": 3000}
    e = palvelin.post("/paatosehdotus", tilanne).json()
    assert e["ratkaisu"] == "kielteinen"
    perustelu = _perustelu(e, "korvaava_tyo")
    assert perustelu["paivat"] == 11 and {"1.3.3.2.2", "1.6"} <= set(perustelu["ohjeen_kohdat"])


def test_paatosehdotus_vuosiloma_ja_maksamisen_rajoitus(palvelin):
    """Annual leave Thu 14.–Fri 15.3. (2 days, 1.3.2.4) is not granted; Mon 11.–Wed 13.3. in
    military service (3 days) are granted but not paid (1.9.4, SVL 8:5).  11 − 2 = 9 granted → partly granted; 9 − 3 = 6 paid × 120 =
    720.00; tax 35 % = 252.00; net 468.00."""
    tilanne = apu.tapaus(
        vuosiloma_1_alkaa={"ETERNITY": "2024-03-14"},
        vuosiloma_1_paattyy={"ETERNITY": "2024-03-15"},
        maksueste_1_alkaa={"ETERNITY": "2024-03-11"},
        maksueste_1_paattyy={"ETERNITY": "2024-03-13"},
    )
    e = palvelin.post("/paatosehdotus", tilanne).json()
    assert e["ratkaisu"] == "osittain_myonteinen"
    assert _perustelu(e, "vuosiloma")["paivat"] == 2 and "1.3.2.4" in _perustelu(e, "vuosiloma")["ohjeen_kohdat"]
    rajoitus = _perustelu(e, "maksamisen_rajoitus")
    assert rajoitus["paivat"] == 3 and rajoitus["ohjeen_kohdat"] == ["1.9.4"] and rajoitus["saadokset"] == ["sairausvakuutuslaki (1224/2004) 8 luku 5 §"]
    y = e["yhteensa"]
    assert (y["myonnetyt_paivat"], y["maksupaivat"], y["brutto"], y["ennakonpidatys"], y["netto"]) == (9, 6, 720.00, 252.00, 468.00)
    assert sum(k["maksupaivat"] for k in e["maksukaudet"]) == 6
    assert sum(k["brutto"] for k in e["maksukaudet"]) == pytest.approx(720.00, abs=0.001)


def test_paatosehdotus_ulosotto_2017(palvelin):
    """Distraint with the guideline's 2017 amounts (1.9.2.9), in English.

    Quarantine 1.–31.3.2017 (Wed–Fri; 31 days less 4 Sundays = 27 arkipäivät), 3 000 €/month →
    120.00 × 27 = 3 240.00.  Benefit tax card 20 % → 648.00; after tax 2 592.00.  A lone debtor's
    protected amount for a whole month 22.41 × 30 = 672.30 (the guideline's 672,30 €);
    2 × = 1 344.60 < 2 592.00 ≤ 4 × = 2 689.20 → 1/3 × 2 592.00 = 864.00 distrained.
    Net 3 240 − 648 − 864 = 1 728.00.  Periods: 1.–7.3. (6 days, 720.00) and 8.–31.3.
    (21 days, short, 2 520.00).
    """
    tilanne = apu.tapaus(
        poissaolo_alkaa={"ETERNITY": "2017-03-01"},
        poissaolo_paattyy={"ETERNITY": "2017-03-31"},
        ennakonpidatysperuste={"2017-03": "etuuden_verokortti"},
        ennakonpidatysprosentti={"2017-03": 20},
        ulosotto_maksukielto={"2017-03": True},
    )
    tilanne["ansiotyot"]["tyo_1"]["ansionmenetys"] = {"2017-03": 3000}
    r = palvelin.post("/paatosehdotus", {**tilanne, "kieli": "en"})
    assert r.status_code == 200, r.text
    e = r.json()
    y = e["yhteensa"]
    assert (y["maksupaivat"], y["brutto"], y["ennakonpidatys"], y["ulosottopidatys"], y["netto"]) == (27, 3240.00, 648.00, 864.00, 1728.00)
    assert "Enforcement Code (705/2007), chapter 4" in _perustelu(e, "ulosotto")["saadokset"]
    assert "€864.00" in _perustelu(e, "ulosotto")["teksti"]
    assert [(k["alku"], k["loppu"], k["arkipaivat"], k["brutto"]) for k in e["maksukaudet"]] == [
        ("2017-03-01", "2017-03-07", 6, 720.00),
        ("2017-03-08", "2017-03-31", 21, 2520.00),
    ]
    assert sum(k["ulosottopidatys"] for k in e["maksukaudet"]) == pytest.approx(864.00, abs=0.001)


def test_paatosehdotus_palkkatyo_ja_yrittaja(palvelin):
    """Daily amount from two activities (1.6, 1.7): job 2 500 / 25 = 100.00 plus YEL income
    30 000 / 300 = 100.00 → 200.00 €/day; 11 days → 2 200.00."""
    tilanne = copy.deepcopy(apu.KARANTEENI)
    tilanne["ansiotyot"]["tyo_1"]["ansionmenetys"] = {"2024-03": 2500}
    tilanne["ansiotyot"]["yritys"] = {"yrittajavakuutus": {"ETERNITY": "yel"}, "yrittajan_tyotulo": {"ETERNITY": 30000}}
    tilanne["vakuutetut"]["vakuutettu_1"]["yritystoiminnat"] = ["yritys"]
    e = palvelin.post("/paatosehdotus", tilanne).json()
    assert e["paivaraha"]["maara"] == 200.00 and e["yhteensa"]["brutto"] == 2200.00
    perusteet = {p["ansiotyo"]: (p["rooli"], p["peruste"], p["perusteen_maara"], p["jakaja"], p["osuus_paivalta"]) for p in e["paivaraha"]["perusteet"]}
    assert perusteet == {
        "tyo_1": ("palkkatyo", "ansionmenetys", 2500.0, 25, 100.0),
        "yritys": ("yritystoiminta", "yel", 30000.0, 300, 100.0),
    }


def test_paatosehdotus_kaksi_tyonantajaa(palvelin):
    """Two paying employers share by the pay each paid (1.3.2.3, SVL 7:4 §3; 1.8.4.1).

    Daily 3 000 / 25 + 2 000 / 25 = 200.00; 11 days → 2 200.00.  Both reported paid leave for
    the whole decision (E = 11); they paid W = 1 000 + 500 = 1 500 < 200 × 11, so they get
    1 500: A 1 000.00, B 500.00.  The insured 700.00; a third job C paid nothing and is no
    recipient.
    """
    tilanne = copy.deepcopy(apu.KARANTEENI)
    tilanne["ansiotyot"]["tyo_2"] = {"ansionmenetys": {"2024-03": 2000}, "tyonantajan_tunnus": {"ETERNITY": "1234567-1"}}
    tilanne["ansiotyot"]["tyo_3"] = {"ansionmenetys": {"2024-03": 0}, "tyonantajan_tunnus": {"ETERNITY": "999123456"}}
    tilanne["vakuutetut"]["vakuutettu_1"]["palkkatyot"] = ["tyo_1", "tyo_2", "tyo_3"]
    _tyonantajan_palkka(tilanne, "tyo_1", 1000, "2024-03-04", "2024-03-15")
    _tyonantajan_palkka(tilanne, "tyo_2", 500, "2024-03-04", "2024-03-15")
    e = palvelin.post("/paatosehdotus", tilanne).json()
    saajat = {(s["rooli"], s.get("tyonantajan_tunnus")): s["maara"] for s in e["paatoksen_saajat"]}
    assert saajat == {("vakuutettu", None): 700.00, ("tyonantaja", "0737546-2"): 1000.00, ("tyonantaja", "1234567-1"): 500.00}


# --- batch ----------------------------------------------------------------------------


def test_eraajo_kasin_lasketut(palvelin):
    """Three cases in one request: (0) the quarantine 4.–15.3. at 3 000 € → 1 320.00 in March;
    (1) isolation 25.3.–5.4. at 2 500 € → 100.00/day, March 25.–28. + 30. = 5 days = 500.00,
    April 2.–5. = 4 days = 400.00 (1.4. Easter Monday); (2) no earning activity → 0 (1.3.3)."""
    runko = {
        "kuukaudet": ["2024-03", "2024-04"],
        "vakuutetut": {
            "poissaolon_peruste": ["karanteeni", "eristaminen", "karanteeni"],
            "poissaolo_alkaa": ["2024-03-04", "2024-03-25", "2024-03-04"],
            "poissaolo_paattyy": ["2024-03-15", "2024-04-05", "2024-03-15"],
        },
        "ansiotyot": {"vakuutettu": [0, 1], "rooli": ["palkkatyo", "palkkatyo"], "ansionmenetys": [3000, 2500]},
        "tulokset": ["tartuntatautipaivaraha_paivalta", "tartuntatautipaivaraha", "oikeus_tartuntatautipaivarahaan", "poissaolon_peruste"],
    }
    r = palvelin.post("/eraajo", runko)
    assert r.status_code == 200, r.text
    v = r.json()["vakuutetut"]
    assert v["tartuntatautipaivaraha"] == {"2024-03": [1320.0, 500.0, 0.0], "2024-04": [0.0, 400.0, 0.0]}
    assert v["tartuntatautipaivaraha_paivalta"]["2024-03"] == [120.0, 100.0, 0.0]
    assert v["oikeus_tartuntatautipaivarahaan"]["2024-03"] == [True, True, False]
    assert v["poissaolon_peruste"] == {"ETERNITY": ["karanteeni", "eristaminen", "karanteeni"]}
    assert r.json()["rivit"] == {"vakuutetut": 3, "ansiotyot": 2}


def test_eraajo_10000_tapausta_alle_sekunnin(palvelin):
    """10 000 cases in one request: one vectorised simulation, under 1 s of server time; a
    sample of rows agrees with single-case /calculate."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from kuormitus import eraajo

    runko = eraajo(10_000, siemen=7)
    r = palvelin.post("/eraajo", runko)
    assert r.status_code == 200, r.text[:500]
    aika = float(r.headers["Server-Timing"].split("dur=")[1])
    assert aika < 1000, f"{aika} ms"
    tulos = r.json()
    assert len(tulos["vakuutetut"]["tartuntatautipaivaraha"]["2024-03"]) == 10_000
    ansiotyot = runko["ansiotyot"]
    for i in (0, 4321, 9999):
        rivit = [j for j, v in enumerate(ansiotyot["vakuutettu"]) if v == i]
        tilanne = {
            "ansiotyot": {
                f"t{j}": {
                    "ansionmenetys": {k: ansiotyot["ansionmenetys"][j] for k in runko["kuukaudet"]},
                    "tyonantajan_tunnus": {"ETERNITY": ansiotyot["tyonantajan_tunnus"][j]},
                }
                for j in rivit
            },
            "vakuutetut": {
                "v": {
                    "palkkatyot": [f"t{j}" for j in rivit],
                    **{n: {"ETERNITY": runko["vakuutetut"][n][i]} for n in ("poissaolon_peruste", "poissaolo_alkaa", "poissaolo_paattyy")},
                    **{n: {k: runko["vakuutetut"][n][i] for k in runko["kuukaudet"]} for n in ("ennakonpidatysperuste", "ennakonpidatysprosentti")},
                    "tartuntatautipaivaraha_netto": {k: None for k in runko["kuukaudet"]},
                }
            },
        }
        yksi = palvelin.post("/calculate", tilanne).json()["vakuutetut"]["v"]["tartuntatautipaivaraha_netto"]
        for k in runko["kuukaudet"]:
            assert tulos["vakuutetut"]["tartuntatautipaivaraha_netto"][k][i] == pytest.approx(yksi[k], abs=0.01)


@pytest.mark.parametrize(
    "muutos, tila, koodi, kentta",
    [
        ({"ansiotyot": {"vakuutettu": [0], "rooli": ["palkkatyo"], "ansionmenetys": [1, 2]}}, 400, "virheellinen_eraajo", "ansiotyot/ansionmenetys"),
        ({"ansiotyot": {"rooli": ["palkkatyo"]}}, 400, "virheellinen_eraajo", "ansiotyot/vakuutettu"),
        ({"ansiotyot": {"vakuutettu": [5], "rooli": ["palkkatyo"]}}, 400, "virheellinen_eraajo", "ansiotyot/vakuutettu/0"),
        ({"vakuutetut": {"poissaolon_peruste": ["flunssa"]}}, 400, "syottovirhe", "poissaolon_peruste"),
        ({"vakuutetut": {"poissaolo_alkaa": [None]}}, 400, "virheellinen_arvo", "vakuutetut/poissaolo_alkaa/0"),
        ({"vakuutetut": {"ei_muuttuja": [1]}}, 404, "tuntematon_muuttuja", "vakuutetut/ei_muuttuja"),
        ({"vakuutetut": {"poissaolon_peruste": ["karanteeni"], "tartuntatautipaivarahan_maksupaivat": [26]}}, 400, "ei_syote", "vakuutetut/tartuntatautipaivarahan_maksupaivat"),
        ({"kuukaudet": ["2024"]}, 400, "virheellinen_kausi", "kuukaudet/0"),
        ({"tulokset": ["ei_muuttuja"]}, 404, "tuntematon_muuttuja", "tulokset/0"),
        ({"ylimaarainen": 1}, 400, "virheellinen_eraajo", "ylimaarainen"),
        ({"kuukaudet": [f"{2020 + i // 12}-{i % 12 + 1:02d}" for i in range(25)]}, 413, "liian_monta_kuukautta", "kuukaudet"),
        ({"vakuutetut": {"poissaolon_peruste": ["karanteeni"] * 30001}}, 413, "liian_monta_rivia", None),
    ],
)
def test_eraajon_virheet(palvelin, muutos, tila, koodi, kentta):
    runko = {
        "kuukaudet": ["2024-03"],
        "vakuutetut": {"poissaolon_peruste": ["karanteeni"], "poissaolo_alkaa": ["2024-03-04"], "poissaolo_paattyy": ["2024-03-15"]},
        "ansiotyot": {"vakuutettu": [0], "rooli": ["palkkatyo"], "ansionmenetys": [3000]},
    }
    runko.update(muutos)
    _virhe(palvelin.post("/eraajo", runko), tila, koodi, kentta)


# --- errors: every client mistake is a JSON 4xx naming the field ------------------------


def test_kausi_ei_vastaa_maarittelya(palvelin):
    """Stock openfisca-core 46 answers 500 for a MONTH variable asked for a year."""
    r = palvelin.post("/calculate", apu.tapaus(tartuntatautipaivaraha={"2024": None}))
    runko = _virhe(r, 400, "virheellinen_kausi", "vakuutetut/vakuutettu_1/tartuntatautipaivaraha/2024")
    assert "month" in runko["viesti"]


@pytest.mark.parametrize(
    "akselit, kentta",
    [
        ([[{"count": 3, "name": "ansionmenetys", "min": 0, "max": 3000}]], "axes/0/0/period"),
        ([[{"count": 3, "name": "poissaolo_alkaa", "min": 0, "max": 1, "period": "2024-03"}]], "axes/0/0/name"),
        ([[{"count": 3, "name": "ansionmenetys", "min": 0, "max": 1, "period": "2024-03"},
           {"count": 4, "name": "edeltava_palkka", "min": 0, "max": 1, "period": "2024-03"}]], "axes/0/1/count"),
        ([[{"count": 2, "name": "ansionmenetys", "min": 0, "max": 1, "period": "2024-03"}],
          [{"count": 2, "name": "edeltava_palkka", "min": 0, "max": 1, "period": "2024-03"},
           {"count": 2, "name": "korvaavan_tyon_palkka", "min": 0, "max": 1, "period": "2024-03"}]], "axes/1"),
        ([[{"count": 2, "name": "ansionmenetys", "min": 0, "max": 1, "period": "2024-03", "index": 3}]], "axes/0/0/index"),
        ({"count": 2}, "axes"),
    ],
)
def test_akselit_joita_openfisca_ei_kasittele(palvelin, akselit, kentta):
    tilanne = apu.tapaus(tartuntatautipaivaraha={"2024-03": None})
    tilanne["axes"] = akselit
    _virhe(palvelin.post("/calculate", tilanne), 400, "virheellinen_akseli", kentta)


def test_syottovirhe_kaavasta(palvelin):
    """`Syottovirhe` raised inside a formula → 400 with `muuttuja` (stock: 500)."""
    r = palvelin.post("/calculate", apu.tapaus(poissaolo_paattyy={"ETERNITY": "2024-03-01"}, tartuntatautipaivaraha={"2024-03": None}))
    runko = _virhe(r, 400, "syottovirhe", "vakuutetut/vakuutettu_1/poissaolo_paattyy")
    assert runko["muuttuja"] == "poissaolo_paattyy" and "ends before it starts" in runko["viesti"]
    r = palvelin.post("/paatosehdotus", apu.tapaus(poissaolo_alkaa={"ETERNITY": "2016-12-30"}))
    assert _virhe(r, 400, "syottovirhe")["muuttuja"] == "poissaolo_alkaa"


@pytest.mark.parametrize(
    "otsakkeet, runko, tila, koodi, kentta",
    [
        ({"Content-Type": "text/plain"}, json.dumps(apu.KARANTEENI), 415, "vaara_sisaltotyyppi", "Content-Type"),
        ({}, json.dumps(apu.KARANTEENI), 415, "vaara_sisaltotyyppi", "Content-Type"),
        ({"Content-Type": "application/json"}, '{"vakuutetut": {', 400, "virheellinen_json", "runko"),
        ({"Content-Type": "application/json"}, "[1, 2]", 400, "virheellinen_json", "runko"),
        ({"Content-Type": "application/json"}, "", 400, "virheellinen_json", "runko"),
        ({"Content-Type": "application/json"}, '{"ansiotyot": {"t": {"ansionmenetys": {"2024-03": NaN}}}}', 400, "virheellinen_json", "runko"),
        ({"Content-Type": "application/json"}, b'{"a": "\xff"}', 400, "virheellinen_json", "runko"),
    ],
)
def test_runkovirheet(palvelin, otsakkeet, runko, tila, koodi, kentta):
    for polku in ("/calculate", "/trace", "/paatosehdotus", "/eraajo"):
        r = requests.post(palvelin.url + polku, data=runko, headers=otsakkeet, timeout=30)
        _virhe(r, tila, koodi, kentta)


@pytest.mark.parametrize(
    "muokkaa, tila, koodi, kentta",
    [
        (lambda t: t["vakuutetut"]["vakuutettu_1"].update(ei_muuttuja={"2024-03": None}), 404, "tuntematon_muuttuja", "vakuutetut/vakuutettu_1/ei_muuttuja"),
        (lambda t: t["vakuutetut"]["vakuutettu_1"].update(poissaolon_peruste={"ETERNITY": "flunssa"}), 400, "virheellinen_arvo", "vakuutetut/vakuutettu_1/poissaolon_peruste/ETERNITY"),
        (lambda t: t["ansiotyot"]["tyo_1"].update(ansionmenetys={"2024-13": 5}), 400, "virheellinen_kausi", "ansiotyot/tyo_1/ansionmenetys/2024-13"),
        (lambda t: t.update(kotitaloudet={}), 400, "virheellinen_tilanne", "kotitaloudet"),
        (lambda t: t["ansiotyot"].update({"999999999999999999999": {"ansionmenetys": {"x": 1}}}), 400, "virheellinen_kausi", "ansiotyot/999999999999999999999/ansionmenetys/x"),
    ],
)
def test_tilannevirheet(palvelin, muokkaa, tila, koodi, kentta):
    tilanne = copy.deepcopy(apu.KARANTEENI)
    muokkaa(tilanne)
    _virhe(palvelin.post("/calculate", tilanne), tila, koodi, kentta)


def test_tuntematon_polku_ja_menetelma(palvelin):
    _virhe(palvelin.get("/ei/tallaista"), 404, "ei_loydy", "polku")
    r = palvelin.get("/calculate")
    _virhe(r, 405, "menetelma_ei_sallittu", "menetelma")
    assert "POST" in r.headers["Allow"]


def test_paatosehdotus_yksi_vakuutettu(palvelin):
    tilanne = copy.deepcopy(apu.KARANTEENI)
    tilanne["vakuutetut"]["toinen"] = {"poissaolon_peruste": {"ETERNITY": "karanteeni"}}
    _virhe(palvelin.post("/paatosehdotus", tilanne), 400, "virheellinen_tilanne", "vakuutetut")
    tilanne = copy.deepcopy(apu.KARANTEENI)
    tilanne["ansiotyot"]["irrallinen"] = {}
    _virhe(palvelin.post("/paatosehdotus", tilanne), 400, "virheellinen_tilanne", "ansiotyot/irrallinen")
    _virhe(palvelin.post("/paatosehdotus", {**apu.KARANTEENI, "kieli": "de"}), 400, "virheellinen_kieli", "kieli")
    tilanne = apu.tapaus()
    tilanne["axes"] = [[{"count": 2, "name": "ansionmenetys", "min": 0, "max": 1, "period": "2024-03"}]]
    _virhe(palvelin.post("/paatosehdotus", tilanne), 400, "virheellinen_akseli", "axes")


# --- limits ---------------------------------------------------------------------------


def test_liian_suuri_runko(palvelin):
    """Over --max-body-bytes (4 000 000 on the test server) → 413, with or without Content-Length."""
    iso = '{"x": "' + "a" * 4_100_000 + '"}'
    _virhe(requests.post(palvelin.url + "/calculate", data=iso, headers={"Content-Type": "application/json"}, timeout=30), 413, "liian_suuri_pyynto", "runko")

    def paloina():
        for i in range(0, len(iso), 100_000):
            yield iso[i : i + 100_000].encode()

    r = requests.post(palvelin.url + "/eraajo", data=paloina(), headers={"Content-Type": "application/json"}, timeout=30)
    _virhe(r, 413, "liian_suuri_pyynto", "runko")


def test_liian_monta_entiteettia(palvelin):
    """--max-entities 60 on the test server: 40 jobs + 1 insured → fine; 3 × 21 axes cells → 413."""
    tilanne = copy.deepcopy(apu.KARANTEENI)
    for i in range(39):
        tilanne["ansiotyot"][f"t{i}"] = {}
    tilanne["vakuutetut"]["vakuutettu_1"]["palkkatyot"] = list(tilanne["ansiotyot"])
    assert palvelin.post("/calculate", tilanne).status_code == 200
    for i in range(39, 70):
        tilanne["ansiotyot"][f"t{i}"] = {}
    runko = _virhe(palvelin.post("/calculate", tilanne), 413, "liian_monta_entiteettia")
    assert "--max-entities" in runko["viesti"]
    tilanne = apu.tapaus()
    tilanne["axes"] = [[{"count": 21, "name": "ansionmenetys", "min": 0, "max": 1, "period": "2024-03"}],
                       [{"count": 2, "name": "edeltava_palkka", "min": 0, "max": 1, "period": "2024-03"}]]
    _virhe(palvelin.post("/calculate", tilanne), 413, "liian_monta_entiteettia", "axes")


def test_liian_pitka_paatos(palvelin):
    """--max-months 24 on the test server: a decision over 25 calendar months → 413."""
    r = palvelin.post("/paatosehdotus", apu.tapaus(poissaolo_paattyy={"ETERNITY": "2026-03-31"}))
    _virhe(r, 413, "liian_monta_kuukautta", "vakuutetut/vakuutettu_1/poissaolo_paattyy")


def test_aikakatkaisu_503():
    """A computation over --timeout is stopped with a JSON 503 (a server of its own, 0.1 s)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from kuormitus import eraajo

    tiukka = apu.kaynnista("--timeout", "0.1", tyoprosessit=1)
    try:
        iso = eraajo(20_000)  # a year of months: several times the 0.1 s limit (two months take less)
        iso["kuukaudet"] = [f"2024-{k:02d}" for k in range(1, 13)]
        r = tiukka.post("/eraajo", iso)
        _virhe(r, 503, "aikakatkaisu")
        assert tiukka.get("/health").status_code == 200  # the worker lives on
    finally:
        tiukka.pysayta()


# --- logs and request ids ----------------------------------------------------------------


def test_lokissa_ei_henkilotietoja(palvelin):
    """The log line has method, route, status, duration and request id — never the body."""
    tilanne = copy.deepcopy(apu.KARANTEENI)
    tilanne["ansiotyot"]["tyo_1"]["ansionmenetys"] = {"2024-03": 4321.09}
    tilanne["ansiotyot"]["tyo_1"]["ei_muuttuja_010170-123F"] = {"2024-03": 1}
    oma_id = "5f0c3e9a7b2d4c1e8f6a9b0c1d2e3f40"
    r = palvelin.post("/calculate", tilanne, headers={"X-Request-ID": oma_id})
    assert r.headers["X-Request-ID"] == oma_id
    hetu = palvelin.get("/henkilo/131052-308T/tiedot", headers={"X-Request-ID": "131052-308T"})
    assert hetu.headers["X-Request-ID"] != "131052-308T"
    r2 = palvelin.post("/paatosehdotus", {**apu.tapaus(), "kieli": "fi"})
    assert r2.status_code == 200 and re.fullmatch(r"[0-9a-f]{32}", r2.headers["X-Request-ID"])
    assert palvelin.get("/health", headers={"X-Request-ID": "bad id with spaces"}).headers["X-Request-ID"] != "bad id with spaces"
    loki = palvelin.lokiteksti()
    rivi = next(r for r in loki.splitlines() if f"request_id={oma_id}" in r)
    assert re.search(r"method=POST path=/calculate status=404 duration_ms=\d+\.\d+", rivi)
    assert f"request_id={r2.headers['X-Request-ID']} method=POST path=/paatosehdotus status=200" in loki
    # Amounts as the service writes them (request ids are hex, durations have 2 decimals).
    for salainen in ("4321.09", "4321,09", "010170-123F", "131052-308T", "1320.0", "1\u00a0320", "468.0", "karanteeni", "0737546-2"):
        assert salainen not in loki, salainen


def test_yhteys_suljetaan_siististi(palvelin):
    """A raw HTTP/1.0 request without a body also gets a JSON answer."""
    isanta, portti = palvelin.url.removeprefix("http://").split(":")
    with socket.create_connection((isanta, int(portti)), timeout=10) as s:
        s.sendall(b"POST /calculate HTTP/1.0\r\nContent-Type: application/json\r\n\r\n")
        vastaus = b""
        while chunk := s.recv(65536):
            vastaus += chunk
    assert vastaus.startswith(b"HTTP/1.") and b" 400 " in vastaus.split(b"\r\n")[0]
    assert b'"virhe":"virheellinen_json"' in vastaus


def test_paatosehdotus_yhden_saajan_asiakirja_html(palvelin):
    """Over real HTTP: one recipient's document as HTML (1.8.4.1), and an unknown recipient is a 400."""
    tilanne = _tyonantajan_palkka(copy.deepcopy(apu.KARANTEENI), "tyo_1", 1000, "2024-03-04", "2024-03-08")
    r = palvelin.post("/paatosehdotus?saaja=tyonantaja:tyo_1&muoto=html", {**tilanne, "kieli": "sv"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    assert r.headers["Content-Language"] == "sv" and "Beslut om smittbärarpenning" in r.text and "600,00" in r.text
    assert "skatt" not in r.text.lower()
    _virhe(palvelin.post("/paatosehdotus?saaja=tyonantaja:ei", tilanne), 400, "tuntematon_saaja", "saaja")
