"""numpy's primitives the model's fast paths rely on, timed on population-sized arrays (issue 12).

    .venv/bin/python benchmarks/numpy_perusteet.py              # 1 500 000 rows (the earning activities)

Each line times one operation and its replacement in the model on the same random data (masks
true and false mixed at random, as a population's are; minimum over repeats):

- `np.where` on a random mask against the same mask sorted (what the branch predictor makes of it),
  and against multiplying by the mask as 0.0/1.0 (tried in this pass and dropped: no faster in the
  chain beyond the processor's cache);
- `np.flatnonzero` of a float or int64 array against that of the mask `x != 0`;
- a boolean-mask selection `a[m]` against `a[np.flatnonzero(m)]`;
- datetime64 comparison, maximum and difference against the same on int64 day numbers
  (`kalenteri.paivanumeroina`).
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from openfisca_tartunta.populaatio.muisti import pida_muisti  # noqa: E402


def _aika(f, toistoja: int) -> float:
    """Milliseconds per call, the minimum over `toistoja` blocks of 5 calls."""
    return min(timeit.repeat(f, number=5, repeat=toistoja)) / 5 * 1e3


def _kertoen(maski, a, b):
    """`np.where(maski, a, b)` for finite floats by arithmetic, in place where it can be."""
    m = maski.astype(np.float64)
    tulos = np.multiply(m, a)
    np.subtract(1.0, m, out=m)
    np.multiply(m, b, out=m)
    return np.add(tulos, m, out=tulos)


def vertailut(n: int, siemen: int = 1):
    """(operation, its time in ms, the replacement, its time in ms) for arrays of `n` rows."""
    rng = np.random.default_rng(siemen)
    maski = rng.random(n) < 0.3
    jarjestetty = np.sort(maski)
    a, b = rng.random(n), rng.random(n)
    rahat = a * maski  # 30 % of the rows with an amount, the rest 0
    sentit = np.rint(rahat * 1e4).astype(np.int64)
    alku = (np.datetime64("2024-01-01") + rng.integers(0, 400, n)).astype("datetime64[D]")
    loppu = (np.datetime64("2024-01-01") + rng.integers(0, 400, n)).astype("datetime64[D]")
    a_nro, l_nro = alku.view(np.int64), loppu.view(np.int64)
    return [
        ("np.where(mask, a, b), random mask", lambda: np.where(maski, a, b),
         "the same, the mask sorted", lambda: np.where(jarjestetty, a, b)),
        ("np.where(mask, a, b), random mask", lambda: np.where(maski, a, b),
         "a × mask + b × (1 − mask)", lambda: _kertoen(maski, a, b)),
        ("np.flatnonzero(float64 amounts)", lambda: np.flatnonzero(rahat),
         "np.flatnonzero(amounts != 0)", lambda: np.flatnonzero(rahat != 0)),
        ("np.flatnonzero(int64 cents)", lambda: np.flatnonzero(sentit),
         "np.flatnonzero(cents != 0)", lambda: np.flatnonzero(sentit != 0)),
        ("a[mask]", lambda: a[maski], "a[np.flatnonzero(mask)]", lambda: a[np.flatnonzero(maski)]),
        ("datetime64 end >= start", lambda: loppu >= alku, "int64 day numbers", lambda: l_nro >= a_nro),
        ("datetime64 maximum", lambda: np.maximum(alku, loppu), "int64 maximum", lambda: np.maximum(a_nro, l_nro)),
        ("datetime64 end - start", lambda: loppu - alku, "int64 difference", lambda: l_nro - a_nro),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--riveja", type=int, default=1_500_000, help="rows (default 1 500 000)")
    parser.add_argument("--toistoja", type=int, default=7, help="repeats, the minimum is printed (default 7)")
    args = parser.parse_args(argv)
    if args.riveja < 1 or args.toistoja < 1:
        parser.error("--riveja and --toistoja must be at least 1")
    # As `tartunta simuloi` and `make benchmark` run: glibc keeps freed arrays for reuse (no page faults).
    muisti = pida_muisti()
    print(f"{args.riveja:,} rows, minimum of {args.toistoja} × 5 calls; glibc thresholds raised: {'yes' if muisti else 'no'}")
    for nimi, f, korvaava, g in vertailut(args.riveja):
        t_f, t_g = _aika(f, args.toistoja), _aika(g, args.toistoja)
        print(f"  {nimi:<40} {t_f:7.2f} ms   {korvaava:<30} {t_g:7.2f} ms   {t_f / t_g:5.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
