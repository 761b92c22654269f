"""Benchmark: `tartunta simuloi` on a million insured, baseline and reform, end to end.

1. Generates the population (`tartunta populaatio`, not timed).
2. Times the whole command in-process — a fresh `tartunta simuloi` process that
   reads the Parquet tables, computes one month for the baseline and the reform,
   and writes the per-person results, the summary and the plots.  Targets:
   under 15 s and under 6 GiB peak memory.
3. Runs the same population on a local Dask cluster (`--dask`, 2 worker
   processes) and checks that the totals and the per-person results are
   identical to the in-process run.

The CPU time (user + system) of the command is reported beside the wall-clock
time: on a shared machine the wall-clock time also measures the other load
(the 1-minute load average is printed too).

Peak memory is `resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`: the largest
resident set of any finished child process (the command itself; Dask workers are
its own children).

    .venv/bin/python benchmarks/simulointi.py --koko 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AIKARAJA_S = 15.0
MUISTIRAJA_GIB = 6.0
TARTUNTA = [sys.executable, "-m", "openfisca_tartunta.cli"]


def _maxrss_gib() -> float:
    """Peak RSS of the finished child processes, GiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2


def _cpu_s() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    kaytto = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kaytto.ru_utime + kaytto.ru_stime


def _aja(komento: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one command (CPU time does not depend on other load)."""
    alku, cpu = time.perf_counter(), _cpu_s()
    tulos = subprocess.run(komento, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    kesto = time.perf_counter() - alku
    if tulos.returncode != 0:
        sys.exit(f"failed ({tulos.returncode}): {' '.join(komento)}\n{tulos.stderr[-2000:]}")
    return kesto, _cpu_s() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--koko", type=int, default=1_000_000)
    parser.add_argument("--siemen", type=int, default=2024)
    parser.add_argument("--kuukausi", default="2024-03")
    parser.add_argument("--reformi", default="odotusaika")
    parser.add_argument("--kansio", default=None, help="working folder (default: a temporary one, removed afterwards)")
    parser.add_argument("--ei-daskia", action="store_true", help="skip the Dask run")
    args = parser.parse_args(argv)

    kansio = Path(args.kansio) if args.kansio else Path(tempfile.mkdtemp(prefix="tartunta-benchmark-"))
    pop = kansio / "populaatio"
    try:
        alku = time.perf_counter()
        _ = _aja([*TARTUNTA, "populaatio", "--koko", str(args.koko), "--siemen", str(args.siemen),
              "--kuukausi", args.kuukausi, "--kohde", str(pop), "--hiljaa"])
        generointi_s = time.perf_counter() - alku
        generointi_gib = _maxrss_gib()

        simuloi = [*TARTUNTA, "simuloi", "--vakuutetut", str(pop / "vakuutetut.parquet"),
                   "--ansiotyot", str(pop / "ansiotyot.parquet"), "--kuukausi", args.kuukausi,
                   "--reformi", args.reformi, "--hiljaa"]
        prosessissa_s, prosessissa_cpu = _aja([*simuloi, "--tulokset", str(kansio / "prosessissa")])
        prosessissa_gib = _maxrss_gib()  # the largest child so far: the generator or the run

        tulos = {
            "koko": args.koko,
            "kuukausi": args.kuukausi,
            "reformi": args.reformi,
            "generointi_s": round(generointi_s, 2),
            "generointi_maxrss_gib": round(generointi_gib, 2),
            "prosessissa_s": round(prosessissa_s, 2),
            "prosessissa_cpu_s": round(prosessissa_cpu, 2),
            "kuormitus_1min": round(os.getloadavg()[0], 2),
            "prosessissa_maxrss_gib": round(prosessissa_gib, 2),
            "aikaraja_s": AIKARAJA_S,
            "muistiraja_gib": MUISTIRAJA_GIB,
        }
        yhteenveto = json.loads((kansio / "prosessissa" / "yhteenveto.json").read_text(encoding="utf-8"))
        tulos["kustannus"] = yhteenveto["mittarit"]["kustannus"]
        tulos["saajat"] = yhteenveto["mittarit"]["saajat"]

        if not args.ei_daskia:
            dask_s, _ = _aja([*simuloi, "--dask", "--tyoprosessit", "2", "--ei-kuvaajia", "--tulokset", str(kansio / "dask")])
            tulos["dask_s"] = round(dask_s, 2)
            tulos["dask_maxrss_gib"] = round(_maxrss_gib(), 2)
            dask_yhteenveto = json.loads((kansio / "dask" / "yhteenveto.json").read_text(encoding="utf-8"))
            tulos["dask_yhteenveto_sama"] = dask_yhteenveto == yhteenveto

            import pandas as pd

            samat = True
            for nimi in ("vakuutetut_tulokset.parquet", "ansiotyot_tulokset.parquet"):
                a = pd.read_parquet(kansio / "prosessissa" / nimi)
                b = pd.read_parquet(kansio / "dask" / nimi)
                samat = samat and a.equals(b)
                del a, b
            tulos["dask_henkilotulokset_samat"] = samat

        ok = prosessissa_s < AIKARAJA_S and prosessissa_gib < MUISTIRAJA_GIB
        ok = ok and tulos.get("dask_yhteenveto_sama", True) and tulos.get("dask_henkilotulokset_samat", True)
        tulos["ok"] = bool(ok)
        print(f"population: {args.koko} insured, generated in {generointi_s:.1f} s (not timed)")
        print(f"in-process, baseline + {args.reformi}: {prosessissa_s:.2f} s end to end, {prosessissa_cpu:.2f} s CPU "
              f"(limit {AIKARAJA_S:.0f} s), peak {prosessissa_gib:.2f} GiB (limit {MUISTIRAJA_GIB:.0f} GiB)")
        if "dask_s" in tulos:
            print(f"Dask, 2 local workers: {tulos['dask_s']:.2f} s; totals identical: {tulos['dask_yhteenveto_sama']}, "
                  f"per-person results identical: {tulos['dask_henkilotulokset_samat']}")
        print(json.dumps(tulos, ensure_ascii=False))
        return 0 if ok else 1
    finally:
        if not args.kansio:
            shutil.rmtree(kansio, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
