"""Decision documents (issue 10): per recipient, per language, required elements, confidentiality.

In-process (Flask test client) for speed; `test_palvelin_http.py` covers the real server.
Cases (hand-worked; March 2024: Mon 4.–Fri 15.3. = 11 arkipäivät, 3 000 €/month → 120 €/day):

- GRANTED: the whole quarantine, employer A paid 1 000 € for its paid leave 4.–8.3.
  (5 days): A gets min(5 × 120, 1 000) = 600.00; the insured 720.00, tax 35 % = 252.00.
  A henkilötunnus and a guardian (edunvalvoja) are given.
- PARTLY: application arrived 7.5.2024, so 4.–6.3. (3 days) are late (1.5.3); 8 days granted.
- REFUSED: equal-pay replacement work 3 000 € (1.3.3.2.2): no loss of earnings, 11 days refused.
- CONTINUATION: the previous decision's last period had 4 of 6 days (1.9): the first period
  here fills it up with 2 days, 4.–5.3.
"""

from __future__ import annotations

import copy
import html.parser

import pytest

import test_palvelin_apu as apu
from openfisca_tartunta.palvelin.sovellus import luo_sovellus

KIELET = ("fi", "sv", "en")
HETU = "131052-308T"


@pytest.fixture(scope="module")
def asiakas():
    return luo_sovellus().test_client()


def _palkka(t: dict, rivi: str, palkka: float, alku: str, loppu: str) -> dict:
    tyo = t["ansiotyot"][rivi]
    tyo.update(tyonantajan_maksama_palkka={"2024-03": palkka}, palkallinen_vapaa_alkaa={"ETERNITY": alku},
               palkallinen_vapaa_paattyy={"ETERNITY": loppu})
    return t


def _myonnetty() -> dict:
    t = _palkka(copy.deepcopy(apu.KARANTEENI), "tyo_1", 1000, "2024-03-04", "2024-03-08")
    t["paatospaiva"] = "2024-04-02"
    t["asianosaiset"] = {
        "vakuutettu": {"nimi": "Maija Meikäläinen", "henkilotunnus": HETU},
        "tyonantajat": {"tyo_1": {"nimi": "Esimerkki Oy"}},
        "edustajat": [{"rooli": "edunvalvoja", "tunnus": "ev1", "nimi": "Erkki Edunvalvoja"}],
    }
    return t


TAPAUKSET = {
    "myonteinen": _myonnetty,
    "osittain_myonteinen": lambda: {**apu.tapaus(hakemus_saapunut={"ETERNITY": "2024-05-07"}), "paatospaiva": "2024-05-20"},
    "kielteinen": lambda: _korvaava(),
    "jatkopaatos": lambda: {**apu.tapaus(), "jatkopaatos": {"edellinen_kausi_paivia": 4, "edellinen_kausi_pituus": 6},
                            "paatospaiva": "2024-04-02"},
}


def _korvaava() -> dict:
    t = copy.deepcopy(apu.KARANTEENI)
    t["ansiotyot"]["tyo_1"]["korvaavan_tyon_palkka"] = {"2024-03": 3000}
    return {**t, "paatospaiva": "2024-04-02"}


def _ehdota(asiakas, tilanne: dict, kieli: str, **kysely) -> dict:
    r = asiakas.post("/paatosehdotus", json={**copy.deepcopy(tilanne), "kieli": kieli}, query_string=kysely)
    assert r.status_code == 200, r.get_data(as_text=True)[:1000]
    return r.get_json()


def _teksti(asiakirja: dict) -> str:
    return "\n".join([asiakirja["otsikko"]] + [k for o in asiakirja["osiot"] for k in [o["otsikko"], *o["kappaleet"]]])


def _osio(asiakirja: dict, koodi: str) -> dict:
    osat = [o for o in asiakirja["osiot"] if o["koodi"] == koodi]
    assert osat, [o["koodi"] for o in asiakirja["osiot"]]
    return osat[0]


#: What each language's insured document must say (appeal, duty to report, citations).
VAATIMUKSET = {
    "fi": ["sosiaaliturva-asioiden muutoksenhakulautakunta", "30 päivän kuluessa", "Ilmoita Kelalle viipymättä",
           "sairausvakuutuslaki (1224/2004) 17 luku 1 §", "sairausvakuutuslaki (1224/2004) 11 luku 15 §",
           "sairausvakuutuslaki (1224/2004) 15 luku 20 §"],
    "sv": ["besvärsnämnden för social trygghet", "inom 30 dagar", "Meddela FPA utan dröjsmål",
           "sjukförsäkringslagen (1224/2004) 17 kap. 1 §", "sjukförsäkringslagen (1224/2004) 11 kap. 15 §"],
    "en": ["Social Security Appeal Board", "within 30 days", "Tell Kela without delay",
           "Health Insurance Act (1224/2004), chapter 17, section 1", "Health Insurance Act (1224/2004), chapter 11, section 15"],
}
#: The named cause of each case, per language.
SYYT = {
    "myonteinen": {"fi": "karanteeniin", "sv": "karantän", "en": "quarantine"},
    "osittain_myonteinen": {"fi": "Hakemuksesi saapui 7.5.2024", "sv": "Din ansökan kom in 7.5.2024", "en": "Your application arrived on 7 May 2024"},
    "kielteinen": {"fi": "muuta soveltuvaa työtä", "sv": "annat lämpligt arbete", "en": "other suitable work"},
    "jatkopaatos": {"fi": "Tämä on jatkopäätös", "sv": "Detta är ett fortsatt beslut", "en": "This is a continuation decision"},
}


@pytest.mark.parametrize("kieli", KIELET)
@pytest.mark.parametrize("tapaus", list(TAPAUKSET))
def test_asiakirjassa_vaaditut_osat(asiakas, tapaus, kieli):
    e = _ehdota(asiakas, TAPAUKSET[tapaus](), kieli)
    odotettu = {"jatkopaatos": "myonteinen"}.get(tapaus, tapaus)
    assert e["ratkaisu"] == odotettu
    vak = next(d for d in e["asiakirjat"] if d["tunnus"] == "vakuutettu")
    teksti = _teksti(vak)
    for vaadittu in VAATIMUKSET[kieli]:
        if odotettu == "kielteinen" and "11" in vaadittu:  # no amount is stated in a refusal
            assert vaadittu not in teksti
            continue
        assert vaadittu in teksti, (vaadittu, teksti)
    assert SYYT[tapaus][kieli] in teksti
    assert {o["koodi"] for o in vak["osiot"]} >= {"paatos", "perustelut", "ilmoitusvelvollisuus", "muutoksenhaku", "saadokset"}
    assert vak["paatospaiva"] == TAPAUKSET[tapaus]()["paatospaiva"]
    # handler notes never in a customer's text
    for huomio in e["kasittelijan_huomiot"]:
        for d in e["asiakirjat"]:
            assert huomio["teksti"] not in _teksti(d)
    if odotettu != "myonteinen":
        assert "kuuleminen" in {h["koodi"] for h in e["kasittelijan_huomiot"]}
        hylatyt = [j for j in e["jaksot"] if j["ratkaisu"] == "hylataan"]
        assert hylatyt and sum(j["arkipaivat"] for j in hylatyt) == e["yhteensa"]["paatoksen_arkipaivat"] - e["yhteensa"]["myonnetyt_paivat"]


def test_osittain_hylatty_jakso(asiakas):
    """'Hakemus hylätään ajalta 4.3.2024–6.3.2024 (3 arkipäivää)' — 1.5.3: late 4.–6.3."""
    e = _ehdota(asiakas, TAPAUKSET["osittain_myonteinen"](), "fi")
    assert [(j["alkaa"], j["paattyy"], j["ratkaisu"], j["arkipaivat"]) for j in e["jaksot"]] == [
        ("2024-03-04", "2024-03-06", "hylataan", 3),
        ("2024-03-07", "2024-03-15", "myonnetaan", 8),
    ]
    paatos = _teksti(e["asiakirjat"][0])
    assert "Hakemus hylätään ajalta 4.3.2024–6.3.2024 (3 arkipäivää)." in paatos
    assert "Tartuntatautipäivärahaa myönnetään ajalta 7.3.2024–15.3.2024 (8 arkipäivää)." in paatos
    # the deadline of the decision's first day: 4.3. + 2 months = Sat 4.5. → Mon 6.5.
    assert "viimeistään 6.5.2024" in paatos


def test_jatkopaatoksen_ensimmainen_kausi_taydentaa(asiakas):
    """1.9: the previous last period had 4 of 6 days; this decision's first period is 2 days (4.–5.3.)."""
    e = _ehdota(asiakas, TAPAUKSET["jatkopaatos"](), "fi")
    assert e["paatos"]["jatkopaatos"] is True
    assert (e["maksukaudet"][0]["alku"], e["maksukaudet"][0]["loppu"], e["maksukaudet"][0]["arkipaivat"]) == ("2024-03-04", "2024-03-05", 2)
    assert "viimeisen, 4 arkipäivän maksukauden 6 arkipäivän pituiseksi" in _teksti(e["asiakirjat"][0])


def test_saajat_ja_edustaja(asiakas):
    """1.8.4.1: the insured, the guardian (the insured's copy) and the paying employer."""
    e = _ehdota(asiakas, _myonnetty(), "fi")
    assert [(s["tunnus"], s["rooli"]) for s in e["paatoksen_saajat"]] == [
        ("vakuutettu", "vakuutettu"), ("edunvalvoja:ev1", "edunvalvoja"), ("tyonantaja:tyo_1", "tyonantaja")]
    vak, ev, ta = e["asiakirjat"]
    assert [o["kappaleet"] for o in vak["osiot"]] == [o["kappaleet"] for o in ev["osiot"][1:]]
    assert HETU in ev["osiot"][0]["kappaleet"][1]
    assert "Erkki Edunvalvoja" in ev["osiot"][0]["kappaleet"][0]
    assert ta["saaja"] == "Esimerkki Oy"
    assert {s["tunnus"]: s["maara"] for s in e["paatoksen_saajat"]} == {"vakuutettu": 720.0, "edunvalvoja:ev1": None, "tyonantaja:tyo_1": 600.0}


def test_tyonantajan_asiakirjassa_ei_vakuutetun_tietoja(asiakas):
    """The employer sees its share, its days and the insured's name/id — never the insured's tax,
    distraint, net, income estimate, nor the other employer's share (seed 002; 1.12.1).

    Two employers: A (0737546-2) paid 1 000 € for 4.–8.3., B (1234567-1) 500 € for 4.–15.3.;
    distraint is set.  Daily 3 000/25 + 2 000/25 = 200 €."""
    t = _myonnetty()
    t["ansiotyot"]["tyo_2"] = {"ansionmenetys": {"2024-03": 2000}, "tyonantajan_tunnus": {"ETERNITY": "1234567-1"}}
    t["vakuutetut"]["vakuutettu_1"]["palkkatyot"] = ["tyo_1", "tyo_2"]
    t["vakuutetut"]["vakuutettu_1"]["ulosotto_maksukielto"] = {"2024-03": True}
    _palkka(t, "tyo_2", 500, "2024-03-04", "2024-03-15")
    for kieli in KIELET:
        e = _ehdota(asiakas, t, kieli)
        y = e["yhteensa"]
        assert y["ennakonpidatys"] > 0 and y["ulosottopidatys"] > 0
        osuudet = {s["tunnus"]: s["maara"] for s in e["paatoksen_saajat"]}
        a = next(d for d in e["asiakirjat"] if d["tunnus"] == "tyonantaja:tyo_1")
        teksti = _teksti(a)
        assert "Maija Meikäläinen" in teksti and HETU in teksti
        from openfisca_tartunta.asiakirjat.kieli import Kieli

        k = Kieli(kieli)
        assert k.eur(round(osuudet["tyonantaja:tyo_1"] * 100)) in teksti
        kielletyt = [k.eur(round(y[n] * 100)) for n in ("ennakonpidatys", "ulosottopidatys", "netto", "vakuutetulle_brutto", "brutto")]
        kielletyt += [k.eur(round(osuudet["tyonantaja:tyo_2"] * 100)), "1234567-1", k.eur(300000), k.eur(200000)]
        for sana in kielletyt:
            assert sana not in teksti, (sana, teksti)
        for avain in ("ennakonpidatys", "ulosotto", "netto", "lahdevero"):
            assert avain not in str(a)
        kysytty = _ehdota(asiakas, t, kieli, saaja="tyonantaja:tyo_1")
        assert kysytty == a


def test_ruotsinkielinen_teksti(asiakas):
    """Hand-written Swedish: smittbärarpenning, statutes by their Swedish names, natural plurals."""
    e = _ehdota(asiakas, TAPAUKSET["osittain_myonteinen"](), "sv")
    assert e["etuus"] == "Smittbärarpenning" and e["ratkaisu_teksti"] == "Delvis bifall"
    teksti = _teksti(e["asiakirjat"][0])
    assert ("Dagpenningen ska sökas inom 2 månader från den dag från vilken den önskas. För beslutets första dag borde "
            "ansökan ha kommit in senast 6.5.2024. Din ansökan kom in 7.5.2024, och dagpenning betalas därför inte för "
            "tiden 4.3.2024–6.3.2024 (3 vardagar).") in teksti
    assert "Ansökan avslås för tiden 4.3.2024–6.3.2024 (3 vardagar)." in teksti
    assert "Dagpenningen betalas i 2 betalningsperioder." in teksti
    myohassa = next(p for p in e["perustelut"] if p["koodi"] == "hakemus_myohassa")
    assert myohassa["saadokset"] == ["sjukförsäkringslagen (1224/2004) 15 kap. 4 § 1 mom. 1 punkten"]


def test_englanninkielinen_teksti(asiakas):
    """Hand-written English: one payment period is 'There is 1 payment period.'"""
    t = apu.tapaus(poissaolo_paattyy={"ETERNITY": "2024-03-08"})  # 4.–8.3.: 5 days, one period
    e = _ehdota(asiakas, t, "en")
    teksti = _teksti(e["asiakirjat"][0])
    assert "There is 1 payment period." in teksti
    assert ("The physician responsible for communicable diseases has placed you in quarantine to prevent the spread of a "
            "communicable disease. You lose earnings because of it, so you are entitled to the infectious disease allowance "
            "for 4 March 2024–8 March 2024 (5 weekdays).") in teksti
    assert "Your allowance is €120.00 a day." in teksti
    assert "Send the appeal to Kela in writing or in OmaKela within 30 days" in teksti


def test_ei_ansiotyota_eri_syy_kuin_korvaava_tyo(asiakas):
    """No work lost at all (estimate 0) is a different cause from equal-pay replacement work."""
    t = copy.deepcopy(apu.KARANTEENI)
    t["ansiotyot"]["tyo_1"]["ansionmenetys"] = {"2024-03": 0}
    e = _ehdota(asiakas, t, "fi")
    assert [p["koodi"] for p in e["perustelut"] if p["vaikutus"] == "kielteinen"] == ["ei_ansiotyota"]
    e = _ehdota(asiakas, _korvaava(), "fi")
    assert [p["koodi"] for p in e["perustelut"] if p["vaikutus"] == "kielteinen"] == ["korvaava_tyo"]
    assert "kuukausina" not in _teksti(e["asiakirjat"][0]) and "maaliskuussa 2024" in _teksti(e["asiakirjat"][0])


class _Tarkka(html.parser.HTMLParser):
    """Fails on unbalanced tags; collects the text."""

    TYHJAT = {"meta", "br", "link", "img", "hr", "input"}

    def __init__(self):
        super().__init__()
        self.pino, self.teksti = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.TYHJAT:
            self.pino.append(tag)

    def handle_endtag(self, tag):
        assert self.pino and self.pino[-1] == tag, (tag, self.pino)
        self.pino.pop()

    def handle_data(self, data):
        self.teksti.append(data)


@pytest.mark.parametrize("saaja", ["vakuutettu", "tyonantaja:tyo_1", "edunvalvoja:ev1"])
def test_html_jasentyy(asiakas, saaja):
    t = _myonnetty()
    t["asianosaiset"]["vakuutettu"]["nimi"] = "Maija <b>Meikäläinen</b>"  # escaped, not markup
    r = asiakas.post("/paatosehdotus", json={**t, "kieli": "fi"}, query_string={"saaja": saaja, "muoto": "html"})
    assert r.status_code == 200 and r.mimetype == "text/html"
    j = _Tarkka()
    j.feed(r.get_data(as_text=True))
    j.close()
    assert j.pino == []
    teksti = "".join(j.teksti)
    assert "Päätös tartuntatautipäivärahasta" in teksti and "Muutoksenhaku" in teksti and "2.4.2024" in teksti
    assert "<b>" not in r.get_data(as_text=True) and "&lt;b&gt;" in r.get_data(as_text=True)


@pytest.mark.parametrize(
    "muutos, kentta",
    [
        ({"paatospaiva": "2024-02-30"}, "paatospaiva"),
        ({"paatospaiva": 20240402}, "paatospaiva"),
        ({"asianosaiset": {"vakuutettu": {"henkilotunnus": "131052-308X"}}}, "asianosaiset/vakuutettu/henkilotunnus"),
        ({"asianosaiset": {"edustajat": [{"rooli": "puoliso", "tunnus": "x", "nimi": "y"}]}}, "asianosaiset/edustajat/0/rooli"),
        ({"asianosaiset": {"tyonantajat": {"ei_ole": {"nimi": "X"}}}}, "asianosaiset/tyonantajat/ei_ole"),
        ({"asianosaiset": {"muu": 1}}, "asianosaiset/muu"),
    ],
)
def test_virheelliset_osapuolet(asiakas, muutos, kentta):
    r = asiakas.post("/paatosehdotus", json={**apu.tapaus(), **muutos})
    assert r.status_code == 400 and r.get_json()["kentta"] == kentta, r.get_json()


@pytest.mark.parametrize("kysely, kentta", [({"saaja": "tyonantaja:ei"}, "saaja"), ({"muoto": "docx"}, "muoto"), ({"muoto": "html"}, "saaja")])
def test_virheellinen_saaja_tai_muoto(asiakas, kysely, kentta):
    r = asiakas.post("/paatosehdotus", json=apu.tapaus(), query_string=kysely)
    assert r.status_code == 400 and r.get_json()["kentta"] == kentta, r.get_json()


def test_puuttuva_tunnus_on_kasittelijan_huomio(asiakas):
    """Issue 8 finding 6 / 1.3.2.8: a paid employer without an id is a handler note, not an error."""
    t = _palkka(copy.deepcopy(apu.KARANTEENI), "tyo_1", 1000, "2024-03-04", "2024-03-08")
    del t["ansiotyot"]["tyo_1"]["tyonantajan_tunnus"]
    e = _ehdota(asiakas, t, "en")
    huomio = next(h for h in e["kasittelijan_huomiot"] if h["koodi"] == "tyonantajan_tunnus_puuttuu")
    assert "Y-tunnus" in huomio["teksti"] and "999" in huomio["teksti"] and huomio["ohjeen_kohdat"] == ["1.3.2.8"]


def test_readmen_esimerkki_on_tosi(asiakas):
    """The README's paatos.json gives the employer's HTML document the README shows."""
    import json
    import re
    from pathlib import Path

    teksti = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    osio = teksti[teksti.index("### `/paatosehdotus`"):teksti.index("### `/eraajo`")]
    runko = json.loads(re.search(r"```json\n(.*?)\n```", osio[osio.index("`paatos.json` —"):], re.S).group(1))
    odotettu = re.search(r"```html\n(.*?)\n```", osio, re.S).group(1)
    r = asiakas.post("/paatosehdotus", json=runko, query_string={"saaja": "tyonantaja:tyo_1", "muoto": "html"})
    assert r.get_data(as_text=True).strip() == odotettu
    assert asiakas.post("/paatosehdotus", json=runko).get_json()["ratkaisu"] == "osittain_myonteinen"


def test_lahdevero_nimetaan_lahdeveroksi(asiakas):
    """1.9.3.2: with a source-tax card the deduction is lähdevero (L 627/1978), not ennakonpidätys."""
    t = apu.tapaus(ennakonpidatysperuste={"2024-03": "lahdeverokortti"}, ennakonpidatysprosentti={"2024-03": 35})
    e = _ehdota(asiakas, t, "fi")
    koodit = {p["koodi"]: p for p in e["perustelut"]}
    assert "lahdevero" in koodit and "ennakonpidatys" not in koodit
    assert koodit["lahdevero"]["saadokset"] == ["laki rajoitetusti verovelvollisen tulon verottamisesta (627/1978)"]
    assert "lähdevero" in koodit["lahdevero"]["teksti"]


def test_useat_lomat_ja_rajoitukset_samassa_kuussa(asiakas):
    """1.8.4.2, 1.3.2.4, 1.9.4: each range named with its own dates and days, two of each in March.

    Quarantine 4.–15.3.2024 (11 arkipäivät); annual leave Sat 9.3. (1) and Mon 4.–Tue 5.3. (2);
    payment restrictions Wed 6.3. (1) and Thu 14.3.–30.4. (in the decision 14.–15.3.: 2).
    Granted 11 − 3 = 8, paid 8 − 3 = 5 days.
    """
    t = apu.tapaus(vuosiloma_1_alkaa={"ETERNITY": "2024-03-09"}, vuosiloma_1_paattyy={"ETERNITY": "2024-03-09"},
                   vuosiloma_2_alkaa={"ETERNITY": "2024-03-04"}, vuosiloma_2_paattyy={"ETERNITY": "2024-03-05"},
                   maksueste_1_alkaa={"ETERNITY": "2024-03-14"}, maksueste_1_paattyy={"ETERNITY": "2024-04-30"},
                   maksueste_2_alkaa={"ETERNITY": "2024-03-06"}, maksueste_2_paattyy={"ETERNITY": "2024-03-06"})
    e = _ehdota(asiakas, t, "fi")
    assert (e["yhteensa"]["myonnetyt_paivat"], e["yhteensa"]["maksupaivat"]) == (8, 5)
    rajatut = [(j["alkaa"], j["paattyy"], j["ratkaisu"], j["arkipaivat"]) for j in e["jaksot"] if j["ratkaisu"] != "myonnetaan"]
    assert rajatut == [
        ("2024-03-04", "2024-03-05", "hylataan", 2),
        ("2024-03-06", "2024-03-06", "ei_makseta", 1),
        ("2024-03-09", "2024-03-09", "hylataan", 1),
        ("2024-03-14", "2024-03-15", "ei_makseta", 2),
    ]
    teksti = _teksti(e["asiakirjat"][0])
    for lause in (
        "Olit vuosilomalla 4.3.2024–5.3.2024. Vuosiloman ajalta ei aiheudu ansionmenetystä, joten päivärahaa ei makseta tältä ajalta 2 arkipäivää.",
        "Olit vuosilomalla 9.3.2024. Vuosiloman ajalta ei aiheudu ansionmenetystä, joten päivärahaa ei makseta tältä ajalta 1 arkipäivä.",
        "Päiväraha myönnetään, mutta sitä ei makseta ajalta 6.3.2024 (1 arkipäivä)",
        "Päiväraha myönnetään, mutta sitä ei makseta ajalta 14.3.2024–15.3.2024 (2 arkipäivää)",
    ):
        assert lause in teksti, (lause, teksti)
    en = _teksti(_ehdota(asiakas, t, "en")["asiakirjat"][0])
    assert "You were on annual leave 9 March 2024. Annual leave causes no loss of earnings, so the allowance is not paid for 1 weekday of that time." in en


def test_pdf_samasta_htmlsta(asiakas):
    """muoto=pdf: the recipient's document as PDF from the same HTML, read back with pypdf: the
    insured's has the decision and the appeal instructions; the employer's has its own share and
    none of the insured's tax (granted case: tax 35 % = 252,00 €)."""
    import io

    from pypdf import PdfReader

    def teksti(saaja: str, kieli: str) -> str:
        r = asiakas.post("/paatosehdotus", json={**_myonnetty(), "kieli": kieli}, query_string={"saaja": saaja, "muoto": "pdf"})
        assert r.status_code == 200 and r.mimetype == "application/pdf", r.get_data()[:300]
        lukija = PdfReader(io.BytesIO(r.data))
        assert lukija.metadata.title == ("Beslut om smittbärarpenning" if kieli == "sv" else "Päätös tartuntatautipäivärahasta")
        return " ".join(" ".join(s.extract_text().split()) for s in lukija.pages)

    vak = teksti("vakuutettu", "sv")
    for lause in ("Smittbärarpenning beviljas för tiden 4.3.2024–15.3.2024 (11 vardagar).", "252,00 €",
                  "sjukförsäkringslagen (1224/2004) 17 kap. 1 §"):
        assert lause in vak, (lause, vak)
    ta = teksti("tyonantaja:tyo_1", "fi")
    assert "600,00 €" in ta and "Esimerkki Oy" in ta
    assert "252,00" not in ta and "ennakonpidätys" not in ta.lower()
    r = asiakas.post("/paatosehdotus", json=_myonnetty(), query_string={"muoto": "pdf"})
    assert r.status_code == 400 and r.get_json()["kentta"] == "saaja"
