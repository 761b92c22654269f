"""`raha.sentin_tarkkuudella` is `np.round(x, 2)` done in place: the same value for every input.

The speed work replaced `np.round(x, 2)` by it on every money path (the model's formulas, the
input checks, the batch answer); these tests compare the two on the values where rounding is
delicate: exact half cents, binary noise of float32 storage, negatives, the float32 limits of
the input checks, huge and non-finite values, and a hypothesis sweep.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from openfisca_tartunta.raha import euroina, senteiksi, sentin_tarkkuudella, sentteina, tarkkuudella


def _sama(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)


def test_puolikkaat_sentit_ja_float32_kohina():
    sentit = np.arange(-200_000, 200_000, 7, dtype=np.int64)
    puolikkaat = (sentit + 0.5) / 100.0  # x,xx5 €: numpy rounds half to even after × 100
    tallennetut = (sentit / 100.0).astype(np.float32)  # what OpenFisca stores
    for x in (puolikkaat, tallennetut, tallennetut.astype(np.float64) * 1.0000001, -puolikkaat):
        assert _sama(sentin_tarkkuudella(x), np.round(np.asarray(x, dtype=np.float64), 2))


def test_rajat_ja_ei_aarelliset():
    x = np.array([0.0, -0.0, 0.005, 0.015, 0.025, 131071.99, 131072.0, 2.0**24, 1e12, 1e300, -1e300,
                  np.inf, -np.inf, np.nan, 5e-324])
    with np.errstate(over="ignore", invalid="ignore"):
        assert _sama(sentin_tarkkuudella(x), np.round(x, 2))
    assert np.signbit(sentin_tarkkuudella(np.array([-0.001]))[0]) == np.signbit(np.round(np.array([-0.001]), 2)[0])


def test_skalaari_pysyy_skalaarina_ja_syote_ennallaan():
    assert _sama(sentin_tarkkuudella(12.345), np.round(12.345, 2))
    assert isinstance(sentin_tarkkuudella(12.345), np.float64) and isinstance(euroina(1.005), np.float64)
    x = np.array([1.234, 5.678], dtype=np.float64)
    sentin_tarkkuudella(x)
    assert x.tolist() == [1.234, 5.678]  # rounded in a copy, never in the caller's array
    kokonaiset = np.array([3, 4], dtype=np.int32)
    assert _sama(sentin_tarkkuudella(kokonaiset), np.round(kokonaiset.astype(np.float64), 2))


@settings(max_examples=300, deadline=None)
@given(arrays(np.float64, st.integers(0, 50), elements=st.floats(allow_nan=True, allow_infinity=True, width=64)))
def test_sama_kuin_numpyn_pyoristys(x):
    with np.errstate(over="ignore", invalid="ignore"):
        assert _sama(sentin_tarkkuudella(x), np.round(x, 2))


@settings(max_examples=300, deadline=None)
@given(arrays(np.float32, st.integers(0, 50), elements=st.floats(allow_nan=True, allow_infinity=True, width=32)))
def test_euroina_float32_tallennuksesta(x):
    with np.errstate(over="ignore", invalid="ignore"):
        assert _sama(euroina(x), np.round(x.astype(np.float64), 2))


@settings(max_examples=300, deadline=None)
@given(arrays(np.float64, st.integers(0, 50), elements=st.floats(-1e12, 1e12, width=64)))
def test_sentteina_on_senteiksi_sentteina(x):
    """`sentteina` skips `senteiksi`'s ÷ 100 and the × 100 back: the same whole cents."""
    assert _sama(sentteina(x), np.rint(senteiksi(x) * 100.0).astype(np.int64))


def _senteiksi_kaavana(x):
    """The rounding as the guideline's half-up rule was first written (the oracle)."""
    x = np.asarray(x, dtype=np.float64)
    return np.floor(x * 100.0 + 0.5 + np.abs(x) * 100.0 * 1e-9) / 100.0


@settings(max_examples=500, deadline=None)
@given(arrays(np.float64, st.integers(0, 50), elements=st.floats(-1e13, 1e13, width=64)))
def test_senteiksi_sama_kuin_kaava(x):
    assert _sama(senteiksi(x), _senteiksi_kaavana(x))
    assert _sama(senteiksi(x.astype(np.float32)), _senteiksi_kaavana(x.astype(np.float32)))


def test_senteiksi_puolikkaat_ja_skalaari():
    sentit = np.arange(-300_000, 300_000, 3)
    for x in ((sentit + 0.5) / 100.0, (sentit + 0.5) / 100.0 - 1e-12, ((sentit + 0.5) / 100.0).astype(np.float32), 12.345, 0.005):
        assert _sama(senteiksi(x), _senteiksi_kaavana(x))
    assert senteiksi(0.005) == 0.01 and senteiksi(12.345) == 12.35  # half up, float noise absorbed


@settings(max_examples=300, deadline=None)
@given(arrays(np.float32, st.integers(0, 50), elements=st.floats(-1e6, 1e6, width=32)), st.integers(0, 6))
def test_tarkkuudella_sama_kuin_numpyn_pyoristys(x, desimaalit):
    """Withholding rates are rounded to 4 decimals (`verotus._osuutena`): the same as np.round."""
    assert _sama(tarkkuudella(x, desimaalit), np.round(x.astype(np.float64), desimaalit))
