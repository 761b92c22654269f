"""Baseline and reform over a population: `tartunta simuloi`.

    tartunta simuloi --vakuutetut V.parquet --ansiotyot A.parquet --kuukausi 2024-03 \\
        [--kuukausi 2024-04 …] [--reformi NAME|FILE …] --tulokset DIR [--dask [--scheduler ADDR]]

Reads the two tables (`taulut`), checks every column before any work, runs the
baseline (and the reform, if given — several `--reformi` are applied in order)
in partitions of whole insured persons (each with all their activities), and
writes into DIR:

- `vakuutetut_tulokset.parquet`: one row per insured and month — the row number
  (`vakuutettu`), `vakuutettu_id` if given, `kuukausi`, `paino`, `kuukausiansio`
  and every output `X` as `X_perus` (and `X_reformi`);
- `ansiotyot_tulokset.parquet`: one row per activity and month with each
  employer's part;
- `yhteenveto.json`, `yhteenveto.csv`, `desiilit.csv`: the weighted summary (`yhteenveto`);
- `kuvat/*.png`: the plots (`kuvaajat`).

Everything is written to a temporary folder beside DIR and moved in at the end:
a failed run leaves no partial output.  Bad input exits with status 2 and a
message naming the table, the column or the reform.  With `--dask` the
partitions run on a Dask cluster (a local one, or `--scheduler ADDR`); the
results are identical to the in-process run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from openfisca_tartunta.populaatio import taulut, yhteenveto as yht
from openfisca_tartunta.populaatio.taulut import LISASARAKKEET, PAINO, Taulukkovirhe
from openfisca_tartunta.sopimus import ANSIOTYON_TULOKSET, VAKUUTETUN_TULOKSET
from openfisca_tartunta.simulaatio import KUUKAUSIEROTIN, RAKENNESARAKKEET, rakenna_simulaatio
from openfisca_tartunta.tarkistukset import Syottovirhe

#: Outputs on `vakuutettu` (MONTH), in the order they are written (those the system has).
TULOKSET = list(VAKUUTETUN_TULOKSET)
#: Outputs on `ansiotyo` (MONTH).
TYON_TULOKSET = list(ANSIOTYON_TULOKSET)
#: Insured per partition of the in-process run (≈ 1.5 GB of working memory per million).
OSAN_KOKO = 1_000_000
TIEDOSTOT = {
    "vakuutetut": "vakuutetut_tulokset.parquet",
    "ansiotyot": "ansiotyot_tulokset.parquet",
    "json": "yhteenveto.json",
    "csv": "yhteenveto.csv",
    "desiilit": "desiilit.csv",
    "kuvat": "kuvat",
}


# --- tax-benefit systems (cached per process: Dask workers build them once) -----------------

_JARJESTELMAT: dict[tuple, tuple] = {}


def jarjestelmat(reformit: Sequence = ()) -> tuple:
    """(baseline, reformed system or None) for the reforms named in order."""
    from openfisca_tartunta import CountryTaxBenefitSystem
    from openfisca_tartunta.reforms import sovella_reformit

    avain = tuple(r if isinstance(r, type) else str(r) for r in reformit)
    if avain not in _JARJESTELMAT:
        perus = _JARJESTELMAT[()][0] if () in _JARJESTELMAT else CountryTaxBenefitSystem()
        _JARJESTELMAT[()] = (perus, None)
        _JARJESTELMAT[avain] = (perus, sovella_reformit(perus, reformit) if avain else None)
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


def laske_osa(
    vakuutetut: pd.DataFrame,
    ansiotyot: pd.DataFrame,
    kuukaudet: Sequence[str],
    reformit: Sequence = (),
    vak_alku: int = 0,
    tyo_rivit: np.ndarray | None = None,
    edistyminen: Callable[[], None] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Results of one partition: insured rows `vak_alku …` with all their activities.

    `ansiotyot["vakuutettu"]` holds global row numbers; `tyo_rivit` the activities'
    global row numbers (default: 0…).
    """
    perus, reformi = jarjestelmat(reformit)
    n, m = len(vakuutetut), len(ansiotyot)
    ansiotyot = ansiotyot.assign(vakuutettu=ansiotyot["vakuutettu"].to_numpy(dtype=np.int64) - vak_alku)
    kuuluu = ansiotyot["vakuutettu"].to_numpy()
    tyo_rivit = np.arange(m, dtype=np.int64) if tyo_rivit is None else np.asarray(tyo_rivit, dtype=np.int64)
    k = len(kuukaudet)
    v: dict[str, object] = {
        "vakuutettu": np.tile(np.arange(vak_alku, vak_alku + n, dtype=np.int64), k),
        "kuukausi": _kuukausisarake(kuukaudet, n),
    }
    if "vakuutettu_id" in vakuutetut:
        v["vakuutettu_id"] = np.tile(vakuutetut["vakuutettu_id"].to_numpy(), k)
    paino = taulut.tarkista_painot(vakuutetut[PAINO]) if PAINO in vakuutetut else np.ones(n)
    v[PAINO] = np.tile(paino, k)
    a: dict[str, object] = {
        "ansiotyo": np.tile(tyo_rivit, k),
        "vakuutettu": np.tile(kuuluu + vak_alku, k),
        "kuukausi": _kuukausisarake(kuukaudet, m),
    }
    if "ansiotyo_id" in ansiotyot:
        a["ansiotyo_id"] = np.tile(ansiotyot["ansiotyo_id"].to_numpy(), k)

    sarakkeet = list(vakuutetut.columns) + list(ansiotyot.columns)
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
        for nimi in _tulosmuuttujat(tbs, TULOKSET):
            muuttuja = tbs.variables[nimi]
            v[f"{nimi}_{skenaario}"] = np.concatenate(
                [_tallennettava(muuttuja, simulaatio.calculate(nimi, kk)) for kk in kuukaudet]
            )
        for nimi in _tulosmuuttujat(tbs, TYON_TULOKSET):
            muuttuja = tbs.variables[nimi]
            a[f"{nimi}_{skenaario}"] = np.concatenate(
                [_tallennettava(muuttuja, simulaatio.calculate(nimi, kk)) for kk in kuukaudet]
            )
        del simulaatio
        if edistyminen:
            edistyminen()
    return pd.DataFrame(v), pd.DataFrame(a)


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


def _yhdista(osat: list[tuple[pd.DataFrame, pd.DataFrame]], kuukaudet: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Concatenate partition results in (month, row) order: the same for any partitioning."""
    tulokset = []
    for i, rivi in ((0, "vakuutettu"), (1, "ansiotyo")):
        df = pd.concat([o[i] for o in osat], ignore_index=True) if osat else pd.DataFrame()
        if len(df):
            kuukausi = df["kuukausi"].cat.codes.to_numpy()
            jarjestys = np.lexsort((df[rivi].to_numpy(), kuukausi))
            if np.any(jarjestys != np.arange(len(df))):
                df = df.iloc[jarjestys].reset_index(drop=True)
        tulokset.append(df)
    return tulokset[0], tulokset[1]


def _varmista_sarakkeet(vakuutetut: pd.DataFrame, ansiotyot: pd.DataFrame, reformit: Sequence) -> None:
    jarjestelma = [j for j in jarjestelmat(reformit) if j is not None]
    taulut.tarkista_dataframe(vakuutetut, "vakuutetut", *jarjestelma)
    taulut.tarkista_dataframe(ansiotyot, "ansiotyot", *jarjestelma)


def _tarkista_kuukaudet(kuukaudet: Iterable[str]) -> list[str]:
    tulos: list[str] = []
    perus = jarjestelmat(())[0]
    for kk in kuukaudet:
        kk = taulut.tarkista_kuukausi(kk, perus)
        if kk not in tulos:
            tulos.append(kk)
    if not tulos:
        raise Taulukkovirhe("give at least one month (--kuukausi YYYY-MM)")
    return tulos


@dataclass
class Tulokset:
    """A run's per-person results and weighted summary."""

    vakuutetut: pd.DataFrame
    ansiotyot: pd.DataFrame
    kuukaudet: list[str]
    reformi: str | None
    yhteenveto: dict = field(default_factory=dict)
    desiilit: pd.DataFrame | None = None

    def __post_init__(self) -> None:
        if not self.yhteenveto:
            self.yhteenveto, self.desiilit = yht.laske(self.vakuutetut, self.kuukaudet, self.reformi)

    def mittarit(self) -> pd.DataFrame:
        return yht.mittaritaulu(self.yhteenveto)


def _palkki(yhteensa: int, kuvaus: str, nayta: bool):
    from tqdm import tqdm

    return tqdm(total=yhteensa, desc=kuvaus, unit="osa", disable=not nayta, file=sys.stderr)


def simuloi(
    vakuutetut: pd.DataFrame,
    ansiotyot: pd.DataFrame,
    kuukaudet: Iterable[str],
    reformit: Sequence | str | None = (),
    osan_koko: int = OSAN_KOKO,
    edistyminen: bool = False,
) -> Tulokset:
    """Baseline (and reform) over DataFrames in this process (the Python API of `tartunta simuloi`)."""
    reformit = [reformit] if isinstance(reformit, str) or (reformit is not None and not isinstance(reformit, Sequence)) else list(reformit or [])
    kuukaudet = _tarkista_kuukaudet(kuukaudet)
    _varmista_sarakkeet(vakuutetut, ansiotyot, reformit)
    skenaarioita = 2 if reformit else 1
    osat = []
    with _palkki(len(osiot(len(vakuutetut), osan_koko)) * skenaarioita, "simuloidaan", edistyminen) as palkki:
        for vak, tyo, alku, rivit in jaa_osiin(vakuutetut, ansiotyot, osan_koko):
            osat.append(laske_osa(vak, tyo, kuukaudet, reformit, alku, rivit, lambda: palkki.update(1)))
    vak_tulokset, tyo_tulokset = _yhdista(osat, kuukaudet)
    return Tulokset(vak_tulokset, tyo_tulokset, kuukaudet, reformin_nimi(reformit))


# --- writing --------------------------------------------------------------------------------------


def _kirjoita_parquet(df: pd.DataFrame, polku: Path) -> None:
    taulu = pa.Table.from_pandas(df, preserve_index=False)
    # Dictionary-encode only the month; numbers gain nothing from it and cost time.
    pq.write_table(taulu, polku, use_dictionary=["kuukausi"], compression="snappy")


def kirjoita(tulokset: Tulokset, kohde, kuvat: bool = True) -> dict[str, Path]:
    """Write the results into folder `kohde`: all files appear at once, or none.

    The two Parquet files are written in background threads (Arrow releases the
    GIL) while the summary files and the plots are drawn.
    """
    from concurrent.futures import ThreadPoolExecutor

    kohde = Path(kohde)
    kohde.parent.mkdir(parents=True, exist_ok=True)
    valiaikainen = Path(tempfile.mkdtemp(prefix=".tartunta-simuloi-", dir=kohde.parent))
    try:
        with ThreadPoolExecutor(max_workers=2) as saikeet:
            tehtavat = [
                saikeet.submit(_kirjoita_parquet, tulokset.vakuutetut, valiaikainen / TIEDOSTOT["vakuutetut"]),
                saikeet.submit(_kirjoita_parquet, tulokset.ansiotyot, valiaikainen / TIEDOSTOT["ansiotyot"]),
            ]
            (valiaikainen / TIEDOSTOT["json"]).write_text(
                json.dumps(tulokset.yhteenveto, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            tulokset.mittarit().to_csv(valiaikainen / TIEDOSTOT["csv"], index=False)
            tulokset.desiilit.to_csv(valiaikainen / TIEDOSTOT["desiilit"], index=False)
            nimet = [TIEDOSTOT[k] for k in ("vakuutetut", "ansiotyot", "json", "csv", "desiilit")]
            if kuvat:
                from openfisca_tartunta.populaatio import kuvaajat

                kuvat_dir = valiaikainen / TIEDOSTOT["kuvat"]
                piirretyt = kuvaajat.piirra(tulokset.vakuutetut, tulokset.desiilit, kuvat_dir)
                nimet += [str(Path(TIEDOSTOT["kuvat"]) / p.name) for p in piirretyt]
            for tehtava in tehtavat:
                tehtava.result()
        kohde.mkdir(parents=True, exist_ok=True)
        if kuvat:
            (kohde / TIEDOSTOT["kuvat"]).mkdir(exist_ok=True)
        kirjoitetut = {}
        for nimi in nimet:
            os.replace(valiaikainen / nimi, kohde / nimi)
            kirjoitetut[nimi] = kohde / nimi
        return kirjoitetut
    finally:
        shutil.rmtree(valiaikainen, ignore_errors=True)


# --- command line ---------------------------------------------------------------------------------


def lisaa_argumentit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vakuutetut", required=True, help="Parquet table of the insured (one row each)")
    parser.add_argument("--ansiotyot", required=True, help="Parquet table of the earning activities")
    parser.add_argument("--kuukausi", action="append", required=True, help="month YYYY-MM to simulate (repeatable)")
    parser.add_argument(
        "--reformi",
        action="append",
        default=[],
        help="reform: a registry name (odotusaika, korvausaste, enimmaismaara, yrittajan_jakaja), a .yaml/.json "
        "parameter file, a .py file or a dotted path; repeat to apply several in order",
    )
    parser.add_argument("--tulokset", required=True, help="folder for the results, summary and plots")
    parser.add_argument("--dask", action="store_true", help="run the partitions on Dask (a local cluster unless --scheduler)")
    parser.add_argument("--scheduler", default=None, help="address of a running Dask scheduler, e.g. tcp://host:8786")
    parser.add_argument("--tyoprosessit", type=int, default=2, help="worker processes of the local Dask cluster (default 2)")
    parser.add_argument(
        "--osan-koko",
        type=int,
        default=None,
        help=f"insured per partition (default: {OSAN_KOKO} in-process; with --dask about two tasks per worker)",
    )
    parser.add_argument("--ei-kuvaajia", action="store_true", help="do not draw the plots")
    parser.add_argument("--hiljaa", action="store_true", help="no progress bar")


def aja(args: argparse.Namespace) -> tuple[Tulokset, dict[str, Path]]:
    """Check everything, run, write. Raises Taulukkovirhe/Reformivirhe/Syottovirhe on bad input."""
    if args.scheduler and not args.dask:
        raise Taulukkovirhe("--scheduler needs --dask")
    if args.osan_koko is not None and args.osan_koko < 1:
        raise Taulukkovirhe(f"--osan-koko must be at least 1, got {args.osan_koko}")
    kuukaudet = _tarkista_kuukaudet(args.kuukausi)
    jarjestelma = [j for j in jarjestelmat(args.reformi) if j is not None]  # an unknown reform fails here
    taulut.tarkista_skeema(taulut.lue_skeema(args.vakuutetut, "vakuutetut"), "vakuutetut", *jarjestelma)
    taulut.tarkista_skeema(taulut.lue_skeema(args.ansiotyot, "ansiotyot"), "ansiotyot", *jarjestelma)
    nayta = not args.hiljaa
    if args.dask:
        from openfisca_tartunta.populaatio.dask_ajo import simuloi_daskilla

        vak, tyo = simuloi_daskilla(
            args.vakuutetut, args.ansiotyot, kuukaudet, args.reformi,
            scheduler=args.scheduler, tyoprosesseja=args.tyoprosessit, osan_koko=args.osan_koko, edistyminen=nayta,
        )
        tulokset = Tulokset(vak, tyo, kuukaudet, reformin_nimi(args.reformi))
    else:
        vakuutetut = taulut.lue_taulu(args.vakuutetut, "vakuutetut")
        ansiotyot = taulut.lue_taulu(args.ansiotyot, "ansiotyot")
        tulokset = simuloi(vakuutetut, ansiotyot, kuukaudet, args.reformi, args.osan_koko or OSAN_KOKO, edistyminen=nayta)
    return tulokset, kirjoita(tulokset, args.tulokset, kuvat=not args.ei_kuvaajia)


def _tuloste(tulokset: Tulokset, kohde: str) -> str:
    taulu = tulokset.mittarit()
    rivit = [f"{'mittari':<28}" + "".join(f"{c:>18}" for c in taulu.columns[1:])]
    for _, rivi in taulu.iterrows():
        muoto = ",.0f" if rivi["mittari"].endswith("_otoksessa") else ",.2f"
        solut = "".join(
            f"{'' if pd.isna(rivi[c]) else format(rivi[c], muoto).replace(',', ' '):>18}" for c in taulu.columns[1:]
        )
        rivit.append(f"{rivi['mittari']:<28}{solut}")
    return "\n".join(rivit) + f"\n→ {kohde}"


def suorita(args: argparse.Namespace) -> int:
    from openfisca_tartunta.reforms import Reformivirhe

    try:
        tulokset, _ = aja(args)
    except (Taulukkovirhe, Reformivirhe, Syottovirhe) as virhe:
        print(f"tartunta simuloi: error: {virhe}", file=sys.stderr)
        return 2
    print(_tuloste(tulokset, args.tulokset))
    return 0
