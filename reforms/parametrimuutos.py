"""Reform: parameter values from a YAML or JSON file, no Python needed.

A drafter writes the new values of existing parameters, each from a date::

    # muutos.yaml
    paivaraha.yrittajan_jakaja:
      2024-01-01: 250
    paivaraha.palkansaajan_jakaja:
      2025-01-01: 21.5

or the same as JSON: ``{"paivaraha.yrittajan_jakaja": {"2024-01-01": 250}}``.
A value applies from its date until the parameter's next date in the file
(values the baseline had after that date are replaced).  A value may also be
written ``{"value": 250}``.  `null` removes the parameter from that date on.
Parameters that another reform adds (e.g. `paivaraha.odotusaika`) can be
changed when that reform is applied first.  Each value is checked against the
parameter's `unit` and the sign of its baseline values (`tarkista_arvo`).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import yaml
from openfisca_core.periods import instant
from openfisca_core.reforms import Reform

from openfisca_tartunta.reforms.apu import Reformivirhe

_PAIVAMAARA = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ESIMERKIT_DIR = Path(__file__).resolve().parent / "esimerkit"


def lue_muutokset(lahde) -> dict[str, dict[str, float | None]]:
    """The changes in a YAML/JSON file (or an already loaded dict), checked for shape."""
    if isinstance(lahde, dict):
        data, nimi = lahde, "(dict)"
    else:
        polku = Path(lahde)
        nimi = str(polku)
        if not polku.is_file():
            raise Reformivirhe(f"reform file {nimi}: not found")
        teksti = polku.read_text(encoding="utf-8")
        try:
            data = json.loads(teksti) if polku.suffix.lower() == ".json" else yaml.safe_load(teksti)
        except (json.JSONDecodeError, yaml.YAMLError, ValueError) as virhe:  # YAML dates such as 2024-13-01
            raise Reformivirhe(f"reform file {nimi}: not valid {polku.suffix.lstrip('.').upper()}: {virhe}") from None
    if not isinstance(data, dict) or not data:
        raise Reformivirhe(f"reform file {nimi}: expected a mapping {{parameter: {{date: value}}}}")
    muutokset: dict[str, dict[str, float | None]] = {}
    for parametri, arvot in data.items():
        if not isinstance(arvot, dict) or not arvot:
            raise Reformivirhe(f"reform file {nimi}: parameter {parametri}: expected {{YYYY-MM-DD: value}}")
        muutokset[str(parametri)] = {}
        for paiva, arvo in arvot.items():
            if isinstance(paiva, datetime.date):  # YAML reads unquoted dates as dates
                paiva = paiva.isoformat()
            paiva = str(paiva)
            if not _PAIVAMAARA.match(paiva):
                raise Reformivirhe(f"reform file {nimi}: parameter {parametri}: date {paiva!r} is not YYYY-MM-DD")
            try:
                datetime.date.fromisoformat(paiva)
            except ValueError:
                raise Reformivirhe(f"reform file {nimi}: parameter {parametri}: no such date {paiva!r}") from None
            if isinstance(arvo, dict):
                if set(arvo) != {"value"}:
                    raise Reformivirhe(f"reform file {nimi}: parameter {parametri} {paiva}: use {{value: number}}")
                arvo = arvo["value"]
            if arvo is not None and (isinstance(arvo, bool) or not isinstance(arvo, (int, float))):
                raise Reformivirhe(
                    f"reform file {nimi}: parameter {parametri} {paiva}: value {arvo!r} is not a number"
                )
            muutokset[str(parametri)][paiva] = None if arvo is None else float(arvo)
    return muutokset


def _parametri(parametrit, polku: str):
    solmu = parametrit
    for osa in polku.split("."):
        lapset = getattr(solmu, "children", None)
        if lapset is None or osa not in lapset:
            raise Reformivirhe(f"parameter {polku}: no such parameter in the tax-benefit system")
        solmu = lapset[osa]
    if not hasattr(solmu, "values_list"):
        raise Reformivirhe(f"parameter {polku}: is a folder of parameters, not a single parameter")
    return solmu


#: units whose values are whole numbers
KOKONAISLUKUYKSIKOT = {"day", "month", "year"}


def tarkista_arvo(polku: str, parametri, paiva: str, arvo: float | None) -> None:
    """A value must be finite, whole for day/month/year, and of the baseline's sign (> 0 if every
    baseline value is > 0, e.g. a divisor; ≥ 0 if every one is ≥ 0, e.g. euros or shares)."""
    if arvo is None:
        return
    yksikko = (getattr(parametri, "metadata", None) or {}).get("unit")
    perus = [a.value for a in parametri.values_list if isinstance(a.value, (int, float)) and not isinstance(a.value, bool)]
    ongelma = None
    if arvo != arvo or arvo in (float("inf"), float("-inf")):
        ongelma = "a finite number"
    elif yksikko in KOKONAISLUKUYKSIKOT and arvo != int(arvo):
        ongelma = f"a whole number of {yksikko}s"
    elif perus and min(perus) > 0 and arvo <= 0:
        ongelma = f"positive (unit {yksikko or 'none'}; every baseline value is > 0)"
    elif perus and min(perus) >= 0 and arvo < 0:
        ongelma = f"at least 0 (unit {yksikko or 'none'}; every baseline value is ≥ 0)"
    if ongelma:
        raise Reformivirhe(f"parameter {polku} {paiva}: value {arvo:g} must be {ongelma}")


class Parametrimuutos(Reform):
    """Sets the parameter values in `muutokset` ({parameter: {date: value}})."""

    name = "Parametrimuutos"
    muutokset: dict[str, dict[str, float | None]] = {}
    lahde = "(dict)"

    def apply(self):
        muutokset = self.muutokset

        def muuta(parametrit):
            for polku, arvot in muutokset.items():
                parametri = _parametri(parametrit, polku)
                for paiva in sorted(arvot):
                    tarkista_arvo(polku, parametri, paiva, arvot[paiva])
                for paiva in sorted(arvot):
                    parametri.update(start=instant(paiva), value=arvot[paiva])
            return parametrit

        self.modify_parameters(muuta)


def parametrimuutos(lahde) -> type[Parametrimuutos]:
    """A `Parametrimuutos` reform from a YAML/JSON file path or a dict."""
    muutokset = lue_muutokset(lahde)
    nimi = "(dict)" if isinstance(lahde, dict) else Path(lahde).stem
    luokka = "Parametrimuutos_" + re.sub(r"\W", "_", nimi)
    return type(luokka, (Parametrimuutos,), {"muutokset": muutokset, "lahde": str(lahde), "name": f"Parametrimuutos {nimi}"})


class EsimerkkiParametrimuutos(Parametrimuutos):
    """The example file `esimerkit/yrittajan_jakaja_250.yaml`: divisor 250 from 2024 (YAML tests)."""

    name = "Parametrimuutos: yrittäjän jakaja 250 vuodesta 2024"
    muutokset = lue_muutokset(ESIMERKIT_DIR / "yrittajan_jakaja_250.yaml")
