"""The per-person result rows, one column at a time: from a DataFrame or from the written Parquet file.

The summary (`yhteenveto`) and the plots (`kuvaajat`) read the result columns
by name.  A run that streams its partitions to disk (`virtaus`) never holds the
whole result table: its summary reads each column back from
`vakuutetut_tulokset.parquet` when it needs it, so memory holds a few columns,
not all of them.  A small run keeps the columns it wrote (`muistissa`, in the
file's row order) and reads them from memory instead of decoding the file
again.  All sources give the same arrays, so the summary is the same to the
last bit whichever way the run went.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

#: Columns read again and again: kept once read (a few arrays of the person-month count).
_TOISTUVAT = ("vakuutettu", "paino", "tartuntatautipaivaraha_perus", "tartuntatautipaivaraha_reformi")


class Sarakkeet:
    """Result columns by name (`in`, `len`, `luvut(nimi)` as float64, `arvot(nimi)` as stored).

    `muistissa`: columns of the Parquet file `lahde` already in memory, in its row order
    (the month, `kuukausi`, as a Categorical); they are used instead of reading the file.
    """

    def __init__(self, lahde, muistissa: dict | None = None):
        self._df = lahde if isinstance(lahde, pd.DataFrame) else None
        self._tiedosto = None if self._df is not None else pq.ParquetFile(Path(lahde))
        if self._df is not None:
            self.nimet, self._rivit = [str(c) for c in self._df.columns], len(self._df)
        else:
            self.nimet, self._rivit = list(self._tiedosto.schema_arrow.names), self._tiedosto.metadata.num_rows
        self._muisti: dict[str, np.ndarray] = {}
        self._kuukausi = None
        if muistissa and self._tiedosto is not None:
            muistissa = dict(muistissa)
            self._kuukausi = muistissa.pop("kuukausi", None)
            self._muisti.update(muistissa)

    def __contains__(self, nimi: str) -> bool:
        return nimi in self.nimet

    def __len__(self) -> int:
        return self._rivit

    def arvot(self, nimi: str) -> np.ndarray:
        if nimi in self._muisti:
            return self._muisti[nimi]
        if self._df is not None:
            arvot = self._df[nimi].to_numpy()
        else:
            arvot = self._tiedosto.read(columns=[nimi], use_threads=False).column(0).to_numpy()
            if nimi in _TOISTUVAT:
                self._muisti[nimi] = arvot
        return arvot

    def luvut(self, nimi: str) -> np.ndarray:
        return np.asarray(self.arvot(nimi), dtype=np.float64)

    def kuukausiosat(self, kuukaudet: list[str]) -> list[np.ndarray]:
        """A row mask for each month."""
        if self._df is not None or self._kuukausi is not None:
            kuukausi = self._df["kuukausi"] if self._kuukausi is None else pd.Series(self._kuukausi, copy=False)
            if isinstance(kuukausi.dtype, pd.CategoricalDtype):
                koodit, nimet = kuukausi.cat.codes.to_numpy(), list(kuukausi.cat.categories)
                return [koodit == nimet.index(kk) for kk in kuukaudet]
            teksti = kuukausi.astype(str).to_numpy()
            return [teksti == kk for kk in kuukaudet]
        sarake = self._tiedosto.read(columns=["kuukausi"], use_threads=False).column(0)
        tulos = [np.zeros(self._rivit, dtype=bool) for _ in kuukaudet]
        alku = 0
        for pala in sarake.chunks:
            if pa.types.is_dictionary(pala.type):  # compare codes, not strings
                nimet = [str(x) for x in pala.dictionary.to_pylist()]
                koodit = pala.indices.to_numpy(zero_copy_only=False)
            else:
                koodit = np.asarray(pala.to_numpy(zero_copy_only=False), dtype=object)
                nimet = None
            for maski, kk in zip(tulos, kuukaudet):
                if nimet is None:
                    maski[alku:alku + len(pala)] = koodit == kk
                elif kk in nimet:
                    maski[alku:alku + len(pala)] = koodit == nimet.index(kk)
            alku += len(pala)
        return tulos


def sarakkeet(lahde) -> Sarakkeet:
    """`lahde` (a DataFrame, a Parquet path or `Sarakkeet`) as `Sarakkeet`."""
    return lahde if isinstance(lahde, Sarakkeet) else Sarakkeet(lahde)
