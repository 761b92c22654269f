"""The decision documents name every payee (issue 14 item 4; guideline 1.8.4, 1.8.4.1, 1.9.2.3–1.9.2.11,
1.3.2.7; RULES.md §11, §12).  In-process (Flask test client) for speed.

Hand-worked cases, September 2024 (25 arkipäivää; 1.9. is a Sunday, so the payment periods are
2.–7.9. (6 days) and 9.–30.9. (19 days)); lost pay 2 500 €/month → 100 €/day, gross 2 500 €:

- KUNTA (municipality + distraint): a card at 20 % → tax 500, net 2 000. The wellbeing services county
  (from 2023, RULES.md §11) paid income support in advance 1.–14.9. (12 paid days), claim 600 € on time
  → 600 (at most 2 000 × 12/25 = 960). Distraint base 1 400 (alone, 976,80 protected): 2/3 × 423,20 =
  282,13; the insured 1 400 − 282,13 = 1 117,87.
- KASSA (fund's regress): the fund paid 1 200 € unemployment benefit for the same days → 1 200 to the
  fund, gross and tax-free; tax 20 % × 1 300 = 260; net 1 040.
- PALKKATURVA: paid leave 1.–14.9. (12 arkipäivää), pay 1 440 € paid as pay security → the share
  min(100 × 12, 1 440) = 1 200 goes to the ELY Centre; the insured 1 300, tax 260, distraint
  2/3 × (1 040 − 976,80) = 42,13, net 997,87.
- EDUNVALVOJA: a card at 20 % → tax 500; the net 2 000 is paid to the guardian.
"""

from __future__ import annotations

import copy
import html.parser

import pytest

from openfisca_tartunta.asiakirjat.kieli import Kieli
from openfisca_tartunta.palvelin.sovellus import luo_sovellus
from openfisca_tartunta.palvelin.turva.tyonantajan_osa import Kielto, tarkista_saaja, tyonantajan_paatos

KK = "2024-09"
HETU = "131052-308T"


def _tapaus(tyo: dict | None = None, **vakuutettu) -> dict:
    return {
        "ansiotyot": {"tyo_1": {"ansionmenetys": {KK: 2500}, **(tyo or {})}},
        "vakuutetut": {"vakuutettu_1": {
            "palkkatyot": ["tyo_1"],
            "poissaolon_peruste": {"ETERNITY": "karanteeni"},
            "poissaolo_alkaa": {"ETERNITY": "2024-09-01"},
            "poissaolo_paattyy": {"ETERNITY": "2024-09-30"},
            "ennakonpidatysperuste": {KK: "etuuden_verokortti"},
            "ennakonpidatysprosentti": {KK: 20},
            **vakuutettu,
        }},
        "paatospaiva": "2024-10-15",
        "asianosaiset": {"vakuutettu": {"nimi": "Maija Meikäläinen", "henkilotunnus": HETU}},
    }


KUNTA = _tapaus(ulosotto_maksukielto={KK: True}, kunnan_toimeentulotukivaatimus={KK: 600},
                kunnan_toimeentulotuki_alkaa={"ETERNITY": "2024-09-01"}, kunnan_toimeentulotuki_paattyy={"ETERNITY": "2024-09-14"},
                kunnan_vaatimus_saapunut={"ETERNITY": "2024-09-10"}, maksupaiva={KK: "2024-10-01"})
KASSA = _tapaus(tyottomyyskassan_maksuvaatimus={KK: 1200})
PALKKATURVA = _tapaus({"tyonantajan_tunnus": {"ETERNITY": "0112038-9"}, "tyonantajan_maksama_palkka": {KK: 1440},
                       "palkallinen_vapaa_alkaa": {"ETERNITY": "2024-09-01"}, "palkallinen_vapaa_paattyy": {"ETERNITY": "2024-09-14"},
                       "palkkaturvana_maksettu": {KK: True}}, ulosotto_maksukielto={KK: True})
EDUNVALVOJA = _tapaus(vakuutetun_osan_saaja={KK: "edunvalvoja"})


@pytest.fixture(scope="module")
def asiakas():
    return luo_sovellus().test_client()


def _ehdota(asiakas, tilanne: dict, kieli: str = "fi", **kysely) -> dict:
    r = asiakas.post("/paatosehdotus", json={**copy.deepcopy(tilanne), "kieli": kieli}, query_string=kysely)
    assert r.status_code == 200, r.get_data(as_text=True)[:1000]
    return r.get_json()


def _doc(ehdotus: dict, tunnus: str) -> dict:
    return next(d for d in ehdotus["asiakirjat"] if d["tunnus"] == tunnus)


def _v(teksti: str) -> str:
    """Babel's no-break spaces (1 117,87 €) as plain spaces, so that expected sentences can be typed."""
    return teksti.replace("\xa0", " ").replace("\u202f", " ")


def _teksti(asiakirja: dict) -> str:
    return _v("\n".join([asiakirja["otsikko"]] + [k for o in asiakirja["osiot"] for k in [o["otsikko"], *o["kappaleet"]]]))


def _osio(asiakirja: dict, koodi: str) -> list[str]:
    return [_v(k) for k in next(o for o in asiakirja["osiot"] if o["koodi"] == koodi)["kappaleet"]]


def _saajat(ehdotus: dict) -> list[str]:
    return [s["tunnus"] for s in ehdotus["paatoksen_saajat"]]


def test_kunnan_vaatimus_ja_ulosotto_nimetaan(asiakas):
    """1.9.2.5, 1.9.2.9: the county's 600 € (its period), the bailiff's 282,13 €, the insured's 1 117,87 €."""
    fi = _ehdota(asiakas, KUNTA, "fi")
    doc = _doc(fi, "vakuutettu")
    maksu = _osio(doc, "maksaminen")
    assert ("Hyvinvointialue on maksanut sinulle toimeentulotukea ennakkona ajalta 1.9.2024–14.9.2024. Sen vaatimus saapui "
            "Kelaan vähintään kaksi viikkoa ennen maksupäivää, joten osa päivärahastasi verojen jälkeen maksetaan "
            "hyvinvointialueelle: 600,00 € syyskuussa 2024.") in maksu
    assert "Ulosottomiehen maksukiellon perusteella sinulle maksettavasta osasta pidätetään ulosottoon yhteensä 282,13 €." in maksu
    assert _osio(doc, "maksunsaajat") == ["Maksetaan syyskuussa 2024: sinulle 1 117,87 €, hyvinvointialueelle 600,00 € ja "
                                          "ulosottoviranomaiselle 282,13 €; ennakonpidätys 500,00 €."]
    # the order of the reasons is the order the claims are met (RULES.md §11): tax, the county, distraint
    koodit = [p["koodi"] for p in fi["perustelut"]]
    assert koodit.index("ennakonpidatys") < koodit.index("kunnalle_netosta") < koodit.index("ulosotto")
    # the payment periods add up to the month: to other payees 600, paid to the insured 1 117,87
    kaudet = fi["maksukaudet"]
    assert round(sum(m["muille_maksunsaajille"] for m in kaudet), 2) == 600.0
    assert round(sum(m["netto"] for m in kaudet), 2) == fi["yhteensa"]["netto"] == 1117.87
    assert fi["yhteensa"]["muille_maksunsaajille"] == 600.0
    # income support paid in advance: the municipality gets no decision (1.8.4.1)
    assert _saajat(fi) == ["vakuutettu"]
    sv = _doc(_ehdota(asiakas, KUNTA, "sv"), "vakuutettu")
    assert _osio(sv, "maksunsaajat") == ["Betalas i september 2024: till dig 1 117,87 €, till välfärdsområdet 600,00 € och till "
                                         "utsökningsmyndigheten 282,13 €; förskottsinnehållning 500,00 €."]
    assert ("Välfärdsområdet har betalat dig utkomststöd i förskott för tiden 1.9.2024–14.9.2024. Dess krav kom in till FPA minst "
            "två veckor före utbetalningsdagen, så en del av din dagpenning efter skatt betalas till välfärdsområdet: 600,00 € i "
            "september 2024.") in _osio(sv, "maksaminen")


def test_ennen_vuotta_2023_vaatija_on_kunta(asiakas):
    """September 2022: 26 arkipäivää (Sundays 4., 11., 18., 25.) → 2 600 €, tax 520, net 2 080; support
    1.–14.9. = 12 paid days → at most 2 080 × 12/26 = 960, the claim 600 is paid to the municipality."""
    t = copy.deepcopy(KUNTA)
    v = t["vakuutetut"]["vakuutettu_1"]
    t["ansiotyot"]["tyo_1"]["ansionmenetys"] = {"2022-09": 2500}
    for nimi in ("ennakonpidatysperuste", "ennakonpidatysprosentti", "kunnan_toimeentulotukivaatimus"):
        v[nimi] = {"2022-09": v.pop(nimi)[KK]}
    del v["ulosotto_maksukielto"]
    v.update(poissaolo_alkaa={"ETERNITY": "2022-09-01"}, poissaolo_paattyy={"ETERNITY": "2022-09-30"},
             kunnan_toimeentulotuki_alkaa={"ETERNITY": "2022-09-01"}, kunnan_toimeentulotuki_paattyy={"ETERNITY": "2022-09-14"},
             kunnan_vaatimus_saapunut={"ETERNITY": "2022-09-10"}, maksupaiva={"2022-09": "2022-10-03"}, hakemus_saapunut={"ETERNITY": "2022-10-01"})
    en = _doc(_ehdota(asiakas, t, "en"), "vakuutettu")
    assert ("The municipality paid you social assistance in advance for 1 September 2022–14 September 2022. Its claim arrived at "
            "Kela at least two weeks before the payment day, so part of your allowance after tax is paid to the municipality: "
            "€600.00 in September 2022.") in _osio(en, "maksaminen")
    assert _osio(en, "maksunsaajat") == ["Paid in September 2022: to you €1,480.00 and to the municipality €600.00; tax withheld €520.00."]


def test_kunnan_myohastynyt_vaatimus_on_kasittelijan_huomio(asiakas):
    """1.9.2.5: a claim that arrived 20.9. for a payment on 1.10. (11 days) is not paid; the handler is told."""
    t = copy.deepcopy(KUNTA)
    t["vakuutetut"]["vakuutettu_1"]["kunnan_vaatimus_saapunut"] = {"ETERNITY": "2024-09-20"}
    ehdotus = _ehdota(asiakas, t, "fi")
    assert "kunta" not in [m["saaja"] for m in ehdotus["maksunsaajat"]]
    huomio = next(h for h in ehdotus["kasittelijan_huomiot"] if h["koodi"] == "kunnan_vaatimus_myohassa")
    assert _v(huomio["teksti"]).startswith("Kunnan tai hyvinvointialueen maksuvaatimus saapui alle kaksi viikkoa ennen maksupäivää syyskuussa 2024")


def test_tyottomyyskassan_regressi_nimetaan(asiakas):
    """1.9.2.6, 1.9.2.10: the fund's 1 200 € gross and tax-free; tax 260, the insured 1 040; the fund gets no decision."""
    en = _ehdota(asiakas, KASSA, "en")
    doc = _doc(en, "vakuutettu")
    assert ("Your unemployment fund paid you unemployment benefit for the same days. On the fund's claim, part of your allowance "
            "is paid to the fund, gross and tax-free: €1,200.00 in September 2024.") in _osio(doc, "maksaminen")
    assert _osio(doc, "maksunsaajat") == ["Paid in September 2024: to you €1,040.00 and to the unemployment fund €1,200.00; tax withheld €260.00."]
    assert _saajat(en) == ["vakuutettu"]
    fi = _doc(_ehdota(asiakas, KASSA, "fi"), "vakuutettu")
    assert ("Työttömyyskassasi on maksanut sinulle samoilta päiviltä työttömyysetuutta. Kassan maksuvaatimuksesta osa "
            "päivärahastasi maksetaan kassalle verottomana bruttomääränä: 1 200,00 € syyskuussa 2024.") in _osio(fi, "maksaminen")
    # the regress comes off before the tax (1.9.3.7): it is stated before the withholding
    koodit = [p["koodi"] for p in _ehdota(asiakas, KASSA, "fi")["perustelut"]]
    assert koodit.index("tyottomyyskassalle_regressina") < koodit.index("ennakonpidatys")


def test_palkkaturvan_maksajan_asiakirja(asiakas):
    """1.3.2.7, 1.9.2.3: the ELY Centre's 1 200 € (600 + 600 over the periods 2.–7.9. and 9.–14.9. of the
    paid leave); its document holds none of the insured's tax (260), distraint (42,13) or net (997,87)."""
    fi = _ehdota(asiakas, PALKKATURVA, "fi")
    assert _saajat(fi) == ["vakuutettu", "palkkaturvan_maksaja"]  # no employer's decision: it paid no wages
    assert fi["kuukaudet"][0]["palkkaturvan_maksajalle"] == 1200.0 and fi["kuukaudet"][0]["tyonantajille"] == []
    assert [m["palkkaturvan_maksajalle"] for m in fi["maksukaudet"]] == [600.0, 600.0]
    ely = _doc(fi, "palkkaturvan_maksaja")
    assert ely["rooli"] == "palkkaturvan_maksaja" and ely["saaja"] == "ELY-keskus (palkkaturva)"
    teksti = _teksti(ely)
    assert ("ELY-keskus on maksanut palkkaturvana työnantajan 0112038-9 palkan vakuutetun poissaolon ajalta. "
            "Tartuntatautipäivärahaa maksetaan ELY-keskukselle 1 200,00 €.") in teksti
    assert "Maksukausi 1, 2.9.2024–7.9.2024: ELY-keskukselle 600,00 €." in teksti
    for salainen in ("260,00", "42,13", "997,87", "1 300,00", "ennakonpidätys", "Ennakonpidätys", "ulosotto", "Ulosotto", "verokortti"):
        assert salainen not in teksti, salainen
    assert "Maija Meikäläinen (131052-308T)" in teksti
    vak = _doc(fi, "vakuutettu")
    assert ("Työnantajan 0112038-9 palkkasi poissaolon ajalta on maksettu palkkaturvana. Päiväraha maksetaan palkan määrään "
            "saakka palkkaturvan maksaneelle ELY-keskukselle: 1 200,00 € syyskuussa 2024.") in _osio(vak, "maksaminen")
    sv = _doc(_ehdota(asiakas, PALKKATURVA, "sv"), "palkkaturvan_maksaja")
    assert sv["saaja"] == "NTM-centralen (lönegaranti)"
    assert ("NTM-centralen har som lönegaranti betalat lönen från arbetsgivaren 0112038-9 för den försäkrades frånvaro. "
            "Av smittbärarpenningen betalas 1 200,00 € till NTM-centralen.") in _teksti(sv)


def test_kasittelijan_huomio_tulee_luettelosta(asiakas):
    """The handler note is a catalog text: the Finnish one is the catalog's translation of its msgid."""
    huomiot = {h["koodi"]: h for h in _ehdota(asiakas, PALKKATURVA, "fi")["kasittelijan_huomiot"]}
    msgid = ("Part of the allowance goes to the ELY Centre for pay security: check that the pay-security decision or the ELY "
             "Centre's notice, its payment details, the pay and the time it was paid for, and the name of the insolvent employer are at hand.")
    assert huomiot["palkkaturvapaatos"]["teksti"] == Kieli("fi")._(msgid) != msgid
    assert huomiot["palkkaturvapaatos"]["teksti"].startswith("Osa päivärahasta maksetaan ELY-keskukselle palkkaturvana")
    assert "muut_maksunsaajat" not in huomiot


def test_palkkaturvan_maksajan_html_jasentyy(asiakas):
    r = asiakas.post("/paatosehdotus", json={**copy.deepcopy(PALKKATURVA), "kieli": "sv"},
                     query_string={"saaja": "palkkaturvan_maksaja", "muoto": "html"})
    assert r.status_code == 200 and r.mimetype == "text/html"

    class Jasennin(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.osiot, self.artikkeli = [], None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "section":
                self.osiot.append(a["class"])
            if tag == "article":
                self.artikkeli = a

    j = Jasennin()
    j.feed(r.get_data(as_text=True))
    assert j.artikkeli["data-rooli"] == "palkkaturvan_maksaja"
    assert j.osiot == ["paatos", "perustelut", "maksaminen", "muutoksenhaku", "saadokset"]
    assert "förskottsinnehållning" not in r.get_data(as_text=True)


def test_tyonantajan_kayttaja_ei_saa_muiden_asiakirjoja(asiakas):
    """Access (ACCESS.md): an employer user's copy keeps only employer documents; it may not ask for the
    pay-security payer's or the municipality's document."""
    ehdotus = _ehdota(asiakas, PALKKATURVA, "fi")
    assert tyonantajan_paatos(ehdotus, "0112038-9")["asiakirjat"] == []
    for saaja in ("palkkaturvan_maksaja", "kunta", "vakuutettu"):
        with pytest.raises(Kielto):
            tarkista_saaja(saaja, None)
    tarkista_saaja("tyonantaja:tyo_1", "html")


def test_edunvalvojan_tili_nimetaan(asiakas):
    """1.9.2.4: the net 2 000 € goes to the guardian's account; the guardian named in asianosaiset gets the copy."""
    t = copy.deepcopy(EDUNVALVOJA)
    t["asianosaiset"]["edustajat"] = [{"rooli": "edunvalvoja", "tunnus": "ev1", "nimi": "Erkki Edunvalvoja"}]
    fi = _ehdota(asiakas, t, "fi")
    assert _saajat(fi) == ["vakuutettu", "edunvalvoja:ev1"]
    vak = _doc(fi, "vakuutettu")
    assert ("Loput päivärahastasi maksetaan edunvalvojallesi (Erkki Edunvalvoja) tai hänen ilmoittamalleen tilillesi: "
            "2 000,00 € syyskuussa 2024.") in _osio(vak, "maksaminen")
    assert ("Maksukausi 2, 9.9.2024–30.9.2024: maksetaan 19 arkipäivää, brutto 1 900,00 €, josta sinun osuutesi 1 900,00 €; "
            "vero 380,00 €, ulosotto 0,00 €, muille maksunsaajille 0,00 €; edunvalvojallesi maksetaan 1 520,00 €.") in _osio(vak, "maksaminen")
    assert _osio(_doc(fi, "edunvalvoja:ev1"), "maksunsaajat") == ["Maksetaan syyskuussa 2024: edunvalvojallesi 2 000,00 €; ennakonpidätys 500,00 €."]
    assert "edustaja_puuttuu" not in [h["koodi"] for h in fi["kasittelijan_huomiot"]]
    en = _doc(_ehdota(asiakas, t, "en"), "vakuutettu")
    assert ("The rest of your allowance is paid to your guardian Erkki Edunvalvoja or to your account that the guardian has named: "
            "€2,000.00 in September 2024.") in _osio(en, "maksaminen")
    # without the guardian named: the account holder generically, and the handler is told that the
    # guardian gets no copy yet (1.8.4.1)
    ilman = _ehdota(asiakas, EDUNVALVOJA, "en")
    assert ("The rest of your allowance is paid to your guardian or to your account that the guardian has named: "
            "€2,000.00 in September 2024.") in _osio(_doc(ilman, "vakuutettu"), "maksaminen")
    assert "edustaja_puuttuu" in [h["koodi"] for h in ilman["kasittelijan_huomiot"]]


def test_elamantapojen_vuoksi_kunnalle_oma_paatos(asiakas):
    """1.8.4.1, 1.9.2.5: the social welfare body's 400 € for the way of life (after tax 500; no distraint):
    it gets a decision with its amount only — not the insured's tax (500) or net (2 000 − 400 = 1 600)."""
    t = _tapaus(kunnan_elamantapavaatimus={KK: 400})
    fi = _ehdota(asiakas, t, "fi")
    assert _saajat(fi) == ["vakuutettu", "kunta"]
    kunta = _doc(fi, "kunta")
    assert kunta["saaja"] == "Hyvinvointialueen sosiaalihuollon toimielin"
    teksti = _teksti(kunta)
    assert "400,00 €" in teksti and "500,00" not in teksti and "1 600,00" not in teksti
    assert "sairausvakuutuslaki (1224/2004) 15 luku 12 § 3 mom." in _osio(kunta, "saadokset")
    assert "elamantavat_kuuleminen" in [h["koodi"] for h in fi["kasittelijan_huomiot"]]
    assert ("Osa päivärahastasi maksetaan hyvinvointialueen sosiaalihuollon toimielimelle sen kirjallisesta hakemuksesta "
            "käytettäväksi sinun ja perheesi huoltoon, koska päivärahan maksaminen sinulle itsellesi vaarantaisi elämäntapojesi "
            "vuoksi sinun, perheesi tai huollettavanasi olevien lasten toimeentulon. Toimielimelle maksetaan: 400,00 € syyskuussa "
            "2024.") in _osio(_doc(fi, "vakuutettu"), "maksaminen")
    assert _osio(_doc(fi, "vakuutettu"), "maksunsaajat") == [
        "Maksetaan syyskuussa 2024: sinulle 1 600,00 € ja hyvinvointialueelle 400,00 €; ennakonpidätys 500,00 €."]


def test_kelan_kuittaus_ja_vaatimukset_nimetaan(asiakas):
    """1.9.2.7, 1.9.2.11: Kela's regress offset 300 € (gross, tax-free, 1.9.3.7), then tax 20 % × 2 200 = 440,
    net 1 760; Kela's expense compensation 50 € and basic income support 200 € for 1.–14.9. (12 paid days:
    at most 1 760 × 12/25 = 844,80) → 250 € from the net; the insured 1 760 − 250 = 1 510."""
    t = _tapaus(kelan_regressivaatimus={KK: 300}, kelan_kulukorvausvaatimus={KK: 50}, kelan_toimeentulotukivaatimus={KK: 200},
                kelan_toimeentulotuki_alkaa={"ETERNITY": "2024-09-01"}, kelan_toimeentulotuki_paattyy={"ETERNITY": "2024-09-14"})
    fi = _ehdota(asiakas, t, "fi")
    assert [(m["saaja"], m["maara"]) for m in fi["maksunsaajat"]] == [("vakuutettu", 1510.0), ("kela", 550.0)]
    maksu = _osio(_doc(fi, "vakuutettu"), "maksaminen")
    assert ("Kela on maksanut sinulle samoilta päiviltä etuutta, joka on tartuntatautipäivärahaan nähden toissijainen (esimerkiksi "
            "työmarkkinatukea, peruspäivärahaa tai muuta sairausvakuutuslain mukaista päivärahaa). Osa päivärahastasi kuitataan "
            "sitä vastaan verottomana bruttomääränä: 300,00 € syyskuussa 2024.") in maksu
    assert ("Kela on maksanut sinulle samalta ajalta kulukorvausta ja perustoimeentulotukea ennakkona ajalta 1.9.2024–14.9.2024. "
            "Siksi osa päivärahastasi verojen jälkeen maksetaan Kelalle: 250,00 € syyskuussa 2024.") in maksu
    assert _saajat(fi) == ["vakuutettu"]
    en = _doc(_ehdota(asiakas, t, "en"), "vakuutettu")
    assert _osio(en, "maksunsaajat") == ["Paid in September 2024: to you €1,510.00 and to Kela €550.00; tax withheld €440.00."]


def test_kaksi_tyonantajaa_ja_palkkaturva_kuukauden_rivilla(asiakas):
    """Two employments of 1 250 €/month (50 + 50 €/day), both report paid leave 1.–14.9. (12 days) and pay
    1 000 €; B's pay was paid as pay security: the employers' part min(100 × 12, 2 000) = 1 200 is split
    600 / 600 by the pay (SVL 7:4): 600 to A itself, 600 to the ELY Centre; the insured 1 300, tax 260, net 1 040."""
    t = _tapaus({"ansionmenetys": {KK: 1250}, "tyonantajan_tunnus": {"ETERNITY": "0737546-2"}, "tyonantajan_maksama_palkka": {KK: 1000},
                 "palkallinen_vapaa_alkaa": {"ETERNITY": "2024-09-01"}, "palkallinen_vapaa_paattyy": {"ETERNITY": "2024-09-14"}})
    t["ansiotyot"]["tyo_2"] = {"ansionmenetys": {KK: 1250}, "tyonantajan_tunnus": {"ETERNITY": "0112038-9"},
                               "tyonantajan_maksama_palkka": {KK: 1000}, "palkkaturvana_maksettu": {KK: True},
                               "palkallinen_vapaa_alkaa": {"ETERNITY": "2024-09-01"}, "palkallinen_vapaa_paattyy": {"ETERNITY": "2024-09-14"}}
    t["vakuutetut"]["vakuutettu_1"]["palkkatyot"].append("tyo_2")
    fi = _ehdota(asiakas, t, "fi")
    assert _saajat(fi) == ["vakuutettu", "tyonantaja:tyo_1", "palkkaturvan_maksaja"]
    assert _osio(_doc(fi, "vakuutettu"), "maksunsaajat") == [
        "Maksetaan syyskuussa 2024: sinulle 1 040,00 €, työnantajalle 0737546-2 600,00 € ja ELY-keskukselle palkkaturvana "
        "600,00 €; ennakonpidätys 260,00 €."]
    tyonantaja = _teksti(_doc(fi, "tyonantaja:tyo_1"))
    assert "600,00 €" in tyonantaja and "0112038-9" not in tyonantaja  # nothing of the other row
    assert "0737546-2" not in _teksti(_doc(fi, "palkkaturvan_maksaja"))
