"""One partition of a population run: whole insured persons with all their activities.

`laske_osa` computes the baseline (and the reform) for a partition and returns
its result columns; the streamed run (`virtaus`), the Dask tasks (`dask_ajo`)
and the in-memory Python API (`simulointi.simuloi`) all call it.  `yhdista`
puts in-memory partitions back in (month, row) order as DataFrames, so the
results do not depend on the partitioning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from openfisca_tartunta import maksunsaajat
from openfisca_tartunta.parametrit import muista_puut
from openfisca_tartunta.populaatio import taulut, yhteenveto as yht
from openfisca_tartunta.populaatio.taulut import LISASARAKKEET, PAINO
from openfisca_tartunta.simulaatio import KUUKAUSIEROTIN, RAKENNESARAKKEET, rakenna_simulaatio
from openfisca_tartunta.sopimus import ANSIOTYON_TULOKSET, VAKUUTETUN_TULOKSET
from openfisca_tartunta.tarkistukset import Syottovirhe

#: Outputs on `vakuutettu` (MONTH), in the order they are written (those the system has).
TULOKSET = list(VAKUUTETUN_TULOKSET)
#: Outputs on `ansiotyo` (MONTH).
TYON_TULOKSET = list(ANSIOTYON_TULOKSET)
#: Insured per partition of the in-process run (≈ 0.7 GiB of peak memory at 250 000).  Measured at
#: 1 000 000 insured: 6.4 s end to end with 250 000 against 8.2–9.5 s with 1 000 000, where the
#: kernel's page faults on the larger arrays took 2–3 s of system time (README, Performance).
OSAN_KOKO = 250_000


# --- tax-benefit systems (cached per process: Dask workers build them once) -----------------

_JARJESTELMAT: dict[tuple, tuple] = {}


def jarjestelmat(reformit: Sequence = ()) -> tuple:
    """(baseline, reformed system or None) for the reforms named in order."""
    from openfisca_tartunta import CountryTaxBenefitSystem
    from openfisca_tartunta.reforms import sovella_reformit

    avain = tuple(r if isinstance(r, type) else str(r) for r in reformit)
    if avain not in _JARJESTELMAT:
        if () in _JARJESTELMAT:
            perus = _JARJESTELMAT[()][0]
        else:
            perus = CountryTaxBenefitSystem()
            muista_puut(perus)  # the systems are never changed: a parameter tree per day is built once
        _JARJESTELMAT[()] = (perus, None)
        reformi = sovella_reformit(perus, reformit) if avain else None
        if reformi is not None:
            muista_puut(reformi)
        _JARJESTELMAT[avain] = (perus, reformi)
    return _JARJESTELMAT[avain]


def reformin_nimi(reformit: Sequence) -> str | None:
    return " + ".join((getattr(r, "name", None) or r.__name__) if isinstance(r, type) else str(r) for r in reformit) or None


def _tulosmuuttujat(tbs, nimet: list[str]) -> list[str]:
    return [n for n in nimet if n in tbs.variables]


# --- one partition ------------------------------------------------------------------------------


def _ohitettavat(sarakkeet: Iterable[str], tbs) -> set[str]:
    """Columns a system does not compute with: extras, and inputs only another system knows."""
    ohita = set(LISASARAKKEET["vakuutetut"]) | set(LISASARAKKEET["ansiotyot"])
    for sarake in sarakkeet:
        nimi = sarake.partition(KUUKAUSIEROTIN)[0]
        if sarake not in RAKENNESARAKKEET and nimi not in tbs.variables:
            ohita.add(sarake)
    return ohita


def _tallennettava(muuttuja, arvot: np.ndarray) -> np.ndarray:
    if muuttuja.value_type is float:
        return np.round(np.asarray(arvot, dtype=np.float64), 2)  # float32 → whole cents
    if muuttuja.value_type is int:
        return np.asarray(arvot, dtype=np.int32)
    return np.asarray(arvot)


def _kuukausisarake(kuukaudet: Sequence[str], n: int) -> pd.Categorical:
    """`n` rows for each month, month-major, as a Categorical built from codes (no string parsing)."""
    koodit = np.repeat(np.arange(len(kuukaudet), dtype=np.int16), n)
    return pd.Categorical.from_codes(koodit, categories=pd.Index(list(kuukaudet), dtype=object))


def sarakkeina(taulu) -> dict[str, object]:
    """A DataFrame (or a mapping of columns) as a dict of arrays, as `rakenna_simulaatio` reads it."""
    if not hasattr(taulu, "columns"):
        return dict(taulu)
    tulos = {}
    for nimi in taulu.columns:
        sarja = taulu[nimi]
        tulos[str(nimi)] = sarja.to_numpy() if isinstance(sarja.dtype, np.dtype) else sarja.array
    return tulos


def _pituus(taulu) -> int:
    if hasattr(taulu, "columns"):
        return len(taulu)
    return len(next(iter(taulu.values()))) if len(taulu) else 0


def _vapauta(simulaatio) -> None:
    """Free a finished simulation's arrays now.  A simulation is a reference cycle (populations ↔
    simulation), so dropping it leaves its arrays to some later full collection; a `gc.collect()`
    per partition and system instead cost 50 ms each (it walks the whole heap, the model's objects
    included).  The finished simulation's and its populations' attributes are dropped instead — holders,
    memberships, role masks, memos — and with them the arrays; the empty shells go with the next
    collection."""
    for populaatio in simulaatio.populations.values():
        populaatio.__dict__.clear()
    simulaatio.__dict__.clear()


def laske_osa(
    vakuutetut,
    ansiotyot,
    kuukaudet: Sequence[str],
    reformit: Sequence = (),
    vak_alku: int = 0,
    tyo_rivit: np.ndarray | None = None,
    edistyminen: Callable[[int], None] | None = None,
) -> tuple[dict[str, object], dict[str, object]]:
    """Results of one partition: insured rows `vak_alku …` with all their activities.

    The tables are DataFrames or dicts of columns (`osien_luku.lue_osa`).
    `ansiotyot["vakuutettu"]` holds global row numbers; `tyo_rivit` the activities'
    global row numbers (default: 0…).  `edistyminen(n)` is called after each
    scenario with the partition's number of insured.  Returns the per-insured and
    per-activity result columns, month-major (`yhdista` makes DataFrames of them,
    `virtaus` writes them).
    """
    perus, reformi = jarjestelmat(reformit)
    n, m = _pituus(vakuutetut), _pituus(ansiotyot)
    vakuutetut, ansiotyot = sarakkeina(vakuutetut), sarakkeina(ansiotyot)
    ansiotyot["vakuutettu"] = np.asarray(ansiotyot["vakuutettu"], dtype=np.int64) - vak_alku
    kuuluu = ansiotyot["vakuutettu"]
    tyo_rivit = np.arange(m, dtype=np.int64) if tyo_rivit is None else np.asarray(tyo_rivit, dtype=np.int64)
    k = len(kuukaudet)
    v: dict[str, object] = {
        "vakuutettu": np.tile(np.arange(vak_alku, vak_alku + n, dtype=np.int64), k),
        "kuukausi": _kuukausisarake(kuukaudet, n),
    }
    if "vakuutettu_id" in vakuutetut:
        v["vakuutettu_id"] = np.tile(np.asarray(vakuutetut["vakuutettu_id"]), k)
    paino = taulut.tarkista_painot(vakuutetut[PAINO]) if PAINO in vakuutetut else np.ones(n)
    v[PAINO] = np.tile(paino, k)
    a: dict[str, object] = {
        "ansiotyo": np.tile(tyo_rivit, k),
        "vakuutettu": np.tile(kuuluu + vak_alku, k),
        "kuukausi": _kuukausisarake(kuukaudet, m),
    }
    if "ansiotyo_id" in ansiotyot:
        a["ansiotyo_id"] = np.tile(np.asarray(ansiotyot["ansiotyo_id"]), k)

    sarakkeet = list(vakuutetut) + list(ansiotyot)
    tulokset, tyon_tulokset = TULOKSET, TYON_TULOKSET
    if maksunsaajat.on_tarkistus(sarakkeet, KUUKAUSIEROTIN):  # previous payments given: the revision's outputs too (issue 14)
        tulokset = TULOKSET + list(maksunsaajat.kuukausittaiset_tulokset("vakuutettu"))
        tyon_tulokset = TYON_TULOKSET + list(maksunsaajat.kuukausittaiset_tulokset("ansiotyo"))
    valimuisti: dict = {}  # each column converted once for both systems
    for skenaario, tbs in (("perus", perus), ("reformi", reformi)):
        if tbs is None:
            continue
        simulaatio = rakenna_simulaatio(
            tbs, vakuutetut, ansiotyot, kuukaudet, ohita=_ohitettavat(sarakkeet, tbs), valimuisti=valimuisti
        )
        if skenaario == "perus":
            ansio = []
            for kk in kuukaudet:
                palkka = simulaatio.calculate("menetetty_kuukausiansio", kk).astype(np.float64)
                yrittaja = simulaatio.calculate("yrittajan_paivarahan_tyotulo", kk).astype(np.float64) / 12
                ansio.append(np.round(np.bincount(kuuluu, weights=palkka + yrittaja, minlength=n), 2))
            v[yht.TULO] = np.concatenate(ansio)
        for nimi in _tulosmuuttujat(tbs, tulokset):
            muuttuja = tbs.variables[nimi]
            v[f"{nimi}_{skenaario}"] = np.concatenate(
                [_tallennettava(muuttuja, simulaatio.calculate(nimi, kk)) for kk in kuukaudet]
            )
        for nimi in _tulosmuuttujat(tbs, tyon_tulokset):
            muuttuja = tbs.variables[nimi]
            a[f"{nimi}_{skenaario}"] = np.concatenate(
                [_tallennettava(muuttuja, simulaatio.calculate(nimi, kk)) for kk in kuukaudet]
            )
        _vapauta(simulaatio)
        del simulaatio
        if edistyminen:
            edistyminen(n)
    return v, a


# --- partitions -----------------------------------------------------------------------------------


def osiot(n: int, osan_koko: int = OSAN_KOKO) -> list[tuple[int, int]]:
    """Row ranges [alku, loppu) of the insured, each at most `osan_koko` long."""
    osan_koko = max(1, int(osan_koko))
    return [(alku, min(alku + osan_koko, n)) for alku in range(0, n, osan_koko)] or [(0, 0)]


def tarkista_rivinumerot(pienin, suurin, n: int, dtype=np.dtype(np.int64)) -> None:
    """Every activity must point at a row of the insured table (else it would be silently left out)."""
    if not np.issubdtype(dtype, np.integer):
        raise Syottovirhe("vakuutettu", "must be integer row numbers of the insured table")
    if pienin < 0 or suurin >= n:
        arvo = int(pienin) if pienin < 0 else int(suurin)
        raise Syottovirhe("vakuutettu", f"must be a row number 0…{n - 1} of the insured table", arvo)


def jaa_osiin(vakuutetut: pd.DataFrame, ansiotyot: pd.DataFrame, osan_koko: int = OSAN_KOKO):
    """Yield (vakuutetut part, ansiotyot part, first insured row, activity row numbers)."""
    kuuluu = np.asarray(ansiotyot["vakuutettu"])
    tarkista_rivinumerot(kuuluu.min() if kuuluu.size else 0, kuuluu.max() if kuuluu.size else -1, len(vakuutetut), kuuluu.dtype)
    jarjestys = np.argsort(kuuluu, kind="stable")
    lajiteltu = kuuluu[jarjestys]
    for alku, loppu in osiot(len(vakuutetut), osan_koko):
        a, b = np.searchsorted(lajiteltu, [alku, loppu], side="left")
        rivit = jarjestys[a:b]
        if rivit.size > 1 and np.any(np.diff(rivit) < 0):
            rivit = np.sort(rivit)  # keep the table's own order inside the partition
        yield vakuutetut.iloc[alku:loppu], ansiotyot.iloc[rivit], alku, rivit


def _kehys(sarakkeet: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame(sarakkeet, copy=False)


def _liita(osat: list[dict[str, object]]) -> dict[str, object]:
    """Concatenate the partitions' columns (the month as codes of the same categories)."""
    tulos: dict[str, object] = {}
    for nimi in osat[0]:
        arvot = [o[nimi] for o in osat]
        if isinstance(arvot[0], pd.Categorical):
            koodit = np.concatenate([a.codes for a in arvot])
            tulos[nimi] = pd.Categorical.from_codes(koodit, dtype=arvot[0].dtype)
        else:
            tulos[nimi] = np.concatenate([np.asarray(a) for a in arvot])
    return tulos


def yhdista(osat: list[tuple[dict, dict]], kuukaudet: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Partition results as DataFrames in (month, row) order: the same for any partitioning."""
    tulokset = []
    for i, rivi in ((0, "vakuutettu"), (1, "ansiotyo")):
        if not osat:
            tulokset.append(pd.DataFrame())
            continue
        sarakkeet = osat[0][i] if len(osat) == 1 else _liita([o[i] for o in osat])
        if len(osat) > 1 and len(sarakkeet[rivi]):
            kuukausi = sarakkeet["kuukausi"].codes
            jarjestys = np.lexsort((sarakkeet[rivi], kuukausi))
            if np.any(jarjestys != np.arange(len(jarjestys))):
                sarakkeet = {nimi: arvot[jarjestys] for nimi, arvot in sarakkeet.items()}
        tulokset.append(_kehys(sarakkeet))
    return tulokset[0], tulokset[1]
