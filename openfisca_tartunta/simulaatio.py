"""Simulations from columns: whole populations without per-person dictionaries.

Case systems send one situation as JSON; analysts and benchmarks have tables.
`rakenna_simulaatio` builds an OpenFisca `Simulation` straight from column
arrays (numpy or pandas): one table of insured persons (`vakuutetut`) and one of
earning activities (`ansiotyot`), the latter with two structural columns:

- `vakuutettu`: the 0-based row number of the insured person the activity belongs to;
- `rooli`: `palkkatyo` or `yritystoiminta` (or the role index 0/1).

Every other column must be an input variable of the entity: ETERNITY variables
are set once, MONTH (and other) variables for each simulated month.  Enum
columns take the item names (`karanteeni`) or their integer codes; date columns
take `datetime64` values or ISO strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit, period as as_period
from openfisca_core.simulations import Simulation, SimulationBuilder

from openfisca_tartunta.tarkistukset import Syottovirhe

RAKENNESARAKKEET = ("vakuutettu", "rooli")
ROOLIT = ("palkkatyo", "yritystoiminta")


def _sarakkeet(taulu) -> dict[str, np.ndarray]:
    if hasattr(taulu, "columns"):  # pandas DataFrame
        return {str(nimi): taulu[nimi].to_numpy() for nimi in taulu.columns}
    return {str(nimi): np.asarray(arvot) for nimi, arvot in dict(taulu).items()}


def _pituus(sarakkeet: Mapping[str, np.ndarray], oletus: int | None) -> int:
    pituudet = {len(v) for v in sarakkeet.values()}
    if len(pituudet) > 1:
        raise Syottovirhe("(table)", f"columns have different lengths {sorted(pituudet)}")
    return pituudet.pop() if pituudet else (oletus or 0)


def _arvot(muuttuja, arvot: np.ndarray, nimi: str) -> np.ndarray:
    """Column values in the variable's storage type, with a clear error on a bad value."""
    tyyppi = muuttuja.value_type
    try:
        if tyyppi is Enum:
            mahdolliset = muuttuja.possible_values
            if np.issubdtype(arvot.dtype, np.integer):
                koodit = arvot.astype(np.int16)
                if koodit.size and (koodit.min() < 0 or koodit.max() >= len(mahdolliset)):
                    raise ValueError("code out of range")
                return mahdolliset.encode(koodit)
            erilliset, paikat = np.unique(np.asarray(arvot).astype(str), return_inverse=True)
            nimet = [item.name for item in mahdolliset]
            tuntemattomat = [e for e in erilliset if e not in nimet]
            if tuntemattomat:
                raise Syottovirhe(
                    nimi,
                    f"unknown value; possible values are {', '.join(nimet)}",
                    str(tuntemattomat[0]),
                    rivit=int(np.isin(erilliset[paikat], tuntemattomat).sum()),
                )
            koodit = np.array([nimet.index(e) for e in erilliset], dtype=np.int16)
            return mahdolliset.encode(koodit[paikat.reshape(-1)])
        if tyyppi.__name__ == "date":
            return np.asarray(arvot).astype("datetime64[D]")
        if tyyppi is bool:
            return np.asarray(arvot).astype(bool)
        if tyyppi is int:
            arvot = np.asarray(arvot)
            if np.issubdtype(arvot.dtype, np.floating) and not np.all(np.isfinite(arvot)):
                raise ValueError("missing value")
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


def rakenna_simulaatio(
    tax_benefit_system,
    vakuutetut,
    ansiotyot,
    kuukaudet: Iterable[str],
) -> Simulation:
    """A simulation of all insured persons in `vakuutetut` for the given months."""
    kuukaudet = [str(as_period(k)) for k in kuukaudet]
    v_sarakkeet = _sarakkeet(vakuutetut)
    a_sarakkeet = _sarakkeet(ansiotyot)
    for sarake in RAKENNESARAKKEET:
        if sarake not in a_sarakkeet:
            raise Syottovirhe(sarake, "required column of the earning-activity table (ansiotyot) is missing")
    n_vak = _pituus(v_sarakkeet, None)
    n_tyo = _pituus(a_sarakkeet, None)
    kuuluu = np.asarray(a_sarakkeet["vakuutettu"])
    if not np.issubdtype(kuuluu.dtype, np.integer) or (n_tyo and (kuuluu.min() < 0 or kuuluu.max() >= n_vak)):
        raise Syottovirhe("vakuutettu", f"must be a row number 0…{n_vak - 1} of the insured table")
    rooli = np.asarray(a_sarakkeet["rooli"])
    if not np.issubdtype(rooli.dtype, np.integer):
        rooli_str = rooli.astype(str)
        vaarat = np.setdiff1d(np.unique(rooli_str), ROOLIT)
        if vaarat.size:
            raise Syottovirhe("rooli", f"must be one of {', '.join(ROOLIT)}", str(vaarat[0]))
        rooli = (rooli_str == ROOLIT[1]).astype(np.int64)
    elif rooli.size and (rooli.min() < 0 or rooli.max() > 1):
        raise Syottovirhe("rooli", "role index must be 0 (palkkatyo) or 1 (yritystoiminta)")

    rakentaja = SimulationBuilder()
    rakentaja.create_entities(tax_benefit_system)
    rakentaja.declare_person_entity("ansiotyo", np.arange(n_tyo))
    ryhma = rakentaja.declare_entity("vakuutettu", np.arange(n_vak))
    rakentaja.join_with_persons(ryhma, kuuluu, rooli)
    simulaatio = rakentaja.build(tax_benefit_system)

    for entiteetti, sarakkeet, ohita in (
        ("vakuutettu", v_sarakkeet, ()),
        ("ansiotyo", a_sarakkeet, RAKENNESARAKKEET),
    ):
        for nimi, arvot in sarakkeet.items():
            if nimi in ohita:
                continue
            muuttuja = tax_benefit_system.variables.get(nimi)
            if muuttuja is None or muuttuja.entity.key != entiteetti:
                raise Syottovirhe(nimi, f"not an input variable of '{entiteetti}'")
            taulukko = _arvot(muuttuja, arvot, nimi)
            if muuttuja.definition_period == DateUnit.ETERNITY:
                simulaatio.set_input(nimi, "eternity", taulukko)
            else:
                for kuukausi in kuukaudet:
                    simulaatio.set_input(nimi, kuukausi, taulukko)
    return simulaatio
