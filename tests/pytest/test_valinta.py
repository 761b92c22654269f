"""`valinta.ehdolla` and `valinta.valitse` give `np.where`'s values for every input.

The speed work replaced `np.where` by them on the chain's money paths; these tests compare
the two on finite values, signed zeros, infinities and NaN (where the arithmetic would give
NaN and numpy's selection must be taken), huge values whose sum overflows, scalars, and on
inputs the arithmetic path does not take (integers, float32, broadcast shapes).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from openfisca_tartunta.valinta import ehdolla, valitse


def _sama(saatu, odotettu) -> bool:
    """Same dtype, shape and values (NaN equal to NaN; −0.0 equal to +0.0, as the module says)."""
    saatu, odotettu = np.asarray(saatu), np.asarray(odotettu)
    return saatu.dtype == odotettu.dtype and saatu.shape == odotettu.shape and np.array_equal(saatu, odotettu, equal_nan=True)


ERIKOISET = np.array([0.0, -0.0, 1.5, -2.25, 1e308, -1e308, np.inf, -np.inf, np.nan, 5e-324])


@pytest.mark.parametrize("laji", [np.float64, np.float32])  # OpenFisca stores float32
def test_erikoisarvot_kaikilla_maskeilla(laji):
    rng = np.random.default_rng(7)
    for _ in range(200):
        n = int(rng.integers(1, 12))
        ehto = rng.random(n) < 0.5
        with np.errstate(over="ignore"):
            kylla, ei = rng.choice(ERIKOISET, n).astype(laji), rng.choice(ERIKOISET, n).astype(laji)
        with np.errstate(invalid="ignore", over="ignore"):
            assert _sama(ehdolla(ehto, kylla), np.where(ehto, kylla, 0.0))
            assert _sama(valitse(ehto, kylla, ei), np.where(ehto, kylla, ei))


def test_nollan_etumerkki_on_aina_plus():
    ehto = np.array([True, False, True, False])
    tulos = valitse(ehto, np.array([-0.0, -3.0, 1.0, 2.0]), np.array([4.0, -0.0, -0.0, -0.0]))
    assert _sama(tulos, [0.0, 0.0, 1.0, 0.0]) and not np.signbit(tulos).any()
    assert not np.signbit(ehdolla(ehto, np.array([-0.0, -1.0, -0.0, -5.0]))).any()


def test_skalaarit_ja_syotteet_ennallaan():
    ehto = np.array([True, False, True])
    arvot = np.array([1.0, np.inf, 3.0])
    kopio = arvot.copy()
    assert _sama(ehdolla(ehto, 2.5), np.where(ehto, 2.5, 0.0))
    assert _sama(valitse(ehto, arvot, 7.0), np.where(ehto, arvot, 7.0))
    assert _sama(valitse(ehto, 25.0, 300.0), np.where(ehto, 25.0, 300.0))
    assert np.array_equal(arvot, kopio)


def test_muut_tyypit_ja_muodot_numpyn_kautta():
    ehto = np.array([True, False])
    for kylla, ei in (
        (np.array([1, 2]), np.array([3, 4])),  # integers stay integers
        (np.array([1.5, 2.5], dtype=np.float32), 0.0),  # float32 stays float32
        (np.array([1.5, 2.5], dtype=np.float32), np.array([1.0, 2.0])),  # float32 with float64: float64
        (np.array([True, False]), np.array([False, True])),  # booleans stay booleans
        (np.array([[1.0, 2.0], [3.0, 4.0]]), 0.0),  # a shape the condition broadcasts to
    ):
        assert _sama(valitse(ehto, kylla, ei), np.where(ehto, kylla, ei))
    assert _sama(ehdolla(True, np.array([1.0, 2.0])), np.where(True, np.array([1.0, 2.0]), 0.0))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([32, 64]).flatmap(lambda bitit: st.integers(1, 40).flatmap(lambda n: st.tuples(
    arrays(np.bool_, n),
    arrays(f"f{bitit // 8}", n, elements=st.floats(width=bitit)),
    arrays(f"f{bitit // 8}", n, elements=st.floats(width=bitit)),
))))
def test_sama_kuin_numpy(tapaus):
    ehto, kylla, ei = tapaus
    with np.errstate(invalid="ignore", over="ignore"):
        assert _sama(ehdolla(ehto, kylla), np.where(ehto, kylla, 0.0))
        assert _sama(valitse(ehto, kylla, ei), np.where(ehto, kylla, ei))
