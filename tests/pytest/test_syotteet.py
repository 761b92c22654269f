"""The input schema on tables: Parquet/pandas dates with a time zone or a time of day, and
partial date strings, are refused in the column simulations and the table checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from openfisca_tartunta.populaatio.taulut import Taulukkovirhe, tarkista_dataframe, tarkista_skeema
from openfisca_tartunta.simulaatio import rakenna_simulaatio
from openfisca_tartunta.tarkistukset import Syottovirhe


def _taulut(alku):
    vak = pd.DataFrame({"poissaolon_peruste": ["karanteeni"], "poissaolo_alkaa": alku, "poissaolo_paattyy": ["2024-03-15"]})
    tyo = pd.DataFrame({"vakuutettu": [0], "rooli": ["palkkatyo"], "ansionmenetys": [3000.0]})
    return vak, tyo


@pytest.mark.parametrize(
    "alku,viesti",
    [
        (pd.to_datetime(["2024-03-04"]).tz_localize("Europe/Helsinki"), "time zone"),
        (pd.to_datetime(["2024-03-04 10:00"]), "time of day"),
        (["2024-03"], "YYYY-MM-DD"),
        ([""], "YYYY-MM-DD"),
    ],
)
def test_simulaatio_hylkaa_epatarkat_paivat(tbs, alku, viesti):
    vak, tyo = _taulut(alku)
    with pytest.raises(Syottovirhe, match=viesti):
        rakenna_simulaatio(tbs, vak, tyo, ["2024-03"])


def test_paiva_keskiyolla_luetaan(tbs):
    vak, tyo = _taulut(pd.to_datetime(["2024-03-04"]))
    simulaatio = rakenna_simulaatio(tbs, vak, tyo, ["2024-03"])
    assert str(simulaatio.calculate("poissaolo_alkaa", "2024-03")[0]) == "2024-03-04"


def test_taulun_aikavyohyke_hylataan(tbs):
    vak, _ = _taulut(pd.to_datetime(["2024-03-04"]).tz_localize("UTC"))
    with pytest.raises(Taulukkovirhe, match="poissaolo_alkaa.*time zone"):
        tarkista_dataframe(vak, "vakuutetut", tbs)
    skeema = pa.schema([("poissaolon_peruste", pa.string()), ("poissaolo_alkaa", pa.timestamp("us", tz="UTC")),
                        ("poissaolo_paattyy", pa.date32())])
    with pytest.raises(Taulukkovirhe, match="poissaolo_alkaa.*time zone"):
        tarkista_skeema(skeema, "vakuutetut", tbs)


def test_kuukausisarake_parametrien_ulkopuolella(tbs):
    vak, tyo = _taulut(["2024-03-04"])
    tyo["ansionmenetys@2035-01"] = np.array([3000.0])
    with pytest.raises(Taulukkovirhe, match="2017-01 … 2026-12"):
        tarkista_dataframe(tyo, "ansiotyot", tbs)


@pytest.mark.parametrize("nimi", ["ansionmenetys", "lapsen_ika"])
def test_eraajon_valtava_kokonaisluku_on_syotevirhe(tbs, nimi):
    """A JSON integer beyond 2**53 in an /eraajo column is refused naming the row, not an OverflowError
    (found by the structure-aware fuzzer, seed 1)."""
    from openfisca_tartunta import syotteet

    with pytest.raises(syotteet.Syotevirhe) as virhe:
        syotteet.json_sarake(tbs.variables[nimi], [1, 10**30], f"taulu/{nimi}")
    assert f"taulu/{nimi}/1" in str(virhe.value.__dict__) or f"taulu/{nimi}/1" in str(virhe.value)
