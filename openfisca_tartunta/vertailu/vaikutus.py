"""The population impact of a change: `tartunta simuloi` run through its public entry point.

Kept in this one function on purpose: the population package is the owner of the
simulation, its summary (cost, recipients, winners and losers, income deciles) and
its plots; the comparison only runs the command and reads the files it documents
(`yhteenveto.json`, `kuvat/*.png`).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from openfisca_tartunta.vertailu.jarjestelmat import Vertailuvirhe


def populaatiovaikutus(kansio, reformit: list[str], kuukaudet: list[str], kohde: Path) -> dict:
    """Run `tartunta simuloi` over the population in `kansio` (vakuutetut/ansiotyot.parquet) into `kohde`."""
    from openfisca_tartunta import cli

    kansio = Path(kansio)
    taulut = {nimi: kansio / f"{nimi}.parquet" for nimi in ("vakuutetut", "ansiotyot")}
    puuttuvat = [str(p) for p in taulut.values() if not p.is_file()]
    if puuttuvat:
        raise Vertailuvirhe(f"--populaatio: {kansio} lacks {', '.join(puuttuvat)} (made by `tartunta populaatio`)")
    if not kuukaudet:
        raise Vertailuvirhe("--populaatio needs at least one --kuukausi YYYY-MM")
    argumentit = ["simuloi", "--vakuutetut", str(taulut["vakuutetut"]), "--ansiotyot", str(taulut["ansiotyot"])]
    argumentit += [a for kk in kuukaudet for a in ("--kuukausi", kk)]
    argumentit += [a for r in reformit for a in ("--reformi", str(r))]
    argumentit += ["--tulokset", str(kohde), "--hiljaa"]
    virheet, tuloste = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(virheet), contextlib.redirect_stdout(tuloste):
        koodi = cli.main(argumentit)
    if koodi != 0:
        raise Vertailuvirhe(f"--populaatio: {virheet.getvalue().strip() or f'tartunta simuloi exited {koodi}'}")
    yhteenveto = json.loads((Path(kohde) / "yhteenveto.json").read_text(encoding="utf-8"))
    kuvat = sorted(str(p.relative_to(Path(kohde).parent)) for p in (Path(kohde) / "kuvat").glob("*.png"))
    return {"kansio": str(kansio), "yhteenveto": yhteenveto, "kuvat": kuvat}
