"""Employer ids (1.3.2.8): the numpy fast path agrees with python-stdnum."""

import random

import numpy as np
from stdnum.fi import ytunnus

from openfisca_tartunta.tunnukset import kelvolliset_tunnukset


def test_nopea_tarkistus_vastaa_stdnumia():
    rng = random.Random(7)
    arvot = [f"{rng.randrange(10**7):07d}-{rng.randrange(10)}" for _ in range(20000)]
    arvot += ["0737546-2", "0737546-3", "07375462", " 0737546-2", "", "abc", None]
    odotettu = np.array([isinstance(a, str) and ytunnus.is_valid(a) for a in arvot])
    assert (kelvolliset_tunnukset(arvot) == odotettu).all()
    assert 1500 < odotettu.sum() < 2200  # about one in eleven random numbers is valid


def test_kelan_ulkomaisen_tyonantajan_tunnus():
    """1.3.2.8: Kela's technical id is always 9 digits and starts with 999."""
    tulos = kelvolliset_tunnukset(["999123456", "99912345", "9991234567", "998123456"])
    assert tulos.tolist() == [True, False, False, False]
