"""Simulations from columns: whole populations without per-person dictionaries.

Case systems send one situation as JSON; analysts and benchmarks have tables.
`rakenna_simulaatio` builds an OpenFisca `Simulation` straight from column
arrays (numpy or pandas): one table of insured persons (`vakuutetut`) and one of
earning activities (`ansiotyot`), the latter with two structural columns:

- `vakuutettu`: the 0-based row number of the insured person the activity belongs to;
- `rooli`: `palkkatyo` or `yritystoiminta` (or the role index 0/1).

Every other column must be an input variable of the entity: ETERNITY variables
are set once, MONTH (and other) variables for each simulated month.  A column
named `muuttuja@YYYY-MM` sets a MONTH variable for that month only (overriding
the plain column); months not simulated are ignored.  Columns listed in
`ohita` (e.g. a sampling weight `paino`, an id) are skipped.

Enum columns take the item names (`karanteeni`), their integer codes, or a
pandas Categorical of names (mapped through its codes, without string
round trips); date columns take `datetime64` values or ISO strings.  A null in
a date column means "not given": the variable's default (e.g. 9999-12-31 for a
paid leave that never starts).  A null in any other column is an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit, period as as_period
from openfisca_core.simulations import Simulation, SimulationBuilder

from openfisca_tartunta import syotteet, tekijat
from openfisca_tartunta.nopea_laskenta import nopeuta
from openfisca_tartunta.roolit import merkitse_koodit
from openfisca_tartunta.tarkistukset import Syottovirhe, vaadi

RAKENNESARAKKEET = ("vakuutettu", "rooli")
ROOLIT = ("palkkatyo", "yritystoiminta")
KUUKAUSIEROTIN = syotteet.KUUKAUSIEROTIN


def _sarakkeet(taulu) -> dict[str, object]:
    """Columns as numpy arrays, or pandas Categorical/extension arrays kept as they are."""
    if hasattr(taulu, "columns"):  # pandas DataFrame
        tulos = {}
        for nimi in taulu.columns:
            sarja = taulu[nimi]
            if isinstance(sarja.dtype, np.dtype):
                tulos[str(nimi)] = sarja.to_numpy()
            else:  # Categorical, nullable boolean/integer, string[pyarrow], …
                tulos[str(nimi)] = sarja.array
        return tulos
    return {str(nimi): arvot if isinstance(arvot, pd.Categorical) else np.asarray(arvot) for nimi, arvot in dict(taulu).items()}


def _pituus(sarakkeet: Mapping[str, object], oletus: int | None) -> int:
    pituudet = {len(v) for v in sarakkeet.values()}
    if len(pituudet) > 1:
        raise Syottovirhe("(table)", f"columns have different lengths {sorted(pituudet)}")
    return pituudet.pop() if pituudet else (oletus or 0)


def _puuttuvat(arvot) -> np.ndarray | None:
    """Mask of null values, or None when the column cannot hold nulls."""
    if isinstance(arvot, np.ndarray):
        if arvot.dtype.kind in "biuUS":
            return None
        if arvot.dtype.kind == "f":
            return np.isnan(arvot)
        if arvot.dtype.kind in "mM":
            return np.isnat(arvot)
    return np.asarray(pd.isna(arvot), dtype=bool)


def _koodit_luokista(luokat, nimet: list[str], nimi: str) -> np.ndarray:
    """Map category labels to indices in `nimet` (-1 = not a valid name)."""
    kartta = {n: i for i, n in enumerate(nimet)}
    return np.array([kartta.get(str(luokka), -1) for luokka in luokat], dtype=np.int64)


def _enum_koodit(muuttuja, arvot, nimi: str) -> np.ndarray:
    mahdolliset = muuttuja.possible_values
    nimet = [item.name for item in mahdolliset]
    if isinstance(arvot, pd.Categorical):
        kartta = _koodit_luokista(arvot.categories, nimet, nimi)
        koodit = arvot.codes.astype(np.int64)
        # the categories some row uses, in order (`np.unique` without its sort: codes are small)
        kaytetyt = np.flatnonzero(np.bincount(koodit[koodit >= 0], minlength=len(kartta)))
        tuntemattomat = [arvot.categories[k] for k in kaytetyt if kartta[k] < 0]
        if tuntemattomat:
            raise Syottovirhe(
                nimi,
                f"unknown value; possible values are {', '.join(nimet)}",
                str(tuntemattomat[0]),
                rivit=int(np.isin(koodit, [k for k in kaytetyt if kartta[k] < 0]).sum()),
            )
        return kartta[koodit].astype(np.int16)
    arvot = np.asarray(arvot)
    if np.issubdtype(arvot.dtype, np.integer):
        koodit = arvot.astype(np.int16)
        if koodit.size and (koodit.min() < 0 or koodit.max() >= len(mahdolliset)):
            raise Syottovirhe(nimi, f"enum code out of range 0…{len(mahdolliset) - 1}")
        return koodit
    # Strings: factorize once (hash-based), then map the few distinct values.
    paikat, erilliset = pd.factorize(arvot)
    kartta = _koodit_luokista(erilliset, nimet, nimi)
    tuntemattomat = [e for e, k in zip(erilliset, kartta) if k < 0]
    if tuntemattomat:
        raise Syottovirhe(
            nimi,
            f"unknown value; possible values are {', '.join(nimet)}",
            str(tuntemattomat[0]),
            rivit=int(np.isin(paikat, np.flatnonzero(kartta < 0)).sum()),
        )
    return kartta[paikat].astype(np.int16)


def _arvot(muuttuja, arvot, nimi: str) -> np.ndarray:
    """Column values in the variable's storage type, with a clear error on a bad value."""
    tyyppi = muuttuja.value_type
    try:
        puuttuu = _puuttuvat(arvot)
        if puuttuu is not None and puuttuu.any():
            if tyyppi.__name__ != "date":
                raise Syottovirhe(
                    nimi,
                    "missing value (null); give a value in every row or leave the column out",
                    rivit=int(puuttuu.sum()),
                )
        if tyyppi is Enum:
            return muuttuja.possible_values.encode(_enum_koodit(muuttuja, arvot, nimi))
        if isinstance(arvot, pd.Categorical):  # gather from the few categories, no per-row conversion
            luokat = np.asarray(arvot.categories.to_numpy(), dtype=object)
            koodit = arvot.codes
            arvot = luokat[np.where(koodit >= 0, koodit, 0)] if luokat.size else np.full(len(koodit), None, dtype=object)
        if tyyppi.__name__ == "date":
            arvot = _paivat(arvot, nimi)
            if puuttuu is not None and puuttuu.any():
                oletus = np.datetime64(muuttuja.default_value, "D")
                paivat = np.full(len(puuttuu), oletus, dtype="datetime64[D]")
                paivat[~puuttuu] = np.asarray(arvot)[~puuttuu].astype("datetime64[D]")
                return paivat
            return np.asarray(arvot).astype("datetime64[D]")
        arvot = np.asarray(arvot)
        if tyyppi is bool:
            if arvot.dtype.kind == "O" and pd.api.types.infer_dtype(arvot, skipna=False) == "boolean":
                return arvot.astype(bool)
            if arvot.dtype.kind not in "biu":
                raise ValueError(f"expected true/false, got {arvot.dtype}")
            return arvot.astype(bool)
        if tyyppi is int:
            if arvot.dtype.kind == "f":
                if not np.all(np.isfinite(arvot)):
                    raise ValueError("missing value")
                if not np.all(arvot == np.round(arvot)):
                    raise ValueError("not a whole number")
            elif arvot.dtype.kind not in "iub":
                raise ValueError(f"expected integers, got {arvot.dtype}")
            return arvot.astype(np.int32)
        if tyyppi is float:
            arvot = np.asarray(arvot, dtype=np.float64)
            if not np.all(np.isfinite(arvot)):
                raise ValueError("missing or infinite value")
            return arvot.astype(np.float32)
        return np.asarray(arvot).astype(muuttuja.dtype)
    except Syottovirhe:
        raise
    except (ValueError, TypeError) as virhe:
        raise Syottovirhe(nimi, f"cannot be read as {getattr(tyyppi, '__name__', tyyppi)}: {virhe}") from None


def _paivat(arvot, nimi: str):
    """Date values read exactly: strings only as YYYY-MM-DD, timestamps only at midnight without a zone."""
    if isinstance(getattr(arvot, "dtype", None), pd.DatetimeTZDtype):
        raise Syottovirhe(nimi, "a timestamp with a time zone is not a date; store dates (date32) or naive midnight timestamps")
    taulukko = np.asarray(arvot)
    if taulukko.dtype.kind == "M":
        if taulukko.dtype != np.dtype("datetime64[D]"):  # days are days; a finer unit may carry a time of day
            ok = np.isnat(taulukko) | (taulukko == taulukko.astype("datetime64[D]"))
            if not ok.all():
                vaadi(ok, nimi, taulukko.astype(str), "a timestamp with a time of day is not a date; give the day only")
        return taulukko
    if taulukko.dtype.kind in "OU":
        annetut = ~np.asarray(pd.isna(taulukko), dtype=bool)
        try:
            paivat = np.full(taulukko.size, np.datetime64("NaT"), dtype="datetime64[D]")
            paivat[annetut] = syotteet.tarkista_paivat(taulukko[annetut], nimi)
        except syotteet.Syotevirhe as virhe:
            raise Syottovirhe(nimi, "expected a date YYYY-MM-DD (e.g. 2024-03-04)", virhe.arvo) from None
        return paivat
    return taulukko


def _roolit(rooli) -> np.ndarray:
    if isinstance(rooli, pd.Categorical):
        kartta = _koodit_luokista(rooli.categories, list(ROOLIT), "rooli")
        koodit = rooli.codes.astype(np.int64)
        if (koodit < 0).any():
            raise Syottovirhe("rooli", "missing value (null)", rivit=int((koodit < 0).sum()))
        vaarat = [rooli.categories[k] for k in np.unique(koodit) if kartta[k] < 0]
        if vaarat:
            raise Syottovirhe("rooli", f"must be one of {', '.join(ROOLIT)}", str(vaarat[0]))
        return kartta[koodit]
    rooli = np.asarray(rooli)
    if np.issubdtype(rooli.dtype, np.integer):
        if rooli.size and (rooli.min() < 0 or rooli.max() > 1):
            raise Syottovirhe("rooli", "role index must be 0 (palkkatyo) or 1 (yritystoiminta)")
        return rooli.astype(np.int64)
    paikat, erilliset = pd.factorize(rooli)
    kartta = _koodit_luokista(erilliset, list(ROOLIT), "rooli")
    if (kartta < 0).any() or (paikat < 0).any():
        vaara = next((e for e, k in zip(erilliset, kartta) if k < 0), None)
        raise Syottovirhe("rooli", f"must be one of {', '.join(ROOLIT)}", str(vaara))
    return kartta[paikat]


def _rakenna(tax_benefit_system, n_vak: int, n_tyo: int, kuuluu: np.ndarray, rooli: np.ndarray) -> Simulation:
    """The simulation's entities, set in bulk.

    Not `SimulationBuilder.join_with_persons`: it maps groups through the sorted
    *used* ids, which misassigns rows when an insured person has no earning
    activity.  Group ids are 0…n-1 here, so a row's group index is its
    `vakuutettu` value.  The builder's `declare_*` and the `members_role` setter
    also copy through Python lists (seconds for millions of rows); the ids are
    plain ranges and the roles one gather.
    """
    rakentaja = SimulationBuilder()
    rakentaja.create_entities(tax_benefit_system)
    tyot = rakentaja.populations["ansiotyo"]
    tyot.ids, tyot.count = np.arange(n_tyo), n_tyo
    ryhma = rakentaja.populations["vakuutettu"]
    ryhma.ids, ryhma.count = np.arange(n_vak), n_vak
    ryhma.members_entity_id = kuuluu
    roolit = np.empty(len(ryhma.entity.flattened_roles), dtype=object)
    roolit[:] = ryhma.entity.flattened_roles
    ryhma._members_role = roolit[rooli]  # what the setter stores, without its list round trip
    simulaatio = rakentaja.build(tax_benefit_system)
    merkitse_koodit(simulaatio, ryhma, rooli)  # role masks from the codes, not by comparing Role objects
    return nopeuta(simulaatio)


def _jarjestys(nimi: str) -> tuple[int, str]:
    """Month-specific columns (`x@YYYY-MM`) first; the plain column then fills the other months
    (OpenFisca's `set_input_dispatch_by_period` never overwrites a month already set)."""
    return (KUUKAUSIEROTIN not in nimi, nimi)


def rakenna_simulaatio(
    tax_benefit_system,
    vakuutetut,
    ansiotyot,
    kuukaudet: Iterable[str],
    ohita: Iterable[str] = (),
    valimuisti: dict | None = None,
) -> Simulation:
    """A simulation of all insured persons in `vakuutetut` for the given months.

    `valimuisti`: a dict shared by several calls over the same tables (baseline and
    reform) so each column is converted once.
    """
    kuukaudet = [str(as_period(k)) for k in kuukaudet]
    ohita = set(ohita)
    v_sarakkeet = _sarakkeet(vakuutetut)
    a_sarakkeet = _sarakkeet(ansiotyot)
    for sarake in RAKENNESARAKKEET:
        if sarake not in a_sarakkeet:
            raise Syottovirhe(sarake, "required column of the earning-activity table (ansiotyot) is missing")
    if valimuisti is not None and "rakenne" in valimuisti:
        n_vak, n_tyo, kuuluu, rooli = valimuisti["rakenne"]
    else:
        n_vak = _pituus(v_sarakkeet, None)
        n_tyo = _pituus(a_sarakkeet, None)
        kuuluu = np.asarray(a_sarakkeet["vakuutettu"])
        if not np.issubdtype(kuuluu.dtype, np.integer) or (n_tyo and (kuuluu.min() < 0 or kuuluu.max() >= n_vak)):
            raise Syottovirhe("vakuutettu", f"must be a row number 0…{n_vak - 1} of the insured table")
        kuuluu = kuuluu.astype(np.int64)
        rooli = _roolit(a_sarakkeet["rooli"])
        if valimuisti is not None:
            valimuisti["rakenne"] = (n_vak, n_tyo, kuuluu, rooli)
    simulaatio = _rakenna(tax_benefit_system, n_vak, n_tyo, kuuluu, rooli)
    asetetut: set[tuple[str, str]] = set()

    for entiteetti, sarakkeet, ohitettavat in (
        ("vakuutettu", v_sarakkeet, ohita),
        ("ansiotyo", a_sarakkeet, ohita | set(RAKENNESARAKKEET)),
    ):
        for sarake in sorted(sarakkeet, key=_jarjestys):
            if sarake in ohitettavat:
                continue
            nimi, _, kuukausi = sarake.partition(KUUKAUSIEROTIN)
            try:
                muuttuja = syotteet.sarakkeen_muuttuja(tax_benefit_system, entiteetti, sarake)
            except syotteet.Syotevirhe as virhe:
                raise Syottovirhe(sarake, virhe.syy) from None
            if kuukausi:
                if kuukausi not in kuukaudet:
                    continue
            avain = (entiteetti, sarake, muuttuja.value_type, getattr(muuttuja, "possible_values", None))
            if valimuisti is not None and avain in valimuisti:
                taulukko = valimuisti[avain]
            else:
                taulukko = _arvot(muuttuja, sarakkeet[sarake], sarake)
                if valimuisti is not None:
                    valimuisti[avain] = taulukko
            if muuttuja.value_type is str and isinstance(sarakkeet[sarake], pd.Categorical) and not kuukausi:
                koodit, erilliset = tekijat.luokista(sarakkeet[sarake], valimuisti, ("tekijat", *avain))
                tekijat.merkitse(simulaatio, nimi, taulukko, koodit, erilliset)
            if muuttuja.definition_period == DateUnit.ETERNITY:
                simulaatio.set_input(nimi, "eternity", taulukko)
            else:
                for kk in [kuukausi] if kuukausi else kuukaudet:
                    if (nimi, kk) not in asetetut:
                        simulaatio.set_input(nimi, kk, taulukko)
                        asetetut.add((nimi, kk))
    return simulaatio
