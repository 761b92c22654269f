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


def kelvolliset_tunnukset(tunnukset) -> np.ndarray:
    """Vectorised `on_kelvollinen_tunnus`: each distinct value is checked once."""
    arvot = np.asarray(tunnukset, dtype=object).ravel()
    if arvot.size == 0:
        return np.zeros(0, dtype=bool)
    koodit, erilliset = pd.factorize(arvot, use_na_sentinel=False)
    tulos = np.fromiter((on_kelvollinen_tunnus(t) for t in erilliset), dtype=bool, count=len(erilliset))
    return tulos[koodit]


def vaadi_tyonantajan_tunnus(tunnukset, tarvitaan, muuttuja: str = "tyonantajan_tunnus") -> None:
    """Raise `Syottovirhe` if a row that receives money lacks a valid employer id.

    `tarvitaan` marks the rows that are due a share of the allowance.  The
    message says whether the id is missing or invalid and shows the first
    offending value (an employer id, not personal data) and the row count.
    """
    tarvitaan = np.asarray(tarvitaan, dtype=bool)
    if not tarvitaan.any():
        return
    tunnukset = np.asarray(tunnukset, dtype=object)
    valitut = tunnukset[tarvitaan]
    ok = kelvolliset_tunnukset(valitut)
    if ok.all():
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
