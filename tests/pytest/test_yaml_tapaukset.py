"""YAML cases as instruments: pytest ids are the case names, a failure lists every mismatched
output, `openfisca test` still runs the files, and the README's commands work as written."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

JUURI = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

MUUTETTU_TAPAUS = """
- name: Palkansaaja 2 345,67 €/kk — kaksi väärää odotusta
  description: "1.6 (deliberately wrong expectations: 93,83 and 562,98 are right)"
  period: 2024-04
  absolute_error_margin: 0.001
  input:
    ansiotyot:
      tyo: {ansionmenetys: {2024-04: 2345.67}}
    vakuutetut:
      v:
        palkkatyot: [tyo]
        poissaolon_peruste: {ETERNITY: karanteeni}
        poissaolo_alkaa: {ETERNITY: 2024-04-08}
        poissaolo_paattyy: {ETERNITY: 2024-04-13}
  output:
    tartuntatautipaivaraha_paivalta: 93.84
    tartuntatautipaivarahan_maksupaivat: 6
    tartuntatautipaivaraha: {2024-04: 563.00}
"""


def _pytest(*argumentit, cwd=JUURI) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *argumentit],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.slow  # runs pytest in a subprocess
def test_tunnus_on_tapauksen_nimi():
    tulos = _pytest("tests/yaml", "--collect-only", "-q", "-k", "Pitkäperjantai")
    tunnukset = [r for r in tulos.stdout.splitlines() if "::" in r]
    assert tunnukset, tulos.stdout + tulos.stderr
    assert all("pitkäperjantai" in t.split("::", 1)[1].lower() for t in tunnukset)  # -k ignores case
    kaikki = _pytest("tests/yaml", "--collect-only", "-q").stdout.splitlines()
    assert len(tunnukset) < len([r for r in kaikki if "::" in r])


@pytest.mark.slow  # runs pytest in a subprocess
def test_virhe_nimeaa_tapauksen_ja_kaikki_poikkeamat(tmp_path):
    (tmp_path / "yaml").mkdir()
    (tmp_path / "yaml" / "muutettu.yaml").write_text(MUUTETTU_TAPAUS, encoding="utf-8")
    shutil.copy(JUURI / "tests" / "conftest.py", tmp_path / "conftest.py")
    tulos = _pytest("yaml", "-q", cwd=tmp_path)
    assert tulos.returncode == 1
    assert "Palkansaaja 2 345,67 €/kk — kaksi väärää odotusta" in tulos.stdout
    assert "2 output(s) differ" in tulos.stdout
    assert re.search(r"tartuntatautipaivaraha_paivalta@2024-04: .*93\.8[34]", tulos.stdout)
    assert re.search(r"tartuntatautipaivaraha@2024-04: .*56[23]", tulos.stdout)


def _readmen_yaml_komennot() -> list[str]:
    teksti = (JUURI / "README.md").read_text(encoding="utf-8")
    osio = teksti.split("## Running one YAML test", 1)[1].split("\n## ", 1)[0]
    lohko = osio.split("```sh", 1)[1].split("```", 1)[0]
    return [rivi.split("#", 1)[0].strip() for rivi in lohko.strip().splitlines()]


@pytest.mark.slow
def test_readmen_yaml_esimerkit_sellaisenaan():
    komennot = _readmen_yaml_komennot()
    assert len(komennot) == 3
    for komento in komennot:
        assert komento.startswith(".venv/bin/")
        osat = komento.split()
        ohjelma = BIN / Path(osat[0]).name  # the interpreter running this suite's environment
        valinta = [re.sub(r'^"|"$', "", o) for o in osat[1:]]
        tulos = subprocess.run([str(ohjelma), *valinta, *(["-p", "no:cacheprovider"] if "pytest" in osat else [])],
                               cwd=JUURI, capture_output=True, text=True, timeout=120)
        assert tulos.returncode == 0, komento + "\n" + tulos.stdout[-2000:] + tulos.stderr[-2000:]
        if "-k" in osat:
            assert re.search(r"\b[1-9]\d* passed", tulos.stdout), tulos.stdout
