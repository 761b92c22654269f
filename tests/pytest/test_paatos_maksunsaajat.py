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


def _kappaleet(asiakirja: dict) -> list[str]:
    return [k for o in asiakirja["osiot"] for k in o["kappaleet"]]


def _teksti(asiakirja: dict) -> str:
    return "\n".join([asiakirja["otsikko"]] + [k for o in asiakirja["osiot"] for k in [o["otsikko"], *o["kappaleet"]]])
