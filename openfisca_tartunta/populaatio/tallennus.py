"""Writing a population run's results: the whole set in a fresh folder, swapped in at once (`kansiot`).

Files in the result folder:

- `vakuutetut_tulokset.parquet`, `ansiotyot_tulokset.parquet`: per-person and per-activity rows;
- `yhteenveto.json` (strict JSON: a non-finite number is refused, never written as `Infinity`),
  `yhteenveto.csv`, `desiilit.csv`: the summary (`yhteenveto`);
- `kuvat/*.png|svg`: the plots (`kuvaajat`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from openfisca_tartunta.populaatio import kansiot
from openfisca_tartunta.populaatio.edistyminen import Edistyminen
from openfisca_tartunta.populaatio.taulut import Taulukkovirhe

TIEDOSTOT = {
    "vakuutetut": "vakuutetut_tulokset.parquet",
    "ansiotyot": "ansiotyot_tulokset.parquet",
    "json": "yhteenveto.json",
    "csv": "yhteenveto.csv",
    "desiilit": "desiilit.csv",
    "kuvat": "kuvat",
}


def tarkista_kohde(kohde) -> None:
    kansiot.tarkista_kohde(Path(kohde), TIEDOSTOT.values(), "--tulokset")


def _kirjoita_parquet(df: pd.DataFrame, polku: Path) -> None:
    taulu = pa.Table.from_pandas(df, preserve_index=False)
    # Dictionary-encode only the month; numbers gain nothing from it and cost time.
    pq.write_table(taulu, polku, use_dictionary=["kuukausi"], compression="snappy")


def json_teksti(yhteenveto: dict) -> str:
    try:
        return json.dumps(yhteenveto, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError:
        raise Taulukkovirhe("the summary holds a non-finite number (overflowing weights?); nothing written") from None


def tuo_kuvaajat_taustalla() -> None:
    """Import the plotting module (matplotlib: about 0.4 s) in a thread while the run computes.
    The import lock makes a later `import` wait for it, so the plots are drawn as before."""
    import importlib
    import threading

    threading.Thread(target=importlib.import_module, args=("openfisca_tartunta.populaatio.kuvaajat",),
                     name="kuvaajat-tuonti", daemon=True).start()


def kirjoita_yhteenveto(tulokset, kansio: Path, kuvat: bool, edistyminen: Edistyminen, muoto: str = "png") -> list[str]:
    """The summary files and the plots of `tulokset` into `kansio`; returns their names in it."""
    (kansio / TIEDOSTOT["json"]).write_text(json_teksti(tulokset.yhteenveto), encoding="utf-8")
    tulokset.mittarit().to_csv(kansio / TIEDOSTOT["csv"], index=False)
    tulokset.desiilit.to_csv(kansio / TIEDOSTOT["desiilit"], index=False)
    nimet = [TIEDOSTOT[k] for k in ("json", "csv", "desiilit")]
    if kuvat:
        from openfisca_tartunta.populaatio import kuvaajat

        with edistyminen.vaihe("drawing the plots"):
            piirretyt = kuvaajat.piirra(tulokset, kansio / TIEDOSTOT["kuvat"], muoto=muoto)
        nimet += [str(Path(TIEDOSTOT["kuvat"]) / p.name) for p in piirretyt]
    return nimet


def kirjoita(tulokset, kohde, kuvat: bool = True, edistyminen: Edistyminen | None = None, muoto: str = "png") -> dict[str, Path]:
    """Write `tulokset` (a `simulointi.Tulokset` in memory) into folder `kohde`: all files appear at once, or none.

    The two Parquet files are written in background threads (Arrow releases the
    GIL) while the summary files and the plots are drawn.
    """
    from concurrent.futures import ThreadPoolExecutor

    edistyminen = edistyminen or Edistyminen(False)
    json_teksti(tulokset.yhteenveto)  # refuse a non-finite summary before writing anything
    with kansiot.uusi_kansio(kohde, "simuloi", TIEDOSTOT.values(), "--tulokset") as kansio:
        with ThreadPoolExecutor(max_workers=2) as saikeet:
            tehtavat = [
                saikeet.submit(_kirjoita_parquet, tulokset.vakuutetut, kansio / TIEDOSTOT["vakuutetut"]),
                saikeet.submit(_kirjoita_parquet, tulokset.ansiotyot, kansio / TIEDOSTOT["ansiotyot"]),
            ]
            nimet = [TIEDOSTOT["vakuutetut"], TIEDOSTOT["ansiotyot"]]
            nimet += kirjoita_yhteenveto(tulokset, kansio, kuvat, edistyminen, muoto)
            with edistyminen.vaihe("writing the Parquet results"):
                for tehtava in tehtavat:
                    tehtava.result()
    kohde = Path(kohde)
    return {nimi: kohde / nimi for nimi in nimet}
