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

import pyarrow.parquet as pq

from openfisca_tartunta.populaatio.edistyminen import Edistyminen
from openfisca_tartunta.populaatio.osat import laske_osa
from openfisca_tartunta.populaatio.osien_luku import lue_osa, osiot_tiedostosta, tarkista_tiedoston_rivinumerot
from openfisca_tartunta.populaatio.taulut import Taulukkovirhe
from openfisca_tartunta.tarkistukset import Syottovirhe


def laske_tiedostoista(vak_polku, tyo_polku, alku: int, loppu: int, kuukaudet: Sequence[str], reformit: Sequence[str]):
    """One Dask task: read a partition and compute it (runs on a worker)."""
    vakuutetut, ansiotyot, rivit = lue_osa(vak_polku, tyo_polku, alku, loppu)
    try:
        return laske_osa(vakuutetut, ansiotyot, kuukaudet, reformit, alku, rivit)
    except Syottovirhe as virhe:
        # Syottovirhe takes several arguments and does not survive pickling back to the
        # client as itself: send its message in a one-argument error.
        raise Taulukkovirhe(f"input error in rows {alku}…{loppu - 1}: {virhe}") from None


def _odota(asiakas, tehtavat: dict, aikaraja: float, palkki, koot: list[int], kuvaus: str, kirjoita=None) -> list:
    """Results of the tasks in submission order; fails when no worker is connected for `aikaraja` s.

    With `kirjoita`, each result is handed to it in submission order as soon as the
    ones before it are in, and not kept (an empty list is returned)."""
    import time

    from dask.distributed import wait

    tulokset: list = [None] * len(tehtavat)
    odottavat: dict[int, object] = {}
    seuraava = 0
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
                tulos = tehtava.result()
            except Taulukkovirhe:
                raise
            except Exception as virhe:  # a worker crashed or was lost with the task (KilledWorker, …)
                raise Taulukkovirhe(f"Dask ({kuvaus}): partition {i} failed: {type(virhe).__name__}: {virhe}") from None
            tehtava.release()
            if kirjoita is None:
                tulokset[i] = tulos
            else:
                odottavat[i] = tulos
                while seuraava in odottavat:
                    kirjoita(*odottavat.pop(seuraava))
                    seuraava += 1
            del tulos
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
    return tulokset if kirjoita is None else []


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
    kirjoita=None,
) -> list[tuple[dict, dict]]:
    """Per-partition results of the whole population, computed on Dask (see the module docstring).

    `osat.yhdista` puts them together; with `kirjoita` (e.g. `virtaus.Tuloskirjoittaja.lisaa`)
    each partition's results go to it in order instead, and none are kept.
    """
    from dask.distributed import Client, LocalCluster

    seuranta = edistyminen if isinstance(edistyminen, Edistyminen) else Edistyminen(bool(edistyminen))
    vak_polku, tyo_polku = str(Path(vak_polku).resolve()), str(Path(tyo_polku).resolve())
    n = pq.ParquetFile(vak_polku).metadata.num_rows
    tarkista_tiedoston_rivinumerot(tyo_polku, n)
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
                return _odota(asiakas, tehtavat, aikaraja, palkki, koot, kuvaus, kirjoita)
        finally:
            asiakas.close()
    finally:
        if klusteri is not None:
            klusteri.close()
