"""The wheel: built from the repository, installed in a clean virtual environment
outside the checkout, and used from there (ARCHITECTURE.md, Repository layout)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

JUURI = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

TAPAUS = textwrap.dedent(
    """
    import json, openfisca_tartunta
    from openfisca_core.simulation_builder import SimulationBuilder
    tbs = openfisca_tartunta.CountryTaxBenefitSystem()
    tilanne = {
        "ansiotyot": {"t": {"ansionmenetys": {"2024-03": 2500}}},
        "vakuutetut": {"v": {
            "palkkatyot": ["t"],
            "poissaolon_peruste": {"ETERNITY": "eristaminen"},
            "poissaolo_alkaa": {"ETERNITY": "2024-03-25"},
            "poissaolo_paattyy": {"ETERNITY": "2024-04-05"},
        }},
    }
    sim = SimulationBuilder().build_from_entities(tbs, tilanne)
    print(json.dumps({
        "tiedosto": openfisca_tartunta.__file__,
        "paivalta": float(sim.calculate("tartuntatautipaivaraha_paivalta", "2024-03")[0]),
        "paivat": int(sim.calculate("tartuntatautipaivarahan_maksupaivat", "2024-03")[0]),
    }))
    """
)


def _aja(komento, **kw):
    tulos = subprocess.run(komento, capture_output=True, text=True, **kw)
    assert tulos.returncode == 0, f"{komento} failed:\n{tulos.stdout[-3000:]}\n{tulos.stderr[-3000:]}"
    return tulos


def test_wheel_asentuu_puhtaaseen_ymparistoon_ja_laskee(tmp_path):
    dist = tmp_path / "dist"
    _aja([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(JUURI)])
    wheel = next(dist.glob("openfisca_tartunta-*.whl"))
    import zipfile

    nimet = set(zipfile.ZipFile(wheel).namelist())
    for kieli in ("fi", "sv", "en"):  # the decision documents' catalogs, template and citations
        assert f"openfisca_tartunta/asiakirjat/locale/{kieli}/LC_MESSAGES/asiakirjat.po" in nimet
    assert {"openfisca_tartunta/asiakirjat/templates/asiakirja.html", "openfisca_tartunta/asiakirjat/saadokset.yaml"} <= nimet

    venv = tmp_path / "venv"
    _aja([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    _aja([str(python), "-m", "pip", "install", "--quiet", str(wheel)])

    muualla = tmp_path / "muualla"
    muualla.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    tulos = json.loads(_aja([str(python), "-c", TAPAUS], cwd=muualla, env=env).stdout)

    # 1.6: 2 500 / 25 = 100 €/day. 1.9: arkipäivät 25.–30.3.2024 are Mon 25, Tue 26, Wed 27,
    # Thu 28, Sat 30 — Good Friday 29.3. is a church holiday — so 5 days in March.
    assert tulos["paivalta"] == pytest.approx(100.0)
    assert tulos["paivat"] == 5
    assert str(venv) in tulos["tiedosto"], "the package must come from the wheel, not the checkout"

    # The wheel carries parameters, variables and reforms, and OpenFisca's own runner finds them.
    paketti = Path(tulos["tiedosto"]).parent
    for kansio in ("parameters", "variables", "reforms"):
        assert (paketti / kansio).is_dir(), kansio
    kaannos = [str(python), "-c", "from openfisca_tartunta.asiakirjat.kieli import Kieli; print(Kieli('sv').paivia(3))"]
    assert _aja(kaannos, cwd=muualla, env=env).stdout.strip() == "3 vardagar"
    yaml = muualla / "savutesti.yaml"
    shutil.copy(JUURI / "tests" / "yaml" / "savutesti.yaml", yaml)
    _aja([str(venv / "bin" / "openfisca"), "test", str(yaml), "-c", "openfisca_tartunta"], cwd=muualla, env=env)
