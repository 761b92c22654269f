"""Provenance of a population run: model version, the reform's parameter values, input checksums.

`yhteenveto.json` records, under `lahtotiedot`, what is needed to know what was
run: the package version, each reform (its name and every parameter whose
values differ from the baseline's, with their dates) and the SHA-256 of the
input tables.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

_LOHKO = 1 << 22


def sha256(polku) -> str:
    tiiviste = hashlib.sha256()
    with open(polku, "rb") as tiedosto:
        while lohko := tiedosto.read(_LOHKO):
            tiiviste.update(lohko)
    return tiiviste.hexdigest()


def tiivisteet_taustalla(polut: dict[str, str]) -> dict[str, Future]:
    """Start hashing the input files in a thread (hashlib releases the GIL) while the run computes."""
    saie = ThreadPoolExecutor(max_workers=1)
    tulos = {nimi: saie.submit(sha256, polku) for nimi, polku in polut.items()}
    saie.shutdown(wait=False)
    return tulos


def _lehdet(solmu, etuliite: str = ""):
    lapset = getattr(solmu, "children", None)
    if lapset is None:
        if hasattr(solmu, "values_list"):
            yield etuliite, solmu
        return
    for nimi, lapsi in lapset.items():
        yield from _lehdet(lapsi, f"{etuliite}.{nimi}" if etuliite else nimi)


def _arvot(parametri) -> dict[str, object]:
    return {str(arvo.instant_str): arvo.value for arvo in reversed(parametri.values_list)}


def parametrimuutokset(perus, reformi) -> dict[str, dict[str, object]]:
    """Every parameter of `reformi` whose dated values differ from `perus` (new ones included)."""
    perusarvot = {polku: _arvot(p) for polku, p in _lehdet(perus.parameters)}
    return {
        polku: arvot
        for polku, arvot in ((polku, _arvot(p)) for polku, p in _lehdet(reformi.parameters))
        if perusarvot.get(polku) != arvot
    }


def kokoa(perus, reformit: Sequence, jarjestelmat, tiivisteet: dict | None = None, polut: dict | None = None) -> dict:
    """The `lahtotiedot` record. `jarjestelmat(reformit[:i])` gives the system after the first i reforms."""
    from openfisca_tartunta import __version__

    edellinen = perus
    kuvaukset = []
    for i, reformi in enumerate(reformit, start=1):
        jarjestelma = jarjestelmat(list(reformit[:i]))[1]
        nimi = (getattr(reformi, "name", None) or reformi.__name__) if isinstance(reformi, type) else str(reformi)
        kuvaukset.append({"reformi": nimi, "parametrit": parametrimuutokset(edellinen, jarjestelma)})
        edellinen = jarjestelma
    tulos: dict = {"malli": "openfisca-tartunta", "versio": __version__, "reformit": kuvaukset}
    if polut:
        tulos["tiedostot"] = {
            nimi: {"polku": str(Path(polku)), "sha256": (tiivisteet or {})[nimi].result() if tiivisteet else sha256(polku)}
            for nimi, polku in polut.items()
        }
    return tulos
