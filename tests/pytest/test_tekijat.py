"""Text columns that arrive categorised keep their codes (openfisca_tartunta/tekijat.py)."""

import numpy as np
import pandas as pd
import pytest

from openfisca_tartunta import tekijat
from openfisca_tartunta.simulaatio import rakenna_simulaatio
from openfisca_tartunta.tarkistukset import Syottovirhe

KK = "2024-03"


def _vakuutetut(n):
    return {
        "poissaolon_peruste": np.array(["karanteeni"] * n),
        "poissaolo_alkaa": np.array(["2024-03-04"] * n, dtype="datetime64[D]"),
        "poissaolo_paattyy": np.array(["2024-03-15"] * n, dtype="datetime64[D]"),
    }


def _tyot(tunnukset):
    n = len(tunnukset)
    return {"vakuutettu": np.arange(n), "rooli": np.array(["palkkatyo"] * n),
            "ansionmenetys": np.full(n, 3000.0), "tyonantajan_tunnus": tunnukset}


def test_luokitellun_sarakkeen_koodit_kaytetaan_ja_tulos_on_sama(tbs):
    """0737546-2 is a valid Y-tunnus (check digit 2), 999123456 a Kela id (1.3.2.8), '' not given."""
    arvot = ["0737546-2", "", "999123456", "0737546-2"]
    luokiteltu = rakenna_simulaatio(tbs, _vakuutetut(4), _tyot(pd.Categorical(arvot)), [KK])
    tekstina = rakenna_simulaatio(tbs, _vakuutetut(4), _tyot(np.array(arvot, dtype=object)), [KK])
    assert "tyonantajan_tunnus" in luokiteltu.__dict__[tekijat._AVAIN]
    assert tekijat._AVAIN not in tekstina.__dict__
    for sim in (luokiteltu, tekstina):
        assert sim.calculate("tyonantajan_tunnus_kelpaa", KK).tolist() == [True, False, True, True]
    koodit, erilliset = tekijat.tekijoihin(luokiteltu.populations["ansiotyo"], "tyonantajan_tunnus", KK)
    assert erilliset[koodit].tolist() == arvot


def test_kayttamaton_virheellinen_luokka_ei_ole_virhe(tbs):
    """A Categorical keeps categories no row has (e.g. after filtering): only used values are checked."""
    sarake = pd.Categorical(["0737546-2", "0737546-2"], categories=["0737546-2", "1234567-8"])
    sim = rakenna_simulaatio(tbs, _vakuutetut(2), _tyot(sarake), [KK])
    assert sim.calculate("tyonantajan_tunnus_kelpaa", KK).tolist() == [True, True]


def test_kaytetty_virheellinen_luokka_on_virhe_kuten_tekstina(tbs):
    """1234567-8: the check digit of 1234567 is 1 (weights 7,9,10,5,8,4,2 → 1·7+2·9+3·10+4·5+5·8+6·4+7·2
    = 153, 153 mod 11 = 10, 11 − 10 = 1), not 8."""
    viestit = []
    for sarake in (pd.Categorical(["0737546-2", "1234567-8"]), np.array(["0737546-2", "1234567-8"], dtype=object)):
        sim = rakenna_simulaatio(tbs, _vakuutetut(2), _tyot(sarake), [KK])
        with pytest.raises(Syottovirhe) as virhe:
            sim.calculate("tartuntatautipaivaraha_tyonantajalle", KK)
        viestit.append(str(virhe.value))
    assert viestit[0] == viestit[1] and "1234567-8" in viestit[0]


def test_myohemmin_asetettu_arvo_jakaa_uudelleen(tbs):
    """A value set after the build is not the recorded array: it is factorised afresh."""
    sim = rakenna_simulaatio(tbs, _vakuutetut(2), _tyot(pd.Categorical(["0737546-2", "0737546-2"])), [KK])
    sim.get_holder("tyonantajan_tunnus").delete_arrays()
    sim.set_input("tyonantajan_tunnus", "eternity", np.array(["", "999123456"], dtype=object))
    koodit, erilliset = tekijat.tekijoihin(sim.populations["ansiotyo"], "tyonantajan_tunnus", KK)
    assert erilliset[koodit].tolist() == ["", "999123456"]
