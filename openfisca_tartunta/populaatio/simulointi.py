"""Baseline and reform over a population: `tartunta simuloi`.

    tartunta simuloi --vakuutetut V.parquet --ansiotyot A.parquet --kuukausi 2024-03 \\
        [--kuukausi 2024-04 …] [--reformi NAME|FILE …] --tulokset DIR [--dask [--scheduler ADDR]]

Checks every column of the two tables (`taulut`) before any work, runs the
baseline (and the reform, if given — several `--reformi` are applied in order)
in partitions of whole insured persons (each with all their activities), one
partition at a time (`virtaus`: read from the Parquet row groups, computed,
appended to the result files, so memory does not grow with the population),
and writes into DIR: per-person and per-activity results
(`vakuutetut_tulokset.parquet`: one row per insured and month, every output `X`
as `X_perus` and `X_reformi`), the weighted summary with its provenance
(`yhteenveto.json`, `.csv`, `desiilit.csv`; see `yhteenveto`, `lahtotiedot`) and
the plots (`kuvat/`, `kuvaajat`).

The whole set is written in a fresh folder beside DIR and swapped in at once
(`kansiot`): a failed run leaves DIR as it was, and a rerun never leaves the
previous run's files beside the new ones.  Bad input exits with status 2 and a
message naming the table, the column or the reform.  With `--dask` the
partitions (`osat`) run on a Dask cluster (`dask_ajo`) and are written in
order as they arrive; the results are identical to the in-process run.
Progress of every phase goes to stderr.

The Python API (`simuloi`, `kirjoita`) keeps the results in memory as DataFrames.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from openfisca_tartunta.populaatio import lahtotiedot, osat, taulut, yhteenveto as yht
from openfisca_tartunta.populaatio.edistyminen import Edistyminen
from openfisca_tartunta.populaatio.osat import OSAN_KOKO, TULOKSET, TYON_TULOKSET, jarjestelmat, reformin_nimi
from openfisca_tartunta.populaatio.sarakelahde import Sarakkeet, sarakkeet
from openfisca_tartunta.populaatio.tallennus import TIEDOSTOT, kirjoita
from openfisca_tartunta.populaatio.taulut import PAINO, Taulukkovirhe
from openfisca_tartunta.tarkistukset import Syottovirhe

__all__ = ["OSAN_KOKO", "TIEDOSTOT", "TULOKSET", "TYON_TULOKSET", "Tulokset", "jarjestelmat", "kirjoita", "simuloi"]


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
    """A run's per-person results and weighted summary (with `lahtotiedot`: provenance).

    A streamed run (`virtaus`) has no DataFrames: `lahde` reads its result columns
    back from the written file; otherwise `lahde` reads them from `vakuutetut`.
    """

    vakuutetut: pd.DataFrame | None
    ansiotyot: pd.DataFrame | None
    kuukaudet: list[str]
    reformi: str | None
    yhteenveto: dict = field(default_factory=dict)
    desiilit: pd.DataFrame | None = None
    lahtotiedot: dict | None = None
    lahde: Sarakkeet | None = None

    def __post_init__(self) -> None:
        if self.lahde is None:
            self.lahde = sarakkeet(self.vakuutetut)
        if not self.yhteenveto:
            self.yhteenveto, self.desiilit = yht.laske(self.lahde, self.kuukaudet, self.reformi)
            if self.lahtotiedot is not None:
                self.yhteenveto["lahtotiedot"] = self.lahtotiedot

    def mittarit(self) -> pd.DataFrame:
        return yht.mittaritaulu(self.yhteenveto)


def _reformilista(reformit) -> list:
    if isinstance(reformit, str) or (reformit is not None and not isinstance(reformit, Sequence)):
        return [reformit]
    return list(reformit or [])


def simuloi(
    vakuutetut: pd.DataFrame,
    ansiotyot: pd.DataFrame,
    kuukaudet: Iterable[str],
    reformit: Sequence | str | None = (),
    osan_koko: int = OSAN_KOKO,
    edistyminen: bool | Edistyminen = False,
    tiedostot: dict | None = None,
) -> Tulokset:
    """Baseline (and reform) over DataFrames in this process (the Python API of `tartunta simuloi`)."""
    reformit = _reformilista(reformit)
    seuranta = edistyminen if isinstance(edistyminen, Edistyminen) else Edistyminen(bool(edistyminen))
    kuukaudet = _tarkista_kuukaudet(kuukaudet)
    _varmista_sarakkeet(vakuutetut, ansiotyot, reformit)
    if PAINO in vakuutetut:
        yht.tarkista_painosumma(taulut.tarkista_painot(vakuutetut[PAINO]))
    tiivisteet = lahtotiedot.tiivisteet_taustalla(tiedostot) if tiedostot else None
    skenaarioita = 2 if reformit else 1
    tulokset = []
    with seuranta.palkki(len(vakuutetut) * skenaarioita, f"computing {len(kuukaudet)} month(s) × {skenaarioita} system(s)") as palkki:
        for vak, tyo, alku, rivit in osat.jaa_osiin(vakuutetut, ansiotyot, osan_koko):
            tulokset.append(osat.laske_osa(vak, tyo, kuukaudet, reformit, alku, rivit, palkki.update))
    return koosta(tulokset, kuukaudet, reformit, seuranta, tiivisteet, tiedostot)


def koosta(tulokset: list, kuukaudet, reformit, seuranta: Edistyminen, tiivisteet=None, tiedostot=None) -> Tulokset:
    """Merge the partitions and summarise (also used by the Dask run)."""
    with seuranta.vaihe("merging and summarising"):
        vak_tulokset, tyo_tulokset = osat.yhdista(tulokset, kuukaudet)
        tiedot = lahtotiedot.kokoa(jarjestelmat(())[0], reformit, jarjestelmat, tiivisteet, tiedostot)
        return Tulokset(vak_tulokset, tyo_tulokset, kuukaudet, reformin_nimi(reformit), lahtotiedot=tiedot)


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
    parser.add_argument("--tulokset", required=True, help="folder for the results, summary and plots (replaced whole)")
    parser.add_argument("--dask", action="store_true", help="run the partitions on Dask (a local cluster unless --scheduler)")
    parser.add_argument("--scheduler", default=None, help="address of a running Dask scheduler, e.g. tcp://host:8786")
    parser.add_argument("--tyoprosessit", type=int, default=2, help="worker processes of the local Dask cluster (default 2)")
    parser.add_argument(
        "--tyoprosessien-aikaraja", type=float, default=60.0,
        help="with --dask: fail when no worker has been connected for this many seconds (default 60)",
    )
    parser.add_argument(
        "--osan-koko",
        type=int,
        default=None,
        help=f"insured per partition (default: {OSAN_KOKO} in-process; with --dask about two tasks per worker)",
    )
    parser.add_argument("--kuvamuoto", choices=("png", "svg"), default="png", help="plot format (PNG 1800 px wide, or SVG)")
    parser.add_argument("--ei-kuvaajia", action="store_true", help="do not draw the plots")
    parser.add_argument("--hiljaa", action="store_true", help="no progress output")


def aja(args: argparse.Namespace) -> tuple[Tulokset, dict[str, Path]]:
    """Check everything, run, write. Raises Taulukkovirhe/Reformivirhe/Syottovirhe on bad input."""
    from openfisca_tartunta.populaatio.muisti import pida_muisti
    from openfisca_tartunta.populaatio.tallennus import tarkista_kohde

    if args.scheduler and not args.dask:
        raise Taulukkovirhe("--scheduler needs --dask")
    if args.osan_koko is not None and args.osan_koko < 1:
        raise Taulukkovirhe(f"--osan-koko must be at least 1, got {args.osan_koko}")
    aikaraja = getattr(args, "tyoprosessien_aikaraja", 60.0)
    if not aikaraja > 0:
        raise Taulukkovirhe(f"--tyoprosessien-aikaraja must be positive seconds, got {aikaraja}")
    tarkista_kohde(args.tulokset)
    pida_muisti()  # freed partition arrays stay in the heap (`muisti`)
    seuranta = Edistyminen(not args.hiljaa)
    with seuranta.vaihe("checking the reform and the tables' columns"):
        kuukaudet = _tarkista_kuukaudet(args.kuukausi)
        jarjestelma = [j for j in jarjestelmat(args.reformi) if j is not None]  # an unknown reform fails here
        taulut.tarkista_skeema(taulut.lue_skeema(args.vakuutetut, "vakuutetut"), "vakuutetut", *jarjestelma)
        taulut.tarkista_skeema(taulut.lue_skeema(args.ansiotyot, "ansiotyot"), "ansiotyot", *jarjestelma)
    tiedostot = {"vakuutetut": os.path.abspath(args.vakuutetut), "ansiotyot": os.path.abspath(args.ansiotyot)}
    return _aja_osittain(args, kuukaudet, tiedostot, seuranta, aikaraja)


def _laske(args, kuukaudet: list[str], kansio: Path, seuranta: Edistyminen, aikaraja: float):
    """Compute every partition into the result files in `kansio`: in this process, or on Dask.
    Returns the writer (`virtaus.Tuloskirjoittaja`), its files still open."""
    from openfisca_tartunta.populaatio import virtaus

    if not args.dask:
        return virtaus.aja_osittain(
            args.vakuutetut, args.ansiotyot, kuukaudet, args.reformi, kansio, args.osan_koko or OSAN_KOKO, seuranta
        )
    from openfisca_tartunta.populaatio.dask_ajo import simuloi_daskilla

    virtaus.tarkista_painot(args.vakuutetut)
    kirjoittaja = virtaus.Tuloskirjoittaja(kansio, kuukaudet, virtaus.vakuutettuja(args.vakuutetut))
    simuloi_daskilla(
        args.vakuutetut, args.ansiotyot, kuukaudet, args.reformi, scheduler=args.scheduler,
        tyoprosesseja=args.tyoprosessit, osan_koko=args.osan_koko, edistyminen=seuranta, aikaraja=aikaraja,
        kirjoita=kirjoittaja.lisaa,
    )
    return kirjoittaja


def _aja_osittain(args, kuukaudet: list[str], tiedostot: dict, seuranta: Edistyminen, aikaraja: float):
    """The run streamed (`virtaus`): partitions are written as they are computed, the summary and
    the plots read the written results, and the whole folder is swapped in at the end."""
    from openfisca_tartunta.populaatio import kansiot, virtaus
    from openfisca_tartunta.populaatio.tallennus import json_teksti, kirjoita_yhteenveto, tuo_kuvaajat_taustalla

    tiivisteet = lahtotiedot.tiivisteet_taustalla(tiedostot)
    if not args.ei_kuvaajia:
        tuo_kuvaajat_taustalla()
    with kansiot.uusi_kansio(args.tulokset, "simuloi", TIEDOSTOT.values(), "--tulokset") as kansio:
        kirjoittaja = _laske(args, kuukaudet, kansio, seuranta, aikaraja)
        polut, muistissa = kirjoittaja.sulje(), kirjoittaja.muistissa()
        with seuranta.vaihe("summarising"):
            tiedot = lahtotiedot.kokoa(jarjestelmat(())[0], args.reformi, jarjestelmat, tiivisteet, tiedostot)
            tulokset = Tulokset(None, None, kuukaudet, reformin_nimi(args.reformi), lahtotiedot=tiedot,
                                lahde=Sarakkeet(polut["vakuutetut"], muistissa))
            json_teksti(tulokset.yhteenveto)
        nimet = list(virtaus.TIEDOSTOT.values())
        nimet += kirjoita_yhteenveto(tulokset, kansio, not args.ei_kuvaajia, seuranta, getattr(args, "kuvamuoto", "png"))
    kohde = Path(args.tulokset)
    return tulokset, {nimi: kohde / nimi for nimi in nimet}


def _tuloste(tulokset: Tulokset, kohde: str) -> str:
    taulu = tulokset.mittarit()
    rivit = [f"{'mittari':<40}" + "".join(f"{c:>18}" for c in taulu.columns[1:])]
    for _, rivi in taulu.iterrows():
        muoto = ",.0f" if "_otoksessa" in rivi["mittari"] or rivi["mittari"] == "henkilokuukausia" else ",.2f"
        solut = "".join(
            f"{'' if pd.isna(rivi[c]) else format(rivi[c], muoto).replace(',', ' '):>18}" for c in taulu.columns[1:]
        )
        rivit.append(f"{rivi['mittari']:<40}{solut}")
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
