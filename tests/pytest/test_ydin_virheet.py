"""Bad input fails with a clear error naming the variable and the value (never silently zero).

Model checks raise `Syottovirhe` (openfisca_tartunta.tarkistukset); what OpenFisca cannot parse
(an unknown enum value, a malformed date) raises its `SituationParsingError`, whose message names
the entity, the variable and the value.
"""

from __future__ import annotations

import pytest
from openfisca_core.errors import SituationParsingError
from openfisca_core.simulations import SimulationBuilder

from openfisca_tartunta.tarkistukset import Syottovirhe

KUUKAUSI = "2024-03"


def tapaus(tyo: dict | None = None, **vakuutettu) -> dict:
    paatos = {
        "poissaolon_peruste": {"ETERNITY": "karanteeni"},
        "poissaolo_alkaa": {"ETERNITY": "2024-03-04"},
        "poissaolo_paattyy": {"ETERNITY": "2024-03-15"},  # 11 arkipäivää
    }
    paatos.update(vakuutettu)
    return {
        "ansiotyot": {"tyo": tyo if tyo is not None else {"ansionmenetys": {KUUKAUSI: 3000}}},
        "vakuutetut": {"v": {"palkkatyot": ["tyo"], **paatos}},
    }


def laske(tbs, syote: dict, muuttuja: str = "tartuntatautipaivaraha"):
    simulaatio = SimulationBuilder().build_from_entities(tbs, syote)
    return simulaatio.calculate(muuttuja, KUUKAUSI)


def test_kelvollinen_syote_laskee(tbs):
    assert float(laske(tbs, tapaus())[0]) == pytest.approx(1320.0)  # 11 × 3000 / 25


def test_tuntematon_luetteloarvo(tbs):
    with pytest.raises(SituationParsingError) as virhe:
        laske(tbs, tapaus(poissaolon_peruste={"ETERNITY": "lomautus"}))
    teksti = str(virhe.value)
    assert "poissaolon_peruste" in teksti
    assert "'lomautus' is not a known value" in teksti
    assert "karanteeni" in teksti  # the possible values are listed


def test_tuntematon_yrittajavakuutus(tbs):
    tyo = {"yrittajavakuutus": {"ETERNITY": "tyel"}}
    with pytest.raises(SituationParsingError) as virhe:
        laske(tbs, tapaus(tyo=tyo))
    assert "yrittajavakuutus" in str(virhe.value) and "'tyel'" in str(virhe.value)


@pytest.mark.parametrize("paiva", ["4.3.2024", "2024-13-45", "2024/03/04"])
def test_vaaramuotoinen_paivamaara(tbs, paiva):
    with pytest.raises(SituationParsingError) as virhe:
        laske(tbs, tapaus(poissaolo_alkaa={"ETERNITY": paiva}))
    teksti = str(virhe.value)
    assert "poissaolo_alkaa" in teksti
    assert paiva in teksti


def test_paatos_paattyy_ennen_alkuaan(tbs):
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, tapaus(poissaolo_paattyy={"ETERNITY": "2024-03-01"}))
    teksti = str(virhe.value)
    assert teksti.startswith("poissaolo_paattyy (value '2024-03-01')")
    assert "ends before it starts" in teksti
    assert virhe.value.muuttuja == "poissaolo_paattyy"


def test_paatoksen_alku_puuttuu(tbs):
    syote = tapaus()
    del syote["vakuutetut"]["v"]["poissaolo_alkaa"]
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, syote)
    assert str(virhe.value).startswith("poissaolo_alkaa (value '1970-01-01')")
    assert "missing" in str(virhe.value)


def test_paatos_ennen_parametrien_alkua(tbs):
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, tapaus(poissaolo_alkaa={"ETERNITY": "2016-12-30"}))
    assert str(virhe.value).startswith("poissaolo_alkaa (value '2016-12-30')")


@pytest.mark.parametrize(
    "muuttuja, kohta",
    [("ansionmenetys", "1.6"), ("edeltava_palkka", "1.6"), ("korvaavan_tyon_palkka", "1.3.3.2.2")],
)
def test_negatiivinen_palkka(tbs, muuttuja, kohta):
    tyo = {"ansionmenetys": {KUUKAUSI: 3000}, muuttuja: {KUUKAUSI: -100}}
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, tapaus(tyo=tyo))
    assert str(virhe.value) == f"{muuttuja} (value -100.0): must not be negative ({kohta})"


def test_negatiivinen_yrittajan_tyotulo(tbs):
    syote = tapaus(tyo={"yrittajavakuutus": {"ETERNITY": "yel"}, "yrittajan_tyotulo": {"ETERNITY": -5000}})
    syote["vakuutetut"]["v"]["yritystoiminnat"] = syote["vakuutetut"]["v"].pop("palkkatyot")
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, syote)
    assert str(virhe.value).startswith("yrittajan_tyotulo (value -5000.0): must not be negative")


def _pv(**nimet) -> dict:
    return {k: {"ETERNITY": v} for k, v in nimet.items()}


@pytest.mark.parametrize(
    "syote, kentta, viesti",
    [
        (_pv(vuosiloma_1_alkaa="2024-03-05"), "vuosiloma_1_paattyy", "missing while vuosiloma_1_alkaa is given"),
        (_pv(vuosiloma_1_paattyy="2024-03-05"), "vuosiloma_1_alkaa", "missing while vuosiloma_1_paattyy is given"),
        (_pv(maksueste_2_alkaa="2024-03-06", maksueste_2_paattyy="2024-03-05"), "maksueste_2_paattyy", "ends before it starts"),
        (_pv(vuosiloma_1_alkaa="2024-03-05", vuosiloma_1_paattyy="2024-03-08", vuosiloma_2_alkaa="2024-03-08",
             vuosiloma_2_paattyy="2024-03-09"), "vuosiloma_2_alkaa", "overlaps vuosiloma_1"),
        (_pv(vuosiloma_1_alkaa="2024-03-05", vuosiloma_1_paattyy="2024-03-08", maksueste_1_alkaa="2024-03-07",
             maksueste_1_paattyy="2024-03-20"), "maksueste_1_alkaa", "overlaps vuosiloma_1"),
        (_pv(estava_etuus_1_alkaa="2024-03-05"), "estava_etuus_1", "name the benefit"),
        (_pv(estava_etuus_2="muu"), "estava_etuus_2_alkaa", "give the first day of the benefit"),
        (_pv(estava_etuus_1="vanhuuselake", estava_etuus_1_alkaa="2024-03-15"), "estava_etuus_1_alkaa", "first day of a month"),
        (_pv(estava_etuus_1="osa_aikaelake", estava_etuus_1_alkaa="2017-01-01"), "estava_etuus_1_alkaa", "before 2017-01-01"),
        (_pv(estava_etuus_1="kelan_kuntoutusraha", estava_etuus_1_alkaa="2024-03-05", estava_etuus_3="muu",
             estava_etuus_3_alkaa="2024-03-01", estava_etuus_3_paattyy="2024-03-05"), "estava_etuus_3_alkaa", "overlaps estava_etuus_1"),
    ],
)
def test_virheelliset_ajanjaksot(tbs, syote, kentta, viesti):
    """1.3.2.4, 1.4, 1.4.5, 1.4.7, 1.9.4: ill-formed ranges are refused naming the field."""
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, tapaus(**syote))
    assert virhe.value.muuttuja == kentta and viesti in str(virhe.value)


def test_vanhuuselake_kuun_alusta_kelpaa(tbs):
    # 1.4.5: a pension from 1.3.2024 blocks the whole decision 4.–15.3.
    syote = tapaus(**_pv(estava_etuus_1="vanhuuselake", estava_etuus_1_alkaa="2024-03-01"))
    assert float(laske(tbs, syote)[0]) == 0.0


def test_puuttuva_kuukausi_on_syottovirhe(tbs):
    """A month the decision covers without `ansionmenetys` is an error naming the month (issue 8 §5)."""
    syote = tapaus(**_pv(poissaolo_paattyy="2024-04-20"))
    simulaatio = SimulationBuilder().build_from_entities(tbs, syote)
    assert float(simulaatio.calculate("tartuntatautipaivaraha", "2024-03")[0]) > 0
    with pytest.raises(Syottovirhe) as virhe:
        simulaatio.calculate("tartuntatautipaivaraha", "2024-04")
    assert virhe.value.muuttuja == "ansionmenetys" and "no value for 2024-04" in str(virhe.value)


def test_nolla_kuukaudelle_kelpaa(tbs):
    syote = tapaus(tyo={"ansionmenetys": {KUUKAUSI: 3000, "2024-04": 0}}, **_pv(poissaolo_paattyy="2024-04-20"))
    simulaatio = SimulationBuilder().build_from_entities(tbs, syote)
    assert float(simulaatio.calculate("tartuntatautipaivaraha", "2024-04")[0]) == 0.0


def test_puuttuva_palkka_palkallisen_vapaan_kuukaudelle(tbs):
    tyo = {"ansionmenetys": {"2024": 3000}, "palkallinen_vapaa_alkaa": {"ETERNITY": "2024-03-04"},
           "palkallinen_vapaa_paattyy": {"ETERNITY": "2024-03-15"}}
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, tapaus(tyo=tyo), "tartuntatautipaivaraha_tyonantajille")
    assert virhe.value.muuttuja == "tyonantajan_maksama_palkka" and "2024-03" in str(virhe.value)


def test_negatiivinen_lapsen_ika(tbs):
    with pytest.raises(Syottovirhe) as virhe:
        laske(
            tbs,
            tapaus(poissaolon_peruste={"ETERNITY": "lapsen_kotona_pito"}, lapsen_ika={"ETERNITY": -3}),
        )
    assert str(virhe.value) == (
        "lapsen_ika (value -3): missing or negative: a decision to keep a child at home needs the child's age (1.3.3.1)"
    )


def test_puuttuva_lapsen_ika(tbs):
    """1.3.3.1: the guardian's right depends on the child's age, so it must be given."""
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, tapaus(poissaolon_peruste={"ETERNITY": "lapsen_kotona_pito"}))
    assert str(virhe.value).startswith("lapsen_ika (value -1): missing or negative")


def test_virhe_kertoo_rivien_maaran_ilman_tunnisteita(tbs):
    syote = {
        "ansiotyot": {
            "a": {"ansionmenetys": {KUUKAUSI: -1}},
            "b": {"ansionmenetys": {KUUKAUSI: 10}},
            "c": {"ansionmenetys": {KUUKAUSI: -2}},
        },
        "vakuutetut": {"v": {**tapaus()["vakuutetut"]["v"], "palkkatyot": ["a", "b", "c"]}},
    }
    with pytest.raises(Syottovirhe) as virhe:
        laske(tbs, syote)
    teksti = str(virhe.value)
    assert teksti.startswith("ansionmenetys (value -1.0, first of 2 rows)")
    assert "'a'" not in teksti and "'c'" not in teksti


def test_paatos_kalenterin_ulkopuolella(tbs):
    """Arkipäivät after the holiday calendar's last year cannot be counted: an error, not weekdays."""
    with pytest.raises(Syottovirhe, match="poissaolo_paattyy .*last day of the model's holiday calendar"):
        laske(tbs, tapaus(poissaolo_paattyy={"ETERNITY": "2061-01-10"}))
