"""Bad input to `tartunta simuloi`: a clear message naming it, exit status 2, no output left behind."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from openfisca_tartunta.cli import main
from openfisca_tartunta.populaatio import generointi, simulointi
from openfisca_tartunta.populaatio.taulut import Taulukkovirhe
from openfisca_tartunta.tarkistukset import Syottovirhe

KUUKAUSI = "2024-03"
_LASKURI = itertools.count()


@pytest.fixture(scope="module")
def populaatio():
    return generointi.generoi(120, siemen=3, kuukausi=KUUKAUSI)


@pytest.fixture(scope="module")
def kansio(tmp_path_factory, populaatio):
    kansio = tmp_path_factory.mktemp("virheet")
    vak, tyo = populaatio
    vak.to_parquet(kansio / "vakuutetut.parquet")
    tyo.to_parquet(kansio / "ansiotyot.parquet")
    return kansio


def _aja(kansio, vak=None, tyo=None, *lisat, kohde=None):
    kohde = kohde or kansio / f"tulokset_{next(_LASKURI)}"
    argumentit = [
        "simuloi",
        "--vakuutetut", str(vak or kansio / "vakuutetut.parquet"),
        "--ansiotyot", str(tyo or kansio / "ansiotyot.parquet"),
        "--tulokset", str(kohde),
        "--hiljaa",
        *lisat,
    ]
    if "--kuukausi" not in lisat:
        argumentit += ["--kuukausi", KUUKAUSI]
    return main(argumentit), kohde


def _ei_jaamia(kansio, kohde):
    assert not kohde.exists()
    assert not [p for p in kansio.iterdir() if p.name.startswith(".tartunta")]


def _muutettu(kansio, nimi, df):
    polku = kansio / nimi
    df.to_parquet(polku)
    return polku


@pytest.mark.parametrize(
    "taulu, muutos, viesti",
    [
        ("vak", lambda v: v.drop(columns=["poissaolo_alkaa"]), "vakuutetut: required column 'poissaolo_alkaa' is missing"),
        ("tyo", lambda t: t.drop(columns=["rooli"]), "ansiotyot: required column 'rooli' is missing"),
        ("vak", lambda v: v.assign(lapsen_ika=v["lapsen_ika"].astype(str)), "column 'lapsen_ika' must be integers, got str"),
        ("vak", lambda v: v.assign(sairausvakuutettu=v["sairausvakuutettu"].astype(int)), "column 'sairausvakuutettu' must be true/false"),
        ("tyo", lambda t: t.assign(ansionmenetys=t["ansionmenetys"].astype(str)), "column 'ansionmenetys' must be numbers, got str"),
        ("tyo", lambda t: t.assign(vakuutettu=t["vakuutettu"].astype(float)), "column 'vakuutettu' must be integer row numbers"),
        ("vak", lambda v: v.assign(paino=v["paino"].astype(str)), "column 'paino' (sampling weight) must be numbers"),
        ("vak", lambda v: v.rename(columns={"ulosotto_huollettavat": "ulosotto_huollettava"}), "did you mean 'ulosotto_huollettavat'"),
        ("vak", lambda v: v.assign(ansionmenetys=1.0), "column 'ansionmenetys' is a variable of ansiotyo; put it in the ansiotyot table"),
        ("vak", lambda v: v.assign(tartuntatautipaivaraha=0.0), "column 'tartuntatautipaivaraha' is computed by the model"),
        ("vak", lambda v: v.assign(lapsen_ika=None), "column 'lapsen_ika' has no values"),
        ("vak", lambda v: v.assign(**{"ennakonpidatys_tulokertyma@2024-3x": 0}), "the part after '@' must be a month"),
    ],
)
def test_sarakevirheet(kansio, populaatio, capsys, taulu, muutos, viesti):
    vak, tyo = populaatio
    if taulu == "vak":
        koodi, kohde = _aja(kansio, vak=_muutettu(kansio, "huono_v.parquet", muutos(vak)))
    else:
        koodi, kohde = _aja(kansio, tyo=_muutettu(kansio, "huono_t.parquet", muutos(tyo)))
    assert koodi == 2
    virhe = capsys.readouterr().err
    assert virhe.startswith("tartunta simuloi: error: ")
    assert viesti in virhe
    _ei_jaamia(kansio, kohde)


@pytest.mark.parametrize(
    "taulu, muutos, viesti",
    [
        ("vak", lambda v: v.assign(poissaolon_peruste=v["poissaolon_peruste"].astype(str).replace("karanteeni", "karantene")),
         "poissaolon_peruste (value 'karantene'"),
        ("tyo", lambda t: t.assign(ansionmenetys=t["ansionmenetys"].where(t.index != 3)), "ansionmenetys: missing value (null)"),
        ("tyo", lambda t: t.assign(rooli=t["rooli"].astype(str).replace("palkkatyo", "tyo")), "rooli (value 'tyo')"),
        ("tyo", lambda t: t.assign(vakuutettu=t["vakuutettu"] + 1000), "vakuutettu (value 1119): must be a row number 0…119"),
        ("vak", lambda v: v.assign(ulosotto_huollettavat=-4), "ulosotto_huollettavat (value -4"),
        ("tyo", lambda t: t.assign(ansionmenetys=-t["ansionmenetys"]), "ansionmenetys (value -"),
    ],
)
def test_arvovirheet(kansio, populaatio, capsys, taulu, muutos, viesti):
    vak, tyo = populaatio
    if taulu == "vak":
        koodi, kohde = _aja(kansio, vak=_muutettu(kansio, "huono_v.parquet", muutos(vak)))
    else:
        koodi, kohde = _aja(kansio, tyo=_muutettu(kansio, "huono_t.parquet", muutos(tyo)))
    assert koodi == 2
    assert viesti in capsys.readouterr().err
    _ei_jaamia(kansio, kohde)


@pytest.mark.parametrize(
    "lisat, viesti",
    [
        (["--reformi", "ei_tallaista"], "unknown reform 'ei_tallaista'"),
        (["--reformi", "/ei/ole.yaml"], "reform file /ei/ole.yaml: not found"),
        (["--kuukausi", "2016-12"], "month 2016-12: outside the parameters' range 2017-01 … 2026-12"),
        (["--kuukausi", "2027-01"], "month 2027-01: outside the parameters' range"),
        (["--kuukausi", "2024-3"], "month '2024-3': expected YYYY-MM"),
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --dask"),
        (["--osan-koko", "0"], "--osan-koko must be at least 1"),
    ],
)
def test_valintavirheet(kansio, capsys, lisat, viesti):
    koodi, kohde = _aja(kansio, None, None, *lisat)
    assert koodi == 2
    assert viesti in capsys.readouterr().err
    _ei_jaamia(kansio, kohde)


def test_reformitiedoston_virhe(kansio, tmp_path, capsys):
    huono = tmp_path / "muutos.yaml"
    huono.write_text("paivaraha.ei_ole:\n  2024-01-01: 1\n", encoding="utf-8")
    koodi, kohde = _aja(kansio, None, None, "--reformi", str(huono))
    assert koodi == 2
    assert "parameter paivaraha.ei_ole: no such parameter" in capsys.readouterr().err
    _ei_jaamia(kansio, kohde)


def test_puuttuva_tai_rikkinainen_tiedosto(kansio, capsys):
    koodi, kohde = _aja(kansio, vak=kansio / "ei_ole.parquet")
    assert koodi == 2
    virhe = capsys.readouterr().err
    assert "vakuutetut: file" in virhe and "not found" in virhe
    rikki = kansio / "rikki.parquet"
    rikki.write_bytes(b"ei parquet")
    koodi, kohde = _aja(kansio, tyo=rikki)
    assert koodi == 2
    assert "ansiotyot: " in capsys.readouterr().err
    _ei_jaamia(kansio, kohde)


def test_kirjoitusvirhe_ei_jata_osittaisia_tiedostoja(kansio, monkeypatch):
    """A failure after the Parquet files are written (here: the plots) leaves nothing behind."""
    from openfisca_tartunta.populaatio import kuvaajat

    def rikki(*_):
        raise RuntimeError("plot failed")

    monkeypatch.setattr(kuvaajat, "piirra", rikki)
    kohde = kansio / "kesken"
    with pytest.raises(RuntimeError, match="plot failed"):
        _aja(kansio, kohde=kohde)
    _ei_jaamia(kansio, kohde)


def test_olemassa_oleva_kansio_sailyy_virheessa(kansio, capsys):
    kohde = kansio / "vanhat"
    kohde.mkdir()
    (kohde / "yhteenveto.json").write_text("{}", encoding="utf-8")
    koodi, _ = _aja(kansio, None, None, "--reformi", "ei_tallaista", kohde=kohde)
    assert koodi == 2
    assert [p.name for p in kohde.iterdir()] == ["yhteenveto.json"]
    assert (kohde / "yhteenveto.json").read_text(encoding="utf-8") == "{}"


def test_python_rajapinnan_virheet(populaatio):
    vak, tyo = populaatio
    with pytest.raises(Taulukkovirhe, match="month 2030-01"):
        simulointi.simuloi(vak, tyo, ["2030-01"])
    with pytest.raises(Taulukkovirhe, match="column 'poissaolo_alkaa' must be dates"):
        simulointi.simuloi(vak.assign(poissaolo_alkaa=1.5), tyo, [KUUKAUSI])
    with pytest.raises(Syottovirhe, match="paino|vakuutettu"):
        simulointi.simuloi(vak, tyo.assign(vakuutettu=-1), [KUUKAUSI])
    with pytest.raises(Taulukkovirhe, match="column 'paino' must be finite"):
        simulointi.simuloi(vak.assign(paino=-1.0), tyo, [KUUKAUSI])


def test_onnistunut_ajo_palauttaa_nollan(kansio, capsys):
    koodi, kohde = _aja(kansio, None, None, "--ei-kuvaajia")
    assert koodi == 0
    assert not (kohde / "kuvat").exists()
    assert (kohde / "yhteenveto.json").is_file()
    assert pd.read_csv(kohde / "yhteenveto.csv").columns.tolist() == ["mittari", "perus"]
