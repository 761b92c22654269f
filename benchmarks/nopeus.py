"""Speed of the model and the service in-process, as minima over repeats (steady on a busy machine).

    .venv/bin/python benchmarks/nopeus.py                       # this checkout
    PYTHONPATH=../main .venv/bin/python benchmarks/nopeus.py    # another checkout, for before/after

- core and whole chain at `--henkiloita` insured (benchmarks/laskenta.py's population), warm:
  a fresh simulation each repeat after one warm-up run; wall and CPU time, minimum of `--toistoja`;
- `/calculate` (the README's case): `laske_tilanne` alone, minimum over blocks of 100 requests;
- `/eraajo` with 10 000 cases (benchmarks/kuormitus.py's batch) through the Flask test client.

The outputs' sums are printed so that two checkouts can be seen to agree.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import laskenta  # noqa: E402


def _minimi(f, toistoja: int, kerrat: int = 1) -> tuple[float, float]:
    """(wall, CPU) seconds per call, each the minimum over `toistoja` blocks of `kerrat` calls."""
    seinat, prosessit = [], []
    for _ in range(toistoja):
        s, p = time.perf_counter(), time.process_time()
        for _ in range(kerrat):
            f()
        seinat.append((time.perf_counter() - s) / kerrat)
        prosessit.append((time.process_time() - p) / kerrat)
    return min(seinat), min(prosessit)


def malli(n: int, toistoja: int) -> None:
    from openfisca_tartunta import CountryTaxBenefitSystem
    from openfisca_tartunta.populaatio.generointi import generoi
    from openfisca_tartunta.simulaatio import rakenna_simulaatio

    tbs = CountryTaxBenefitSystem()
    vak, tyo = generoi(n, siemen=2024, kuukausi="2024-03")
    for nimi, muuttujat, tyon in (("core", laskenta.YDIN, ()), ("whole chain", laskenta.KETJU, laskenta.KETJU_TYO)):
        ajat, summa = [], 0.0
        for kierros in range(toistoja + 1):
            sim = rakenna_simulaatio(tbs, vak, tyo, ["2024-03"], ohita=laskenta.LISASARAKKEET)
            s, p = time.perf_counter(), time.process_time()
            summa = sum(float(np.asarray(sim.calculate(v, "2024-03"), dtype=np.float64).sum()) for v in muuttujat)
            for v in tyon:
                sim.calculate(v, "2024-03")
            if kierros:  # the first run warms up
                ajat.append((time.perf_counter() - s, time.process_time() - p))
        print(f"{nimi} at {n:,} insured, warm: wall {min(a[0] for a in ajat):.3f} s, CPU {min(a[1] for a in ajat):.3f} s "
              f"(sum of outputs {summa:.2f})")


def palvelu(toistoja: int) -> None:
    from kuormitus import eraajo

    from openfisca_tartunta.esimerkit import KARANTEENI_PALKANSAAJA
    from openfisca_tartunta.palvelin.laskenta import laske_tilanne
    from openfisca_tartunta.palvelin.sovellus import jarjestelma, luo_sovellus

    tbs = jarjestelma()
    tapaus = lambda: laske_tilanne(tbs, copy.deepcopy(KARANTEENI_PALKANSAAJA), 1000)  # noqa: E731
    _minimi(tapaus, 1, 30)
    seina, cpu = _minimi(tapaus, toistoja, 100)
    print(f"/calculate laske_tilanne: wall {seina * 1000:.2f} ms, CPU {cpu * 1000:.2f} ms")
    asiakas = luo_sovellus().test_client()
    runko = json.dumps(eraajo(10_000))

    def erana():
        assert asiakas.post("/eraajo", data=runko, content_type="application/json").status_code == 200

    _minimi(erana, 1, 2)
    seina, cpu = _minimi(erana, toistoja, 3)
    print(f"/eraajo 10 000 cases in-process: wall {seina * 1000:.1f} ms, CPU {cpu * 1000:.1f} ms")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--henkiloita", type=int, default=1_000_000)
    parser.add_argument("--toistoja", type=int, default=3, help="repeats; the minimum is printed (default 3)")
    parser.add_argument("--vain", choices=["malli", "palvelu"], help="only the model or only the service")
    args = parser.parse_args(argv)
    if args.vain != "palvelu":
        malli(args.henkiloita, args.toistoja)
    if args.vain != "malli":
        palvelu(max(args.toistoja, 8))
    return 0


if __name__ == "__main__":
    sys.exit(main())
