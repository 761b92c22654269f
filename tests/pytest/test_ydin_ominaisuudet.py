"""Property tests of the core model on vectorised simulations of many insured.

Hypothesis draws populations (every decision type, employees and entrepreneurs, replacement work,
unreliable estimates, application dates, blocking benefits, annual leave, payment restrictions)
and checks rules that must hold for every one of them (guideline 1.6, 1.9, 1.3.2.4, 1.9.4):

- an employee's daily amount never exceeds the monthly pay lost / 25 (+ half a cent of rounding);
- payable days never exceed the decision's arkipäivät in the month, counted here independently;
- the gross allowance is the daily amount × the payable days, to the cent;
- results do not depend on the order of the rows or of the insured.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openfisca_core.simulations import SimulationBuilder

from openfisca_tartunta import CountryTaxBenefitSystem

TBS = CountryTaxBenefitSystem()
ASETUKSET = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PERUSTEET = ["ei_paatosta", "tyosta_poissaolo", "karanteeni", "eristaminen", "lapsen_kotona_pito"]
VAKUUTUKSET = ["ei_vakuutusta", "yel", "myel", "vapaaehtoinen"]
EI_PAIVAA = date(9999, 12, 31)
EI_ANNETTU = date(1970, 1, 1)

# An independent count of arkipäivät: Mon–Sat that the `holidays` calendar does not list, day by
# day on a person × day grid (not numpy's busday functions that the model uses).
_PYHAT = np.array(sorted(holidays.Finland(years=range(2016, 2028)).keys()), dtype="datetime64[D]")


def arkipaivat_kuussa(alut, loput, kuukausi: np.datetime64) -> np.ndarray:
    kk_alku = kuukausi.astype("datetime64[D]")
    paivat = kk_alku + np.arange(31)
    kuussa = paivat.astype("datetime64[M]") == kuukausi
    viikonpaiva = (paivat.astype("int64") + 3) % 7  # 1970-01-01 was a Thursday; 0 = Monday
    arki = kuussa & (viikonpaiva < 6) & ~np.isin(paivat, _PYHAT)
    alut = np.asarray(alut, dtype="datetime64[D]")[:, None]
    loput = np.asarray(loput, dtype="datetime64[D]")[:, None]
    return ((paivat[None, :] >= alut) & (paivat[None, :] <= loput) & arki[None, :]).sum(axis=1)


sentit = st.integers(min_value=0, max_value=1_200_000)  # up to 12 000 € a month


@st.composite
def rivi(draw):
    if draw(st.integers(0, 3)) < 3:
        palkka = draw(sentit)
        return {
            "rooli": "palkkatyo",
            "ansionmenetys": palkka / 100,
            "ansionmenetys_selvitetty": draw(st.sampled_from([True, True, True, False])),
            "edeltava_palkka": draw(sentit) / 100,
            "korvaavan_tyon_palkka": draw(st.sampled_from([0, 0, palkka, draw(sentit)])) / 100,
        }
    return {
        "rooli": "yritystoiminta",
        "yrittajavakuutus": draw(st.sampled_from(VAKUUTUKSET)),
        "yrittajan_tyotulo": draw(st.integers(0, 30_000_000)) / 100,
        "yrittajan_verotettu_tulo": draw(st.integers(0, 5_000_000)) / 100,
        "vakuuttamisen_laiminlyonti": draw(st.booleans()),
    }


@st.composite
def vakuutettu(draw, kuukausi: np.datetime64):
    kk_alku = date.fromisoformat(str(kuukausi.astype("datetime64[D]")))
    alku = kk_alku + timedelta(days=draw(st.integers(-70, 35)))
    loppu = alku + timedelta(days=draw(st.integers(0, 80)))
    peruste = draw(st.sampled_from(PERUSTEET))
    arki = int(arkipaivat_kuussa([alku], [loppu], kuukausi)[0]) if peruste != "ei_paatosta" else 0
    hakemus = draw(st.one_of(st.just(EI_ANNETTU), st.integers(-5, 150).map(lambda d: alku + timedelta(days=d))))
    estava = draw(st.one_of(st.just(EI_PAIVAA), st.integers(-10, 90).map(lambda d: alku + timedelta(days=d))))
    return {
        "poissaolon_peruste": peruste,
        "poissaolo_alkaa": alku,
        "poissaolo_paattyy": loppu,
        "lapsen_ika": draw(st.integers(0, 18)),
        "sairausvakuutettu": draw(st.sampled_from([True, True, True, False])),
        "hakemus_saapunut": hakemus,
        "myohastyminen_hyvaksytty": draw(st.booleans()),
        "estava_etuus_alkaa": estava,
        "tyoskentelee_elakkeella": draw(st.booleans()),
        "vuosilomapaivat": draw(st.integers(0, arki)),
        "maksuesteen_paivat": draw(st.integers(0, 8)),
        "rivit": draw(st.lists(rivi(), min_size=1, max_size=3)),
    }


@st.composite
def populaatio(draw):
    kuukausi = np.datetime64("2023-01", "M") + draw(st.integers(0, 35))
    henkilot = draw(st.lists(vakuutettu(kuukausi), min_size=1, max_size=12))
    return kuukausi, henkilot


RIVIN_OLETUKSET = {
    "ansionmenetys": 0.0,
    "ansionmenetys_selvitetty": True,
    "edeltava_palkka": 0.0,
    "korvaavan_tyon_palkka": 0.0,
    "yrittajavakuutus": "ei_vakuutusta",
    "yrittajan_tyotulo": 0.0,
    "yrittajan_verotettu_tulo": 0.0,
    "vakuuttamisen_laiminlyonti": False,
}
KUUKAUDEN = {"sairausvakuutettu", "vuosilomapaivat", "maksuesteen_paivat", "ansionmenetys",
             "ansionmenetys_selvitetty", "edeltava_palkka", "korvaavan_tyon_palkka"}
TULOKSET = [
    "oikeus_tartuntatautipaivarahaan",
    "tartuntatautipaivaraha_paivalta",
    "tartuntatautipaivarahan_maksupaivat",
    "tartuntatautipaivaraha",
    "paatoksen_arkipaivat",
]


def _taulukko(arvot):
    if isinstance(arvot[0], date):
        return np.array([a.isoformat() for a in arvot], dtype="datetime64[D]")
    return np.array(arvot)


def laske(kuukausi, henkilot, vakuutettujen_jarjestys=None, rivien_jarjestys=None) -> dict:
    """Runs one simulation with the insured and the rows in the given order; results per insured
    in the ORIGINAL order of `henkilot`."""
    n = len(henkilot)
    v_jarj = np.arange(n) if vakuutettujen_jarjestys is None else np.asarray(vakuutettujen_jarjestys)
    rivit = [(i, r) for i, h in enumerate(henkilot) for r in h["rivit"]]
    r_jarj = np.arange(len(rivit)) if rivien_jarjestys is None else np.asarray(rivien_jarjestys)
    rivit = [rivit[k] for k in r_jarj]

    rakentaja = SimulationBuilder()
    rakentaja.create_entities(TBS)
    rakentaja.declare_person_entity("ansiotyo", [f"r{k}" for k in r_jarj])
    ryhmat = rakentaja.declare_entity("vakuutettu", [f"v{i}" for i in v_jarj])
    rakentaja.join_with_persons(ryhmat, [f"v{i}" for i, _ in rivit], [r["rooli"] for _, r in rivit])
    simulaatio = rakentaja.build(TBS)

    kk = str(kuukausi)
    for nimi in henkilot[0]:
        if nimi == "rivit":
            continue
        arvot = _taulukko([henkilot[i][nimi] for i in v_jarj])
        simulaatio.set_input(nimi, kk if nimi in KUUKAUDEN else "ETERNITY", arvot)
    for nimi, oletus in RIVIN_OLETUKSET.items():
        arvot = _taulukko([r.get(nimi, oletus) for _, r in rivit])
        simulaatio.set_input(nimi, kk if nimi in KUUKAUDEN else "ETERNITY", arvot)

    takaisin = np.argsort(v_jarj)
    return {nimi: np.asarray(simulaatio.calculate(nimi, kk))[takaisin] for nimi in TULOKSET}


@ASETUKSET
@given(populaatio())
def test_palkansaajan_paivaraha_enintaan_menetetty_palkka_per_25(tapaus):
    """1.6: the daily amount is 1/25 of the monthly pay lost; never more (+ rounding)."""
    kuukausi, henkilot = tapaus
    tulos = laske(kuukausi, henkilot)
    for i, h in enumerate(henkilot):
        if all(r["rooli"] == "palkkatyo" for r in h["rivit"]):
            perusta = sum(
                r["ansionmenetys"] if r["ansionmenetys_selvitetty"] else r["edeltava_palkka"] for r in h["rivit"]
            )
            assert 0 <= tulos["tartuntatautipaivaraha_paivalta"][i] <= perusta / 25 + 0.005 + 1e-4


@ASETUKSET
@given(populaatio())
def test_maksupaivat_enintaan_paatoksen_arkipaivat(tapaus):
    """1.9: payable days ≤ the decision's arkipäivät in the month, counted independently."""
    kuukausi, henkilot = tapaus
    tulos = laske(kuukausi, henkilot)
    paatos = np.array([h["poissaolon_peruste"] != "ei_paatosta" for h in henkilot])
    alut = np.array([h["poissaolo_alkaa"].isoformat() for h in henkilot], dtype="datetime64[D]")
    loput = np.array([h["poissaolo_paattyy"].isoformat() for h in henkilot], dtype="datetime64[D]")
    arki = np.where(paatos, arkipaivat_kuussa(alut, loput, kuukausi), 0)
    np.testing.assert_array_equal(tulos["paatoksen_arkipaivat"], arki)
    maksupaivat = tulos["tartuntatautipaivarahan_maksupaivat"]
    assert (maksupaivat >= 0).all()
    assert (maksupaivat <= arki).all()
    loma = np.array([h["vuosilomapaivat"] for h in henkilot])
    assert (maksupaivat <= arki - loma).all()  # 1.3.2.4: annual-leave days are never paid


@ASETUKSET
@given(populaatio())
def test_brutto_on_paivaraha_kertaa_maksupaivat(tapaus):
    """1.6, 1.9: gross = daily amount × paid days, to the cent; nothing without entitlement."""
    kuukausi, henkilot = tapaus
    tulos = laske(kuukausi, henkilot)
    paivalta = tulos["tartuntatautipaivaraha_paivalta"].astype(np.float64)
    odotettu = paivalta * tulos["tartuntatautipaivarahan_maksupaivat"]
    np.testing.assert_allclose(tulos["tartuntatautipaivaraha"], odotettu, atol=0.011)
    ei_oikeutta = ~tulos["oikeus_tartuntatautipaivarahaan"]
    assert (paivalta[ei_oikeutta] == 0).all()
    assert (tulos["tartuntatautipaivarahan_maksupaivat"][ei_oikeutta] == 0).all()
    ei_paatosta = np.array([h["poissaolon_peruste"] == "ei_paatosta" for h in henkilot])
    ei_vakuutettu = np.array([not h["sairausvakuutettu"] for h in henkilot])
    assert not tulos["oikeus_tartuntatautipaivarahaan"][ei_paatosta | ei_vakuutettu].any()


@ASETUKSET
@given(populaatio(), st.randoms(use_true_random=False))
def test_tulokset_eivat_riipu_jarjestyksesta(tapaus, satunnainen):
    """Permuting the insured and the rows changes nothing for any insured."""
    kuukausi, henkilot = tapaus
    perus = laske(kuukausi, henkilot)
    v_jarj = list(range(len(henkilot)))
    satunnainen.shuffle(v_jarj)
    r_jarj = list(range(sum(len(h["rivit"]) for h in henkilot)))
    satunnainen.shuffle(r_jarj)
    sekoitettu = laske(kuukausi, henkilot, v_jarj, r_jarj)
    for nimi in TULOKSET:
        np.testing.assert_array_equal(sekoitettu[nimi], perus[nimi], err_msg=nimi)
