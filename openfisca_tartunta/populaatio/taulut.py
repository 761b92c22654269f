"""The population tables: reading them and checking their columns before any work.

A column is valid when it is an input variable of the table's entity (a
variable without a formula; `muuttuja@YYYY-MM` for one month of a MONTH
variable), a structural column (`vakuutettu`, `rooli` in ansiotyot), or a
known extra column the simulation carries along without computing with it
(`paino`, `vakuutettu_id`, `ansiotyo_id`).  Types are checked from the Parquet
schema (or the DataFrame's dtypes) so a mistyped column fails before the run,
with a message naming it; values are checked when the simulation is built.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from openfisca_core.indexed_enums import Enum

from openfisca_tartunta import syotteet
from openfisca_tartunta.simulaatio import RAKENNESARAKKEET

TAULUT = {"vakuutetut": "vakuutettu", "ansiotyot": "ansiotyo"}
#: Columns the simulation carries along but does not compute with.
LISASARAKKEET = {
    "vakuutetut": ("paino", "vakuutettu_id"),
    "ansiotyot": ("ansiotyo_id", "vakuutettu_id"),
}
#: Columns without which the simulation means nothing.
PAKOLLISET = {
    "vakuutetut": ("poissaolon_peruste", "poissaolo_alkaa", "poissaolo_paattyy"),
    "ansiotyot": RAKENNESARAKKEET,
}
PAINO = "paino"


class Taulukkovirhe(ValueError):
    """A population table or an option that cannot be used: names the table, the column and why."""


# --- months ----------------------------------------------------------------------------


def kuukausien_rajat(tbs=None) -> tuple[str, str]:
    """The months the parameters cover (`syotteet.kuukausien_rajat`)."""
    return syotteet.kuukausien_rajat(tbs if tbs is not None else _oletusjarjestelma())


@lru_cache(maxsize=1)
def _oletusjarjestelma():
    from openfisca_tartunta import CountryTaxBenefitSystem

    return CountryTaxBenefitSystem()


def tarkista_kuukausi(kuukausi: str, tbs=None) -> str:
    """`kuukausi` as YYYY-MM, inside the parameters' range; else `Taulukkovirhe` naming it."""
    teksti = str(kuukausi).strip()
    try:
        if len(teksti) != 7:
            raise ValueError
        kk = np.datetime64(teksti, "M")
    except ValueError:
        raise Taulukkovirhe(f"month {kuukausi!r}: expected YYYY-MM, e.g. 2024-03") from None
    eka, vika = kuukausien_rajat(tbs)
    if not (np.datetime64(eka, "M") <= kk <= np.datetime64(vika, "M")):
        raise Taulukkovirhe(f"month {teksti}: outside the parameters' range {eka} … {vika}")
    return str(kk)


# --- column types ------------------------------------------------------------------------


def _arrow_laji(tyyppi: pa.DataType) -> str:
    if pa.types.is_dictionary(tyyppi):
        return _arrow_laji(tyyppi.value_type)
    if pa.types.is_boolean(tyyppi):
        return "bool"
    if pa.types.is_integer(tyyppi):
        return "int"
    if pa.types.is_floating(tyyppi) or pa.types.is_decimal(tyyppi):
        return "float"
    if pa.types.is_timestamp(tyyppi) and tyyppi.tz is not None:
        return "timestamp with time zone"  # refused: a zone shifts the day
    if pa.types.is_date(tyyppi) or pa.types.is_timestamp(tyyppi):
        return "date"
    if pa.types.is_string(tyyppi) or pa.types.is_large_string(tyyppi):
        return "str"
    if pa.types.is_null(tyyppi):
        return "null"
    return str(tyyppi)


def _pandas_laji(sarja: pd.Series) -> str:
    dtype = sarja.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return _pandas_laji(pd.Series(dtype.categories)) if len(dtype.categories) else "null"
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "float"
    if isinstance(dtype, pd.DatetimeTZDtype):
        return "timestamp with time zone"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype):
        laji = pd.api.types.infer_dtype(sarja, skipna=True)
        return {
            "string": "str",
            "boolean": "bool",
            "integer": "int",
            "floating": "float",
            "mixed-integer-float": "float",
            "date": "date",
            "datetime": "date",
            "datetime64": "date",
            "empty": "null",
        }.get(laji, laji)
    return str(dtype)


_SELITE = {
    "bool": "true/false (boolean)",
    "int": "integers",
    "float": "numbers",
    "date": "dates (date32/timestamp or 'YYYY-MM-DD' strings)",
    "str": "strings",
    "enum": "item names (strings) or integer codes",
}


def _sallitut(muuttuja) -> tuple[set[str], str]:
    tyyppi = muuttuja.value_type
    if tyyppi is Enum:
        nimet = ", ".join(item.name for item in muuttuja.possible_values)
        return {"str", "int"}, f"{_SELITE['enum']} ({nimet})"
    if tyyppi is bool:
        return {"bool"}, _SELITE["bool"]
    if tyyppi is int:
        return {"int", "float"}, _SELITE["int"]
    if tyyppi is float:
        return {"int", "float"}, _SELITE["float"]
    if tyyppi.__name__ == "date":
        return {"date", "str"}, _SELITE["date"]
    return {"str"}, _SELITE["str"]


def tarkista_sarakkeet(lajit: dict[str, str], taulu: str, *jarjestelmat) -> None:
    """Check column kinds (`nimi → laji`) of table `taulu` against the systems' input variables."""
    entiteetti = TAULUT[taulu]
    tbs = jarjestelmat[0]
    for pakollinen in PAKOLLISET[taulu]:
        if pakollinen not in lajit:
            raise Taulukkovirhe(f"{taulu}: required column '{pakollinen}' is missing")
    for sarake, laji in lajit.items():
        if laji == "null":
            raise Taulukkovirhe(f"{taulu}: column '{sarake}' has no values (all null); fill it or leave it out")
        if sarake in LISASARAKKEET[taulu]:
            if sarake == PAINO and laji not in ("int", "float"):
                raise Taulukkovirhe(f"{taulu}: column '{sarake}' (sampling weight) must be numbers, got {laji}")
            continue
        if taulu == "ansiotyot" and sarake == "vakuutettu":
            if laji != "int":
                raise Taulukkovirhe(f"ansiotyot: column 'vakuutettu' must be integer row numbers of vakuutetut, got {laji}")
            continue
        if taulu == "ansiotyot" and sarake == "rooli":
            if laji not in ("str", "int"):
                raise Taulukkovirhe(f"ansiotyot: column 'rooli' must be palkkatyo/yritystoiminta (or 0/1), got {laji}")
            continue
        try:
            muuttuja = syotteet.sarakkeen_muuttuja(tbs, entiteetti, sarake, sarake, *jarjestelmat[1:])
        except syotteet.Syotevirhe as virhe:
            raise Taulukkovirhe(f"{taulu}: column '{sarake}' {virhe.syy}") from None
        sallitut, selite = _sallitut(muuttuja)
        if laji not in sallitut:
            raise Taulukkovirhe(f"{taulu}: column '{sarake}' must be {selite}, got {laji}")


def tarkista_skeema(skeema: pa.Schema, taulu: str, *jarjestelmat) -> None:
    tarkista_sarakkeet({k.name: _arrow_laji(k.type) for k in skeema}, taulu, *jarjestelmat)


def tarkista_dataframe(df: pd.DataFrame, taulu: str, *jarjestelmat) -> None:
    tarkista_sarakkeet({str(n): _pandas_laji(df[n]) for n in df.columns}, taulu, *jarjestelmat)


def tarkista_painot(paino) -> np.ndarray:
    paino = np.asarray(paino, dtype=np.float64)
    if paino.size and not (np.all(np.isfinite(paino)) and paino.min() >= 0):
        huono = int(np.flatnonzero(~(np.isfinite(paino) & (paino >= 0)))[0])
        raise Taulukkovirhe(
            f"vakuutetut: column 'paino' must be finite and ≥ 0 (row {huono}: {paino[huono]!r})"
        )
    return paino


# --- files -------------------------------------------------------------------------------


def lue_skeema(polku, taulu: str) -> pa.Schema:
    polku = Path(polku)
    if not polku.is_file():
        raise Taulukkovirhe(f"{taulu}: file {polku} not found")
    try:
        return pq.read_schema(polku)
    except (pa.ArrowInvalid, OSError) as virhe:
        raise Taulukkovirhe(f"{taulu}: {polku} is not a readable Parquet file ({virhe})") from None


def arrow_pandasiksi(taulu: pa.Table) -> pd.DataFrame:
    """An Arrow table as a DataFrame: one block per column (no consolidation copy), dates as datetime64."""
    return taulu.to_pandas(date_as_object=False, split_blocks=True, self_destruct=True)


def lue_taulu(polku, taulu: str, **asetukset) -> pd.DataFrame:
    """A Parquet table as a DataFrame (dictionary columns as Categorical, dates as datetime64)."""
    lue_skeema(polku, taulu)
    try:
        return arrow_pandasiksi(pq.read_table(polku, **asetukset))
    except (pa.ArrowInvalid, OSError) as virhe:
        raise Taulukkovirhe(f"{taulu}: {polku} cannot be read ({virhe})") from None
