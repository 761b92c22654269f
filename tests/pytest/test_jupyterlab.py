"""`make lab`: JupyterLab (the dev extra) starts on the notebooks and serves them to a browser."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
MUISTIOT = Path(__file__).resolve().parents[2] / "notebooks"


def _vapaa_portti() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_jupyterlab_avaa_muistion(tmp_path):
    jupyter = Path(sys.executable).parent / "jupyter"
    assert jupyter.is_file(), "JupyterLab is not installed by the dev extra"
    portti, avain = _vapaa_portti(), "tartunta-testi"
    ymparisto = {"JUPYTER_CONFIG_DIR": str(tmp_path / "c"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "r"),
                 "JUPYTER_DATA_DIR": str(tmp_path / "d"), "PATH": str(jupyter.parent), "HOME": str(tmp_path)}
    prosessi = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", "--allow-root", f"--port={portti}", "--ip=127.0.0.1", f"--IdentityProvider.token={avain}",
         f"--notebook-dir={MUISTIOT}"],
        env=ymparisto, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        osoite = f"http://127.0.0.1:{portti}"
        loppu = time.monotonic() + 60
        while True:
            try:
                pyynto = urllib.request.Request(f"{osoite}/api/contents/saantomuutos_vertaa.ipynb",
                                                headers={"Authorization": f"token {avain}"})
                with urllib.request.urlopen(pyynto, timeout=5) as vastaus:
                    muistio = json.load(vastaus)
                break
            except OSError:
                if time.monotonic() > loppu or prosessi.poll() is not None:
                    raise
                time.sleep(0.5)
        assert muistio["type"] == "notebook"
        assert any("vertaa(" in "".join(solu["source"]) for solu in muistio["content"]["cells"])
        with urllib.request.urlopen(f"{osoite}/lab?token={avain}", timeout=10) as vastaus:
            assert vastaus.status == 200 and b"JupyterLab" in vastaus.read()
    finally:
        prosessi.terminate()
        prosessi.wait(timeout=20)
