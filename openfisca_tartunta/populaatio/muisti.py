"""glibc's malloc kept from handing freed big arrays back to the kernel during a population run.

A partition's arrays (a few MB each, hundreds per partition and system) are freed and
allocated again partition after partition.  By default glibc unmaps a freed block
above its mmap threshold and trims the heap's free top, so the next partition's arrays
are faulted in again page by page: on the shared 2-core machine that was a fifth of the
command's CPU time, most of it system time.  `pida_muisti` raises both thresholds
(as `MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=2147483647` would at
start-up), so freed memory stays in the heap and is reused.  The peak resident memory
is the same within a few per cent (README, Performance).
"""

from __future__ import annotations

import ctypes
import ctypes.util

#: mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
#: blocks up to 1 GiB from the heap; the heap's free top given back only above 2 GiB
MMAP_RAJA = 1 << 30
TRIM_RAJA = (1 << 31) - 1


def pida_muisti() -> bool:
    """Raise glibc's mmap and trim thresholds for this process; False where there is no glibc."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_RAJA)) and bool(mallopt(_M_TRIM_THRESHOLD, TRIM_RAJA))
