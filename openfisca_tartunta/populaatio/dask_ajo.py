"""Population runs on Dask: partitions of whole insured persons, read by the workers.

The client only reads the tables' metadata.  Each task reads its own rows of
`vakuutetut` (a contiguous range of row numbers, through the row groups that
hold it) and the activities that belong to them (`ansiotyot` rows whose
`vakuutettu` is in the range; row groups are skipped by their statistics, so a
table sorted by `vakuutettu` — as the generator writes it — is read once in
total).  Each insured is computed with all their activities, exactly as in the
in-process run, and the client puts the partitions back in row order, so the
results are identical.

A local cluster (`LocalCluster`, worker processes, one thread each) is started
unless a scheduler address is given; then the workers must see the same
Parquet paths (a shared file system) and have this package installed.  When
no worker has been connected for `aikaraja` seconds (all of them gone, or none
ever came) the run stops with an error instead of waiting forever.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from openfisca_tartunta.populaatio.edistyminen import Edistyminen
from openfisca_tartunta.populaatio.osat import laske_osa, tarkista_rivinumerot
from openfisca_tartunta.populaatio.taulut import Taulukkovirhe, arrow_pandasiksi
from openfisca_tartunta.tarkistukset import Syottovirhe


def _rivien_alut(tiedosto: pq.ParquetFile) -> np.ndarray:
    koot = [tiedosto.metadata.row_group(i).num_rows for i in range(tiedosto.metadata.num_row_groups)]
    return np.concatenate([[0], np.cumsum(koot)]).astype(np.int64)


def lue_vakuutetut(polku, alku: int, loppu: int) -> pd.DataFrame:
    """Rows [alku, loppu) of the insured table, reading only the row groups that hold them."""
    tiedosto = pq.ParquetFile(polku)
    alut = _rivien_alut(tiedosto)
    ryhmat = [i for i in range(len(alut) - 1) if alut[i] < loppu and alut[i + 1] > alku]
    if not ryhmat:
        return tiedosto.schema_arrow.empty_table().to_pandas(date_as_object=False)
    taulu = tiedosto.read_row_groups(ryhmat)
    return arrow_pandasiksi(taulu.slice(alku - alut[ryhmat[0]], loppu - alku))


def lue_ansiotyot(polku, alku: int, loppu: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Activities of insured rows [alku, loppu) and their row numbers in the file (file order)."""
    tiedosto = pq.ParquetFile(polku)
    alut = _rivien_alut(tiedosto)
    sarake = tiedosto.schema_arrow.get_field_index("vakuutettu")
    osat, rivit = [], []
    for i in range(tiedosto.metadata.num_row_groups):
        tilasto = tiedosto.metadata.row_group(i).column(sarake).statistics
        if tilasto is not None and tilasto.has_min_max and (tilasto.max < alku or tilasto.min >= loppu):
            continue
        taulu = tiedosto.read_row_group(i)
        kuuluu = taulu.column("vakuutettu")
        valinta = pc.and_(pc.greater_equal(kuuluu, alku), pc.less(kuuluu, loppu))
        osat.append(taulu.filter(valinta))
        rivit.append(alut[i] + np.flatnonzero(valinta.to_numpy(zero_copy_only=False)))
    if not osat:
        return tiedosto.schema_arrow.empty_table().to_pandas(date_as_object=False), np.zeros(0, dtype=np.int64)
    return arrow_pandasiksi(pa.concat_tables(osat)), np.concatenate(rivit).astype(np.int64)


def laske_tiedostoista(vak_polku, tyo_polku, alku: int, loppu: int, kuukaudet: Sequence[str], reformit: Sequence[str]):
    """One Dask task: read a partition and compute it (runs on a worker)."""
    vakuutetut = lue_vakuutetut(vak_polku, alku, loppu)
    ansiotyot, rivit = lue_ansiotyot(tyo_polku, alku, loppu)
    try:
        return laske_osa(vakuutetut, ansiotyot, kuukaudet, reformit, alku, rivit)
    except Syottovirhe as virhe:
        # Syottovirhe takes several arguments and does not survive pickling back to the
        # client as itself: send its message in a one-argument error.
        raise Taulukkovirhe(f"input error in rows {alku}…{loppu - 1}: {virhe}") from None


def _tarkista_rivinumerot(tyo_polku, n: int) -> None:
    """Check `ansiotyot.vakuutettu` against the insured rows from the row-group statistics
    (reading the column only when a row group has none)."""
    tiedosto = pq.ParquetFile(tyo_polku)
    sarake = tiedosto.schema_arrow.get_field_index("vakuutettu")
    pienimmat, suurimmat = [], []
    for i in range(tiedosto.metadata.num_row_groups):
        tilasto = tiedosto.metadata.row_group(i).column(sarake).statistics
        if tilasto is None or not tilasto.has_min_max:
            arvot = tiedosto.read_row_group(i, columns=["vakuutettu"]).column(0)
            pienimmat.append(pc.min(arvot).as_py())
            suurimmat.append(pc.max(arvot).as_py())
        else:
            pienimmat.append(tilasto.min)
            suurimmat.append(tilasto.max)
    pienimmat = [x for x in pienimmat if x is not None]
    suurimmat = [x for x in suurimmat if x is not None]
    if pienimmat:
        tyyppi = tiedosto.schema_arrow.field("vakuutettu").type.to_pandas_dtype()
        tarkista_rivinumerot(min(pienimmat), max(suurimmat), n, np.dtype(tyyppi))


def osiot_tiedostosta(polku, osan_koko: int) -> list[tuple[int, int]]:
    """Row ranges of about `osan_koko` insured, cut at row-group boundaries where possible."""
    alut = _rivien_alut(pq.ParquetFile(polku))
    n = int(alut[-1])
    rajat = [0]
    for raja in alut[1:]:
        if raja - rajat[-1] >= osan_koko or raja == n:
            rajat.append(int(raja))
    # split row groups larger than a partition
    tulos = []
    for a, b in zip(rajat[:-1], rajat[1:]):
        tulos += [(x, min(x + osan_koko, b)) for x in range(a, b, osan_koko)]
    return tulos or [(0, 0)]


def _odota(asiakas, tehtavat: dict, aikaraja: float, palkki, koot: list[int], kuvaus: str) -> list:
    """Results of the tasks in submission order; fails when no worker is connected for `aikaraja` s."""
    import time

    from dask.distributed import wait

    tulokset: list = [None] * len(tehtavat)
    kesken = set(tehtavat)
    ilman_tyoprosesseja = None
    while kesken:
        try:
            valmiit, kesken = wait(list(kesken), timeout=min(1.0, aikaraja), return_when="FIRST_COMPLETED")
        except TimeoutError:  # nothing finished in this poll
            valmiit = set()
        for tehtava in valmiit:
            i = tehtavat[tehtava]
            try:
                tulokset[i] = tehtava.result()
            except Taulukkovirhe:
                raise
            except Exception as virhe:  # a worker crashed or was lost with the task (KilledWorker, …)
                raise Taulukkovirhe(f"Dask ({kuvaus}): partition {i} failed: {type(virhe).__name__}: {virhe}") from None
            palkki.update(koot[i])
        if kesken and not valmiit:
            if asiakas.scheduler_info().get("workers"):
                ilman_tyoprosesseja = None
            elif ilman_tyoprosesseja is None:
                ilman_tyoprosesseja = time.monotonic()
            elif time.monotonic() - ilman_tyoprosesseja >= aikaraja:
                raise Taulukkovirhe(
                    f"Dask ({kuvaus}): no worker connected for {aikaraja:g} s with {len(kesken)} of "
                    f"{len(tehtavat)} partitions left; start workers, or run without --dask"
                )
    return tulokset


def simuloi_daskilla(
    vak_polku,
    tyo_polku,
    kuukaudet: Sequence[str],
    reformit: Sequence[str] = (),
    scheduler: str | None = None,
    tyoprosesseja: int = 2,
    osan_koko: int | None = None,
    edistyminen: bool | Edistyminen = False,
    aikaraja: float = 60.0,
) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    """Per-partition results of the whole population, computed on Dask (see the module docstring).

    `osat.yhdista` puts them together.
    """
    from dask.distributed import Client, LocalCluster

    seuranta = edistyminen if isinstance(edistyminen, Edistyminen) else Edistyminen(bool(edistyminen))
    vak_polku, tyo_polku = str(Path(vak_polku).resolve()), str(Path(tyo_polku).resolve())
    n = pq.ParquetFile(vak_polku).metadata.num_rows
    _tarkista_rivinumerot(tyo_polku, n)
    if osan_koko is None:  # a few tasks per worker, but not huge ones
        osan_koko = max(1000, min(1_000_000, -(-n // (2 * max(1, tyoprosesseja)))))
    osat = osiot_tiedostosta(vak_polku, osan_koko)
    kuvaus = f"scheduler {scheduler}" if scheduler else f"local cluster of {tyoprosesseja}"
    klusteri = None
    try:
        with seuranta.vaihe(f"connecting to Dask ({kuvaus})"):
            if scheduler:
                try:
                    asiakas = Client(scheduler, timeout=aikaraja)
                except (OSError, TimeoutError) as virhe:
                    raise Taulukkovirhe(f"Dask: cannot connect to scheduler {scheduler}: {virhe}") from None
            else:
                klusteri = LocalCluster(
                    n_workers=tyoprosesseja, threads_per_worker=1, processes=True, dashboard_address=None
                )
                asiakas = Client(klusteri)
        try:
            tehtavat = {
                asiakas.submit(
                    laske_tiedostoista, vak_polku, tyo_polku, a, b, list(kuukaudet), [str(r) for r in reformit], pure=False
                ): i
                for i, (a, b) in enumerate(osat)
            }
            koot = [b - a for a, b in osat]
            with seuranta.palkki(n, f"reading and computing {len(osat)} partitions on Dask") as palkki:
                return _odota(asiakas, tehtavat, aikaraja, palkki, koot, kuvaus)
        finally:
            asiakas.close()
    finally:
        if klusteri is not None:
            klusteri.close()
