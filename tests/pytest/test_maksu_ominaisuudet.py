"""Properties of the payment chain, checked on random batches (hypothesis).

- employers' shares + the insured's part = gross, to the cent; the shares sum to
  the employers' total and no share exceeds the pay its employer paid (1.3.2.3);
- withholding is between 0 and the insured's part (1.9.3);
- distraint leaves the debtor at least the protected amount of the income base
  and never exceeds the allowance after tax (1.9.2.9); net ≥ 0.

Each example is one simulation of several insured at once, so the vectorised
code paths (groups, sorting, largest remainder) are exercised together.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openfisca_core.simulation_builder import SimulationBuilder

KK = "2024-09"
_KK_ALKU = date(2024, 9, 1)

_raha = st.integers(min_value=0, max_value=800_000).map(lambda c: c / 100)
_paiva = st.integers(min_value=-10, max_value=40).map(lambda d: (_KK_ALKU + timedelta(days=d)).isoformat())
_tunnus = st.sampled_from(["0737546-2", "1572860-0", "2617416-4", "999123456"])

_tyo = st.fixed_dictionaries(
    {
        "ansionmenetys": _raha,
        "palkka": _raha,
        "vapaa": st.one_of(st.none(), st.tuples(_paiva, _paiva).map(sorted)),
        "tunnus": _tunnus,
    }
)

_vakuutettu = st.fixed_dictionaries(
    {
        "tyot": st.lists(_tyo, min_size=1, max_size=3),
        "yel": st.one_of(st.none(), st.integers(min_value=0, max_value=200_000)),
        "paatos": st.tuples(_paiva, _paiva).map(sorted),
        "peruste": st.sampled_from(["ei_tietoja", "palkan_verokortti", "etuuden_verokortti", "lahdeverokortti"]),
        "prosentti": st.integers(min_value=0, max_value=1000).map(lambda x: x / 10),
        "lisa": st.integers(min_value=0, max_value=1000).map(lambda x: x / 10),
        "oma": st.integers(min_value=0, max_value=100),
        "tuloraja": st.sampled_from([0, 5_000, 20_000]),
        "kertyma": st.integers(min_value=0, max_value=30_000),
        "edellinen": st.booleans(),
        "kielto": st.booleans(),
        "huollettavat": st.integers(min_value=0, max_value=4),
        "muut": _raha,
        "vakio": st.one_of(st.just(0), _raha),
        "vapaa_kk": st.booleans(),
    }
)


def _simulaatio(tbs, vakuutetut):
    ansiotyot, ryhmat = {}, {}
    for i, v in enumerate(vakuutetut):
        palkkatyot = []
        for j, t in enumerate(v["tyot"]):
            nimi = f"t{i}_{j}"
            rivi = {
                "ansionmenetys": {KK: t["ansionmenetys"]},
                "tyonantajan_maksama_palkka": {KK: t["palkka"]},
                "tyonantajan_tunnus": {"ETERNITY": t["tunnus"]},
            }
            if t["vapaa"]:
                rivi["palkallinen_vapaa_alkaa"] = {"ETERNITY": t["vapaa"][0]}
                rivi["palkallinen_vapaa_paattyy"] = {"ETERNITY": t["vapaa"][1]}
            ansiotyot[nimi] = rivi
            palkkatyot.append(nimi)
        ryhma = {
            "palkkatyot": palkkatyot,
            "poissaolon_peruste": {"ETERNITY": "karanteeni"},
            "poissaolo_alkaa": {"ETERNITY": v["paatos"][0]},
            "poissaolo_paattyy": {"ETERNITY": v["paatos"][1]},
            "ennakonpidatysperuste": {KK: v["peruste"]},
            "ennakonpidatysprosentti": {KK: v["prosentti"]},
            "ennakonpidatys_lisaprosentti": {KK: v["lisa"]},
            "ennakonpidatys_oma_prosentti": {KK: v["oma"]},
            "ennakonpidatys_tuloraja": {KK: v["tuloraja"]},
            "ennakonpidatys_tulokertyma": {KK: v["kertyma"]},
            "kohdistuu_edelliseen_vuoteen": {KK: v["edellinen"]},
            "ulosotto_maksukielto": {KK: v["kielto"]},
            "ulosotto_huollettavat": {KK: v["huollettavat"]},
            "ulosotto_muut_nettotulot": {KK: v["muut"]},
            "ulosotto_vakiomaara": {KK: v["vakio"]},
            "ulosotto_vapaakuukausi": {KK: v["vapaa_kk"]},
        }
        if v["yel"] is not None:
            nimi = f"y{i}"
            ansiotyot[nimi] = {"yrittajavakuutus": {"ETERNITY": "yel"}, "yrittajan_tyotulo": {"ETERNITY": v["yel"]}}
            ryhma["yritystoiminnat"] = [nimi]
        ryhmat[f"v{i}"] = ryhma
    return SimulationBuilder().build_from_entities(tbs, {"ansiotyot": ansiotyot, "vakuutetut": ryhmat})


def _sentit(arvot):
    return np.rint(np.asarray(arvot, dtype=np.float64) * 100).astype(np.int64)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_vakuutettu, min_size=1, max_size=8))
def test_maksuketjun_ominaisuudet(tbs, vakuutetut):
    sim = _simulaatio(tbs, vakuutetut)
    brutto = _sentit(sim.calculate("tartuntatautipaivaraha", KK))
    tyonantajille = _sentit(sim.calculate("tartuntatautipaivaraha_tyonantajille", KK))
    vakuutetulle = _sentit(sim.calculate("tartuntatautipaivaraha_vakuutetulle", KK))
    osuudet = _sentit(sim.calculate("tartuntatautipaivaraha_tyonantajalle", KK))
    palkat = _sentit(sim.calculate("tyonantajan_maksama_palkka", KK))
    ryhma = sim.populations["vakuutettu"].members_entity_id

    # Employers' shares + insured's part = gross, to the cent.
    assert np.array_equal(np.bincount(ryhma, weights=osuudet, minlength=len(vakuutetut)).astype(np.int64), tyonantajille)
    assert np.array_equal(tyonantajille + vakuutetulle, brutto)
    assert (osuudet >= 0).all() and (osuudet <= palkat).all()

    # Withholding between 0 and the insured's part.
    vero = _sentit(sim.calculate("ennakonpidatys", KK))
    assert (vero >= 0).all() and (vero <= vakuutetulle).all()

    # Distraint: the debtor keeps at least the protected amount of the base.
    ulosotto = _sentit(sim.calculate("ulosottopidatys", KK))
    pohja = _sentit(sim.calculate("ulosoton_tulopohja", KK))
    suoja = _sentit(sim.calculate("ulosoton_suojaosuus", KK))
    assert (ulosotto >= 0).all() and (ulosotto <= vakuutetulle - vero).all()
    assert (ulosotto <= np.maximum(pohja - suoja, 0)).all()
    netto = _sentit(sim.calculate("tartuntatautipaivaraha_netto", KK))
    assert np.array_equal(netto, vakuutetulle - vero - ulosotto)
