"""The synthetic population generator: schema, determinism, plausibility, CLI."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from openfisca_core.indexed_enums import Enum
from stdnum.fi import ytunnus

from openfisca_tartunta.cli import main
from openfisca_tartunta.populaatio import generointi, taulut

KUUKAUSI = "2024-03"


@pytest.fixture(scope="module")
def populaatio():
    return generointi.generoi(3000, siemen=11, kuukausi=KUUKAUSI)


def _syotteet(tbs, entiteetti):
    return {n for n, v in tbs.variables.items() if v.entity.key == entiteetti and not v.formulas}


def test_sarakkeet_ovat_sopimuksen_syotteita(tbs, populaatio):
    vak, tyo = populaatio
    assert set(vak.columns) - {"paino", "vakuutettu_id"} <= _syotteet(tbs, "vakuutettu")
    assert set(tyo.columns) - {"ansiotyo_id", "vakuutettu", "rooli"} <= _syotteet(tbs, "ansiotyo")
    # every contract input is generated
    sopimus_vak = {
        "sairausvakuutettu", "poissaolon_peruste", "poissaolo_alkaa", "poissaolo_paattyy", "lapsen_ika",
        "vuosiloma_1_alkaa", "vuosiloma_1_paattyy", "estava_etuus_1", "estava_etuus_1_alkaa",
        "estava_etuus_1_paattyy", "tyoskentelee_elakkeella", "maksueste_1_alkaa", "maksueste_1_paattyy",
        "hakemus_saapunut", "myohastyminen_hyvaksytty", "ennakonpidatysperuste", "ennakonpidatysprosentti",
        "ennakonpidatys_lisaprosentti", "ennakonpidatys_tuloraja", "ennakonpidatys_tulokertyma",
        "ennakonpidatys_oma_prosentti", "kohdistuu_edelliseen_vuoteen", "ulosotto_maksukielto",
        "ulosotto_huollettavat", "ulosotto_muut_nettotulot", "ulosotto_vakiomaara", "ulosotto_vapaakuukausi",
    }
    sopimus_tyo = {
        "ansionmenetys", "ansionmenetys_selvitetty", "edeltava_palkka", "korvaavan_tyon_palkka",
        "tyonantajan_maksama_palkka", "palkallinen_vapaa_alkaa", "palkallinen_vapaa_paattyy",
        "tyonantajan_tunnus", "yrittajavakuutus", "yrittajan_tyotulo", "yrittajan_verotettu_tulo",
        "vakuuttamisen_laiminlyonti",
    }
    assert sopimus_vak <= set(vak.columns)
    assert sopimus_tyo <= set(tyo.columns)


def test_tyypit_kelpaavat_tarkistukselle(tbs, populaatio):
    vak, tyo = populaatio
    taulut.tarkista_dataframe(vak, "vakuutetut", tbs)
    taulut.tarkista_dataframe(tyo, "ansiotyot", tbs)
    for nimi in vak.columns:
        muuttuja = tbs.variables.get(nimi)
        if muuttuja is not None and muuttuja.value_type is Enum:
            assert set(vak[nimi].astype(str)) <= {e.name for e in muuttuja.possible_values}


def test_siemen_maaraa_tuloksen():
    a = generointi.generoi(400, siemen=5, kuukausi=KUUKAUSI)
    b = generointi.generoi(400, siemen=5, kuukausi=KUUKAUSI)
    c = generointi.generoi(400, siemen=6, kuukausi=KUUKAUSI)
    for x, y in zip(a, b):
        pd.testing.assert_frame_equal(x, y)
    assert not a[0]["poissaolo_alkaa"].equals(c[0]["poissaolo_alkaa"])


def test_lohkot(monkeypatch):
    """Blocks are seeded by their index and numbered on: ids and row numbers run on across blocks."""
    kokonaan = generointi.generoi(90, siemen=3, kuukausi=KUUKAUSI)
    monkeypatch.setattr(generointi, "OSAN_KOKO", 40)
    lohkoina = generointi.generoi(90, siemen=3, kuukausi=KUUKAUSI)
    assert len(lohkoina[0]) == 90
    assert lohkoina[0]["vakuutettu_id"].tolist() == list(range(90))
    assert lohkoina[1]["vakuutettu"].is_monotonic_increasing
    assert lohkoina[1]["ansiotyo_id"].tolist() == list(range(len(lohkoina[1])))
    # a different block size is a different (equally valid) stream of the same kind
    assert len(kokonaan[0]) == len(lohkoina[0])
    assert lohkoina[0]["paino"].sum() == pytest.approx(90)


def test_uskottavat_jakaumat(populaatio):
    vak, tyo = populaatio
    n = len(vak)
    assert 1.4 < len(tyo) / n < 1.65  # ≈ 1.5 activities per insured
    assert tyo["vakuutettu"].between(0, n - 1).all()
    assert abs(vak["paino"].mean() - 1) < 0.05
    # every decision overlaps the month
    kk_alku, kk_loppu = np.datetime64("2024-03-01"), np.datetime64("2024-03-31")
    alku = vak["poissaolo_alkaa"].to_numpy().astype("datetime64[D]")
    loppu = vak["poissaolo_paattyy"].to_numpy().astype("datetime64[D]")
    assert ((alku <= kk_loppu) & (loppu >= kk_alku) & (loppu >= alku)).all()
    perusteet = vak["poissaolon_peruste"].astype(str).value_counts(normalize=True)
    assert perusteet["karanteeni"] > perusteet["eristaminen"] > perusteet["tyosta_poissaolo"]
    kesto = (loppu - alku).astype(int) + 1
    assert np.median(kesto) <= 14 and kesto.max() > 30  # mostly short, some long
    lapsi = vak["poissaolon_peruste"].astype(str) == "lapsen_kotona_pito"
    assert (vak.loc[lapsi, "lapsen_ika"] < 16).mean() > 0.9
    # annual leave lies inside the decision; a payment restriction starts after the leave
    loma_alku = vak["vuosiloma_1_alkaa"].to_numpy().astype("datetime64[D]")
    loma_loppu = vak["vuosiloma_1_paattyy"].to_numpy().astype("datetime64[D]")
    lomalla = ~np.isnat(loma_alku)
    assert 0 < lomalla.mean() < 0.1
    assert ((alku <= loma_alku) & (loma_alku <= loma_loppu) & (loma_loppu <= loppu))[lomalla].all()
    este_alku = vak["maksueste_1_alkaa"].to_numpy().astype("datetime64[D]")
    molemmat = lomalla & ~np.isnat(este_alku)
    assert (este_alku > loma_loppu)[molemmat].all()
    # roles, insurance, employers, payment prohibition, tax cards
    rooli = tyo["rooli"].astype(str)
    assert 0.05 < (rooli == "yritystoiminta").mean() < 0.15
    yrittaja = tyo[rooli == "yritystoiminta"]
    assert set(yrittaja["yrittajavakuutus"].astype(str)) == {"yel", "myel", "vapaaehtoinen", "ei_vakuutusta"}
    assert 1500 < tyo.loc[(rooli == "palkkatyo"), "ansionmenetys"].median() < 4000
    assert 0.01 < vak["ulosotto_maksukielto"].mean() < 0.08
    assert set(vak["ennakonpidatysperuste"].astype(str)) == {
        "ei_tietoja", "palkan_verokortti", "etuuden_verokortti", "lahdeverokortti"
    }


def test_palkallinen_vapaa_ja_tyonantajat(populaatio):
    _, tyo = populaatio
    alkaa, paattyy = tyo["palkallinen_vapaa_alkaa"], tyo["palkallinen_vapaa_paattyy"]
    assert (alkaa.isna() == paattyy.isna()).all()
    annettu = alkaa.notna()
    assert 0.15 < annettu.mean() < 0.4
    assert (paattyy[annettu] >= alkaa[annettu]).all()
    assert (tyo.loc[~annettu, "tyonantajan_maksama_palkka"] == 0).all()
    assert (tyo.loc[annettu, "tyonantajan_maksama_palkka"] > 0).mean() > 0.8
    rooli = tyo["rooli"].astype(str)
    tunnus = tyo["tyonantajan_tunnus"].astype(str)
    assert (tunnus[rooli == "yritystoiminta"] == "").all()
    palkka = tunnus[rooli == "palkkatyo"]
    ulkomaiset = palkka.str.fullmatch(r"999\d{6}")
    assert 0 < ulkomaiset.sum() < 0.05 * len(palkka)
    assert all(ytunnus.is_valid(t) for t in palkka[~ulkomaiset].unique())


def test_useampi_kuukausi_kuukausikohtaisin_sarakkein():
    vak, tyo = generointi.generoi(300, siemen=1, kuukausi="2024-12", kuukausia=2)
    for nimi in ("ennakonpidatys_tulokertyma",):
        assert nimi not in vak and {f"{nimi}@2024-12", f"{nimi}@2025-01"} <= set(vak)
    assert {"tyonantajan_maksama_palkka@2024-12", "tyonantajan_maksama_palkka@2025-01"} <= set(tyo)
    # the income counted against the card's limit starts again in January
    assert (vak["ennakonpidatys_tulokertyma@2025-01"] == 0).all()
    assert (vak["ennakonpidatys_tulokertyma@2024-12"] > 0).any()


def test_painot_skaalautuvat():
    vak, _ = generointi.generoi(500, siemen=2, kuukausi=KUUKAUSI, edustaa=12_000)
    assert vak["paino"].sum() == pytest.approx(12_000)
    vak, _ = generointi.generoi(500, siemen=2, kuukausi=KUUKAUSI)
    assert vak["paino"].sum() == pytest.approx(500)


@pytest.mark.parametrize("koko", [10, 1])
def test_pienet_koot(koko):
    vak, tyo = generointi.generoi(koko, siemen=0, kuukausi="2017-01")
    assert len(vak) == koko
    assert (vak["poissaolo_alkaa"] >= pd.Timestamp("2017-01-01")).all()


def test_komento_kirjoittaa_parquetit(tmp_path, capsys):
    kohde = tmp_path / "pop"
    koodi = main(["populaatio", "--koko", "250", "--siemen", "4", "--kuukausi", KUUKAUSI, "--kohde", str(kohde), "--hiljaa"])
    assert koodi == 0
    assert sorted(p.name for p in kohde.iterdir()) == ["ansiotyot.parquet", "vakuutetut.parquet"]
    assert "250 insured" in capsys.readouterr().out
    vak = pq.read_table(kohde / "vakuutetut.parquet").to_pandas(date_as_object=False)
    muisti, _ = generointi.generoi(250, siemen=4, kuukausi=KUUKAUSI)
    pd.testing.assert_frame_equal(vak, muisti)
    assert str(pq.read_schema(kohde / "vakuutetut.parquet").field("poissaolo_alkaa").type) == "date32[day]"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tartunta")]


@pytest.mark.parametrize(
    "argumentit, viesti",
    [
        (["--koko", "0", "--kuukausi", KUUKAUSI], "--koko must be at least 1"),
        (["--koko", "10", "--kuukausi", "2030-01"], "outside the parameters' range"),
        (["--koko", "10", "--kuukausi", "maaliskuu"], "expected YYYY-MM"),
    ],
)
def test_komennon_virheet(tmp_path, capsys, argumentit, viesti):
    kohde = tmp_path / "pop"
    assert main(["populaatio", *argumentit, "--kohde", str(kohde), "--hiljaa"]) == 2
    assert viesti in capsys.readouterr().err
    assert not kohde.exists()
