"""Every payee and their order (guideline 1.9.2.3–1.9.2.11, RULES.md §11).

- bad claim inputs fail with `Syottovirhe` naming the field;
- a property test against an independent oracle (exact fractions, the rules of
  RULES.md §11 written out again): regress gross and tax-free, Kela's then the
  fund's then the municipality's net claims before distraint, distraint on what
  is left, the way-of-life payment after it, the rest to the recipient; and the
  payees of `MAKSUNSAAJIEN_OSUUDET` plus the tax add up to the gross allowance, cent for cent.
"""

from __future__ import annotations

import copy
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openfisca_core.simulation_builder import SimulationBuilder

from kasikalenteri import puoli_ylos
from openfisca_tartunta.maksujako import ENNAKONPIDATYS, MAKSUNSAAJIEN_OSUUDET
from openfisca_tartunta.tarkistukset import Syottovirhe

KK = "2024-09"  # 25 arkipäivää; protected amount 2024: 32,56 €/day × 30

PERUS = {
    "ansiotyot": {"tyo": {"ansionmenetys": {KK: 2500}}},
    "vakuutetut": {
        "v": {
            "palkkatyot": ["tyo"],
            "poissaolon_peruste": {"ETERNITY": "karanteeni"},
            "poissaolo_alkaa": {"ETERNITY": "2024-09-01"},
            "poissaolo_paattyy": {"ETERNITY": "2024-09-30"},
            "ennakonpidatysperuste": {KK: "etuuden_verokortti"},
            "ennakonpidatysprosentti": {KK: 20},
        }
    },
}
KELA = {
    "kelan_toimeentulotukivaatimus": {KK: 300},
    "kelan_toimeentulotuki_alkaa": {"ETERNITY": "2024-09-01"},
    "kelan_toimeentulotuki_paattyy": {"ETERNITY": "2024-09-30"},
}
KUNTA = {
    "kunnan_toimeentulotukivaatimus": {KK: 600},
    "kunnan_toimeentulotuki_alkaa": {"ETERNITY": "2024-09-01"},
    "kunnan_toimeentulotuki_paattyy": {"ETERNITY": "2024-09-14"},
    "kunnan_vaatimus_saapunut": {"ETERNITY": "2024-09-10"},
    "maksupaiva": {KK: "2024-10-01"},
}


def _laske(tbs, muuttuja, vakuutettu=None, tyo=None, rooli="palkkatyot"):
    tapaus = copy.deepcopy(PERUS)
    tapaus["vakuutetut"]["v"].update(vakuutettu or {})
    tapaus["ansiotyot"]["tyo"].update(tyo or {})
    if rooli != "palkkatyot":
        tapaus["vakuutetut"]["v"][rooli] = tapaus["vakuutetut"]["v"].pop("palkkatyot")
    return SimulationBuilder().build_from_entities(tbs, tapaus).calculate(muuttuja, KK)


def test_taulukon_muuttujat_ovat_mallissa(tbs):
    for koodi, nimi in {**MAKSUNSAAJIEN_OSUUDET, "vero": ENNAKONPIDATYS}.items():
        muuttuja = tbs.variables.get(nimi)
        assert muuttuja is not None, koodi
        assert muuttuja.entity.key == "vakuutettu" and str(muuttuja.definition_period) == "month"
        assert muuttuja.value_type is float


@pytest.mark.parametrize(
    "kentta",
    [
        "tyottomyyskassan_maksuvaatimus",
        "kelan_regressivaatimus",
        "kelan_toimeentulotukivaatimus",
        "kelan_kulukorvausvaatimus",
        "tyottomyyskassan_kulukorvausvaatimus",
        "kunnan_asiakasmaksuvaatimus",
        "kunnan_elamantapavaatimus",
        "kunnan_toimeentulotukivaatimus",
    ],
)
def test_negatiivinen_vaatimus(tbs, kentta):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "tartuntatautipaivaraha_netto", {**KUNTA, kentta: {KK: -5}})
    assert virhe.value.muuttuja == kentta and "negative" in str(virhe.value)


@pytest.mark.parametrize(
    "puuttuu, oletus",
    [
        ("kunnan_vaatimus_saapunut", {"ETERNITY": "9999-12-31"}),
        ("maksupaiva", {KK: "9999-12-31"}),
        ("kunnan_toimeentulotuki_alkaa", {"ETERNITY": "9999-12-31"}),
        ("kunnan_toimeentulotuki_paattyy", {"ETERNITY": "1970-01-01"}),
    ],
)
def test_kunnan_vaatimuksen_paiva_puuttuu(tbs, puuttuu, oletus):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "maksetaan_kunnalle", {**KUNTA, puuttuu: oletus})
    assert virhe.value.muuttuja == puuttuu and "missing" in str(virhe.value)


@pytest.mark.parametrize(
    "puuttuu, oletus",
    [("kelan_toimeentulotuki_alkaa", {"ETERNITY": "9999-12-31"}), ("kelan_toimeentulotuki_paattyy", {"ETERNITY": "1970-01-01"})],
)
def test_kelan_tuen_paiva_puuttuu(tbs, puuttuu, oletus):
    assert _laske(tbs, "maksetaan_kelalle", KELA)[0] == pytest.approx(300)
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "maksetaan_kelalle", {**KELA, puuttuu: oletus})
    assert virhe.value.muuttuja == puuttuu and "missing" in str(virhe.value)


def test_asiakasmaksu_tarvitsee_hoidon_jakson_ei_tuen(tbs):
    vakuutettu = {"kunnan_asiakasmaksuvaatimus": {KK: 100}, "kunnan_vaatimus_saapunut": {"ETERNITY": "2024-09-10"},
                  "maksupaiva": {KK: "2024-10-01"}, "kunnan_hoito_alkaa": {"ETERNITY": "2024-09-01"},
                  "kunnan_hoito_paattyy": {"ETERNITY": "2024-09-30"}}
    assert _laske(tbs, "maksetaan_kunnalle", vakuutettu)[0] == pytest.approx(100)
    with pytest.raises(Syottovirhe, match="maksupaiva"):
        _laske(tbs, "maksetaan_kunnalle", {**vakuutettu, "maksupaiva": {KK: "9999-12-31"}})
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "maksetaan_kunnalle", {**vakuutettu, "kunnan_hoito_paattyy": {"ETERNITY": "1970-01-01"}})
    assert virhe.value.muuttuja == "kunnan_hoito_paattyy" and "missing" in str(virhe.value)


def test_tuen_jakso_paattyy_ennen_alkua(tbs):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "maksetaan_kunnalle", {**KUNTA, "kunnan_toimeentulotuki_paattyy": {"ETERNITY": "2024-08-31"}})
    assert virhe.value.muuttuja == "kunnan_toimeentulotuki_paattyy" and "inclusive" in str(virhe.value)


def test_valtakirja_vain_maksukiellon_aikana(tbs):
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "maksetaan_vakuutetulle", {"vakuutetun_osan_saaja": {KK: "valtakirja"}})
    assert virhe.value.muuttuja == "vakuutetun_osan_saaja" and "1.9.2.8" in str(virhe.value)


def test_palkkaturva_vain_palkkatyolle(tbs):
    tyo = {"palkkaturvana_maksettu": {KK: True}, "yrittajavakuutus": {"ETERNITY": "yel"}, "yrittajan_tyotulo": {"ETERNITY": 30000}}
    with pytest.raises(Syottovirhe) as virhe:
        _laske(tbs, "maksetaan_palkkaturvan_maksajalle", tyo=tyo, rooli="yritystoiminnat")
    assert virhe.value.muuttuja == "palkkaturvana_maksettu"


# --- the order, against an independent oracle ----------------------------------------------------

_eur = st.integers(min_value=0, max_value=300_000)  # cents


def _sentit(arvo) -> int:
    return int(round(float(arvo) * 100))


def _oracle(brutto, prosentti, vaatimukset, kielto, tbs):
    """The chain of RULES.md §11 in exact cents, from the gross insured part (everything is the insured's)."""
    c = {k: v for k, v in vaatimukset.items()}
    kela_r = min(c["kelan_regressivaatimus"], brutto)
    kassa_r = min(c["tyottomyyskassan_maksuvaatimus"], brutto - kela_r)
    vero_alainen = brutto - kela_r - kassa_r
    vero = puoli_ylos(Fraction(vero_alainen) * prosentti / 100) if vero_alainen > 400 * 25 else 0
    netto = vero_alainen - vero
    kela_n = min(c["kelan_kulukorvausvaatimus"] + c["kelan_toimeentulotukivaatimus"], netto)
    kassa_n = min(c["tyottomyyskassan_kulukorvausvaatimus"], netto - kela_n)
    kunta_n = min(min(c["kunnan_toimeentulotukivaatimus"], netto), netto - kela_n - kassa_n)  # whole month, on time
    a = netto - kela_n - kassa_n - kunta_n
    p = tbs.parameters(KK).ulosotto
    suoja = puoli_ylos(Fraction(str(p.suojaosuus.velallinen)) * 100 * 30)
    if not kielto or a <= suoja:
        ulos = 0
    elif a <= 2 * suoja:
        ulos = puoli_ylos(Fraction(2, 3) * (a - suoja))
    elif a <= 4 * suoja:
        ulos = puoli_ylos(Fraction(a, 3))
    else:
        ulos = puoli_ylos(min(Fraction(4 * suoja, 3) + Fraction(4, 5) * (a - 4 * suoja), Fraction(a, 2)))
    ulos = max(min(ulos, a - suoja), 0) if kielto else 0
    elama = min(c["kunnan_elamantapavaatimus"], a - ulos)
    return {
        "maksetaan_kelalle": kela_r + kela_n,
        "maksetaan_tyottomyyskassalle": kassa_r + kassa_n,
        "maksetaan_kunnalle": kunta_n + elama,
        "ennakonpidatys": vero,
        "ulosottopidatys": ulos,
        "tartuntatautipaivaraha_netto": a - ulos - elama,
    }


NIMET = [
    "kelan_regressivaatimus", "tyottomyyskassan_maksuvaatimus", "kelan_kulukorvausvaatimus",
    "kelan_toimeentulotukivaatimus", "tyottomyyskassan_kulukorvausvaatimus",
    "kunnan_toimeentulotukivaatimus", "kunnan_elamantapavaatimus",
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    henkilot=st.lists(
        st.tuples(
            st.integers(50_000, 800_000),  # lost pay, cents a month
            st.integers(0, 60),  # card rate
            st.booleans(),  # payment prohibition
            st.fixed_dictionaries({n: st.one_of(st.just(0), _eur) for n in NIMET}),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_jarjestys_ja_summa(tbs, henkilot):
    tapaus = {"ansiotyot": {}, "vakuutetut": {}}
    for i, (palkka, prosentti, kielto, vaatimukset) in enumerate(henkilot):
        tapaus["ansiotyot"][f"t{i}"] = {"ansionmenetys": {KK: palkka / 100}}
        tapaus["vakuutetut"][f"v{i}"] = {
            **copy.deepcopy({k: v for k, v in PERUS["vakuutetut"]["v"].items() if k != "palkkatyot"}),
            "palkkatyot": [f"t{i}"],
            "ennakonpidatysprosentti": {KK: prosentti},
            "ulosotto_maksukielto": {KK: kielto},
            "kunnan_toimeentulotuki_alkaa": {"ETERNITY": "2024-09-01"},
            "kunnan_toimeentulotuki_paattyy": {"ETERNITY": "2024-09-30"},
            "kunnan_vaatimus_saapunut": {"ETERNITY": "2024-09-01"},
            "maksupaiva": {KK: "2024-10-01"},
            "kelan_toimeentulotuki_alkaa": {"ETERNITY": "2024-08-01"},
            "kelan_toimeentulotuki_paattyy": {"ETERNITY": "2024-10-31"},
            **{n: {KK: v / 100} for n, v in vaatimukset.items()},
        }
    sim = SimulationBuilder().build_from_entities(tbs, tapaus)
    tulos = {n: sim.calculate(n, KK) for n in {*MAKSUNSAAJIEN_OSUUDET.values(), ENNAKONPIDATYS, "tartuntatautipaivaraha", "tartuntatautipaivaraha_netto"}}
    for i, (palkka, prosentti, kielto, vaatimukset) in enumerate(henkilot):
        brutto = 25 * puoli_ylos(Fraction(palkka, 25))
        assert _sentit(tulos["tartuntatautipaivaraha"][i]) == brutto
        odotettu = _oracle(brutto, prosentti, vaatimukset, kielto, tbs)
        saatu = {n: _sentit(tulos[n][i]) for n in odotettu}
        assert saatu == odotettu
        maksut = [_sentit(tulos[n][i]) for n in {*MAKSUNSAAJIEN_OSUUDET.values(), ENNAKONPIDATYS}]
        assert min(maksut) >= 0
        assert sum(maksut) == brutto  # every cent of the gross goes to exactly one payee or to tax
    assert np.all(tulos["maksetaan_vakuutetulle"] == tulos["tartuntatautipaivaraha_netto"])
