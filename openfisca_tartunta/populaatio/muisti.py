"""glibc's allocator thresholds for the population commands (issue 12: page faults at millions of rows).

By default glibc serves every block over 128 KiB–32 MiB with its own `mmap`
and returns it with `munmap` when freed, so each of the model's
million-element temporaries is faulted in page by page again, and the kernel's
page-fault work (system time) grows to as much as the computation at 3 million
insured.  With `MALLOC_MMAP_THRESHOLD_` (1 GiB) and `MALLOC_TRIM_THRESHOLD_`
(4 GiB) freed arrays stay in the heap and are reused.  glibc reads the two
variables only when the process starts, so `tartunta simuloi` run as a command
re-executes itself once with them set (`kaynnista_uudelleen`); they are not
set when they are already in the environment, when `TARTUNTA_MALLOC=0`, or
when the command runs inside another program (`cli.main(argv)` from Python).
"""

from __future__ import annotations

import os
import platform
import sys

KYNNYKSET = {"MALLOC_MMAP_THRESHOLD_": "1073741824", "MALLOC_TRIM_THRESHOLD_": "4294967296"}
POIS = "TARTUNTA_MALLOC"


def tarvitaan(ymparisto=None) -> bool:
    """Whether this process should restart with the thresholds (glibc Linux, not set, not switched off)."""
    ymparisto = os.environ if ymparisto is None else ymparisto
    if ymparisto.get(POIS, "1") == "0" or any(nimi in ymparisto for nimi in KYNNYKSET):
        return False
    return sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


def kaynnista_uudelleen() -> None:
    """Replace this process with itself, the thresholds set (returns only when not needed or not possible)."""
    if not tarvitaan() or not getattr(sys, "orig_argv", None) or not sys.executable:
        return
    ymparisto = {**os.environ, **KYNNYKSET}
    try:
        os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], ymparisto)
    except OSError:  # pragma: no cover - run on as we are
        return
