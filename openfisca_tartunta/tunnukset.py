"""Employer identifiers (guideline 1.3.2.8).

An employer that receives the allowance is identified by its Finnish business
ID (Y-tunnus, ``NNNNNNN-C`` with a check digit, validated by
`stdnum.fi.ytunnus`), or — a foreign employer without a Y-tunnus — by the
technical id Kela forms for it: always 9 digits starting with 999 (1.3.2.8).

Populations repeat the same few employers many times, so the check runs once
per distinct value (pandas' hash-based `factorize`) and the verdict is mapped
back to the rows; nothing loops over rows.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache

import numpy as np
import pandas as pd
from stdnum.fi import ytunnus

from openfisca_tartunta.tarkistukset import Syottovirhe

#: Kela's technical id for a foreign employer without a Y-tunnus (1.3.2.8).
_KELAN_TUNNUS = re.compile(r"999\d{6}")


@lru_cache(maxsize=65536)
def on_kelvollinen_tunnus(tunnus: str) -> bool:
    """True for a valid Y-tunnus or a 999-prefixed 9-digit Kela id (1.3.2.8)."""
    if not isinstance(tunnus, str) or not tunnus.strip():
        return False
    tunnus = tunnus.strip()
    return bool(_KELAN_TUNNUS.fullmatch(tunnus)) or ytunnus.is_valid(tunnus)


#: Weights of the Y-tunnus check digit (the Finnish Tax Administration's modulus-11 rule,
#: as in `stdnum.fi.ytunnus`).
_PAINOT = np.array([7, 9, 10, 5, 8, 4, 2])


def _vakiomuotoiset(erilliset: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(is in the plain 9-character form, is valid) for each value, with numpy.

    The plain forms are `NNNNNNN-C` and Kela's `999NNNNNN`; anything else
    (spaces, lower case, 8 digits without a dash) goes to `stdnum`.
    """
    teksti = np.array([t if isinstance(t, str) else "" for t in erilliset], dtype="U10")
    merkit = teksti.view(np.uint32).reshape(len(teksti), 10).astype(np.int64) - ord("0")
    pituus9 = np.char.str_len(teksti) == 9
    numero = (merkit >= 0) & (merkit <= 9)
    ytunnus_muoto = pituus9 & numero[:, :7].all(axis=1) & (merkit[:, 7] == ord("-") - ord("0")) & numero[:, 8]
    kela_muoto = pituus9 & numero[:, :9].all(axis=1) & (merkit[:, :3] == 9).all(axis=1)
    jaannos = (np.where(numero[:, :7], merkit[:, :7], 0) * _PAINOT).sum(axis=1) % 11
    tarkiste = np.where(jaannos == 0, 0, 11 - jaannos)
    ytunnus_ok = ytunnus_muoto & (jaannos != 1) & (tarkiste == merkit[:, 8])
    return ytunnus_muoto | kela_muoto, ytunnus_ok | kela_muoto


def kelvolliset_tunnukset(tunnukset) -> np.ndarray:
    """Vectorised `on_kelvollinen_tunnus`: each distinct value is checked once.

    The usual forms are checked with numpy; only unusual spellings go to `stdnum`.
    """
    arvot = np.asarray(tunnukset, dtype=object).ravel()
    if arvot.size == 0:
        return np.zeros(0, dtype=bool)
    koodit, erilliset = pd.factorize(arvot, use_na_sentinel=False)
    erilliset = np.asarray(erilliset, dtype=object)
    vakio, tulos = _vakiomuotoiset(erilliset)
    muut = np.flatnonzero(~vakio)
    if muut.size:
        tulos[muut] = [on_kelvollinen_tunnus(t) for t in erilliset[muut]]
    return tulos[koodit]


#: The last ids found valid: (weak reference to the read-only array, the rows it was checked for).
#: A population run checks the same partition's ids for the baseline and the reform
#: (`tekijat.kaytetyt` shares one read-only array between them): the second check is skipped.
_HYVAKSYTTY: list = [None, None]


def _hyvaksytty(tunnukset, tarvitaan: np.ndarray) -> bool:
    viite, rivit = _HYVAKSYTTY
    return viite is not None and viite() is tunnukset and np.array_equal(rivit, tarvitaan)


def _muuttumaton(tunnukset) -> bool:
    """An array nobody can change: read-only, and owning its data (not a view of another's)."""
    return isinstance(tunnukset, np.ndarray) and not tunnukset.flags.writeable and tunnukset.base is None


_ANNETUT: list = [None, None]


def annetut_tunnukset(erilliset) -> np.ndarray:
    """Whether each distinct value is a given id (a non-blank text); for an array nobody can change
    (the distinct ids a population table's baseline and reform share) computed once."""
    viite, annetut = _ANNETUT
    if viite is not None and viite() is erilliset:
        return annetut
    annetut = np.array([isinstance(t, str) and bool(t.strip()) for t in erilliset], dtype=bool)
    if _muuttumaton(erilliset):
        annetut.flags.writeable = False
        _ANNETUT[:] = [weakref.ref(erilliset), annetut]
    return annetut


def vaadi_tyonantajan_tunnus(tunnukset, tarvitaan, muuttuja: str = "tyonantajan_tunnus") -> None:
    """Raise `Syottovirhe` if a row that receives money lacks a valid employer id.

    `tarvitaan` marks the rows that are due a share of the allowance.  The
    message says whether the id is missing or invalid and shows the first
    offending value (an employer id, not personal data) and the row count.
    """
    tarvitaan = np.asarray(tarvitaan, dtype=bool)
    if not tarvitaan.any():
        return
    muuttumaton = _muuttumaton(tunnukset)
    if muuttumaton and _hyvaksytty(tunnukset, tarvitaan):
        return
    alkuperaiset = tunnukset
    tunnukset = np.asarray(tunnukset, dtype=object)
    valitut = tunnukset[tarvitaan]
    ok = kelvolliset_tunnukset(valitut)
    if ok.all():
        if muuttumaton:
            _HYVAKSYTTY[:] = [weakref.ref(alkuperaiset), tarvitaan.copy()]
        return
    virheet = np.flatnonzero(~ok)
    ensimmainen = valitut[virheet[0]]
    if not isinstance(ensimmainen, str) or not ensimmainen.strip():
        viesti = (
            "missing for an employer that is paid the allowance; give its Y-tunnus or, for a foreign "
            "employer without one, Kela's 9-digit id starting with 999 (1.3.2.8)"
        )
    else:
        viesti = (
            "not a valid Y-tunnus (NNNNNNN-C with a correct check digit) nor Kela's 9-digit id starting "
            "with 999 for a foreign employer (1.3.2.8)"
        )
    raise Syottovirhe(muuttuja, viesti, str(ensimmainen), rivit=int(virheet.size))
