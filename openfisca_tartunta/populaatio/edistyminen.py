"""Progress on stderr for every phase of a population command (reading, computing, writing, plotting)."""

from __future__ import annotations

import contextlib
import sys
import time


class Edistyminen:
    """Phase lines (`kuvaus … 1.2 s`) and bars counted in persons; silent when `nayta` is false."""

    def __init__(self, nayta: bool, komento: str = "tartunta simuloi"):
        self.nayta, self.komento = nayta, komento

    @contextlib.contextmanager
    def vaihe(self, kuvaus: str):
        alku = time.perf_counter()
        if self.nayta:
            print(f"{self.komento}: {kuvaus} …", file=sys.stderr, flush=True)
        yield
        if self.nayta:
            print(f"{self.komento}: {kuvaus}: {time.perf_counter() - alku:.1f} s", file=sys.stderr, flush=True)

    def palkki(self, yhteensa: int, kuvaus: str, yksikko: str = "vakuutettua"):
        from tqdm import tqdm

        return tqdm(
            total=yhteensa, desc=f"{self.komento}: {kuvaus}", unit=f" {yksikko}", unit_scale=True,
            disable=not self.nayta, file=sys.stderr,
        )
