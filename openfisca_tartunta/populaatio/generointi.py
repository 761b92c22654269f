"""A seeded synthetic population: who has a communicable-disease decision in a month.

`tartunta populaatio --koko N --siemen S --kuukausi 2024-03 --kohde DIR` writes
two Parquet tables with the contract's input columns (CONTRACT.md):

- `vakuutetut.parquet`: one row per insured person, plus `vakuutettu_id` and the
  sampling weight `paino`;
- `ansiotyot.parquet`: one row per earning activity, plus `ansiotyo_id` and the
  structural columns `vakuutettu` (row number in vakuutetut) and `rooli`.

The sample stands for the insured persons with a decision (or an application)
in force during the month.  Every number below is a **synthetic assumption**
chosen to be plausible and to exercise every rule; nothing is calibrated to
Kela's statistics, which are not in the sources.

| topic | assumption |
|---|---|
| weights | `paino` ~ Gamma(4, 0.25), normalised to mean 1 in each block and scaled so they sum to `--edustaa` (default N) |
| decision | 45 % quarantine, 25 % isolation, 15 % absence order, 12 % child kept at home, 3 % no valid decision |
| duration | quarantine 5/7/10/14 days, isolation 5/7/10, child 3–14, absence order 5–21 or (25 %) long, median 45 days, ≤ 365 |
| timing | every decision overlaps the month (start uniform so that it does); not before 2017-01-01 |
| child | the guardian's child is under 16 in 95 % of child decisions (16–17 otherwise: not entitled) |
| insured | 99.5 % insured under SVL |
| activities | 0/1/2/3/4 with 3/55/30/10/2 % (≈ 1.53 each); the first is self-employment in 10 %, others in 8 % |
| pay | main job log-normal, median 3 300 €/month (σ 0.45); other jobs median 900 € (σ 0.7); 50–40 000 € |
| estimate | 4 % without a reliable estimate (`edeltava_palkka` = pay × U(0.85, 1.10) is used) |
| other work | 3 % lower-paid replacement work (20–90 % of pay), 0.5 % equal pay (no loss) |
| employer pays | main job 35 %, others 15 %: paid leave from the decision's start to its end (70 %) or for 1–14 days; absence pay = pay / 25 × the leave's arkipäivät in the month × U(0.70, 1.05) |
| employers | a pool of N / 20 Y-tunnukset (valid check digits), sizes skewed (index = pool × U²); 1 % foreign employers with Kela's 999 id |
| entrepreneurs | YEL 62 % (median 28 000 €/yr), MYEL 13 % (20 000 €), voluntary 3 % (15 000 €), none 22 % (taxed income median 5 000 €; 10 % of those over 10 000 € neglected) |
| annual leave | 3 % have leave: a share U(0.1, 1) of the decision's arkipäivät in each month (at least 1) |
| restriction | 0.3 % have days in prison or service, likewise |
| blocking | 1 % a pension from the 1st of the month after the start, 0.5 % a rehabilitation benefit during the decision, 2 % working pensioners |
| application | 85 % on time (not given); 15 % arrive a log-normal median 25 days after the start; 20 % of those late ones accepted |
| tax card | wage card 70 %, benefit card 8 %, none 18 %, source tax 4 %; rate ≈ 7 + 0.48 % per 100 € of monthly income above 1 000 € (noise σ 2, 0–50 %); additional rate +10–20 (≤ 60); an income limit for 80 % of cards |
| distraint | 4 % under a payment prohibition; dependants 0/1/2/3 with 60/20/12/8 %; 40 % other net income 200–1 500 €; 10 % a fixed amount 50–400 €; 8 % a free month |

Month-dependent counts (annual leave, restriction days, absence pay, income
counted against the card's limit) are for the generated month; with
`--kuukausia K` the population covers K months from `--kuukausi` (decisions
still overlap the first) and these four inputs are written per month as
`name@YYYY-MM` columns, which `tartunta simuloi` sets for that month only.

Deterministic: the same size, seed and month always give the same tables.  The
population is generated in blocks of `OSAN_KOKO` insured (block *i* uses the
random stream `(seed, i)`), so memory stays flat for 10 million and the result
does not depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from openfisca_tartunta.populaatio import arvonta, kansiot
from openfisca_tartunta.populaatio.arvonta import ETUUDET, PERUSTEET, PIDATYSPERUSTEET, ROOLIT, VAKUUTUKSET
from openfisca_tartunta.populaatio.tyonantajat import tyonantajat

#: Insured per generated block (fixed: the output must not depend on memory).
OSAN_KOKO = 250_000
#: Rows per Parquet row group (the Dask run partitions along these).
RIVIRYHMA = 125_000
#: The files of `kohde` (a folder holding only these may be replaced).
TIEDOSTOT = ("vakuutetut.parquet", "ansiotyot.parquet")


# --- Arrow tables ----------------------------------------------------------------------

_SANASTOT = {
    "poissaolon_peruste": PERUSTEET,
    "ennakonpidatysperuste": PIDATYSPERUSTEET,
    "rooli": ROOLIT,
    "yrittajavakuutus": VAKUUTUKSET,
    "estava_etuus_1": ETUUDET,
}


def _sarake(nimi: str, arvot, tunnukset: np.ndarray) -> pa.Array:
    if isinstance(arvot, tuple):  # (dates, mask of "not given")
        paivat, puuttuu = arvot
        return pa.array(np.asarray(paivat, dtype="datetime64[D]"), type=pa.date32(), mask=np.asarray(puuttuu))
    if nimi in _SANASTOT:
        return pa.DictionaryArray.from_arrays(pa.array(arvot, type=pa.int8()), pa.array(_SANASTOT[nimi], type=pa.string()))
    if nimi == "tyonantajan_tunnus":  # only the ids this block uses: Parquet stores a dictionary per row group
        kaytetyt, paikat = np.unique(arvot, return_inverse=True)
        return pa.DictionaryArray.from_arrays(
            pa.array(paikat.astype(np.int32), type=pa.int32()), pa.array(tunnukset[kaytetyt], type=pa.string())
        )
    if np.asarray(arvot).dtype.kind == "M":
        return pa.array(np.asarray(arvot, dtype="datetime64[D]"), type=pa.date32())
    return pa.array(arvot)


def _taulu(sarakkeet: dict, tunnukset: np.ndarray, metatiedot: dict) -> pa.Table:
    taulu = pa.table({nimi: _sarake(nimi, arvot, tunnukset) for nimi, arvot in sarakkeet.items()})
    return taulu.replace_schema_metadata({b"tartunta": json.dumps(metatiedot).encode()})


def _kuukaudet(kuukausi: str, kuukausia: int) -> list[str]:
    if kuukausia < 1:
        raise ValueError(f"--kuukausia must be at least 1, got {kuukausia}")
    alku = np.datetime64(kuukausi, "M")
    return [str(alku + i) for i in range(kuukausia)]


def _osat(koko: int, siemen: int, kuukaudet: list[str], edustaa: float | None):
    """Yield (vakuutetut, ansiotyot) Arrow tables block by block, with global ids and row numbers."""
    tunnukset, kotimaisia = tyonantajat(koko, siemen)
    kerroin = (edustaa / koko) if edustaa else 1.0
    metatiedot = {"koko": koko, "siemen": siemen, "kuukaudet": kuukaudet, "edustaa": edustaa or koko}
    vak_alku = tyo_alku = 0
    for i, alku in enumerate(range(0, koko, OSAN_KOKO)):
        n = min(OSAN_KOKO, koko - alku)
        vak, tyo = arvonta.lohko(np.random.default_rng([siemen, i]), n, kuukaudet, tunnukset, kotimaisia)
        vak["paino"] = vak["paino"] * kerroin
        m = len(tyo["vakuutettu"])
        vak = {"vakuutettu_id": np.arange(vak_alku, vak_alku + n, dtype=np.int64), **vak}
        tyo["vakuutettu"] = tyo["vakuutettu"] + vak_alku
        tyo = {"ansiotyo_id": np.arange(tyo_alku, tyo_alku + m, dtype=np.int64), **tyo}
        yield _taulu(vak, tunnukset, metatiedot), _taulu(tyo, tunnukset, metatiedot)
        vak_alku += n
        tyo_alku += m


def _kerroin_oikein(koko: int, edustaa: float | None) -> None:
    if koko < 1:
        raise ValueError(f"--koko must be at least 1, got {koko}")
    if edustaa is not None and not edustaa > 0:
        raise ValueError(f"--edustaa must be positive, got {edustaa}")


def generoi(
    koko: int, siemen: int = 0, kuukausi: str = "2024-03", edustaa: float | None = None, kuukausia: int = 1
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The population as two DataFrames (in memory; the same rows `kirjoita` writes)."""
    _kerroin_oikein(koko, edustaa)
    kuukaudet = _kuukaudet(kuukausi, kuukausia)
    vak, tyo = zip(*_osat(koko, siemen, kuukaudet, edustaa))
    return (
        pa.concat_tables(vak).to_pandas(date_as_object=False),
        pa.concat_tables(tyo).to_pandas(date_as_object=False),
    )


def kirjoita(
    koko: int,
    siemen: int,
    kuukausi: str,
    kohde,
    edustaa: float | None = None,
    edistyminen: bool = False,
    kuukausia: int = 1,
) -> dict:
    """Write `vakuutetut.parquet` and `ansiotyot.parquet` into `kohde` (a fresh folder swapped in: `kansiot`)."""
    _kerroin_oikein(koko, edustaa)
    kuukaudet = _kuukaudet(kuukausi, kuukausia)
    kohde = Path(kohde)
    rivit = {"vakuutetut": 0, "ansiotyot": 0}
    with kansiot.uusi_kansio(kohde, "populaatio", TIEDOSTOT, "--kohde") as valiaikainen:
        kirjoittajat: dict[str, pq.ParquetWriter] = {}
        osia = -(-koko // OSAN_KOKO)
        from tqdm import tqdm

        for vak, tyo in tqdm(
            _osat(koko, siemen, kuukaudet, edustaa), total=osia, unit="osa", desc="populaatio", disable=not edistyminen
        ):
            for nimi, taulu in (("vakuutetut", vak), ("ansiotyot", tyo)):
                if nimi not in kirjoittajat:
                    kirjoittajat[nimi] = pq.ParquetWriter(valiaikainen / f"{nimi}.parquet", taulu.schema)
                # insured in row groups of RIVIRYHMA (the Dask partitions follow them); a block's
                # activities in one row group (one dictionary of employer ids per block)
                koko_ryhma = RIVIRYHMA if nimi == "vakuutetut" else max(taulu.num_rows, 1)
                kirjoittajat[nimi].write_table(taulu, row_group_size=koko_ryhma)
                rivit[nimi] += taulu.num_rows
        for kirjoittaja in kirjoittajat.values():
            kirjoittaja.close()
    return {"kohde": str(kohde), "kuukaudet": kuukaudet, "siemen": siemen, **rivit}


# --- command line ----------------------------------------------------------------------


def lisaa_argumentit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--koko", type=int, required=True, help="number of insured persons (10 … 10 000 000 and more)")
    parser.add_argument("--siemen", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--kuukausi", required=True, help="the month the decisions are in force, YYYY-MM")
    parser.add_argument("--kohde", required=True, help="folder for vakuutetut.parquet and ansiotyot.parquet (new, or from a previous run: replaced whole)")
    parser.add_argument(
        "--kuukausia",
        type=int,
        default=1,
        help="months covered from --kuukausi on (default 1); with more, the month-dependent inputs are "
        "written per month as name@YYYY-MM columns",
    )
    parser.add_argument("--edustaa", type=float, default=None, help="scale the weights to sum to this many persons (default: --koko)")
    parser.add_argument("--hiljaa", action="store_true", help="no progress bar")


def suorita(args: argparse.Namespace) -> int:
    from openfisca_tartunta.populaatio.taulut import Taulukkovirhe, tarkista_kuukausi

    try:
        kuukausi = tarkista_kuukausi(args.kuukausi)
        viimeinen = str(np.datetime64(kuukausi, "M") + max(args.kuukausia, 1) - 1)
        tarkista_kuukausi(viimeinen)
        tulos = kirjoita(
            args.koko, args.siemen, kuukausi, args.kohde, args.edustaa, edistyminen=not args.hiljaa, kuukausia=args.kuukausia
        )
    except (Taulukkovirhe, ValueError) as virhe:
        print(f"tartunta populaatio: error: {virhe}", file=sys.stderr)
        return 2
    print(
        f"{tulos['vakuutetut']} insured and {tulos['ansiotyot']} earning activities for {', '.join(tulos['kuukaudet'])} "
        f"(seed {tulos['siemen']}) → {tulos['kohde']}/vakuutetut.parquet, ansiotyot.parquet"
    )
    return 0
