"""Revision inputs are read exactly or refused, and the payee table is complete (issue 14).

The amounts themselves are hand-worked YAML cases (tests/yaml/tarkistus/); here: every entry of
`maksunsaajat.MAKSUNSAAJAT` has its variables with the entity and period the table says, and bad
previous-payment inputs fail with `Syottovirhe` naming the field and the value.
"""

from __future__ import annotations

import pytest
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.simulations import SimulationBuilder

from openfisca_tartunta.maksunsaajat import MAKSUNSAAJAT, aiemmat_syotteet, koko_tarkistukselle, kuukausittaiset
from openfisca_tartunta.tarkistukset import Syottovirhe

KUUKAUSI = "2024-09"


@pytest.mark.parametrize("saaja", MAKSUNSAAJAT, ids=lambda m: m.koodi)
def test_maksunsaajan_muuttujat_ovat_olemassa(tbs, saaja):
    for nimi in kuukausittaiset(saaja):
        muuttuja = tbs.variables[nimi]
        assert muuttuja.entity.key == saaja.entiteetti and muuttuja.definition_period == MONTH, nimi
    for nimi in koko_tarkistukselle(saaja) + tuple(n for n in (saaja.kuultu,) if n):
        muuttuja = tbs.variables[nimi]
        assert muuttuja.entity.key == saaja.entiteetti and muuttuja.definition_period == ETERNITY, nimi
    assert not tbs.variables[saaja.aiempi].formulas, "a previous payment is an input"


def test_aiemmat_syotteet_ovat_kuukausisyotteita(tbs):
    for nimi in aiemmat_syotteet():
        assert tbs.variables[nimi].definition_period == MONTH and not tbs.variables[nimi].formulas


def tapaus(**vakuutettu) -> dict:
    v = {
        "palkkatyot": ["tyo"],
        "poissaolon_peruste": {"ETERNITY": "karanteeni"},
        "poissaolo_alkaa": {"ETERNITY": "2024-09-02"},
        "poissaolo_paattyy": {"ETERNITY": "2024-09-13"},  # 11 arkipäivää × 100 = 1 100
        "ennakonpidatysperuste": {KUUKAUSI: "etuuden_verokortti"},
        "ennakonpidatysprosentti": {KUUKAUSI: 20},
        "maksettu_vakuutetulle": {KUUKAUSI: 1500},
        "maksettu_ennakonpidatys": {KUUKAUSI: 300},
        "maksuvuosi": {KUUKAUSI: 2024},
        "tarkistuspaatoksen_paiva": {"ETERNITY": "2024-11-01"},
    }
    v.update(vakuutettu)
    v = {k: a for k, a in v.items() if a is not None}
    return {"ansiotyot": {"tyo": {"ansionmenetys": {KUUKAUSI: 2500}}}, "vakuutetut": {"v": v}}


def laske(tbs, syote, muuttuja="perittava_vakuutetulta"):
    return SimulationBuilder().build_from_entities(tbs, syote).calculate(muuttuja, KUUKAUSI)


def test_kelvollinen_tarkistus(tbs):
    # 1 500 − 1 100 = 400 overpaid, tax on it 300 − 220 = 80, net 320 (1.9.3.6).
    assert float(laske(tbs, tapaus())[0]) == pytest.approx(320.0)


@pytest.mark.parametrize(
    ("muutos", "kentta", "teksti"),
    [
        ({"maksuvuosi": None}, "maksuvuosi", "missing for 2024-09"),
        ({"maksuvuosi": {KUUKAUSI: 2023}}, "maksuvuosi", "before 2024"),
        ({"maksuvuosi": {KUUKAUSI: 2025}}, "maksuvuosi", "after the year of tarkistuspaatoksen_paiva"),
        ({"tarkistuspaatoksen_paiva": None}, "tarkistuspaatoksen_paiva", "missing"),
        ({"maksettu_vakuutetulle": {KUUKAUSI: -1}}, "maksettu_vakuutetulle", "must not be negative"),
        ({"maksettu_ennakonpidatys": {KUUKAUSI: 1600}}, "maksettu_ennakonpidatys", "exceed the gross paid"),
        ({"maksettu_vakuutetulle_netto": {KUUKAUSI: 1000}}, "maksettu_vakuutetulle_netto", "is not maksettu_vakuutetulle"),
    ],
)
def test_virheellinen_aiempi_maksu(tbs, muutos, kentta, teksti):
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, tapaus(**muutos))
    assert virhe.value.muuttuja == kentta
    assert teksti in str(virhe.value)


def test_oikea_nettomaara_kelpaa(tbs):
    assert float(laske(tbs, tapaus(maksettu_vakuutetulle_netto={KUUKAUSI: 1200}))[0]) == pytest.approx(320.0)


def test_ilman_liikamaksua_vuotta_ja_paivaa_ei_tarvita(tbs):
    syote = tapaus(maksettu_vakuutetulle={KUUKAUSI: 1000}, maksettu_ennakonpidatys={KUUKAUSI: 200},
                   maksuvuosi=None, tarkistuspaatoksen_paiva=None)
    assert float(laske(tbs, syote, "maksettava_vakuutetulle_kuittauksen_jalkeen")[0]) == pytest.approx(80.0)


def test_maksuvuosi_tarkistetaan_myos_ilman_liikamaksua(tbs):
    """A year given is read exactly or refused even where no overpayment needs it (no silent ignore)."""
    syote = tapaus(maksettu_vakuutetulle={KUUKAUSI: 1000}, maksettu_ennakonpidatys={KUUKAUSI: 200},
                   maksuvuosi={KUUKAUSI: 1999})
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, syote, "takaisinperitaan_nettona")
    assert virhe.value.muuttuja == "maksuvuosi" and "before 2024" in str(virhe.value)


def test_muiden_maksunsaajien_kuukausi_tarkistetaan(tbs):
    """A revised month that Kela's regress offset takes part of is revised payee by payee (1.9.2.11).

    Corrected 1 100 €, Kela's offset 300 € first (gross, tax-free): the insured's 800 €, tax 20 % 160 €.
    Paid for the insured 1 500 € (tax 300 €): −700 € of which tax 140 € → 560 € net; Kela was paid
    nothing before: +300 € to Kela.
    """
    syote = tapaus(kelan_regressivaatimus={KUUKAUSI: 300})
    assert float(laske(tbs, syote)[0]) == pytest.approx(560.0)
    assert float(laske(tbs, syote, "erotus_kelalle")[0]) == pytest.approx(300.0)


def test_maksunsaajien_nykyiset_ovat_yhteensa_brutto(tbs):
    """The payees' current amounts add up to the gross allowance, cent for cent (the revision's table).

    Every kind of payee at once: two rows (one paid as pay security), Kela's regress and expense
    compensation, the fund's regress, the municipality's income support, distraint."""
    syote = tapaus(
        kelan_regressivaatimus={KUUKAUSI: 123.45}, kelan_kulukorvausvaatimus={KUUKAUSI: 10},
        tyottomyyskassan_maksuvaatimus={KUUKAUSI: 77.7}, kunnan_toimeentulotukivaatimus={KUUKAUSI: 50},
        kunnan_toimeentulotuki_alkaa={"ETERNITY": "2024-09-02"}, kunnan_toimeentulotuki_paattyy={"ETERNITY": "2024-09-06"},
        kunnan_vaatimus_saapunut={"ETERNITY": "2024-09-01"}, maksupaiva={KUUKAUSI: "2024-10-01"},
        ulosotto_maksukielto={KUUKAUSI: True}, palkkatyot=["tyo", "turva"],
    )
    syote["ansiotyot"] = {
        "tyo": {"ansionmenetys": {KUUKAUSI: 2500}, "palkallinen_vapaa_alkaa": {"ETERNITY": "2024-09-02"},
                "palkallinen_vapaa_paattyy": {"ETERNITY": "2024-09-04"}, "tyonantajan_maksama_palkka": {KUUKAUSI: 250}},
        "turva": {"ansionmenetys": {KUUKAUSI: 1000}, "palkallinen_vapaa_alkaa": {"ETERNITY": "2024-09-02"},
                  "palkallinen_vapaa_paattyy": {"ETERNITY": "2024-09-13"}, "tyonantajan_maksama_palkka": {KUUKAUSI: 300},
                  "palkkaturvana_maksettu": {KUUKAUSI: True}},
    }
    simulaatio = SimulationBuilder().build_from_entities(tbs, syote)
    yhteensa = 0.0
    for m in MAKSUNSAAJAT:
        arvot = simulaatio.calculate(m.nykyinen, KUUKAUSI)
        assert arvot.sum() > 0, f"{m.koodi}: the case should pay every payee"
        yhteensa += float(arvot.sum())
    assert yhteensa == pytest.approx(float(simulaatio.calculate("tartuntatautipaivaraha", KUUKAUSI)[0]), abs=0.005)
