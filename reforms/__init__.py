"""Reforms: what-ifs drafters ask for, as OpenFisca `Reform` classes.

Importable as `openfisca_tartunta.reforms` (see `openfisca_tartunta/__init__.py`).
YAML tests name a class by its dotted path::

    reforms: openfisca_tartunta.reforms.odotusaika.Odotusaika

The population command and notebooks name reforms by a registry name, by a
file path or by a dotted path (`hae_reformi`):

| name               | reform                                                           |
|--------------------|------------------------------------------------------------------|
| `odotusaika`       | the first 10 arkipäivät of a decision are not paid               |
| `korvausaste`      | the allowance replaces 70 % of the lost earnings                 |
| `enimmaismaara`    | the daily amount is at most 250 €                                |
| `yrittajan_jakaja` | an entrepreneur's divisor is 365 instead of 300                  |
| `tulkinta_lahdevero` | reading (a) of 1.9.3.2: employer days give no source-tax deduction |
| `tulkinta_oma_osuus` | reading (b): an employer takes only its own job's part          |
| `tulkinta_ulosoton_tulopohja` | 1.9.2.9: claims paid before distraint stay in the income base |
| `tulkinta_kuittaus` | reading (c): an overpayment is offset only against retroactive months |
| `tulkinta_kunnan_liikamaksu` | 1.10: the municipality's overpayment is recovered from the municipality |
| `*.yaml`, `*.json` | parameter values from a file (`parametrimuutos`)                 |
| `*.py`             | the `Reform` subclass defined in that file                       |
| `pkg.module.Class` | any importable `Reform` subclass                                 |

The numbers are what-ifs, not law; each reform module has a factory for other
values (`odotusaika(5)`, `korvausaste(0.8)`, …).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
from collections.abc import Iterable
from pathlib import Path

from openfisca_core.reforms import Reform

from openfisca_tartunta.reforms.apu import Reformivirhe

#: registry name → (module, class)
REFORMIT: dict[str, tuple[str, str]] = {
    "odotusaika": ("openfisca_tartunta.reforms.odotusaika", "Odotusaika"),
    "korvausaste": ("openfisca_tartunta.reforms.korvausaste", "Korvausaste"),
    "enimmaismaara": ("openfisca_tartunta.reforms.enimmaismaara", "Enimmaismaara"),
    "yrittajan_jakaja": ("openfisca_tartunta.reforms.yrittajan_jakaja", "YrittajanJakaja"),
    "esimerkki_parametrimuutos": ("openfisca_tartunta.reforms.parametrimuutos", "EsimerkkiParametrimuutos"),
    "tulkinta_lahdevero": ("openfisca_tartunta.reforms.tulkinta_lahdevero", "LahdeveroVakuutetunPaivilta"),
    "tulkinta_oma_osuus": ("openfisca_tartunta.reforms.tulkinta_oma_osuus", "TyonantajanOmaOsuus"),
    "tulkinta_ulosoton_tulopohja": ("openfisca_tartunta.reforms.tulkinta_ulosoton_tulopohja", "UlosotonTulopohjaEnnenVaatimuksia"),
    "tulkinta_kuittaus": ("openfisca_tartunta.reforms.tulkinta_kuittaus", "KuittausVainTakautuvista"),
    "tulkinta_kunnan_liikamaksu": ("openfisca_tartunta.reforms.tulkinta_kunnan_liikamaksu", "KunnanLiikamaksuKunnalta"),
}

__all__ = ["REFORMIT", "Reformivirhe", "hae_reformi", "sovella_reformit"]


def _luokka_tiedostosta(polku: Path) -> type[Reform]:
    spec = importlib.util.spec_from_file_location(f"tartunta_reformi_{abs(hash(str(polku)))}", polku)
    moduuli = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(moduuli)
    except Exception as virhe:  # the drafter's file: report, do not crash
        raise Reformivirhe(f"reform {polku}: the file fails to load: {type(virhe).__name__}: {virhe}") from virhe
    luokat = [
        olio
        for olio in vars(moduuli).values()
        if inspect.isclass(olio) and issubclass(olio, Reform) and olio.__module__ == moduuli.__name__
    ]
    if len(luokat) != 1:
        raise Reformivirhe(f"reform {polku}: expected exactly one Reform subclass defined in the file, found {len(luokat)}")
    return luokat[0]


def _luokka_polusta(pistepolku: str) -> type[Reform]:
    moduuli, _, nimi = pistepolku.rpartition(".")
    try:
        olio = getattr(importlib.import_module(moduuli), nimi)
    except (ImportError, AttributeError, ValueError):
        raise Reformivirhe(f"reform {pistepolku!r}: cannot import it") from None
    if not (inspect.isclass(olio) and issubclass(olio, Reform)):
        raise Reformivirhe(f"reform {pistepolku!r}: is not an OpenFisca Reform class")
    return olio


def hae_reformi(nimi) -> type[Reform]:
    """The Reform class for a registry name, a file path (.yaml/.yml/.json/.py) or a dotted path."""
    if inspect.isclass(nimi) and issubclass(nimi, Reform):
        return nimi
    nimi = str(nimi)
    if nimi in REFORMIT:
        moduuli, luokka = REFORMIT[nimi]
        return getattr(importlib.import_module(moduuli), luokka)
    polku = Path(nimi)
    paate = polku.suffix.lower()
    if paate in (".yaml", ".yml", ".json"):
        from openfisca_tartunta.reforms.parametrimuutos import parametrimuutos

        return parametrimuutos(polku)
    if paate == ".py":
        if not polku.is_file():
            raise Reformivirhe(f"reform file {nimi}: not found")
        return _luokka_tiedostosta(polku.resolve())
    if "." in nimi and "/" not in nimi:
        return _luokka_polusta(nimi)
    raise Reformivirhe(
        f"unknown reform {nimi!r}: give one of {', '.join(REFORMIT)}, a .yaml/.json parameter file, "
        "a .py file or a dotted path to a Reform class"
    )


def sovella_reformit(tax_benefit_system, nimet: Iterable) -> object:
    """`tax_benefit_system` with the named reforms applied in order (none: the system itself)."""
    for nimi in nimet:
        luokka = hae_reformi(nimi)
        try:
            tax_benefit_system = luokka(tax_benefit_system)
        except Reformivirhe:
            raise
        except (ValueError, KeyError, AttributeError) as virhe:
            raise Reformivirhe(f"reform {nimi}: cannot be applied: {virhe}") from virhe
    return tax_benefit_system
