"""Per-caller rate limit: a sliding one-minute window per client id or person pseudonym.

Kept in each worker process's memory, so with N gunicorn workers a caller gets at
most N × the limit; a deployment that needs one exact limit puts it in its gateway.
"""

from __future__ import annotations

import collections
import math
import time


class Nopeusrajoitus:
    def __init__(self, minuutissa: int, ikkuna_s: float = 60.0) -> None:
        self.minuutissa, self.ikkuna_s = minuutissa, ikkuna_s
        self._ajat: dict[str, collections.deque] = collections.defaultdict(collections.deque)

    def odota(self, kutsuja: str, nyt: float | None = None) -> int:
        """0 if the request may go on, else the seconds to wait (Retry-After)."""
        if self.minuutissa <= 0:
            return 0
        nyt = time.monotonic() if nyt is None else nyt
        ajat = self._ajat[kutsuja]
        while ajat and nyt - ajat[0] >= self.ikkuna_s:
            ajat.popleft()
        if len(ajat) >= self.minuutissa:
            return max(1, math.ceil(self.ikkuna_s - (nyt - ajat[0])))
        ajat.append(nyt)
        return 0
