"""Benchmark: `tartunta simuloi` on a million insured, baseline and reform, end to end.

1. Generates the population (`tartunta populaatio`, not timed) once into a cache
   folder outside the repository (`--valimuisti`, default
   `/tmp/tartunta-populaatio-valimuisti/`), keyed by size, seed, month and a hash of
   the generator's source, so the 10 M population (≈ 1 min) is made once.
2. Times the whole command in-process — a fresh `tartunta simuloi` process that
   reads the Parquet tables, computes one month for the baseline and the reform,
   and writes the per-person results, the summary and the plots.  Goals
   (issue 12): 6 s at 1 000 000 insured; 60 s and 4 GiB at 10 000 000.
   With `--viite PYTHON` the same command runs back to back with another
   checkout's interpreter (e.g. `/work/main/.venv/bin/python`), and with
   `--malloc` also with glibc's `MALLOC_MMAP_THRESHOLD_`/`MALLOC_TRIM_THRESHOLD_`
   raised in the environment (freed big arrays stay in the heap instead of being
   unmapped and faulted in again).  The command now raises them itself at the start
   of the run (`populaatio.muisti`, mallopt), so `--malloc` shows only what setting
   them before the interpreter starts adds (README, Performance).
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
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AIKARAJA_S = {1_000_000: 6.0, 10_000_000: 60.0}
JUURI = Path(__file__).resolve().parents[1]
VALIMUISTI = Path(tempfile.gettempdir()) / "tartunta-populaatio-valimuisti"
MUISTIRAJA_GIB = 4.0
TARTUNTA = [sys.executable, "-m", "openfisca_tartunta.cli"]
#: glibc: keep freed big blocks in the heap instead of unmapping them (and re-faulting them in)
MALLOC = {"MALLOC_MMAP_THRESHOLD_": "1073741824", "MALLOC_TRIM_THRESHOLD_": "4294967296"}


def _maxrss_gib() -> float:
    """Peak RSS of the finished child processes, GiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2


def _cpu_s() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    kaytto = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kaytto.ru_utime + kaytto.ru_stime


def _aja(komento: list[str], ymparisto: dict | None = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one command (CPU time does not depend on other load)."""
    alku, cpu = time.perf_counter(), _cpu_s()
    tulos = subprocess.run(komento, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env={**os.environ, **(ymparisto or {})})
    kesto = time.perf_counter() - alku
    if tulos.returncode != 0:
        sys.exit(f"failed ({tulos.returncode}): {' '.join(komento)}\n{tulos.stderr[-2000:]}")
    return kesto, _cpu_s() - cpu


def populaatio(koko: int, siemen: int, kuukausi: str, valimuisti: Path) -> tuple[Path, float | None]:
    """The benchmark population, generated once into the cache (seconds spent generating, or None)."""
    lahde = hashlib.sha256()
    for nimi in ("generointi.py", "arvonta.py", "tyonantajat.py"):
        lahde.update((JUURI / "openfisca_tartunta" / "populaatio" / nimi).read_bytes())
    kansio = valimuisti / f"{koko}-{siemen}-{kuukausi}-{lahde.hexdigest()[:12]}"
    if (kansio / "vakuutetut.parquet").is_file() and (kansio / "ansiotyot.parquet").is_file():
        return kansio, None
    alku = time.perf_counter()
    _aja([*TARTUNTA, "populaatio", "--koko", str(koko), "--siemen", str(siemen), "--kuukausi", kuukausi,
          "--kohde", str(kansio), "--hiljaa"])
    return kansio, time.perf_counter() - alku


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--koko", type=int, default=1_000_000)
    parser.add_argument("--siemen", type=int, default=2024)
    parser.add_argument("--kuukausi", default="2024-03")
    parser.add_argument("--reformi", default="odotusaika")
    parser.add_argument("--kansio", default=None, help="working folder (default: a temporary one, removed afterwards)")
    parser.add_argument("--ei-daskia", action="store_true", help="skip the Dask run")
    parser.add_argument("--viite", default=None, help="python of a reference checkout, run back to back")
    parser.add_argument("--malloc", action="store_true", help="also run with the glibc malloc thresholds raised")
    parser.add_argument("--valimuisti", default=str(VALIMUISTI), help="cache folder of generated populations")
    parser.add_argument("--osan-koko", type=int, default=None, help="insured per partition (default: the command's)")
    args = parser.parse_args(argv)

    kansio = Path(args.kansio) if args.kansio else Path(tempfile.mkdtemp(prefix="tartunta-benchmark-"))
    try:
        pop, generointi_s = populaatio(args.koko, args.siemen, args.kuukausi, Path(args.valimuisti))
        generointi_gib = _maxrss_gib() if generointi_s is not None else None

        simuloi = [*TARTUNTA, "simuloi", "--vakuutetut", str(pop / "vakuutetut.parquet"),
                   "--ansiotyot", str(pop / "ansiotyot.parquet"), "--kuukausi", args.kuukausi,
                   "--reformi", args.reformi, "--hiljaa"]
        if args.osan_koko:
            simuloi += ["--osan-koko", str(args.osan_koko)]
        def _ajo(nimi: str, python: str = sys.executable, ymparisto: dict | None = None) -> dict:
            """One in-process run with its own peak memory (a fresh child: `time -v`-like via wait4)."""
            komento = [python, *simuloi[1:], "--tulokset", str(kansio / nimi)]
            alku = time.perf_counter()
            # `python -m` imports the package from the working folder: a reference checkout's
            # interpreter (`<checkout>/.venv/bin/python`) runs in its own checkout.
            juuri = Path(python).parents[2]
            kansio_ajolle = juuri if python != sys.executable and (juuri / "openfisca_tartunta").is_dir() else None
            prosessi = subprocess.Popen(komento, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=kansio_ajolle,
                                        env={**os.environ, **(ymparisto or {})})
            _, tila, kaytto = os.wait4(prosessi.pid, 0)
            kesto = time.perf_counter() - alku
            if os.waitstatus_to_exitcode(tila) != 0:
                sys.exit(f"{nimi} failed: {prosessi.stderr.read().decode()[-2000:]}")
            return {"s": round(kesto, 2), "cpu_s": round(kaytto.ru_utime + kaytto.ru_stime, 2),
                    "sys_s": round(kaytto.ru_stime, 2), "maxrss_gib": round(kaytto.ru_maxrss / 1024**2, 2)}

        ajot = {"prosessissa": _ajo("prosessissa")}
        if args.malloc:
            ajot["prosessissa_malloc"] = _ajo("prosessissa_malloc", ymparisto=MALLOC)
        if args.viite:
            ajot["viite"] = _ajo("viite", python=args.viite)
            if args.malloc:
                ajot["viite_malloc"] = _ajo("viite_malloc", python=args.viite, ymparisto=MALLOC)
        prosessissa_s, prosessissa_cpu = ajot["prosessissa"]["s"], ajot["prosessissa"]["cpu_s"]
        prosessissa_gib = ajot["prosessissa"]["maxrss_gib"]
        aikaraja = AIKARAJA_S.get(args.koko, 6.0 * args.koko / 1_000_000)

        tulos = {
            "koko": args.koko,
            "kuukausi": args.kuukausi,
            "reformi": args.reformi,
            "generointi_s": None if generointi_s is None else round(generointi_s, 2),
            "generointi_maxrss_gib": None if generointi_gib is None else round(generointi_gib, 2),
            "populaatio": str(pop),
            "ajot": ajot,
            "prosessissa_s": prosessissa_s,
            "prosessissa_cpu_s": prosessissa_cpu,
            "kuormitus_1min": round(os.getloadavg()[0], 2),
            "prosessissa_maxrss_gib": prosessissa_gib,
            "aikaraja_s": aikaraja,
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

        ok = prosessissa_s < aikaraja and prosessissa_gib < MUISTIRAJA_GIB
        ok = ok and tulos.get("dask_yhteenveto_sama", True) and tulos.get("dask_henkilotulokset_samat", True)
        tulos["ok"] = bool(ok)
        tehty = "from the cache" if generointi_s is None else f"generated in {generointi_s:.1f} s (not timed)"
        print(f"population: {args.koko} insured, {tehty}: {pop}")
        for nimi, ajo in ajot.items():
            print(f"{nimi}, baseline + {args.reformi}: {ajo['s']:.2f} s end to end, {ajo['cpu_s']:.2f} s CPU "
                  f"({ajo['sys_s']:.2f} s system), peak {ajo['maxrss_gib']:.2f} GiB")
        print(f"goal: {aikaraja:.0f} s, {MUISTIRAJA_GIB:.0f} GiB; load average {tulos['kuormitus_1min']}")
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
