"""Simulations built from columns (openfisca_tartunta/simulaatio.py)."""

import numpy as np
import pytest

from openfisca_tartunta.simulaatio import rakenna_simulaatio
from openfisca_tartunta.tarkistukset import Syottovirhe

KK = "2024-03"


def _vakuutetut(n):
    return {
        "poissaolon_peruste": np.array(["karanteeni"] * n),
        "poissaolo_alkaa": np.array(["2024-03-04"] * n, dtype="datetime64[D]"),
        "poissaolo_paattyy": np.array(["2024-03-15"] * n, dtype="datetime64[D]"),
    }


def test_vakuutettu_ilman_ansiotyota_ei_sotke_riveja(tbs):
    """Insured 1 has no earning activity: 1.3.3, no income loss → no allowance; the others keep
    their own rows. 1.6: 2 500/25 = 100 €/day and 5 000/25 = 200 €/day; 11 arkipäivät 4.–15.3.2024."""
    tyot = {"vakuutettu": np.array([0, 2]), "rooli": np.array(["palkkatyo", "palkkatyo"]),
            "ansionmenetys": np.array([2500.0, 5000.0])}
    sim = rakenna_simulaatio(tbs, _vakuutetut(3), tyot, [KK])
    assert sim.calculate("tartuntatautipaivaraha_paivalta", KK).tolist() == [100.0, 0.0, 200.0]
    assert sim.calculate("tartuntatautipaivaraha", KK).tolist() == [1100.0, 0.0, 2200.0]


def test_tuntematon_sarake_nimetaan(tbs):
    tyot = {"vakuutettu": np.array([0]), "rooli": np.array(["palkkatyo"]), "palkka": np.array([1.0])}
    with pytest.raises(Syottovirhe, match="palkka: not an input variable of 'ansiotyo'"):
        rakenna_simulaatio(tbs, _vakuutetut(1), tyot, [KK])


def test_tuntematon_luokka_nimetaan(tbs):
    vak = _vakuutetut(1)
    vak["poissaolon_peruste"] = np.array(["lomautus"])
    with pytest.raises(Syottovirhe, match="poissaolon_peruste .value 'lomautus'.: unknown value"):
        rakenna_simulaatio(tbs, vak, {"vakuutettu": np.array([], dtype=int), "rooli": np.array([], dtype=str)}, [KK])


def test_vaara_rooli_ja_vakuutettu_nimetaan(tbs):
    with pytest.raises(Syottovirhe, match="rooli"):
        rakenna_simulaatio(tbs, _vakuutetut(1), {"vakuutettu": np.array([0]), "rooli": np.array(["osakas"])}, [KK])
    with pytest.raises(Syottovirhe, match="vakuutettu"):
        rakenna_simulaatio(tbs, _vakuutetut(1), {"vakuutettu": np.array([3]), "rooli": np.array(["palkkatyo"])}, [KK])


def test_mahdoton_rahamaara_torjutaan(tbs):
    """Bad input is an error, not silent garbage: an infinite or absurd pay is refused."""
    for arvo in (np.inf, 5e15):
        tyot = {"vakuutettu": np.array([0]), "rooli": np.array(["palkkatyo"]), "ansionmenetys": np.array([arvo])}
        with pytest.raises(Syottovirhe, match="ansionmenetys"):
            rakenna_simulaatio(tbs, _vakuutetut(1), tyot, [KK]).calculate("tartuntatautipaivaraha", KK)


def test_laskettua_muuttujaa_ei_voi_antaa_syotteena(tbs):
    """A computed output given as a column would bypass every rule (e.g. 26 paid days for a
    2-day decision): refused, naming the column."""
    vak = _vakuutetut(1)
    vak["tartuntatautipaivarahan_maksupaivat"] = np.array([26])
    tyot = {"vakuutettu": np.array([0]), "rooli": np.array(["palkkatyo"]), "ansionmenetys": np.array([3000.0])}
    with pytest.raises(Syottovirhe, match="tartuntatautipaivarahan_maksupaivat: is computed by the model"):
        rakenna_simulaatio(tbs, vak, tyot, [KK])


def test_syottovirhe_sailyy_prosessien_valilla():
    import pickle

    virhe = pickle.loads(pickle.dumps(Syottovirhe("ansionmenetys", "must not be negative (1.6)", -5.0, rivit=3)))
    assert (virhe.muuttuja, virhe.arvo, virhe.rivit) == ("ansionmenetys", -5.0, 3)
    assert str(virhe) == "ansionmenetys (value -5.0, first of 3 rows): must not be negative (1.6)"


def test_ei_yhtaan_ansiotyota(tbs):
    """1.3.3: no earning activity, no income loss, no allowance — and no crash on empty rows."""
    tyot = {"vakuutettu": np.array([], dtype=int), "rooli": np.array([], dtype=str)}
    sim = rakenna_simulaatio(tbs, _vakuutetut(2), tyot, [KK])
    assert sim.calculate("tartuntatautipaivaraha_netto", KK).tolist() == [0.0, 0.0]
