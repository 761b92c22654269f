"""Population runs: per-person results, and a summary that equals independent sums of them."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from openfisca_tartunta.cli import main
from openfisca_tartunta.populaatio import generointi, simulointi

KUUKAUSI = "2024-03"


@pytest.fixture(scope="module")
def populaatio():
    return generointi.generoi(1500, siemen=21, kuukausi=KUUKAUSI)


@pytest.fixture(scope="module")
def ajo(populaatio):
    vak, tyo = populaatio
    return simulointi.simuloi(vak, tyo, [KUUKAUSI], ["korvausaste"])


@pytest.fixture(scope="module")
def tiedostot(tmp_path_factory, populaatio):
    kansio = tmp_path_factory.mktemp("pop")
    vak, tyo = populaatio
    vak.to_parquet(kansio / "vakuutetut.parquet")
    tyo.to_parquet(kansio / "ansiotyot.parquet")
    return kansio / "vakuutetut.parquet", kansio / "ansiotyot.parquet"


def test_henkilotulokset(ajo, populaatio, tbs):
    vak, tyo = populaatio
    tulos = ajo.vakuutetut
    assert len(tulos) == len(vak)
    assert tulos["vakuutettu"].tolist() == list(range(len(vak)))
    assert (tulos["vakuutettu_id"].to_numpy() == vak["vakuutettu_id"].to_numpy()).all()
    assert (tulos["paino"].to_numpy() == vak["paino"].to_numpy()).all()
    for nimi in simulointi.TULOKSET:
        if nimi in tbs.variables:
            assert f"{nimi}_perus" in tulos and f"{nimi}_reformi" in tulos
    assert len(ajo.ansiotyot) == len(tyo)
    assert (ajo.ansiotyot["ansiotyo_id"].to_numpy() == tyo["ansiotyo_id"].to_numpy()).all()
    # gross = employers + insured; the employers' rows add up to the employers' part
    for s in ("perus", "reformi"):
        brutto = tulos[f"tartuntatautipaivaraha_{s}"]
        np.testing.assert_allclose(
            brutto, tulos[f"tartuntatautipaivaraha_tyonantajille_{s}"] + tulos[f"tartuntatautipaivaraha_vakuutetulle_{s}"], atol=0.005
        )
        rivit = ajo.ansiotyot.groupby("vakuutettu")[f"tartuntatautipaivaraha_tyonantajalle_{s}"].sum()
        np.testing.assert_allclose(
            rivit.reindex(range(len(vak)), fill_value=0), tulos[f"tartuntatautipaivaraha_tyonantajille_{s}"], atol=0.005
        )
    # 70 % replacement rate: every recipient's daily amount falls to about 0.7 ×
    saa = tulos["tartuntatautipaivaraha_perus"] > 0
    suhde = tulos.loc[saa, "tartuntatautipaivaraha_paivalta_reformi"] / tulos.loc[saa, "tartuntatautipaivaraha_paivalta_perus"]
    assert suhde.between(0.69, 0.71).all()
    # money is stored in whole cents
    assert np.allclose(tulos["tartuntatautipaivaraha_perus"] * 100, np.round(tulos["tartuntatautipaivaraha_perus"] * 100))


def test_yhteenveto_on_riippumattomien_summien_mukainen(ajo):
    df, y = ajo.vakuutetut, ajo.yhteenveto
    w = df["paino"].to_numpy()
    pari = {
        "kustannus": "tartuntatautipaivaraha",
        "tyonantajille": "tartuntatautipaivaraha_tyonantajille",
        "vakuutetulle": "tartuntatautipaivaraha_vakuutetulle",
        "ennakonpidatys": "ennakonpidatys",
        "ulosottopidatys": "ulosottopidatys",
        "netto": "tartuntatautipaivaraha_netto",
        "maksupaivat": "tartuntatautipaivarahan_maksupaivat",
    }
    for mittari, muuttuja in pari.items():
        for s in ("perus", "reformi"):
            odotettu = sum(wi * xi for wi, xi in zip(w, df[f"{muuttuja}_{s}"]))  # plain Python sum
            assert y["mittarit"][mittari][s] == pytest.approx(odotettu, abs=0.01), (mittari, s)
        assert y["mittarit"][mittari]["muutos"] == pytest.approx(
            y["mittarit"][mittari]["reformi"] - y["mittarit"][mittari]["perus"], abs=0.011
        )
    for s in ("perus", "reformi"):
        saa = df[f"tartuntatautipaivaraha_{s}"] > 0
        assert y["mittarit"]["saajat"][s] == pytest.approx(w[saa].sum(), abs=0.01)
        assert y["mittarit"]["saajat_otoksessa"][s] == int(saa.sum())
        keski = (w[saa] * df.loc[saa, f"tartuntatautipaivaraha_paivalta_{s}"]).sum() / w[saa].sum()
        assert y["mittarit"]["keskimaarainen_paivaraha"][s] == pytest.approx(keski, abs=0.01)
    muutos = df["tartuntatautipaivaraha_reformi"] - df["tartuntatautipaivaraha_perus"]
    assert y["haviajat"] == pytest.approx(w[muutos < -0.005].sum(), abs=0.01)
    assert y["voittajat"] == pytest.approx(w[muutos > 0.005].sum(), abs=0.01)
    assert y["voittajat"] == 0  # a lower replacement rate has no winners
    assert y["vakuutettuja"] == pytest.approx(w.sum(), abs=0.01)


def test_desiilit(ajo):
    df, desiilit = ajo.vakuutetut, ajo.desiilit
    w = df["paino"].to_numpy()
    assert desiilit["desiili"].tolist() == list(range(1, 11))
    assert desiilit["vakuutettuja"].sum() == pytest.approx(w.sum(), abs=0.1)
    # each decile holds about a tenth of the weight
    assert (desiilit["vakuutettuja"] / w.sum()).between(0.08, 0.12).all()
    for s in ("perus", "reformi"):
        assert desiilit[f"kustannus_{s}"].sum() == pytest.approx(ajo.yhteenveto["mittarit"]["kustannus"][s], abs=0.1)
    assert desiilit["haviajat"].sum() == pytest.approx(ajo.yhteenveto["haviajat"], abs=0.1)
    # deciles are ordered by income
    assert (desiilit["tulo_alaraja"].diff().dropna() >= 0).all()
    assert (desiilit["tulo_ylaraja"].iloc[:-1].to_numpy() <= desiilit["tulo_alaraja"].iloc[1:].to_numpy()).all()
    # recompute the deciles independently: sort by income, cut the cumulative weight
    jarjestys = np.lexsort((np.arange(len(df)), df["kuukausiansio"].to_numpy()))
    kertyma = np.cumsum(w[jarjestys]) - w[jarjestys] / 2
    desiili = np.empty(len(df), dtype=int)
    desiili[jarjestys] = np.minimum((kertyma * 10 // w.sum()).astype(int), 9) + 1
    kustannus = pd.Series(w * df["tartuntatautipaivaraha_perus"]).groupby(desiili).sum()
    np.testing.assert_allclose(desiilit["kustannus_perus"], kustannus.reindex(range(1, 11), fill_value=0), atol=0.01)


def test_osiointi_ei_muuta_tuloksia(populaatio, ajo):
    vak, tyo = populaatio
    pieni = simulointi.simuloi(vak, tyo, [KUUKAUSI], ["korvausaste"], osan_koko=170)
    pd.testing.assert_frame_equal(pieni.vakuutetut, ajo.vakuutetut)
    pd.testing.assert_frame_equal(pieni.ansiotyot, ajo.ansiotyot)
    assert pieni.yhteenveto == ajo.yhteenveto


def test_ilman_reformia_ja_useampi_kuukausi():
    vak, tyo = generointi.generoi(200, siemen=8, kuukausi="2024-03", kuukausia=2)
    assert {"ennakonpidatys_tulokertyma@2024-03", "ennakonpidatys_tulokertyma@2024-04", "tyonantajan_maksama_palkka@2024-04"} <= set(vak) | set(tyo)
    tulos = simulointi.simuloi(vak, tyo, ["2024-03", "2024-04"])
    assert len(tulos.vakuutetut) == 400
    assert not any(c.endswith("_reformi") for c in tulos.vakuutetut.columns)
    assert "muutos" not in tulos.yhteenveto["mittarit"]["kustannus"]
    assert tulos.yhteenveto["vakuutettuja_otoksessa"] == 200
    kuukaudet = tulos.vakuutetut["kuukausi"].astype(str)
    assert kuukaudet.iloc[:200].eq("2024-03").all() and kuukaudet.iloc[200:].eq("2024-04").all()
    # April pays only the decisions that run into it
    maalis = tulos.vakuutetut["tartuntatautipaivaraha_perus"].iloc[:200].sum()
    huhti = tulos.vakuutetut["tartuntatautipaivaraha_perus"].iloc[200:].sum()
    assert 0 < huhti < maalis


def test_kuukausikohtainen_sarake():
    """`ansionmenetys@2024-04` sets the pay for April only; annual leave is a date-range column."""
    vak = pd.DataFrame(
        {
            "poissaolon_peruste": ["karanteeni"],
            "poissaolo_alkaa": pd.to_datetime(["2024-03-25"]),
            "poissaolo_paattyy": pd.to_datetime(["2024-04-12"]),
            "vuosiloma_1_alkaa": pd.to_datetime(["2024-04-11"]),
            "vuosiloma_1_paattyy": pd.to_datetime(["2024-04-12"]),
        }
    )
    tyo = pd.DataFrame({"vakuutettu": [0], "rooli": ["palkkatyo"], "ansionmenetys": [2500.0], "ansionmenetys@2024-04": [3000.0]})
    tulos = simulointi.simuloi(vak, tyo, ["2024-03", "2024-04"]).vakuutetut
    # 25.–28.3. + 30.3. = 5 arkipäivät in March at 100 €; 2.–6.4. + 8.–12.4. = 10 in April,
    # 11.–12.4. leave → 8 at 3 000 / 25 = 120 €
    assert tulos["tartuntatautipaivarahan_maksupaivat_perus"].tolist() == [5, 8]
    assert tulos["tartuntatautipaivaraha_perus"].tolist() == [500.0, 960.0]


def test_komento_kirjoittaa_kaiken(tmp_path, tiedostot, ajo, capsys):
    vak, tyo = tiedostot
    kohde = tmp_path / "tulokset"
    koodi = main([
        "simuloi", "--vakuutetut", str(vak), "--ansiotyot", str(tyo), "--kuukausi", KUUKAUSI,
        "--reformi", "korvausaste", "--tulokset", str(kohde), "--hiljaa",
    ])
    assert koodi == 0
    assert "kustannus" in capsys.readouterr().out
    assert sorted(p.name for p in kohde.iterdir()) == sorted(
        ["vakuutetut_tulokset.parquet", "ansiotyot_tulokset.parquet", "yhteenveto.json", "yhteenveto.csv", "desiilit.csv", "kuvat"]
    )
    assert sorted(p.name for p in (kohde / "kuvat").iterdir()) == [
        "kustannus_desiileittain.png", "paivarahat.png", "perus_vs_reformi.png"
    ]
    assert all((kohde / "kuvat" / p).read_bytes()[:4] == b"\x89PNG" for p in ("paivarahat.png",))
    yhteenveto = json.loads((kohde / "yhteenveto.json").read_text(encoding="utf-8"))
    assert yhteenveto == json.loads(json.dumps(ajo.yhteenveto))
    henkilot = pd.read_parquet(kohde / "vakuutetut_tulokset.parquet")
    w = henkilot["paino"].to_numpy()
    assert yhteenveto["mittarit"]["kustannus"]["perus"] == pytest.approx(
        float(np.dot(w, henkilot["tartuntatautipaivaraha_perus"])), abs=0.01
    )
    csv = pd.read_csv(kohde / "yhteenveto.csv").set_index("mittari")
    assert csv.loc["kustannus", "reformi"] == pytest.approx(yhteenveto["mittarit"]["kustannus"]["reformi"])
    assert len(pd.read_csv(kohde / "desiilit.csv")) == 10
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tartunta")]
