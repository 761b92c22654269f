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

from kasikalenteri import maaraaika  # noqa: E402  (the tests' hand-written calendar)

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


def test_usean_kuukauden_populaatio():
    """Three months over the turn of the year (`name@YYYY-MM` columns, 2025 parameters): one simulation, equal each month."""
    kuukaudet = ["2024-11", "2024-12", "2025-01"]
    vak, tyo = generoi(10_000, siemen=5, kuukausi=kuukaudet[0], kuukausia=3)
    sim = rakenna_simulaatio(TBS, vak, tyo, kuukaudet, ohita=LISASARAKKEET)
    for kuukausi in kuukaudet:
        viite = numpy_viite.laske(numpy_viite.lue(vak, tyo, kuukausi), TBS)
        malli = {nimi: sim.calculate(nimi, kuukausi) for nimi in TULOKSET}
        assert {n: r.size for n, r in numpy_viite.vertaa(viite, malli).items() if r.size} == {}, kuukausi
        assert (viite["tartuntatautipaivaraha"] > 0).sum() > 50, kuukausi


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


def sentit(enintaan_euroa: int, *rajat: float):
    """Amounts in cents, with the boundary values `rajat` drawn often."""
    tavalliset = st.integers(0, enintaan_euroa * 100).map(lambda c: c / 100)
    return st.one_of(tavalliset, st.sampled_from(rajat)) if rajat else tavalliset


#: Monthly pay at the edges: 100 € / 25 = 4,00 € a day (the 4 €/day limit of withholding, 1.9.3.4.1).
PALKAT = (100.00, 99.99, 100.01, 0.01, 2500.00, 4166.67)
#: Annual income at the edges: 30 001,50 / 300 = 100,005 (half a cent up), the YEL maximum 2024 ± 1 €.
TYOTULOT = (30_001.50, 30_001.49, 204_625.0, 204_626.0, 10_000.0, 10_000.01)


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
    laji = draw(st.integers(0, 5))
    if laji == 0:  # any
        paattyy = alkaa + timedelta(days=draw(st.integers(0, 120)))
    elif laji == 1:  # the whole month (a whole month of source tax and distraint, 1.9.3.2, 1.9.2.9)
        alkaa = min(alkaa, kk_alku)
        paattyy = kk_alku + timedelta(days=draw(st.integers(31, 60)))
    else:  # mostly a decision that reaches the month
        paattyy = max(alkaa, kk_alku + timedelta(days=draw(st.integers(0, 45))))
    peruste = draw(st.sampled_from(["karanteeni", "eristaminen", "tyosta_poissaolo", "lapsen_kotona_pito"] * 3 + ["ei_paatosta"]))
    rivi = {
        "sairausvakuutettu": draw(st.integers(0, 9)) > 0,
        "poissaolon_peruste": peruste,
        "poissaolo_alkaa": alkaa,
        "poissaolo_paattyy": paattyy,
        "lapsen_ika": draw(st.sampled_from([3, 15, 16, 16, 17])),
        "tyoskentelee_elakkeella": draw(st.booleans()),
        "hakemus_saapunut": draw(
            st.none()
            | st.integers(0, 130).map(lambda d: alkaa + timedelta(days=d))
            # on the deadline of a day of the month, or the day after it (1.5.3)
            | st.tuples(st.integers(0, 27), st.integers(0, 1)).map(
                lambda x: maaraaika(kk_alku + timedelta(days=x[0]), 2) + timedelta(days=x[1])
            )
        ),
        "myohastyminen_hyvaksytty": draw(st.integers(0, 4)) == 0,
    }
    # annual leave and restrictions: disjoint ranges, each taken by one kind
    for (a, b), laji in zip(draw(peräkkäiset_välit(draw(st.sampled_from([alkaa, max(alkaa, kk_alku)])), 4)), draw(st.permutations(["v1", "v2", "v3", "m1", "m2"]))):
        nimi = {"v": "vuosiloma", "m": "maksueste"}[laji[0]] + "_" + laji[1]
        rivi[f"{nimi}_alkaa"], rivi[f"{nimi}_paattyy"] = a, b
    # blocking benefits: disjoint, a pension from the 1st of a month, the last one possibly without end
    lomien_alut = [rivi[f"{n}_alkaa"] for n in ("vuosiloma_1", "vuosiloma_2", "maksueste_1") if f"{n}_alkaa" in rivi]
    paiva = draw(st.sampled_from(lomien_alut + [alkaa])) + timedelta(days=draw(st.integers(-20, 20)))
    for k in range(1, draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3])) + 1):
        tyyppi = draw(st.sampled_from(ESTOTYYPIT))
        if tyyppi in KUUN_ALUSTA and paiva.day != 1:
            paiva = (paiva.replace(day=1) + timedelta(days=32)).replace(day=1)
        loppu = draw(st.none() | st.integers(0, 45).map(lambda d, p=paiva: p + timedelta(days=d)))
        rivi[f"estava_etuus_{k}"], rivi[f"estava_etuus_{k}_alkaa"], rivi[f"estava_etuus_{k}_paattyy"] = tyyppi, paiva, loppu
        if loppu is None:
            break
        paiva = loppu + timedelta(days=1 + draw(st.integers(0, 30)))

    kortti = draw(st.sampled_from(["ei_tietoja", "palkan_verokortti", "etuuden_verokortti", "lahdeverokortti"]))
    prosentti = draw(prosentit(45.0))
    raja = draw(st.sampled_from([0.0, 0.0]) | sentit(60_000))
    rivi.update({
        "ennakonpidatysperuste": kortti,
        "ennakonpidatysprosentti": prosentti,
        "ennakonpidatys_lisaprosentti": prosentti + draw(prosentit(20.0)) + 0.5,
        "ennakonpidatys_tuloraja": raja,
        "ennakonpidatys_tulokertyma": draw(sentit(70_000)),
        "ennakonpidatys_oma_prosentti": draw(st.sampled_from([0.0, 0.0, 0.0, 20.0, 30.0, 45.5, 60.0])),
        "kohdistuu_edelliseen_vuoteen": draw(st.integers(0, 6)) == 0,
        "ulosotto_maksukielto": draw(st.booleans()),
        "ulosotto_huollettavat": draw(st.integers(0, 4)),
        "ulosotto_muut_nettotulot": draw(st.just(0.0) | sentit(4_000)),
        "ulosotto_vakiomaara": draw(st.just(0.0) | sentit(600)),
        "ulosotto_vapaakuukausi": draw(st.integers(0, 5)) == 0,
    })

    tyot = []
    for _ in range(draw(st.sampled_from([0, 1, 1, 2, 2, 3, 4]))):
        if draw(st.integers(0, 4)) > 0:
            vapaa = draw(st.booleans())
            v_alkaa = draw(st.sampled_from([alkaa, max(alkaa, kk_alku)])) + timedelta(days=draw(st.integers(-5, 20)))
            edellinen = [t for t in tyot if t.get("palkallinen_vapaa_alkaa")]
            if vapaa and edellinen and draw(st.booleans()):  # the same leave and pay as another employer: ties
                tyot.append(dict(edellinen[-1]))
                continue
            tyot.append({
                "rooli": "palkkatyo",
                "ansionmenetys": draw(sentit(9_000, *PALKAT)),
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
                "yrittajan_tyotulo": draw(sentit(130_000, *TYOTULOT) | st.integers(130_000, 300_000).map(float)),
                "yrittajan_verotettu_tulo": draw(sentit(60_000, *TYOTULOT)),
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
    henkilot = draw(st.lists(vakuutettu(kk_alku), min_size=1, max_size=10))
    vak = taulu([h for h, _ in henkilot], VAK_OLETUKSET)
    tyorivit = [{**t, "vakuutettu": i} for i, (_, tyot) in enumerate(henkilot) for t in tyot]
    tyo = taulu(tyorivit or [{"vakuutettu": 0}], {"vakuutettu": 0, "rooli": "palkkatyo", **TYON_OLETUKSET})
    if not tyorivit:
        tyo = tyo.iloc[0:0]
    return kuukausi, vak, tyo.astype({"vakuutettu": np.int64})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(populaatio())
def test_viite_oraakkelina(tapaus):
    kuukausi, vak, tyo = tapaus
    _, eroavat = erot(TBS, vak, tyo, kuukausi)
    assert eroavat == {}, (kuukausi, eroavat)


# --- edge cases the random draws rarely meet --------------------------------------------------------


def _p(iso: str) -> date:
    return date.fromisoformat(iso)


KOKO_MAALISKUU = {"poissaolon_peruste": "karanteeni", "poissaolo_alkaa": _p("2024-02-20"), "poissaolo_paattyy": _p("2024-04-10")}
REUNAT = [
    # 100,00 / 25 = 4,00 €/day: at the withholding limit, not over it (1.9.3.4.1); 100,13 / 25 → 4,01 €
    ({**KOKO_MAALISKUU, "ennakonpidatysperuste": "palkan_verokortti", "ennakonpidatysprosentti": 20.0}, [{"ansionmenetys": 100.00}]),
    ({**KOKO_MAALISKUU, "ennakonpidatysperuste": "palkan_verokortti", "ennakonpidatysprosentti": 20.0}, [{"ansionmenetys": 100.13}]),
    # a whole month of distraint: 30 days of protected amount in a 31-day month (1.9.2.9)
    ({**KOKO_MAALISKUU, "ulosotto_maksukielto": True, "ulosotto_huollettavat": 1}, [{"ansionmenetys": 2100.00}]),
    ({**KOKO_MAALISKUU, "ulosotto_maksukielto": True, "ulosotto_muut_nettotulot": 700.0}, [{"ansionmenetys": 9000.00}]),
    # source tax: a whole month (510 €) and part of one (17 €/calendar day) (1.9.3.2)
    ({**KOKO_MAALISKUU, "ennakonpidatysperuste": "lahdeverokortti"}, [{"ansionmenetys": 4000.00}]),
    ({**KOKO_MAALISKUU, "poissaolo_alkaa": _p("2024-03-10"), "ennakonpidatysperuste": "lahdeverokortti"}, [{"ansionmenetys": 4000.00}]),
    # annual leave and a payment restriction under a blocking benefit: each day once, the benefit first
    ({**KOKO_MAALISKUU, "vuosiloma_1_alkaa": _p("2024-03-11"), "vuosiloma_1_paattyy": _p("2024-03-15"),
      "maksueste_1_alkaa": _p("2024-03-18"), "maksueste_1_paattyy": _p("2024-03-22"),
      "estava_etuus_1": "kelan_kuntoutusraha", "estava_etuus_1_alkaa": _p("2024-03-13"), "estava_etuus_1_paattyy": _p("2024-03-19"),
      "ulosotto_maksukielto": True}, [{"ansionmenetys": 3000.00}]),
    # a working pensioner: the old-age pension does not block, the rehabilitation allowance does
    ({**KOKO_MAALISKUU, "tyoskentelee_elakkeella": True,
      "estava_etuus_1": "vanhuuselake", "estava_etuus_1_alkaa": _p("2024-03-01"),
      "estava_etuus_2": "kelan_kuntoutusraha", "estava_etuus_2_alkaa": _p("2024-03-25"), "estava_etuus_2_paattyy": _p("2024-03-27")},
     [{"ansionmenetys": 3000.00}]),
    # two employers with the same leave and pay: T = 240,01 × 5 = 1 200,05 €, the odd cent to the earlier row
    ({**KOKO_MAALISKUU}, [
        {"ansionmenetys": 3000.13, "tyonantajan_maksama_palkka": 800.0, "palkallinen_vapaa_alkaa": _p("2024-03-04"), "palkallinen_vapaa_paattyy": _p("2024-03-08")},
        {"ansionmenetys": 3000.12, "tyonantajan_maksama_palkka": 800.0, "palkallinen_vapaa_alkaa": _p("2024-03-04"), "palkallinen_vapaa_paattyy": _p("2024-03-08")},
    ]),
    # applied 6.5.2024: 4.3. is on time (4.5. is a Saturday → 6.5.), 3.3. is not (3.5. a Friday) (1.5.3)
    ({**KOKO_MAALISKUU, "hakemus_saapunut": _p("2024-05-06")}, [{"ansionmenetys": 3000.00}]),
    ({**KOKO_MAALISKUU, "hakemus_saapunut": _p("2024-05-07")}, [{"ansionmenetys": 3000.00}]),
    # YEL income over the year's maximum (204 625 € in 2024), and 30 001,50 / 300 = 100,005 → 100,01 (1.7.2.2)
    ({**KOKO_MAALISKUU}, [{"rooli": "yritystoiminta", "yrittajavakuutus": "yel", "yrittajan_tyotulo": 204_626.0}]),
    ({**KOKO_MAALISKUU}, [{"rooli": "yritystoiminta", "yrittajavakuutus": "myel", "yrittajan_tyotulo": 30_001.50}]),
    # the child's age limit: 15 entitled, 16 not (1.3.3.1)
    ({**KOKO_MAALISKUU, "poissaolon_peruste": "lapsen_kotona_pito", "lapsen_ika": 15}, [{"ansionmenetys": 3000.00}]),
    ({**KOKO_MAALISKUU, "poissaolon_peruste": "lapsen_kotona_pito", "lapsen_ika": 16}, [{"ansionmenetys": 3000.00}]),
]


REUNOJEN_OLETUKSET = {
    "sairausvakuutettu": True, "lapsen_ika": 0, "tyoskentelee_elakkeella": False, "hakemus_saapunut": None,
    "myohastyminen_hyvaksytty": False, "ennakonpidatysperuste": "ei_tietoja", "ennakonpidatysprosentti": 0.0,
    "ennakonpidatys_lisaprosentti": 0.0, "ennakonpidatys_tuloraja": 0.0, "ennakonpidatys_tulokertyma": 0.0,
    "ennakonpidatys_oma_prosentti": 0.0, "kohdistuu_edelliseen_vuoteen": False, "ulosotto_maksukielto": False,
    "ulosotto_huollettavat": 0, "ulosotto_muut_nettotulot": 0.0, "ulosotto_vakiomaara": 0.0,
    "ulosotto_vapaakuukausi": False, **VAK_OLETUKSET,
}


@pytest.mark.parametrize("kuukausi", ["2024-02", "2024-03"])
def test_reunatapaukset(kuukausi):
    vak = taulu([h for h, _ in REUNAT], REUNOJEN_OLETUKSET)
    tyo = taulu([{**t, "vakuutettu": i} for i, (_, tyot) in enumerate(REUNAT) for t in tyot],
                {"vakuutettu": 0, "rooli": "palkkatyo", **TYON_OLETUKSET})
    viite, eroavat = erot(TBS, vak, tyo, kuukausi)
    assert eroavat == {}
    if kuukausi == "2024-03":  # worked by hand: March 2024 has 25 arkipäivät (5 Sundays, Good Friday 29.3.)
        brutto = viite["tartuntatautipaivaraha"].tolist()
        # 100,00/25 = 4,00 × 25 = 100,00: not over 4 €/day; 100,13/25 → 4,01 × 25 = 100,25 × 25 % = 25,06
        assert viite["ennakonpidatys"][:2].tolist() == [0, 2506]
        # 84 × 25 = 2 100 − 35 % table tax 735 = 1 365; protected (32,56 + 9,52) × 30 = 1 262,40;
        # 2/3 × (1 365 − 1 262,40) = 68,40 (31 days would give 40,35)
        assert viite["ulosottopidatys"][2] == 6840
        # source tax: (4 000 − 510) × 35 % = 1 221,50; 10.–31.3.: 160 × 17 = 2 720 − 17 × 22 = 2 346 × 35 % = 821,10
        assert viite["ennakonpidatys"][4:6].tolist() == [122150, 82110]
        # blocked 13.–19.3. (6), leave 11.–12.3. (2), restriction 20.–22.3. (3): 25 − 11 = 14 × 120
        assert brutto[6] == 14 * 12000
        # the pensioner: only the rehabilitation allowance 25.–27.3. blocks: 22 × 120
        assert brutto[7] == 22 * 12000
        # 6 000,25 / 25 = 240,01; E = 4.–8.3. (5); T = 1 200,05 split equally, the odd cent to the earlier row
        assert viite["tartuntatautipaivaraha_tyonantajalle"][8:10].tolist() == [60003, 60002]
        # applied 6.5.: paid from 4.3. (23 days); applied 7.5.: from 7.3. (20 days)
        assert brutto[9:11] == [23 * 12000, 20 * 12000]
        # YEL 204 625 / 300 = 682,083… → 682,08; 30 001,50 / 300 = 100,005 → 100,01
        assert viite["tartuntatautipaivaraha_paivalta"][11:13].tolist() == [68208, 10001]
        assert viite["oikeus_tartuntatautipaivarahaan"][-2:].tolist() == [True, False]


def test_benchmark_tulostaa_suhteet(capsys):
    """`make benchmark` (benchmarks/laskenta.py) checks the two equal and prints both ratios."""
    import laskenta

    assert laskenta.main(["--henkiloita", "3000", "--toistoja", "1"]) == 0
    tuloste = capsys.readouterr().out
    assert tuloste.count("model/numpy") == 2
    assert "equal to the cent on every output (10 outputs" in tuloste


def test_nopeus_ajaa_mallin(capsys):
    """`benchmarks/nopeus.py` (the in-process figures the README cites) runs on the package's population."""
    import nopeus

    assert nopeus.main(["--henkiloita", "2000", "--toistoja", "1", "--vain", "malli"]) == 0
    tuloste = capsys.readouterr().out
    assert "core at 2,000 insured" in tuloste and "whole chain at 2,000 insured" in tuloste


def test_numpyn_perusteet_ajetaan(capsys):
    """`benchmarks/numpy_perusteet.py` (the primitives the README's speed notes cite) runs and times each pair."""
    import numpy_perusteet

    assert numpy_perusteet.main(["--riveja", "5000", "--toistoja", "1"]) == 0
    rivit = capsys.readouterr().out.splitlines()
    assert len(rivit) == 1 + len(numpy_perusteet.vertailut(10)) and all(r.rstrip().endswith("×") for r in rivit[1:])
