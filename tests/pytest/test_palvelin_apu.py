"""Shared by the web-service tests: the real server (`tartunta serve`, gunicorn) on a free
loopback port, started once per test session and stopped at its end.

Not a test module of its own (it has no tests); `test_palvelin_*.py` import it.
"""

from __future__ import annotations

import atexit
import copy
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import requests

JUURI = Path(__file__).resolve().parents[2]
#: Limits of the test server: small enough to test, large enough for the 10 000-case batch.
RAJAT = {
    "--max-body-bytes": "4000000",
    "--max-entities": "60",
    "--max-batch-rows": "30000",
    "--max-months": "24",
}


@dataclass
class Palvelin:
    url: str
    prosessi: subprocess.Popen
    loki: Path

    def post(self, polku: str, json_data=None, **kw) -> requests.Response:
        return requests.post(self.url + polku, json=json_data, timeout=60, **kw)

    def get(self, polku: str, **kw) -> requests.Response:
        return requests.get(self.url + polku, timeout=60, **kw)

    def lokiteksti(self) -> str:
        return self.loki.read_text(encoding="utf-8", errors="replace")

    def pysayta(self) -> None:
        if self.prosessi.poll() is None:
            self.prosessi.terminate()
            try:
                self.prosessi.wait(15)
            except subprocess.TimeoutExpired:
                self.prosessi.kill()


def vapaa_portti() -> int:
    """A free loopback port: bind port 0 and let the OS choose."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _komento() -> list[str]:
    tartunta = JUURI / ".venv" / "bin" / "tartunta"
    if tartunta.exists():
        return [str(tartunta), "serve"]
    return [sys.executable, "-m", "openfisca_tartunta.cli", "serve"]


def kaynnista(*lisaliput: str, tyoprosessit: int = 2, ymparisto_lisat: dict | None = None) -> Palvelin:
    portti = vapaa_portti()
    loki = Path(tempfile.mkstemp(prefix="tartunta-serve-", suffix=".log")[1])
    ymparisto = {k: v for k, v in os.environ.items() if not k.startswith("TARTUNTA_")}
    ymparisto.update(ymparisto_lisat or {})
    prosessi = subprocess.Popen(
        [*_komento(), "--port", str(portti), "--workers", str(tyoprosessit), *lisaliput],
        cwd=JUURI,
        env=ymparisto,
        stdout=loki.open("w"),
        stderr=subprocess.STDOUT,
    )
    palvelin = Palvelin(f"http://127.0.0.1:{portti}", prosessi, loki)
    atexit.register(palvelin.pysayta)
    raja = time.time() + 90
    while time.time() < raja:
        if prosessi.poll() is not None:
            raise RuntimeError(f"tartunta serve exited with {prosessi.returncode}:\n{palvelin.lokiteksti()}")
        try:
            if requests.get(palvelin.url + "/health", timeout=2).status_code == 200:
                return palvelin
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    palvelin.pysayta()
    raise RuntimeError(f"tartunta serve did not answer /health in 90 s:\n{palvelin.lokiteksti()}")


_PALVELIN: Palvelin | None = None


def palvelin() -> Palvelin:
    """The session's server with the test limits (started on first use)."""
    global _PALVELIN
    if _PALVELIN is None or _PALVELIN.prosessi.poll() is not None:
        liput = [x for pari in RAJAT.items() for x in pari]
        _PALVELIN = kaynnista(*liput)
    return _PALVELIN


# --- cases worked by hand from the guideline --------------------------------------

#: 1.6: 3 000 €/month lost pay → 3 000 / 25 = 120.00 €/day.  Quarantine Mon 4.3.–Fri
#: 15.3.2024: arkipäivät Mon–Sat, no holidays → 4.–9.3. (6) + 11.–15.3. (5) = 11 days,
#: 11 × 120 = 1 320.00 € gross.
KARANTEENI = {
    "ansiotyot": {
        "tyo_1": {
            "ansionmenetys": {"2024-03": 3000},
            "tyonantajan_tunnus": {"ETERNITY": "0737546-2"},
        },
    },
    "vakuutetut": {
        "vakuutettu_1": {
            "palkkatyot": ["tyo_1"],
            "poissaolon_peruste": {"ETERNITY": "karanteeni"},
            "poissaolo_alkaa": {"ETERNITY": "2024-03-04"},
            "poissaolo_paattyy": {"ETERNITY": "2024-03-15"},
        },
    },
}


def tapaus(**vakuutettu) -> dict:
    """KARANTEENI with extra inputs on the insured person."""
    t = copy.deepcopy(KARANTEENI)
    t["vakuutetut"]["vakuutettu_1"].update(vakuutettu)
    return t
