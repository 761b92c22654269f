"""Latency of `/paatosehdotus` in-process (Flask test client, no HTTP): p50 and p90 over N requests.

    python benchmarks/paatosehdotus.py [--pyyntoja 300]

The case is the README's quarantine with an employer that paid part of the absence (two
recipients, two payment periods).  Compare code versions back to back in one run, e.g.
`PYTHONPATH=/path/to/other/checkout python benchmarks/paatosehdotus.py`.
"""

from __future__ import annotations

import argparse
import statistics
import time

from openfisca_tartunta.esimerkit import paatoksen_tapaus
from openfisca_tartunta.palvelin.sovellus import luo_sovellus


def tapaus() -> dict:
    t = paatoksen_tapaus()
    t["ansiotyot"]["tyo_1"].update(
        tyonantajan_maksama_palkka={"2024-03": 1000},
        palkallinen_vapaa_alkaa={"ETERNITY": "2024-03-04"},
        palkallinen_vapaa_paattyy={"ETERNITY": "2024-03-08"},
    )
    t["kieli"] = "fi"
    return t


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pyyntoja", type=int, default=300)
    args = p.parse_args()
    asiakas = luo_sovellus().test_client()
    runko = tapaus()
    for _ in range(20):  # warm-up
        assert asiakas.post("/paatosehdotus", json=runko).status_code == 200
    ajat = []
    for _ in range(args.pyyntoja):
        alku = time.perf_counter()
        r = asiakas.post("/paatosehdotus", json=runko)
        ajat.append((time.perf_counter() - alku) * 1000)
        assert r.status_code == 200
    ajat.sort()
    print(f"/paatosehdotus in-process, {args.pyyntoja} requests: p50 {statistics.median(ajat):.2f} ms, "
          f"p90 {ajat[int(0.9 * len(ajat))]:.2f} ms")


if __name__ == "__main__":
    main()
