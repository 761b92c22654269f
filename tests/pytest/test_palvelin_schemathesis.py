"""Fuzzing the real server from its own `/spec` with schemathesis: no 5xx, ever.

Bounded: `--max-examples` per operation and a subprocess time limit; the run
must make at least 1 000 requests (counted from the server's log lines).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import test_palvelin_apu as apu

pytestmark = pytest.mark.slow

ST = Path(sys.executable).with_name("st")


@pytest.fixture(scope="session")
def palvelin():
    palvelin = apu.palvelin()
    yield palvelin
    palvelin.pysayta()


def _pyyntorivit(loki: str) -> list[str]:
    return [r for r in loki.splitlines() if " request_id=" in r and " status=" in r]


@pytest.mark.skipif(not ST.exists(), reason="schemathesis CLI (st) is not installed in this environment")
def test_schemathesis_ei_5xx(palvelin, tmp_path):
    ennen = len(_pyyntorivit(palvelin.lokiteksti()))
    raportti = tmp_path / "st.json"
    komento = [
        str(ST), "run", f"{palvelin.url}/spec",
        "--checks", "not_a_server_error",
        "--max-examples", os.environ.get("TARTUNTA_ST_MAX_EXAMPLES", "100"),
        "--seed", os.environ.get("TARTUNTA_ST_SEED", "20241"),
        "--workers", "2",
        "--request-timeout", "30",
        "--generation-database", "none",
        "--no-color",
        "--report", "json", "--report-json-path", str(raportti),
    ]
    tulos = subprocess.run(komento, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    yhteenveto = tulos.stdout[-4000:]
    rivit = _pyyntorivit(palvelin.lokiteksti())[ennen:]
    palvelinvirheet = [r for r in rivit if " status=5" in r]
    assert not palvelinvirheet, "\n".join(palvelinvirheet[:10])
    data = json.loads(raportti.read_text())
    assert data["failures"] == [] and data["errors"] == [], yhteenveto
    assert tulos.returncode == 0, yhteenveto
    assert len(rivit) >= 1000, f"only {len(rivit)} requests\n{yhteenveto}"
