"""The in-process run streamed one partition at a time: read, compute, write (issue 12, 10 M insured).

`aja_osittain` never holds the whole population or its results: for each
partition of whole insured persons (`osien_luku.osiot_tiedostosta`, along the
Parquet row groups) it reads the partition's rows (`osien_luku.lue_osa`: the
next partition is read in a thread while this one computes), computes the
baseline and the reform (`osat.laske_osa`) and appends the result columns to the
result files (`Tuloskirjoittaja`, in a thread while the next one computes).  The
summary and the plots then read the columns they need back from
`vakuutetut_tulokset.parquet` (`sarakelahde`), so memory holds one partition
and a few columns of the result, whatever the population's size.  A run of at
most `MUISTIIN_RIVIT` person-months keeps the per-person columns it wrote
(`Tuloskirjoittaja.muistissa`) and the summary reads them from memory: decoding
the file again cost half a second per million rows.

The files are those of the in-memory run, row for row: per month, insured rows
in table order (with several months, each month is written to its own part
file and the parts are joined in month order at the end), activities in table
order (re-sorted at the end when `ansiotyot` is not grouped by `vakuutettu`).
The Dask run writes through the same `Tuloskirjoittaja`, in partition order.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from openfisca_tartunta.populaatio import taulut, yhteenveto as yht
from openfisca_tartunta.populaatio.edistyminen import Edistyminen
from openfisca_tartunta.populaatio.osat import laske_osa
from openfisca_tartunta.populaatio.osien_luku import lue_osa, osiot_tiedostosta, tarkista_tiedoston_rivinumerot
from openfisca_tartunta.populaatio.taulut import PAINO

TIEDOSTOT = {"vakuutetut": "vakuutetut_tulokset.parquet", "ansiotyot": "ansiotyot_tulokset.parquet"}
_ASETUKSET = {"use_dictionary": ["kuukausi"], "compression": "snappy"}
#: Person-months up to which the per-person result columns are also kept in memory for the
#: summary (≈ 150 MB per million rows); above it the summary reads them back from the file.
MUISTIIN_RIVIT = 3_000_000


class Tuloskirjoittaja:
    """Appends partitions' result columns (`laske_osa`) to the two result files, in (month, row) order."""

    def __init__(self, kansio, kuukaudet: Sequence[str], vakuutettuja: int | None = None):
        """`vakuutettuja`: the population's size; given and at most `MUISTIIN_RIVIT` person-months,
        the per-person columns are also kept (`muistissa`)."""
        self.kansio, self.kuukausia = Path(kansio), len(kuukaudet)
        self._kirjoittajat: dict[tuple[str, int], pq.ParquetWriter] = {}
        muistiin = vakuutettuja is not None and vakuutettuja * self.kuukausia <= MUISTIIN_RIVIT
        self._muistiin: list[dict] | None = [] if muistiin else None
        self._viimeinen_tyo = -1
        self.tyot_jarjestyksessa = True

    def _osa(self, taulu: str, i: int) -> Path:
        return self.kansio / f".{TIEDOSTOT[taulu]}.{i}"

    def lisaa(self, vakuutetut: dict, ansiotyot: dict) -> None:
        """Append one partition (its rows month-major, as `laske_osa` returns them)."""
        rivit = np.asarray(ansiotyot["ansiotyo"])[: len(ansiotyot["ansiotyo"]) // self.kuukausia]
        if rivit.size:
            if rivit[0] <= self._viimeinen_tyo:
                self.tyot_jarjestyksessa = False
            self._viimeinen_tyo = max(self._viimeinen_tyo, int(rivit[-1]))
        if self._muistiin is not None and len(vakuutetut["vakuutettu"]):
            self._muistiin.append(vakuutetut)
        for taulu, sarakkeet in (("vakuutetut", vakuutetut), ("ansiotyot", ansiotyot)):
            arrow = pa.table(sarakkeet)
            kuukaudessa = arrow.num_rows // self.kuukausia
            for i in range(self.kuukausia):
                self._kirjoita(taulu, i, arrow.slice(i * kuukaudessa, kuukaudessa))

    def _kirjoita(self, taulu: str, i: int, arrow: pa.Table) -> None:
        kirjoittaja = self._kirjoittajat.get((taulu, i))
        if kirjoittaja is None:
            kirjoittaja = self._kirjoittajat[(taulu, i)] = pq.ParquetWriter(self._osa(taulu, i), arrow.schema, **_ASETUKSET)
        if arrow.schema != kirjoittaja.schema:  # e.g. an empty partition's untyped id column
            arrow = arrow.cast(kirjoittaja.schema)
        kirjoittaja.write_table(arrow)

    def muistissa(self) -> dict[str, object] | None:
        """The per-person columns written, in the file's row order (month-major, then the
        partitions in order), or None when they were not kept (`sarakelahde.Sarakkeet`)."""
        if not self._muistiin:
            return None
        tulos: dict[str, object] = {}
        for nimi in self._muistiin[0]:
            palat = []
            for i in range(self.kuukausia):
                for osa in self._muistiin:
                    arvot = osa[nimi]
                    n = len(arvot) // self.kuukausia
                    palat.append((arvot.codes if nimi == "kuukausi" else arvot)[i * n:(i + 1) * n])
            tulos[nimi] = np.concatenate(palat) if len(palat) > 1 else palat[0]
        if "kuukausi" in tulos:
            tulos["kuukausi"] = pd.Categorical.from_codes(tulos["kuukausi"], dtype=self._muistiin[0]["kuukausi"].dtype)
        self._muistiin = None
        return tulos

    def sulje(self) -> dict[str, Path]:
        """Close the part files and join them into the result files; returns their paths."""
        for kirjoittaja in self._kirjoittajat.values():
            kirjoittaja.close()
        tulos = {}
        for taulu, nimi in TIEDOSTOT.items():
            kohde = tulos[taulu] = self.kansio / nimi
            lajittele = taulu == "ansiotyot" and not self.tyot_jarjestyksessa
            osat = [self._osa(taulu, i) for i in range(self.kuukausia)]
            if len(osat) == 1 and not lajittele:
                os.replace(osat[0], kohde)
                continue
            kirjoittaja = None
            for osa in osat:
                tiedosto = pq.ParquetFile(osa)
                if kirjoittaja is None:
                    kirjoittaja = pq.ParquetWriter(kohde, tiedosto.schema_arrow, **_ASETUKSET)
                if lajittele:
                    arrow = tiedosto.read()
                    kirjoittaja.write_table(arrow.take(pc.sort_indices(arrow, [("ansiotyo", "ascending")])))
                else:
                    for ryhma in range(tiedosto.num_row_groups):
                        kirjoittaja.write_table(tiedosto.read_row_group(ryhma))
                tiedosto.close()
                osa.unlink()
            kirjoittaja.close()
        return tulos


def vakuutettuja(vak_polku) -> int:
    """Rows of the insured table (from the file's metadata)."""
    return pq.ParquetFile(vak_polku).metadata.num_rows


def tarkista_painot(vak_polku) -> None:
    """The weights, checked before any work (each finite and ≥ 0, their sum finite and positive)."""
    if PAINO in pq.read_schema(vak_polku).names:
        paino = pq.read_table(vak_polku, columns=[PAINO]).column(0).to_numpy()
        yht.tarkista_painosumma(taulut.tarkista_painot(paino))


def aja_osittain(
    vak_polku,
    tyo_polku,
    kuukaudet: Sequence[str],
    reformit: Sequence,
    kansio,
    osan_koko: int,
    seuranta: Edistyminen,
) -> Tuloskirjoittaja:
    """Compute the population partition by partition into the result files in `kansio`.

    Returns the writer: `sulje()` closes the files, `muistissa()` gives the columns kept."""
    n = vakuutettuja(vak_polku)
    tarkista_painot(vak_polku)
    tarkista_tiedoston_rivinumerot(tyo_polku, n)
    osat = osiot_tiedostosta(vak_polku, osan_koko)
    kirjoittaja = Tuloskirjoittaja(kansio, kuukaudet, n)
    skenaarioita = 2 if reformit else 1
    kuvaus = f"reading, computing and writing {len(kuukaudet)} month(s) × {skenaarioita} system(s), {len(osat)} partition(s)"
    with ThreadPoolExecutor(max_workers=2) as saikeet, seuranta.palkki(n * skenaarioita, kuvaus) as palkki:
        luku = saikeet.submit(lue_osa, vak_polku, tyo_polku, *osat[0])
        kirjoitus = None
        for i, (alku, _) in enumerate(osat):
            vakuutetut, ansiotyot, rivit = luku.result()
            if i + 1 < len(osat):  # read the next partition while this one computes
                luku = saikeet.submit(lue_osa, vak_polku, tyo_polku, *osat[i + 1])
            tulos = laske_osa(vakuutetut, ansiotyot, kuukaudet, reformit, alku, rivit, palkki.update)
            del vakuutetut, ansiotyot
            if kirjoitus is not None:
                kirjoitus.result()
            kirjoitus = saikeet.submit(kirjoittaja.lisaa, *tulos)
            del tulos
        if kirjoitus is not None:
            kirjoitus.result()
    return kirjoittaja
