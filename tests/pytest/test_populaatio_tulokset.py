"""Issue 12 findings: winners on a net-only reform, persons vs person-months, result folders, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from openfisca_tartunta.cli import main
from openfisca_tartunta.populaatio import generointi, simulointi

KUUKAUDET = ["2024-03", "2024-04"]


@pytest.fixture(scope="module")
def kansio(tmp_path_factory):
    kansio = tmp_path_factory.mktemp("tulokset")
    vak, tyo = generointi.generoi(1500, siemen=12, kuukausi=KUUKAUDET[0], kuukausia=2)
    vak.to_parquet(kansio / "vakuutetut.parquet")
    tyo.to_parquet(kansio / "ansiotyot.parquet")
    (kansio / "suojaosuus.yaml").write_text("ulosotto.suojaosuus.velallinen:\n  2024-01-01: 36.00\n", encoding="utf-8")
    return kansio


def _aja(kansio, kohde, *lisat, vak=None, kuukaudet=KUUKAUDET):
    argumentit = ["simuloi", "--vakuutetut", str(vak or kansio / "vakuutetut.parquet"),
                  "--ansiotyot", str(kansio / "ansiotyot.parquet"), "--tulokset", str(kohde), "--hiljaa", *lisat]
    for kk in kuukaudet:
        argumentit += ["--kuukausi", kk]
    return main(argumentit)


@pytest.fixture(scope="module")
def suojaosuus(kansio):
    vak = pd.read_parquet(kansio / "vakuutetut.parquet")
    tyo = pd.read_parquet(kansio / "ansiotyot.parquet")
    return simulointi.simuloi(vak, tyo, KUUKAUDET, [str(kansio / "suojaosuus.yaml")])


def test_nettoa_muuttava_reformi_tuottaa_voittajia(suojaosuus):
    """A higher protected amount (UK 4:48) moves money from distraint to the net payment only."""
    y, df = suojaosuus.yhteenveto, suojaosuus.vakuutetut
    assert y["mittarit"]["kustannus"]["muutos"] == 0
    assert y["muutokset"]["kustannus"]["kasvaa"] == 0 and y["muutokset"]["kustannus"]["pienenee"] == 0
    siirto = y["mittarit"]["netto"]["muutos"]
    assert siirto > 0 and y["mittarit"]["ulosottopidatys"]["muutos"] == pytest.approx(-siirto, abs=0.02)
    # winners on the net payment, per person over both months, recomputed with pandas
    henkilo = df.groupby("vakuutettu").agg(
        paino=("paino", "first"),
        ero=("tartuntatautipaivaraha_netto_reformi", "sum"),
        perus=("tartuntatautipaivaraha_netto_perus", "sum"),
    )
    ero = henkilo["ero"] - henkilo["perus"]
    assert y["voittajat"] > 0
    assert y["voittajat"] == pytest.approx(henkilo["paino"][ero > 0.005].sum(), abs=0.01)
    assert y["voittajat_otoksessa"] == int((ero > 0.005).sum())
    assert y["haviajat"] == 0
    assert sum(d["voittajat"] for d in y["desiilit"]) == pytest.approx(y["voittajat"], abs=0.05)
    assert y["muutokset"]["ulosottopidatys"]["pienenee_otoksessa"] == y["voittajat_otoksessa"]


def test_henkilot_ja_henkilokuukaudet(suojaosuus):
    y, df = suojaosuus.yhteenveto, suojaosuus.vakuutetut
    w = df["paino"].to_numpy()[:1500]
    assert y["vakuutettuja_otoksessa"] == 1500 and y["henkilokuukausia"] == 3000
    assert y["vakuutettuja"] == pytest.approx(w.sum(), abs=0.01)
    # deciles of persons: their weights add up to the persons, not the person-months
    assert sum(d["vakuutettuja"] for d in y["desiilit"]) == pytest.approx(w.sum(), abs=0.1)
    assert y["voittajat"] <= y["vakuutettuja"]
    # recipients are persons (either month), recipient-months are rows
    saa = df["tartuntatautipaivaraha_perus"].to_numpy() > 0
    henkilo_saa = saa[:1500] | saa[1500:]
    assert y["mittarit"]["saajat"]["perus"] == pytest.approx(w[henkilo_saa].sum(), abs=0.01)
    assert y["mittarit"]["saajakuukaudet"]["perus"] == pytest.approx(df["paino"].to_numpy()[saa].sum(), abs=0.01)
    # means per person over the period and per month
    netto = y["muutokset"]["netto"]
    kaikki = (df["paino"] * (df["tartuntatautipaivaraha_netto_reformi"] - df["tartuntatautipaivaraha_netto_perus"])).sum()
    assert netto["henkiloa_kohden"]["muutos"] == pytest.approx(kaikki / w.sum(), abs=0.01)
    assert netto["henkiloa_kohden_kuukaudessa"]["muutos"] == pytest.approx(kaikki / w.sum() / 2, abs=0.01)
    # each month on its own adds up to the period
    for mittari in ("kustannus", "netto"):
        kk = sum(y["kuukausittain"][k][mittari]["reformi"] for k in KUUKAUDET)
        assert kk == pytest.approx(y["mittarit"][mittari]["reformi"], abs=0.02)


def test_uusi_ajo_korvaa_koko_kansion(kansio):
    kohde = kansio / "vaihto"
    assert _aja(kansio, kohde, "--reformi", "odotusaika") == 0
    assert (kohde / "kuvat" / "muutos_desiileittain.png").is_file()
    assert _aja(kansio, kohde, "--ei-kuvaajia") == 0  # the previous reform's plots go with it
    assert sorted(p.name for p in kohde.iterdir()) == [
        "ansiotyot_tulokset.parquet", "desiilit.csv", "vakuutetut_tulokset.parquet", "yhteenveto.csv", "yhteenveto.json"
    ]
    assert json.loads((kohde / "yhteenveto.json").read_text(encoding="utf-8"))["reformi"] is None
    assert not [p for p in kansio.iterdir() if p.name.startswith(".tartunta")]


def test_tapetun_ajon_jaanteet_siivotaan(kansio):
    kuollut = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(kuollut.stdout)  # a process that has ended
    jaanne = kansio / f".tartunta-simuloi-{pid}-abc"
    jaanne.mkdir()
    (jaanne / "vakuutetut_tulokset.parquet").write_bytes(b"partial")
    elava = kansio / f".tartunta-simuloi-{os.getppid()}-def"  # a live process's folder stays
    elava.mkdir()
    assert _aja(kansio, kansio / "siivous", "--ei-kuvaajia") == 0
    assert not jaanne.exists() and elava.is_dir()
    elava.rmdir()
    jaanne = kansio / f".tartunta-populaatio-{pid}-x"
    jaanne.mkdir()
    generointi.kirjoita(20, 1, "2024-03", kansio / "pieni")
    assert not jaanne.exists()


@pytest.mark.parametrize(
    "muutos, viesti",
    [
        (lambda v: v.assign(paino=np.where(np.arange(len(v)) == 3, 1e308, 1.0)), "too large to compute with"),
        (lambda v: v.assign(paino=0.0), "every weight is 0"),
    ],
)
def test_painot_jotka_eivat_kelpaa(kansio, capsys, muutos, viesti):
    polku = kansio / "painot.parquet"
    muutos(pd.read_parquet(kansio / "vakuutetut.parquet")).to_parquet(polku)
    kohde = kansio / "painovirhe"
    assert _aja(kansio, kohde, vak=polku) == 2
    assert viesti in capsys.readouterr().err
    assert not kohde.exists()


def test_tulokset_tiedostoon_tai_vieraaseen_kansioon(kansio, capsys):
    tiedosto = kansio / "tiedosto.txt"
    tiedosto.write_text("x", encoding="utf-8")
    assert _aja(kansio, tiedosto) == 2
    assert "--tulokset" in capsys.readouterr().err and tiedosto.read_text(encoding="utf-8") == "x"
    vieras = kansio / "omat"
    vieras.mkdir()
    (vieras / "muistiinpanot.txt").write_text("tärkeä", encoding="utf-8")
    assert _aja(kansio, vieras) == 2
    assert "muistiinpanot.txt" in capsys.readouterr().err
    assert (vieras / "muistiinpanot.txt").read_text(encoding="utf-8") == "tärkeä"
    assert main(["populaatio", "--koko", "10", "--kuukausi", "2024-03", "--kohde", str(tiedosto), "--hiljaa"]) == 2


@pytest.mark.parametrize(
    "sisalto, viesti",
    [
        ("paivaraha.yrittajan_jakaja:\n  2024-01-01: -5\n", "value -5 must be positive"),
        ("ulosotto.suojaosuus.velallinen:\n  2024-01-01: -1\n", "value -1 must be positive (unit currency-EUR"),
        ("maksaminen.maksukausi:\n  2024-01-01: 12.5\n", "must be a whole number of days"),
    ],
)
def test_reformin_arvot_tarkistetaan(kansio, tmp_path, capsys, sisalto, viesti):
    reformi = tmp_path / "reformi.yaml"
    reformi.write_text(sisalto, encoding="utf-8")
    assert _aja(kansio, tmp_path / "t", "--reformi", str(reformi)) == 2
    assert viesti in capsys.readouterr().err


@pytest.mark.slow
def test_dask_ilman_tyoprosesseja_pysahtyy(kansio, capsys):
    """An external scheduler whose workers are all gone: a clear error after the timeout, not a hang."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as klusteri:
        kohde = kansio / "ei_tyoprosesseja"
        koodi = _aja(kansio, kohde, "--dask", "--scheduler", klusteri.scheduler_address,
                     "--tyoprosessien-aikaraja", "1.5", "--ei-kuvaajia")
    assert koodi == 2
    assert "no worker connected for 1.5 s" in capsys.readouterr().err
    assert not kohde.exists()
