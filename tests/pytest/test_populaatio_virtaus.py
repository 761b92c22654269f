"""The streamed in-process run (issue 12): several partitions give the one-partition run's files exactly."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from openfisca_tartunta.cli import main
from openfisca_tartunta.populaatio import generointi, simulointi
from openfisca_tartunta.populaatio.osien_luku import osiot_tiedostosta

KUUKAUDET = ["2024-03", "2024-04"]


@pytest.fixture(scope="module")
def kansio(tmp_path_factory):
    """1 200 insured over two months, the insured in row groups of 100; the activities once in
    table order (grouped by insured) and once shuffled (not grouped)."""
    kansio = tmp_path_factory.mktemp("virtaus")
    vak, tyo = generointi.generoi(1200, siemen=5, kuukausi=KUUKAUDET[0], kuukausia=2)
    pq.write_table(pa.Table.from_pandas(vak, preserve_index=False), kansio / "vakuutetut.parquet", row_group_size=100)
    pq.write_table(pa.Table.from_pandas(tyo, preserve_index=False), kansio / "ansiotyot.parquet", row_group_size=300)
    sekoitettu = tyo.sample(frac=1.0, random_state=3).reset_index(drop=True)
    pq.write_table(pa.Table.from_pandas(sekoitettu, preserve_index=False), kansio / "sekoitettu.parquet", row_group_size=300)
    return kansio


def _aja(kansio, kohde, osan_koko: int, ansiotyot: str = "ansiotyot.parquet") -> int:
    argumentit = ["simuloi", "--vakuutetut", str(kansio / "vakuutetut.parquet"), "--ansiotyot", str(kansio / ansiotyot),
                  "--reformi", "korvausaste", "--tulokset", str(kohde), "--osan-koko", str(osan_koko), "--hiljaa",
                  "--ei-kuvaajia"]
    for kk in KUUKAUDET:
        argumentit += ["--kuukausi", kk]
    return main(argumentit)


def _samat(a, b) -> None:
    """Both result folders hold the same files, the summary equal to the last digit."""
    ya = json.loads((a / "yhteenveto.json").read_text(encoding="utf-8"))
    yb = json.loads((b / "yhteenveto.json").read_text(encoding="utf-8"))
    ya["lahtotiedot"].pop("tiedostot"), yb["lahtotiedot"].pop("tiedostot")
    assert ya == yb
    assert (a / "desiilit.csv").read_text() == (b / "desiilit.csv").read_text()
    for nimi in ("vakuutetut_tulokset.parquet", "ansiotyot_tulokset.parquet"):
        pd.testing.assert_frame_equal(pd.read_parquet(a / nimi), pd.read_parquet(b / nimi))


@pytest.mark.parametrize("ansiotyot", ["ansiotyot.parquet", "sekoitettu.parquet"])
def test_osittain_sama_kuin_yhtena(kansio, tmp_path, ansiotyot):
    assert _aja(kansio, tmp_path / "yksi", 1_000_000, ansiotyot) == 0
    assert _aja(kansio, tmp_path / "monta", 250, ansiotyot) == 0
    _samat(tmp_path / "yksi", tmp_path / "monta")
    osiot = osiot_tiedostosta(kansio / "vakuutetut.parquet", 250)
    assert osiot[:3] == [(0, 250), (250, 300), (300, 550)]  # whole row groups of 100, then cut at 250
    tiedosto = pq.ParquetFile(tmp_path / "monta" / "vakuutetut_tulokset.parquet")
    assert tiedosto.metadata.num_rows == 2400 and tiedosto.metadata.num_row_groups == 2 * len(osiot)  # one per partition and month
    assert not [p.name for p in (tmp_path / "monta").iterdir() if p.name.startswith(".")]  # no part files left


def test_osittain_sama_kuin_muistissa(kansio, tmp_path):
    """The streamed files hold what the in-memory Python API computes, row for row, to the cent."""
    assert _aja(kansio, tmp_path / "monta", 250, "sekoitettu.parquet") == 0
    muistissa = simulointi.simuloi(
        pd.read_parquet(kansio / "vakuutetut.parquet"), pd.read_parquet(kansio / "sekoitettu.parquet"), KUUKAUDET,
        ["korvausaste"],
    )
    for df, nimi in ((muistissa.vakuutetut, "vakuutetut_tulokset.parquet"), (muistissa.ansiotyot, "ansiotyot_tulokset.parquet")):
        luettu = pd.read_parquet(tmp_path / "monta" / nimi)
        assert list(luettu.columns) == list(df.columns) and len(luettu) == len(df)
        for sarake in df.columns:
            assert np.array_equal(luettu[sarake].astype(str).to_numpy(), df[sarake].astype(str).to_numpy()), sarake
    y = json.loads((tmp_path / "monta" / "yhteenveto.json").read_text(encoding="utf-8"))
    assert y["mittarit"] == muistissa.yhteenveto["mittarit"] and y["muutokset"] == muistissa.yhteenveto["muutokset"]
    assert y["desiilit"] == json.loads(json.dumps(muistissa.yhteenveto["desiilit"]))
    assert y["kuukausittain"] == muistissa.yhteenveto["kuukausittain"]
    # the shuffled activities come back in the table's own row order
    tyot = pd.read_parquet(tmp_path / "monta" / "ansiotyot_tulokset.parquet")
    assert (tyot.groupby("kuukausi", observed=True)["ansiotyo"].apply(lambda s: s.is_monotonic_increasing)).all()


def test_virhe_myohemmassa_osassa_ei_jata_mitaan(kansio, tmp_path, capsys):
    """A bad value in the last partition: exit 2 naming it, and no result folder (nothing half-written)."""
    vak = pd.read_parquet(kansio / "vakuutetut.parquet")
    vak.loc[1150, "ulosotto_huollettavat"] = -9
    vak.to_parquet(tmp_path / "huono.parquet")
    kohde = tmp_path / "tulokset"
    koodi = main(["simuloi", "--vakuutetut", str(tmp_path / "huono.parquet"), "--ansiotyot", str(kansio / "ansiotyot.parquet"),
                  "--kuukausi", KUUKAUDET[0], "--tulokset", str(kohde), "--osan-koko", "400", "--hiljaa"])
    assert koodi == 2
    assert "ulosotto_huollettavat" in capsys.readouterr().err
    assert not kohde.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".tartunta-")]


def test_tulojarjestys_on_vakaa_lajittelu():
    """The integer-key sort of incomes gives the stable sort's order (ties in row order), and the
    fallback takes over for values that are not whole cents."""
    from openfisca_tartunta.populaatio.yhteenveto import _jarjestys

    rng = np.random.default_rng(7)
    sentit = np.round(rng.choice([0.0, 1234.5, 99.99, 3300.0], 5000) + rng.integers(0, 3, 5000) * 0.01, 2)
    assert np.array_equal(_jarjestys(sentit), np.argsort(sentit, kind="stable"))
    kolmasosat = sentit / 3  # not whole cents: the stable sort itself
    assert np.array_equal(_jarjestys(kolmasosat), np.argsort(kolmasosat, kind="stable"))


def test_komento_tuo_vain_oman_moduulinsa():
    """`tartunta simuloi` does not import the web service's modules (a second of start-up)."""
    import subprocess
    import sys

    skripti = ("import sys; from openfisca_tartunta.cli import main\n"
               "try:\n    main(['simuloi', '--help'])\nexcept SystemExit:\n    pass\n"
               "print('palvelin' in ' '.join(sys.modules))")
    tulos = subprocess.run([sys.executable, "-c", skripti], capture_output=True, text=True, timeout=120, check=True)
    assert "--vakuutetut" in tulos.stdout and tulos.stdout.strip().endswith("False")
