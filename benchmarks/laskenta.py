"""Benchmark: one month of the allowance, the model beside a plain-numpy reference (issue 12).

Builds N insured persons with the package's population generator
(`openfisca_tartunta.populaatio.generointi`, the population `tartunta populaatio`
writes), then, in one run, computes one month with the model (fresh OpenFisca
simulations) and with the plain-numpy reference `benchmarks/numpy_viite`:

- core (issue 2): entitlement, daily amount, payable days, gross allowance;
- whole chain (issue 3): the above plus the employers' and the insured's parts,
  tax withholding and distraint, down to the net payment.

Checks the two equal to the cent on every output of the chain (exit 1 if not),
and prints the time of each (best of `--toistoja` interleaved runs, excluding
building the population, the simulation and the reference's arrays), the
ratios model / numpy (best against best, and the median over back-to-back
pairs, which a shared machine's changing load disturbs less; and of the
process's CPU time, which other processes' load disturbs least), the insured
per second and the process's peak memory.

Both sides are timed alike: after `gc.collect()` and with Python's cycle collector off during each
timed run (a finished simulation is a reference cycle; freeing its ~1 GiB inside the next timed run,
on whichever side, measured the collector), with glibc's malloc thresholds raised as
`tartunta simuloi` raises them (`populaatio.muisti.pida_muisti`: freed arrays are reused, not given
back to the kernel and faulted in again) and with the baseline system that keeps a parameter tree per
day, as the population run uses it.

    .venv/bin/python benchmarks/laskenta.py --henkiloita 1000000
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np


sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy_viite  # noqa: E402
from openfisca_tartunta.populaatio.generointi import generoi  # noqa: E402
from openfisca_tartunta.populaatio.muisti import pida_muisti  # noqa: E402
from openfisca_tartunta.populaatio.osat import jarjestelmat  # noqa: E402
from openfisca_tartunta.simulaatio import rakenna_simulaatio  # noqa: E402
from openfisca_tartunta.sopimus import ANSIOTYON_TULOKSET, VAKUUTETUN_TULOKSET  # noqa: E402

YDIN = list(numpy_viite.YDIN)
KETJU = list(VAKUUTETUN_TULOKSET)
KETJU_TYO = list(ANSIOTYON_TULOKSET)
#: Columns of the population tables that are not inputs of the model.
LISASARAKKEET = ("paino", "vakuutettu_id", "ansiotyo_id")


@contextmanager
def _ilman_roskienkeruuta():
    """Time without Python's cycle collector, as `timeit` does, after collecting what earlier runs
    left: a finished simulation is a reference cycle, and freeing its ~1 GiB inside the next timed
    run (whichever side it lands on) measured the collector, not the code."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def malli(tbs, vak, tyo, kuukausi, muuttujat, valimuisti) -> tuple[tuple[float, float], dict]:
    """Time (wall, CPU) the model's outputs `muuttujat` in a fresh simulation (building it is not timed)."""
    sim = rakenna_simulaatio(tbs, vak, tyo, [kuukausi], ohita=LISASARAKKEET, valimuisti=valimuisti)
    with _ilman_roskienkeruuta():
        alku, cpu = time.perf_counter(), time.process_time()
        arvot = {nimi: sim.calculate(nimi, kuukausi) for nimi in muuttujat}
        return (time.perf_counter() - alku, time.process_time() - cpu), arvot


def viite(tbs, syote, ydin: bool) -> tuple[tuple[float, float], dict]:
    with _ilman_roskienkeruuta():
        alku, cpu = time.perf_counter(), time.process_time()
        arvot = numpy_viite.laske(syote, tbs, ydin=ydin)
        return (time.perf_counter() - alku, time.process_time() - cpu), arvot


def tarkista(viitearvot: dict, mallin: dict) -> int:
    """Print the outputs that differ; the number of differing values."""
    eroja = 0
    for nimi, rivit in numpy_viite.vertaa(viitearvot, mallin).items():
        if rivit.size:
            eroja += rivit.size
            malli_senteissa = numpy_viite.mallin_arvot(nimi, mallin[nimi])
            print(f"  DIFFERS {nimi}: {rivit.size} rows, e.g. row {rivit[0]}: model {malli_senteissa[rivit[0]]}, numpy {viitearvot[nimi][rivit[0]]}")
    return eroja


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--henkiloita", type=int, default=1_000_000, help="number of insured persons")
    parser.add_argument("--kuukausi", default="2024-03")
    parser.add_argument("--siemen", type=int, default=2024)
    parser.add_argument("--toistoja", type=int, default=5, help="timed runs of each, interleaved (default 5)")
    args = parser.parse_args(argv)

    # As `tartunta simuloi` runs: glibc keeps freed arrays for reuse (`populaatio.muisti`), and the
    # baseline system keeps the parameter tree of each day it was asked for (`parametrit.muista_puut`).
    muisti = pida_muisti()
    tbs = jarjestelmat()[0]
    t0 = time.perf_counter()
    vak, tyo = generoi(args.henkiloita, siemen=args.siemen, kuukausi=args.kuukausi)
    syote = numpy_viite.lue(vak, tyo, args.kuukausi)
    rakennus = time.perf_counter() - t0
    n = args.henkiloita
    print(f"population: {n:,} insured, {len(tyo):,} earning activities (built in {rakennus:.2f} s); "
          f"glibc thresholds raised as in `tartunta simuloi`: {'yes' if muisti else 'no (no glibc)'}")

    valimuisti: dict = {}
    pieni_vak, pieni_tyo = generoi(1000, siemen=args.siemen, kuukausi=args.kuukausi)  # warm both up
    malli(tbs, pieni_vak, pieni_tyo, args.kuukausi, KETJU + KETJU_TYO, None)
    numpy_viite.laske(numpy_viite.lue(pieni_vak, pieni_tyo, args.kuukausi), tbs)

    ajat: dict[tuple[str, str], list[tuple[float, float]]] = {}
    eroja = 0
    for toisto in range(args.toistoja):  # interleaved, so that the machine's load hits both alike
        for osa, muuttujat in (("core", YDIN), ("chain", KETJU + KETJU_TYO)):
            aika_m, mallin = malli(tbs, vak, tyo, args.kuukausi, muuttujat, valimuisti)
            aika_v, viitteen = viite(tbs, syote, ydin=osa == "core")
            ajat.setdefault((osa, "model"), []).append(aika_m)
            ajat.setdefault((osa, "numpy"), []).append(aika_v)
            if toisto == 0:
                eroja += tarkista(viitteen, mallin)
            del mallin, viitteen

    for osa, otsikko in (("core", "core (entitlement, amount, days, gross)"), ("chain", "whole chain (… split, tax, distraint, net)")):
        mallin = [seina for seina, _ in ajat[(osa, "model")]]
        viitteen = [seina for seina, _ in ajat[(osa, "numpy")]]
        m, v = min(mallin), min(viitteen)
        pareittain = float(np.median([a / b for a, b in zip(mallin, viitteen)]))
        m_cpu = min(c for _, c in ajat[(osa, "model")])
        v_cpu = min(c for _, c in ajat[(osa, "numpy")])
        print(
            f"{otsikko}: model {m:.3f} s ({n / m:,.0f} insured/s), numpy {v:.3f} s; model/numpy {m / v:.2f}× "
            f"(best against best), {pareittain:.2f}× (median of back-to-back pairs); CPU time model {m_cpu:.3f} s, "
            f"numpy {v_cpu:.3f} s, {m_cpu / v_cpu:.2f}×"
            f"  [wall runs: model {', '.join(f'{x:.3f}' for x in mallin)}; numpy {', '.join(f'{x:.3f}' for x in viitteen)}]"
        )
    tuloksia = len(KETJU) * n + len(KETJU_TYO) * len(tyo)
    if eroja:
        print(f"model and numpy DIFFER in {eroja:,} of {tuloksia:,} values")
    else:
        print(f"model and numpy equal to the cent on every output ({len(KETJU) + len(KETJU_TYO)} outputs, {tuloksia:,} values)")
    huippu = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(f"peak memory: {huippu:.2f} GiB")
    return 1 if eroja else 0


if __name__ == "__main__":
    sys.exit(main())
