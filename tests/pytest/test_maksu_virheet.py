"""Bad payment inputs fail with `Syottovirhe` naming the field (employer, tax, distraint)."""

from __future__ import annotations

import copy

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_tartunta.tarkistukset import Syottovirhe
from openfisca_tartunta.tunnukset import kelvolliset_tunnukset, on_kelvollinen_tunnus

KK = "2024-09"

PERUS = {
    "ansiotyot": {
        "tyo": {
            "ansionmenetys": {KK: 2500},
            "tyonantajan_maksama_palkka": {KK: 300},
            "palkallinen_vapaa_alkaa": {"ETERNITY": "2024-09-02"},
            "palkallinen_vapaa_paattyy": {"ETERNITY": "2024-09-06"},
            "tyonantajan_tunnus": {"ETERNITY": "0737546-2"},
        }
    },
    "vakuutetut": {
        "v": {
            "palkkatyot": ["tyo"],
            "poissaolon_peruste": {"ETERNITY": "karanteeni"},
            "poissaolo_alkaa": {"ETERNITY": "2024-09-02"},
            "poissaolo_paattyy": {"ETERNITY": "2024-09-13"},
            "ennakonpidatysperuste": {KK: "palkan_verokortti"},
            "ennakonpidatysprosentti": {KK: 27},
            "ulosotto_maksukielto": {KK: True},
        }
    },
}


def _laske(tbs, muuttuja, tyo=None, vakuutettu=None):
    tapaus = copy.deepcopy(PERUS)
    tapaus["ansiotyot"]["tyo"].update(tyo or {})
    tapaus["vakuutetut"]["v"].update(vakuutettu or {})
    simulaatio = SimulationBuilder().build_from_entities(tbs, tapaus)
    return simulaatio.calculate(muuttuja, KK)


def test_perustapaus_laskee(tbs):
    # 2500/25 = 100 €/pv, 2.–13.9.2024 = 11 arkipäivää → 1 100; employer min(100 × 5, 300) = 300.
    assert _laske(tbs, "tartuntatautipaivaraha_tyonantajille")[0] == pytest.approx(300)
    assert _laske(tbs, "ennakonpidatys")[0] == pytest.approx(800 * 0.27)


@pytest.mark.parametrize(
    "kentta, arvo",
    [
        ("ennakonpidatysprosentti", -1),
        ("ennakonpidatysprosentti", 100.5),
        ("ennakonpidatys_lisaprosentti", 101),
        ("ennakonpidatys_oma_prosentti", -0.5),
    ],
)
def test_prosentti_rajojen_ulkopuolella(tbs, kentta, arvo):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "ennakonpidatys", vakuutettu={kentta: {KK: arvo}})
    assert virhe.value.muuttuja == kentta
    assert kentta in str(virhe.value) and "0 to 100" in str(virhe.value)


def test_prosentti_100_kelpaa(tbs):
    assert _laske(tbs, "ennakonpidatys", vakuutettu={"ennakonpidatysprosentti": {KK: 100}})[0] == pytest.approx(800)


@pytest.mark.parametrize("kentta", ["ennakonpidatys_tuloraja", "ennakonpidatys_tulokertyma"])
def test_negatiivinen_tuloraja_tai_kertyma(tbs, kentta):
    with pytest.raises(Syottovirhe, match=kentta):
        _laske(tbs, "ennakonpidatys", vakuutettu={kentta: {KK: -10}})


@pytest.mark.parametrize("muuttuja", ["tartuntatautipaivaraha_tyonantajalle", "tartuntatautipaivaraha_netto"])
@pytest.mark.parametrize("tunnus", ["0737546-3", "1234567", "998123456", "99912345", "yritys oy"])
def test_virheellinen_tunnus(tbs, tunnus, muuttuja):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, muuttuja, tyo={"tyonantajan_tunnus": {"ETERNITY": tunnus}})
    assert virhe.value.muuttuja == "tyonantajan_tunnus"
    assert "Y-tunnus" in str(virhe.value) and "999" in str(virhe.value)


def test_puuttuva_tunnus_on_merkinta_ei_virhe(tbs):
    """1.3.2.8: the amounts and the split need no id; a paid row without one is flagged."""
    tyo = {"tyonantajan_tunnus": {"ETERNITY": ""}}
    assert _laske(tbs, "tartuntatautipaivaraha_tyonantajalle", tyo=tyo)[0] > 0
    assert _laske(tbs, "tyonantajan_tunnus_puuttuu", tyo=tyo)[0]
    assert not _laske(tbs, "tyonantajan_tunnus_puuttuu", tyo={"tyonantajan_tunnus": {"ETERNITY": "0737546-2"}})[0]


def test_tunnusta_ei_vaadita_ilman_osuutta(tbs):
    # No paid leave → the employer gets nothing and its id is not needed.
    tyo = {
        "tyonantajan_tunnus": {"ETERNITY": ""},
        "palkallinen_vapaa_alkaa": {"ETERNITY": "9999-12-31"},
        "palkallinen_vapaa_paattyy": {"ETERNITY": "1970-01-01"},
    }
    assert _laske(tbs, "tartuntatautipaivaraha_tyonantajalle", tyo=tyo)[0] == 0


def test_tunnusten_tarkistus():
    assert on_kelvollinen_tunnus("0737546-2")
    assert on_kelvollinen_tunnus("999000001")
    assert not on_kelvollinen_tunnus("0737546-3")
    assert not on_kelvollinen_tunnus("")
    assert kelvolliset_tunnukset(["0737546-2", "x", "0737546-2", "999123456"]).tolist() == [True, False, True, True]


def test_palkallinen_vapaa_paattyy_ennen_alkua(tbs):
    tyo = {"palkallinen_vapaa_paattyy": {"ETERNITY": "2024-09-01"}}
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "tartuntatautipaivaraha_tyonantajille", tyo=tyo)
    assert virhe.value.muuttuja == "palkallinen_vapaa_paattyy"
    assert "ends before it starts" in str(virhe.value)


@pytest.mark.parametrize(
    "tyo, kentta",
    [
        ({"palkallinen_vapaa_alkaa": {"ETERNITY": "9999-12-31"}}, "palkallinen_vapaa_alkaa"),
        ({"palkallinen_vapaa_paattyy": {"ETERNITY": "1970-01-01"}}, "palkallinen_vapaa_paattyy"),
    ],
)
def test_palkallisen_vapaan_toinen_paiva_puuttuu(tbs, tyo, kentta):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "tartuntatautipaivaraha_tyonantajille", tyo=tyo)
    assert virhe.value.muuttuja == kentta and "missing" in str(virhe.value)


def test_negatiivinen_palkka(tbs):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "tartuntatautipaivaraha_tyonantajille", tyo={"tyonantajan_maksama_palkka": {KK: -1}})
    assert virhe.value.muuttuja == "tyonantajan_maksama_palkka"


def test_negatiivinen_huollettavien_maara(tbs):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "ulosottopidatys", vakuutettu={"ulosotto_huollettavat": {KK: -1}})
    assert virhe.value.muuttuja == "ulosotto_huollettavat"
    assert "negative" in str(virhe.value)


@pytest.mark.parametrize("kentta", ["ulosotto_muut_nettotulot", "ulosotto_vakiomaara"])
def test_negatiiviset_ulosoton_maarat(tbs, kentta):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "ulosottopidatys", vakuutettu={kentta: {KK: -5}})
    assert virhe.value.muuttuja == kentta


def test_tulorajallinen_kortti_ilman_lisaprosenttia(tbs):
    """1.9.3.1: above the card's income limit the additional rate applies; a limit without one is
    an inconsistent card, not 0 % tax above the limit."""
    with pytest.raises(Syottovirhe, match="ennakonpidatys_lisaprosentti .*additional rate"):
        _laske(tbs, "ennakonpidatys", vakuutettu={"ennakonpidatys_tuloraja": {KK: 1000}})
