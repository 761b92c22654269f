"""Which YAML test cases does a rule change move? (for drafters)

`vertaa_tapauksia(perus, reformi, kansio)` runs every OpenFisca YAML case under
`kansio` (the project's hand-worked cases, `tests/yaml/`) on the baseline and on
the reformed system and lists, for each expected output, the expected value,
the baseline and the reform value.  Cases that name their own reform
(`reforms:`/`extensions:`/`parameters:`) are skipped: they test a what-if already.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.tools.test_runner import Loader, yaml

OHITETTAVAT = ("reforms", "extensions", "parameters")


def lue_tapaukset(kansio) -> Iterator[tuple[str, dict]]:
    """(file relative to `kansio`, case) for every YAML case that needs no reform of its own."""
    kansio = Path(kansio)
    for polku in sorted(kansio.rglob("*.y*ml")):
        with polku.open(encoding="utf-8") as tiedosto:
            tapaukset = yaml.load(tiedosto, Loader=Loader)
        for tapaus in tapaukset if isinstance(tapaukset, list) else [tapaukset]:
            if isinstance(tapaus, dict) and not any(tapaus.get(k) for k in OHITETTAVAT):
                yield str(polku.relative_to(kansio)), tapaus


def _odotukset(tbs, simulaatio, tapaus) -> Iterator[tuple[str, str, int | None, object]]:
    """(variable, period, entity index or None, expected value) of a case's outputs."""
    kausi = str(tapaus["period"])
    for avain, arvo in (tapaus.get("output") or {}).items():
        if avain in tbs.variables:
            kohteet = [(avain, arvo, None)]
        else:
            populaatio = simulaatio.get_population(plural=avain)
            if populaatio is None:
                continue
            kohteet = [
                (muuttuja, odotettu, populaatio.get_index(tunniste))
                for tunniste, arvot in arvo.items()
                for muuttuja, odotettu in arvot.items()
            ]
        for muuttuja, odotettu, indeksi in kohteet:
            if isinstance(odotettu, dict):
                for jakso, jakson_arvo in odotettu.items():
                    yield muuttuja, str(jakso), indeksi, jakson_arvo
            else:
                yield muuttuja, kausi, indeksi, odotettu


def _arvo(simulaatio, muuttuja, kausi, indeksi):
    arvot = simulaatio.calculate(muuttuja, kausi)
    if hasattr(arvot, "decode_to_str"):
        arvot = arvot.decode_to_str()
    arvot = arvot if indeksi is None else arvot[indeksi : indeksi + 1]
    arvot = [round(a, 2) if isinstance(a, float) else a for a in np.asarray(arvot).tolist()]  # float32 → cents
    return arvot[0] if len(arvot) == 1 else arvot


def _simulaatio(tbs, tapaus):
    rakentaja = SimulationBuilder()
    rakentaja.set_default_period(str(tapaus["period"]))
    return rakentaja.build_from_dict(tbs, tapaus["input"])


def vertaa_tapauksia(perus, reformi, kansio) -> pd.DataFrame:
    """One row per expected output of every case: expected, baseline, reform, and whether it moved."""
    rivit = []
    for tiedosto, tapaus in lue_tapaukset(kansio):
        s_perus, s_reformi = _simulaatio(perus, tapaus), _simulaatio(reformi, tapaus)
        for muuttuja, kausi, indeksi, odotettu in _odotukset(perus, s_perus, tapaus):
            a = _arvo(s_perus, muuttuja, kausi, indeksi)
            b = _arvo(s_reformi, muuttuja, kausi, indeksi)
            if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
                muuttui = abs(float(b) - float(a)) > 0.005
            else:
                muuttui = a != b
            rivit.append(
                {
                    "tiedosto": tiedosto,
                    "tapaus": tapaus.get("name", ""),
                    "muuttuja": muuttuja,
                    "kausi": kausi,
                    "odotettu": odotettu,
                    "perus": a,
                    "reformi": b,
                    "muuttui": muuttui,
                }
            )
    return pd.DataFrame(rivit, columns=["tiedosto", "tapaus", "muuttuja", "kausi", "odotettu", "perus", "reformi", "muuttui"])
