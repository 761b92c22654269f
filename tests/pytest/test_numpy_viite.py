"""The plain-numpy reference `benchmarks/numpy_viite` against the model (issue 12).

The reference is written from the guideline and RULES.md, independently of the
model's formulas, and reads the same parameter tree.  Here it is:

- checked equal to the model to the cent on every output of the chain on the
  package's generated population (the population `make benchmark` times);
- used as the oracle of a property test on random small populations: decisions
  across month boundaries, late applications, annual leave, payment restrictions
  and blocking benefits as ranges (a working pensioner's pension among them),
  employees with paid leave and several paying employers, entrepreneurs over the
  YEL maximum, every tax basis with income limits, distraint with other income,
  fixed amounts and free months;
- moved with the model by a parameter reform.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openfisca_core.reforms import Reform

from openfisca_tartunta import CountryTaxBenefitSystem, kalenteri
from openfisca_tartunta.populaatio.generointi import generoi
from openfisca_tartunta.simulaatio import rakenna_simulaatio
from openfisca_tartunta.sopimus import ANSIOTYON_TULOKSET, VAKUUTETUN_TULOKSET

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import numpy_viite  # noqa: E402
from numpy_viite import kalenteri as viitekalenteri  # noqa: E402

TBS = CountryTaxBenefitSystem()
TULOKSET = list(VAKUUTETUN_TULOKSET) + list(ANSIOTYON_TULOKSET)
LISASARAKKEET = ("paino", "vakuutettu_id", "ansiotyo_id")


def mallin_tulokset(tbs, vak, tyo, kuukausi) -> dict:
    sim = rakenna_simulaatio(tbs, vak, tyo, [kuukausi], ohita=LISASARAKKEET)
    return {nimi: sim.calculate(nimi, kuukausi) for nimi in TULOKSET}


def erot(tbs, vak, tyo, kuukausi) -> tuple[dict, dict]:
    """(reference outputs, {output: rows where the model differs}) for one month."""
    viite = numpy_viite.laske(numpy_viite.lue(vak, tyo, kuukausi), tbs)
    eroavat = numpy_viite.vertaa(viite, mallin_tulokset(tbs, vak, tyo, kuukausi))
    return viite, {nimi: rivit.tolist()[:5] for nimi, rivit in eroavat.items() if rivit.size}


# --- the generated population ---------------------------------------------------------------------


@pytest.mark.parametrize("kuukausi", ["2024-03", "2024-12", "2025-06"])
def test_populaatio_sama_sentilleen(kuukausi):
    vak, tyo = generoi(20_000, siemen=12, kuukausi=kuukausi)
    viite, eroavat = erot(TBS, vak, tyo, kuukausi)
    assert eroavat == {}
    # the population reaches every step of the chain, so the comparison means something
    for nimi in ("tartuntatautipaivaraha_tyonantajille", "ennakonpidatys", "ulosottopidatys"):
        assert (viite[nimi] > 0).sum() > 100, nimi
    assert (viite["tartuntatautipaivaraha_tyonantajalle"] > 0).sum() > 1000


def test_parametrien_muutos_liikuttaa_molempia():
    """A parameter reform (divisor 21.5, protected amount 36 €/day) moves the reference and the model alike."""

    class Muutos(Reform):
        def apply(self):
            def muuta(parametrit):
                parametrit.paivaraha.palkansaajan_jakaja.update(start="2024-01-01", value=21.5)
                parametrit.ulosotto.suojaosuus.velallinen.update(start="2024-01-01", value=36.0)
                return parametrit

            self.modify_parameters(modifier_function=muuta)

    vak, tyo = generoi(5_000, siemen=3, kuukausi="2024-03")
    perus, _ = erot(TBS, vak, tyo, "2024-03")
    muutettu, eroavat = erot(Muutos(TBS), vak, tyo, "2024-03")
    assert eroavat == {}
    assert (muutettu["tartuntatautipaivaraha_paivalta"] > perus["tartuntatautipaivaraha_paivalta"]).sum() > 1000
    assert (muutettu["ulosottopidatys"] != perus["ulosottopidatys"]).sum() > 50


def test_kalenterit_samat():
    """The reference's holidays, listed from SVL 1:4 with dateutil's Easter, are the model's (`holidays`)."""
    omat = viitekalenteri.pyhapaivat(range(kalenteri.ENSIMMAINEN_VUOSI, kalenteri.VIIMEINEN_VUOSI + 1))
    assert np.array_equal(omat, kalenteri.PYHAPAIVAT)
    # Good Friday, Midsummer Eve and All Saints' Day 2024 (29.3., 21.6., 2.11.)
    assert {np.datetime64(p) for p in ("2024-03-29", "2024-06-21", "2024-11-02")} <= set(omat)


# --- random small populations ---------------------------------------------------------------------

KUUKAUDET = [f"{v}-{k:02d}" for v in range(2017, 2027) for k in range(1, 13)]
KORKOKUUKAUDET = [k for k in KUUKAUDET if k[5:] in ("01", "03", "04", "05", "06", "12")]
ESTOTYYPIT = [
    "kelan_kuntoutusraha", "tyoelakelakien_kuntoutusraha", "kuntoutusajan_ansionmenetyskorvaus",
    "vanhuuselake", "sopeutumiselake", "takuuelake", "muu",
]
KUUN_ALUSTA = ("vanhuuselake", "sopeutumiselake")


def sentit(enintaan_euroa: int):
    return st.integers(0, enintaan_euroa * 100).map(lambda c: c / 100)


def prosentit(enintaan=60.0):
    return st.integers(0, int(enintaan * 2)).map(lambda x: x / 2)


@st.composite
def peräkkäiset_välit(draw, alku: date, enintaan: int):
    """Up to `enintaan` disjoint ranges from near `alku` (adjacent allowed)."""
    valit, paiva = [], alku + timedelta(days=draw(st.integers(-12, 25)))
    for _ in range(draw(st.integers(0, enintaan))):
        loppu = paiva + timedelta(days=draw(st.integers(0, 20)))
        valit.append((paiva, loppu))
        paiva = loppu + timedelta(days=1 + draw(st.integers(0, 15)))
    return valit


@st.composite
def vakuutettu(draw, kk_alku: date) -> tuple[dict, list[dict]]:
    alkaa = max(kk_alku + timedelta(days=draw(st.integers(-75, 33))), date(2017, 1, 1))
    if draw(st.integers(0, 3)):  # mostly a decision that reaches the month
        paattyy = max(alkaa, kk_alku + timedelta(days=draw(st.integers(0, 45))))
    else:
        paattyy = alkaa + timedelta(days=draw(st.integers(0, 120)))
    peruste = draw(st.sampled_from(["karanteeni", "eristaminen", "tyosta_poissaolo", "lapsen_kotona_pito", "ei_paatosta"]))
    rivi = {
        "sairausvakuutettu": draw(st.booleans()) or draw(st.booleans()),
        "poissaolon_peruste": peruste,
        "poissaolo_alkaa": alkaa,
        "poissaolo_paattyy": paattyy,
        "lapsen_ika": draw(st.integers(10, 17)),
        "tyoskentelee_elakkeella": draw(st.booleans()),
        "hakemus_saapunut": draw(st.none() | st.integers(0, 130).map(lambda d: alkaa + timedelta(days=d))),
        "myohastyminen_hyvaksytty": draw(st.integers(0, 4)) == 0,
    }
    # annual leave and restrictions: disjoint ranges, each taken by one kind
    for (a, b), laji in zip(draw(peräkkäiset_välit(alkaa, 4)), draw(st.permutations(["v1", "v2", "v3", "m1", "m2"]))):
        nimi = {"v": "vuosiloma", "m": "maksueste"}[laji[0]] + "_" + laji[1]
        rivi[f"{nimi}_alkaa"], rivi[f"{nimi}_paattyy"] = a, b
    # blocking benefits: disjoint, a pension from the 1st of a month, the last one possibly without end
    paiva = alkaa + timedelta(days=draw(st.integers(-40, 40)))
    for k in range(1, draw(st.integers(0, 3)) + 1):
        tyyppi = draw(st.sampled_from(ESTOTYYPIT))
        if tyyppi in KUUN_ALUSTA and paiva.day != 1:
            paiva = (paiva.replace(day=1) + timedelta(days=32)).replace(day=1)
        loppu = draw(st.none() | st.integers(0, 45).map(lambda d, p=paiva: p + timedelta(days=d)))
        rivi[f"estava_etuus_{k}"], rivi[f"estava_etuus_{k}_alkaa"], rivi[f"estava_etuus_{k}_paattyy"] = tyyppi, paiva, loppu
        if loppu is None:
            break
        paiva = loppu + timedelta(days=1 + draw(st.integers(0, 30)))

    kortti = draw(st.sampled_from(["ei_tietoja", "palkan_verokortti", "etuuden_verokortti", "lahdeverokortti"]))
    prosentti = draw(prosentit())
    raja = draw(st.sampled_from([0.0, 0.0]) | sentit(60_000))
    rivi.update({
        "ennakonpidatysperuste": kortti,
        "ennakonpidatysprosentti": prosentti,
        "ennakonpidatys_lisaprosentti": min(prosentti + draw(prosentit(40.0)) + 0.5, 100.0),
        "ennakonpidatys_tuloraja": raja,
        "ennakonpidatys_tulokertyma": draw(sentit(70_000)),
        "ennakonpidatys_oma_prosentti": draw(st.just(0.0) | prosentit(80.0)),
        "kohdistuu_edelliseen_vuoteen": draw(st.integers(0, 6)) == 0,
        "ulosotto_maksukielto": draw(st.booleans()),
        "ulosotto_huollettavat": draw(st.integers(0, 4)),
        "ulosotto_muut_nettotulot": draw(st.just(0.0) | sentit(4_000)),
        "ulosotto_vakiomaara": draw(st.just(0.0) | sentit(600)),
        "ulosotto_vapaakuukausi": draw(st.integers(0, 5)) == 0,
    })

    tyot = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.integers(0, 4)) > 0:
            vapaa = draw(st.booleans())
            v_alkaa = alkaa + timedelta(days=draw(st.integers(-5, 25)))
            tyot.append({
                "rooli": "palkkatyo",
                "ansionmenetys": draw(sentit(9_000)),
                "ansionmenetys_selvitetty": draw(st.integers(0, 5)) > 0,
                "edeltava_palkka": draw(sentit(9_000)),
                "korvaavan_tyon_palkka": draw(st.just(0.0) | sentit(5_000)),
                "tyonantajan_maksama_palkka": draw(sentit(6_000)) if vapaa else 0.0,
                "palkka_koko_vapaalta": draw(st.integers(0, 4)) > 0,
                "palkallinen_vapaa_alkaa": v_alkaa if vapaa else None,
                "palkallinen_vapaa_paattyy": v_alkaa + timedelta(days=draw(st.integers(0, 40))) if vapaa else None,
            })
        else:
            tyot.append({
                "rooli": "yritystoiminta",
                "yrittajavakuutus": draw(st.sampled_from(["yel", "myel", "vapaaehtoinen", "ei_vakuutusta"])),
                # cents below 131 072 €, whole euros above (what float32 storage holds exactly)
                "yrittajan_tyotulo": draw(sentit(130_000) | st.integers(130_000, 300_000).map(float)),
                "yrittajan_verotettu_tulo": draw(sentit(60_000)),
                "vakuuttamisen_laiminlyonti": draw(st.booleans()),
            })
    return rivi, tyot


PAIVASARAKKEET = (
    ["poissaolo_alkaa", "poissaolo_paattyy", "hakemus_saapunut", "palkallinen_vapaa_alkaa", "palkallinen_vapaa_paattyy"]
    + [f"vuosiloma_{k}_{p}" for k in (1, 2, 3) for p in ("alkaa", "paattyy")]
    + [f"maksueste_{k}_{p}" for k in (1, 2) for p in ("alkaa", "paattyy")]
    + [f"estava_etuus_{k}_{p}" for k in (1, 2, 3) for p in ("alkaa", "paattyy")]
)
TYON_OLETUKSET = {
    "ansionmenetys": 0.0, "ansionmenetys_selvitetty": True, "edeltava_palkka": 0.0, "korvaavan_tyon_palkka": 0.0,
    "tyonantajan_maksama_palkka": 0.0, "palkka_koko_vapaalta": True, "palkallinen_vapaa_alkaa": None,
    "palkallinen_vapaa_paattyy": None, "yrittajavakuutus": "ei_vakuutusta", "yrittajan_tyotulo": 0.0,
    "yrittajan_verotettu_tulo": 0.0, "vakuuttamisen_laiminlyonti": False,
}


def taulu(rivit: list[dict], oletukset: dict) -> pd.DataFrame:
    """Rows as a population table: every slot as a column, dates as datetime64 (NaT = not given)."""
    sarakkeet = {}
    for nimi in dict.fromkeys([*oletukset, *(k for r in rivit for k in r)]):
        arvot = [r.get(nimi, oletukset.get(nimi)) for r in rivit]
        if nimi in PAIVASARAKKEET:
            sarakkeet[nimi] = np.array([np.datetime64(a, "D") if a else np.datetime64("NaT") for a in arvot], dtype="datetime64[D]")
        else:
            sarakkeet[nimi] = arvot
    return pd.DataFrame(sarakkeet)


VAK_OLETUKSET = {
    **{f"vuosiloma_{k}_{p}": None for k in (1, 2, 3) for p in ("alkaa", "paattyy")},
    **{f"maksueste_{k}_{p}": None for k in (1, 2) for p in ("alkaa", "paattyy")},
    **{f"estava_etuus_{k}": "ei_etuutta" for k in (1, 2, 3)},
    **{f"estava_etuus_{k}_{p}": None for k in (1, 2, 3) for p in ("alkaa", "paattyy")},
}


@st.composite
def populaatio(draw):
    kuukausi = draw(st.sampled_from(KORKOKUUKAUDET) | st.sampled_from(KUUKAUDET))
    kk_alku = date.fromisoformat(f"{kuukausi}-01")
    henkilot = draw(st.lists(vakuutettu(kk_alku), min_size=1, max_size=6))
    vak = taulu([h for h, _ in henkilot], VAK_OLETUKSET)
    tyorivit = [{**t, "vakuutettu": i} for i, (_, tyot) in enumerate(henkilot) for t in tyot]
    tyo = taulu(tyorivit or [{"vakuutettu": 0}], {"vakuutettu": 0, "rooli": "palkkatyo", **TYON_OLETUKSET})
    if not tyorivit:
        tyo = tyo.iloc[0:0]
    return kuukausi, vak, tyo.astype({"vakuutettu": np.int64})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(populaatio())
def test_viite_oraakkelina(tapaus):
    kuukausi, vak, tyo = tapaus
    _, eroavat = erot(TBS, vak, tyo, kuukausi)
    assert eroavat == {}, (kuukausi, eroavat)
