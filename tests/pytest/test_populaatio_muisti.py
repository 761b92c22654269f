"""`tartunta simuloi` run as a command restarts once with glibc's allocator thresholds (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from openfisca_tartunta.populaatio import muisti

SKRIPTI = (
    "import os, sys; print('kynnys', os.environ.get('MALLOC_MMAP_THRESHOLD_'), os.environ.get('MALLOC_TRIM_THRESHOLD_'));"
    "sys.argv = ['tartunta', '{komento}', '--help']; from openfisca_tartunta.cli import main; main()"
)

glibc = pytest.mark.skipif(not muisti.tarvitaan({}), reason="glibc Linux only")


def _aja(komento: str, **ymparisto) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in (*muisti.KYNNYKSET, muisti.POIS)}
    tulos = subprocess.run([sys.executable, "-c", SKRIPTI.format(komento=komento)], capture_output=True, text=True,
                           env={**env, **ymparisto}, timeout=120, check=True)
    return [r for r in tulos.stdout.splitlines() if r.startswith("kynnys")]


@glibc
def test_simuloi_kaynnistyy_uudelleen_kynnysten_kanssa():
    # the first start has neither variable and re-executes itself; the second has both
    assert _aja("simuloi") == ["kynnys None None", "kynnys 1073741824 4294967296"]


@glibc
def test_ei_uudelleenkaynnistysta():
    assert _aja("simuloi", TARTUNTA_MALLOC="0") == ["kynnys None None"]  # switched off
    assert _aja("simuloi", MALLOC_MMAP_THRESHOLD_="65536") == ["kynnys 65536 None"]  # the user's own value wins
    assert _aja("populaatio") == ["kynnys None None"]  # only the simulation


def test_tarvitaan():
    assert not muisti.tarvitaan({"TARTUNTA_MALLOC": "0"})
    assert not muisti.tarvitaan({"MALLOC_TRIM_THRESHOLD_": "1"})
