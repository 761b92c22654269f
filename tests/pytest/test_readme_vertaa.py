"""The README's drafter section: its example command runs as written and gives the excerpt shown."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs `tartunta vertaa` over the whole YAML suite in subprocesses

JUURI = Path(__file__).resolve().parents[2]


def _osio() -> str:
    teksti = (JUURI / "README.md").read_text(encoding="utf-8")
    return teksti.split("## Drafters: what does a rule change move?", 1)[1].split("\n## ", 1)[0]


def test_readmen_vertaa_esimerkki(tmp_path):
    osio = _osio()
    esimerkki = osio.split("Example:", 1)[1]
    komento = esimerkki.split("```sh", 1)[1].split("```", 1)[0].strip()
    ote = esimerkki.split("An excerpt of `vertailu/vertailu.md`:", 1)[1].split("```", 2)[1]
    osat = shlex.split(komento)
    assert osat[0] == ".venv/bin/tartunta" and osat[-2:] == ["--raportti", "vertailu"]
    osat = [str(Path(sys.executable).parent / "tartunta"), *osat[1:-1], str(tmp_path / "vertailu")]
    tulos = subprocess.run(osat, cwd=JUURI, capture_output=True, text=True, timeout=300)
    assert tulos.returncode == 0, tulos.stderr
    raportti = (tmp_path / "vertailu" / "vertailu.md").read_text(encoding="utf-8").splitlines()
    for rivi in ote.strip().splitlines():
        if rivi.startswith("| "):
            assert rivi in raportti, rivi


def test_readmen_vertaa_komennot_toimivat(tmp_path):
    """The three comparisons listed first in the section run (without the cases, to stay quick)."""
    lohko = _osio().split("```sh", 1)[1].split("```", 1)[0]
    komennot = [rivi.split("#", 1)[0].strip() for rivi in lohko.strip().splitlines()]
    assert len(komennot) == 3
    for i, komento in enumerate(komennot):
        osat = shlex.split(komento)
        osat = [str(Path(sys.executable).parent / "tartunta"), *osat[1:], "--ei-tapauksia", "--raportti", str(tmp_path / str(i))]
        tulos = subprocess.run(osat, cwd=JUURI, capture_output=True, text=True, timeout=300)
        assert tulos.returncode == 0, komento + "\n" + tulos.stderr
        assert (tmp_path / str(i) / "vertailu.html").is_file()


def test_readmen_vertaa_kahden_paivan_valilla(tmp_path):
    """The drafter's example over time (the covid-19 rules of 2022): `--paivat` runs as written and
    its report has every row of the README's excerpt."""
    esimerkki = (JUURI / "README.md").read_text(encoding="utf-8").split("Example over time:", 1)[1]
    komento = esimerkki.split("```sh", 1)[1].split("```", 1)[0].strip()
    ote = esimerkki.split("An excerpt of `vertailu/vertailu.md` over time:", 1)[1].split("```", 2)[1]
    osat = shlex.split(komento)
    assert osat[:3] == [".venv/bin/tartunta", "vertaa", "--paivat"] and osat[-2:] == ["--raportti", "vertailu"]
    osat = [str(Path(sys.executable).parent / "tartunta"), *osat[1:-1], str(tmp_path / "vertailu")]
    tulos = subprocess.run(osat, cwd=JUURI, capture_output=True, text=True, timeout=300)
    assert tulos.returncode == 0, tulos.stderr
    raportti = (tmp_path / "vertailu" / "vertailu.md").read_text(encoding="utf-8").splitlines()
    rivit = [r for r in ote.strip().splitlines() if r.startswith("| ") and not r.startswith("| parameter") and not r.startswith("| case")]
    assert len(rivit) >= 5
    for rivi in rivit:
        assert rivi in raportti, rivi
