"""The Dask run (a LocalCluster of 2 worker processes) gives the in-process results exactly."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from openfisca_tartunta.cli import main
from openfisca_tartunta.populaatio import generointi

pytestmark = pytest.mark.slow

KUUKAUSI = "2024-03"


@pytest.fixture(scope="module")
def tiedostot(tmp_path_factory):
    kansio = tmp_path_factory.mktemp("dask")
    generointi.kirjoita(2000, 31, KUUKAUSI, kansio)
    return kansio


def _aja(kansio, kohde, *lisat):
    return main([
        "simuloi",
        "--vakuutetut", str(kansio / "vakuutetut.parquet"),
        "--ansiotyot", str(kansio / "ansiotyot.parquet"),
        "--kuukausi", KUUKAUSI, "--reformi", "enimmaismaara",
        "--tulokset", str(kohde), "--hiljaa", "--ei-kuvaajia", *lisat,
    ])


def test_dask_antaa_samat_tulokset(tiedostot, tmp_path):
    assert _aja(tiedostot, tmp_path / "prosessissa") == 0
    # 2 worker processes, 7 partitions of at most 300 insured (not aligned with anything)
    assert _aja(tiedostot, tmp_path / "dask", "--dask", "--tyoprosessit", "2", "--osan-koko", "300") == 0
    a = json.loads((tmp_path / "prosessissa" / "yhteenveto.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "dask" / "yhteenveto.json").read_text(encoding="utf-8"))
    assert a == b
    assert a["mittarit"]["kustannus"]["muutos"] < 0
    for nimi in ("vakuutetut_tulokset.parquet", "ansiotyot_tulokset.parquet"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "prosessissa" / nimi), pd.read_parquet(tmp_path / "dask" / nimi)
        )


def test_dask_virhe_tyoprosessissa(tiedostot, tmp_path, capsys):
    """A value error found on a worker comes back as a clear message and exit status 2."""
    vak = pd.read_parquet(tiedostot / "vakuutetut.parquet")
    vak.loc[1500, "ulosotto_huollettavat"] = -9
    huono = tmp_path / "huono.parquet"
    vak.to_parquet(huono)
    kohde = tmp_path / "tulokset"
    koodi = main([
        "simuloi", "--vakuutetut", str(huono), "--ansiotyot", str(tiedostot / "ansiotyot.parquet"),
        "--kuukausi", KUUKAUSI, "--tulokset", str(kohde), "--hiljaa", "--dask", "--osan-koko", "1000",
    ])
    assert koodi == 2
    virhe = capsys.readouterr().err
    assert "input error in rows 1000…1999" in virhe and "ulosotto_huollettavat (value -9)" in virhe
    assert not kohde.exists()
