"""`/calculate` and `/trace`: the OpenFisca web API, hardened.

Same request and response bodies as openfisca-core's web API; the situation is
checked first (`tilanne.py`), so that every client mistake is a 4xx naming the
field, also where openfisca-core 46 answers 500.  Valid `axes` work: each
requested value becomes a list along the axes.  ETERNITY dates come back as ISO
strings (`2024-03-04`).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from openfisca_core.indexed_enums import Enum

from openfisca_tartunta.palvelin.tapauksen_simulaatio import laske, rakenna, tarkista_aarellisyys
from openfisca_tartunta.palvelin.tilanne import tarkista_tilanne


def _arvo(muuttuja, tulos, indeksi):
    """One value of a result array as JSON (float32 printed as it reads)."""
    arvo = tulos[indeksi]
    tyyppi = muuttuja.value_type
    if tyyppi is Enum:
        return muuttuja.possible_values._member_names_[int(arvo)] if hasattr(arvo, "__int__") else str(arvo)
    if tyyppi is float:
        return float(str(arvo))
    if tyyppi is bool:
        return bool(arvo)
    if tyyppi is int:
        return int(arvo)
    if tyyppi is dt.date:
        return str(np.datetime64(arvo, "D"))
    return str(arvo)


def _enum_koodit(tulos) -> np.ndarray:
    """An EnumArray as its plain integer codes."""
    return np.asarray(tulos.view(np.ndarray) if hasattr(tulos, "view") else tulos)


def laske_tilanne(tbs, data: dict, max_entiteetit: int) -> dict:
    """The `/calculate` answer: the situation with each null replaced by its value."""
    tilanne = tarkista_tilanne(tbs, data, max_entiteetit)
    simulaatio, rakentaja = rakenna(tbs, tilanne)
    tulokset: dict[tuple[str, str], object] = {}
    for pyydetty in tilanne.pyydetyt:
        muuttuja = tbs.variables[pyydetty.muuttuja]
        avain = (pyydetty.muuttuja, pyydetty.kausi)
        if avain not in tulokset:
            tulos = laske(simulaatio, tbs, tilanne, pyydetty.muuttuja, pyydetty.kausi, pyydetty.polku)
            if muuttuja.value_type is Enum:
                tulos = _enum_koodit(tulos)
            tulokset[avain] = tulos
    tarkista_aarellisyys(simulaatio, tbs)
    for pyydetty in tilanne.pyydetyt:
        muuttuja = tbs.variables[pyydetty.muuttuja]
        tulos = tulokset[(pyydetty.muuttuja, pyydetty.kausi)]
        indeksi = tilanne.tunnukset[pyydetty.monikko].index(pyydetty.tunnus)
        if tilanne.solut > 1:
            askel = rakentaja.entity_counts[pyydetty.monikko]
            arvot = tulos[indeksi::askel]
            pyydetty.sailio[pyydetty.kausi] = [_arvo(muuttuja, arvot, k) for k in range(len(arvot))]
        else:
            pyydetty.sailio[pyydetty.kausi] = _arvo(muuttuja, tulos, indeksi)
    return data


def _json_kelpoinen(arvo):
    """Trace values: numpy and dates to plain JSON."""
    if isinstance(arvo, dict):
        return {str(k): _json_kelpoinen(v) for k, v in arvo.items()}
    if isinstance(arvo, (list, tuple)):
        return [_json_kelpoinen(v) for v in arvo]
    if isinstance(arvo, np.ndarray):
        if arvo.dtype.kind == "M":
            return [str(v) for v in arvo.astype("datetime64[D]")]
        if arvo.dtype == object:
            return [_json_kelpoinen(v) for v in arvo.tolist()]
        return arvo.tolist()
    if isinstance(arvo, np.generic):
        return _json_kelpoinen(arvo.item())
    if isinstance(arvo, (dt.date, dt.datetime)):
        return arvo.isoformat()
    if hasattr(arvo, "name") and hasattr(arvo, "value") and not isinstance(arvo, (str, int, float)):
        return arvo.name  # an Enum item
    return arvo


def jaljita_tilanne(tbs, data: dict, max_entiteetit: int) -> dict:
    """The `/trace` answer (openfisca-core's format)."""
    tilanne = tarkista_tilanne(tbs, data, max_entiteetit)
    simulaatio, _ = rakenna(tbs, tilanne)
    simulaatio.trace = True
    pyydetyt = []
    for pyydetty in tilanne.pyydetyt:
        pyydetyt.append(f"{pyydetty.muuttuja}<{pyydetty.kausi}>")
        laske(simulaatio, tbs, tilanne, pyydetty.muuttuja, pyydetty.kausi, pyydetty.polku)
    tarkista_aarellisyys(simulaatio, tbs)
    kuvaus = {
        monikko: [tilanne.alkuperainen(t) for t in tunnukset]
        for monikko, tunnukset in simulaatio.describe_entities().items()
    }
    return _json_kelpoinen(
        {
            "trace": simulaatio.tracer.get_serialized_flat_trace(),
            "entitiesDescription": kuvaus,
            "requestedCalculations": pyydetyt,
        }
    )
