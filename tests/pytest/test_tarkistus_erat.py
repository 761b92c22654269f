"""Previous payments through the column tools: `/eraajo` columns and `tartunta simuloi` tables (issue 14).

Case (hand-worked, as tests/yaml/tarkistus): September 2024, quarantine 2.–13.9. = 11 arkipäivät, lost pay
2 500 €/kk → 100 €/day, 1 100,00 € gross, tax 20 % 220,00 €; paid exactly that in 2024.
Baseline: nothing changes. Reform `korvausaste` (70 %): 2 500 × 0,7 / 25 = 70 €/day, 770,00 € gross, tax
154,00 €; overpaid 330,00 €, tax on it 66,00 €, revision 1.11.2024 → net 264,00 € recovered from the insured.
"""

from __future__ import annotations

import pandas as pd
import pytest

from openfisca_tartunta.palvelin.eraajo import laske_eraajo
from openfisca_tartunta.populaatio import simulointi

KK = "2024-09"


def _taulut(n: int = 2):
    vak = pd.DataFrame({
        "poissaolon_peruste": ["karanteeni"] * n,
        "poissaolo_alkaa": pd.to_datetime(["2024-09-02"] * n),
        "poissaolo_paattyy": pd.to_datetime(["2024-09-13"] * n),
        "ennakonpidatysperuste": ["etuuden_verokortti"] * n,
        "ennakonpidatysprosentti": [20.0] * n,
        "maksettu_vakuutetulle": [1100.0] * n,
        "maksettu_ennakonpidatys": [220.0] * n,
        "maksuvuosi": [2024] * n,
        "tarkistuspaatoksen_paiva": pd.to_datetime(["2024-11-01"] * n),
    })
    tyo = pd.DataFrame({"vakuutettu": list(range(n)), "rooli": ["palkkatyo"] * n, "ansionmenetys": [2500.0] * n})
    return vak, tyo


def test_simuloi_taannehtivan_reformin_takaisinperinta():
    vak, tyo = _taulut()
    tulos = simulointi.simuloi(vak, tyo, [KK], ["korvausaste"]).vakuutetut
    assert tulos["liikamaksu_vakuutetulle_perus"].tolist() == [0.0, 0.0]
    assert tulos["liikamaksu_vakuutetulle_reformi"].tolist() == [330.0, 330.0]
    assert tulos["takaisinperittava_vakuutetulta_reformi"].tolist() == [264.0, 264.0]
    assert tulos["erotus_vakuutetulle_reformi"].tolist() == [-330.0, -330.0]


def test_simuloi_ilman_aiempia_maksuja_ei_tarkistussarakkeita():
    vak, tyo = _taulut(1)
    vak = vak.drop(columns=["maksettu_vakuutetulle", "maksettu_ennakonpidatys", "maksuvuosi", "tarkistuspaatoksen_paiva"])
    tulos = simulointi.simuloi(vak, tyo, [KK]).vakuutetut
    assert not any(c.startswith(("liikamaksu_", "erotus_")) for c in tulos.columns)


def test_eraajo_aiemmilla_maksuilla(tbs):
    data = {
        "kuukaudet": [KK],
        "vakuutetut": {
            "poissaolon_peruste": ["karanteeni"], "poissaolo_alkaa": ["2024-09-02"], "poissaolo_paattyy": ["2024-09-13"],
            "ennakonpidatysperuste": ["etuuden_verokortti"], "ennakonpidatysprosentti": [20],
            "maksettu_vakuutetulle": [1500], "maksettu_ennakonpidatys": [300], "maksuvuosi": [2024],
            "tarkistuspaatoksen_paiva": ["2024-11-01"],
        },
        "ansiotyot": {"vakuutettu": [0], "rooli": ["palkkatyo"], "ansionmenetys": [2500]},
        "tulokset": ["liikamaksu_vakuutetulle", "takaisinperittava_vakuutetulta", "perittava_vakuutetulta"],
    }
    # 1 500 paid, 1 100 due: overpaid 400, tax on it 300 − 220 = 80, net 320 (1.9.3.6).
    vastaus = laske_eraajo(tbs, data, 1000, 12)
    v = vastaus["vakuutetut"]
    assert v["liikamaksu_vakuutetulle"] == {KK: [400.0]}
    assert v["takaisinperittava_vakuutetulta"] == {KK: [320.0]}
    assert v["perittava_vakuutetulta"] == {"ETERNITY": [320.0]}


def test_eraajo_puuttuva_maksuvuosi(tbs):
    from openfisca_tartunta.palvelin.virheet import Asiakasvirhe

    data = {
        "kuukaudet": [KK],
        "vakuutetut": {"poissaolon_peruste": ["karanteeni"], "poissaolo_alkaa": ["2024-09-02"], "poissaolo_paattyy": ["2024-09-13"],
                       "maksettu_vakuutetulle": [1500], "tarkistuspaatoksen_paiva": ["2024-11-01"]},
        "ansiotyot": {"vakuutettu": [0], "rooli": ["palkkatyo"], "ansionmenetys": [2500]},
        "tulokset": ["perittava_vakuutetulta"],
    }
    with pytest.raises(Asiakasvirhe) as virhe:
        laske_eraajo(tbs, data, 1000, 12)
    assert (virhe.value.tila, virhe.value.koodi, virhe.value.kentta) == (400, "syottovirhe", "maksuvuosi")
    assert "missing for 2024-09" in virhe.value.viesti


def test_simuloi_kassan_liikamaksu_taannehtivassa_reformissa():
    """Another payee's previous payment as a table column: the unemployment fund (1.9.2.6, 1.10).

    The fund claims 900 € for the days; paid before on the baseline: the fund 900,00, the insured
    1 100 − 900 = 200,00, tax 20 % 40,00. Reform `korvausaste` (770,00 € gross): the fund min(900, 770)
    = 770,00 → −130,00 recovered from the fund gross; the insured 0 → −200,00, tax on it 40,00 → 160,00 net.
    """
    vak, tyo = _taulut()
    vak["maksettu_vakuutetulle"] = [200.0] * 2
    vak["maksettu_ennakonpidatys"] = [40.0] * 2
    vak["tyottomyyskassan_maksuvaatimus"] = [900.0] * 2
    vak["maksettu_tyottomyyskassalle"] = [900.0] * 2
    tulos = simulointi.simuloi(vak, tyo, [KK], ["korvausaste"]).vakuutetut
    assert tulos["erotus_tyottomyyskassalle_perus"].tolist() == [0.0, 0.0]
    assert tulos["takaisinperittava_tyottomyyskassalta_reformi"].tolist() == [130.0, 130.0]
    assert tulos["takaisinperittava_vakuutetulta_reformi"].tolist() == [160.0, 160.0]


def test_eraajo_kelan_regressin_aiempi_maksu(tbs):
    """`/eraajo` columns take another payee's previous payment: Kela's regress offset (1.9.2.11, 1.10.2).

    Corrected 1 100 €, Kela's offset min(800, 1 100) = 800 €; 1 000 € was offset before → −200 € returned
    from Kela's benefit, not recovered; the insured's 300 € (tax 60 €) was paid exactly: nothing to the insured."""
    data = {
        "kuukaudet": [KK],
        "vakuutetut": {
            "poissaolon_peruste": ["karanteeni"], "poissaolo_alkaa": ["2024-09-02"], "poissaolo_paattyy": ["2024-09-13"],
            "ennakonpidatysperuste": ["etuuden_verokortti"], "ennakonpidatysprosentti": [20],
            "kelan_regressivaatimus": [800], "maksettu_kelalle": [1000],
            "maksettu_vakuutetulle": [300], "maksettu_ennakonpidatys": [60], "maksuvuosi": [2024],
            "tarkistuspaatoksen_paiva": ["2024-11-01"],
        },
        "ansiotyot": {"vakuutettu": [0], "rooli": ["palkkatyo"], "ansionmenetys": [2500]},
        "tulokset": ["erotus_kelalle", "palautettava_kelan_etuudelta_kuittauksen_jalkeen", "erotus_vakuutetulle"],
    }
    v = laske_eraajo(tbs, data, 1000, 12)["vakuutetut"]
    assert v["erotus_kelalle"] == {KK: [-200.0]}
    assert v["palautettava_kelan_etuudelta_kuittauksen_jalkeen"] == {"ETERNITY": [200.0]}
    assert v["erotus_vakuutetulle"] == {KK: [0.0]}
