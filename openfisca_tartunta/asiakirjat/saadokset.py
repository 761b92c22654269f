"""The provisions the decision documents cite, from the dated data file `saadokset.yaml`."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import yaml

from openfisca_tartunta.asiakirjat.malli import Saados

TIEDOSTO = Path(__file__).with_name("saadokset.yaml")


@functools.lru_cache(maxsize=1)
def kaikki() -> dict[str, dict]:
    with TIEDOSTO.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def nimi(tunnus: str, kieli: str) -> str:
    """The provision `tunnus` as the decision in `kieli` cites it."""
    return kaikki()[tunnus][kieli]


def saados(tunnus: str, kieli: str) -> Saados:
    tieto = kaikki()[tunnus]
    return Saados(tunnus, tieto[kieli], dt.date.fromisoformat(tieto["voimassa"]), tieto["lahde"])
