"""glibc allocator settings for population runs: keep big freed arrays instead of unmapping them.

Each partition allocates and frees arrays of millions of rows.  By default glibc
returns blocks above its (dynamic) mmap threshold to the OS and trims the heap,
so the next partition faults the same pages in again; measured at 3 000 000
insured this page-fault work was a third of the run.  `suurille_taulukoille`
sets the same as `MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=2147483647`
would, from inside the command (glibc reads those variables only at start-up).
A variable the user set wins, `TARTUNTA_MALLOC=oletus` keeps glibc's defaults (to
measure the difference); elsewhere than glibc nothing happens.
"""

from __future__ import annotations

import ctypes
import os

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
ASETUKSET = {"MALLOC_TRIM_THRESHOLD_": (M_TRIM_THRESHOLD, 2**31 - 1)}


def suurille_taulukoille() -> dict[str, int]:
    """Apply the settings (unless set in the environment); returns those applied."""
    if os.environ.get("TARTUNTA_MALLOC") == "oletus":
        return {}
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        return {}
    asetetut = {}
    for muuttuja, (parametri, arvo) in ASETUKSET.items():
        if muuttuja not in os.environ and mallopt(parametri, arvo) == 1:
            asetetut[muuttuja] = arvo
    return asetetut
