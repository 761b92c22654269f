"""Plots of a population run (PNG, matplotlib's Agg canvas: no display needed).

- `kustannus_desiileittain.png`: the weighted cost by income decile, baseline and reform;
- `paivarahat.png`: the weighted distribution of the recipients' daily amounts;
- `perus_vs_reformi.png`: each sampled insured's gross allowance, baseline against reform.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from openfisca_tartunta.populaatio.yhteenveto import BRUTTO, PAIVALTA, sarake

KOKO = (6.4, 4.0)
DPI = 90
#: points drawn in the scatter plot (a deterministic sample of the rows)
PISTEITA = 20_000
VARIT = {"perus": "#4C72B0", "reformi": "#DD8452"}
NIMET = {"perus": "nykytila", "reformi": "reformi"}


def _kuva() -> tuple[Figure, object]:
    kuva = Figure(figsize=KOKO, dpi=DPI)
    FigureCanvasAgg(kuva)
    return kuva, kuva.add_subplot(1, 1, 1)


def _tallenna(kuva: Figure, polku: Path) -> Path:
    kuva.tight_layout()
    kuva.savefig(polku, format="png", dpi=DPI)
    return polku


def kustannus_desiileittain(desiilit: pd.DataFrame, polku: Path, otsikko: str = "") -> Path:
    kuva, ax = _kuva()
    skenaariot = [s for s in ("perus", "reformi") if f"kustannus_{s}" in desiilit]
    leveys = 0.8 / len(skenaariot)
    x = desiilit["desiili"].to_numpy()
    for i, s in enumerate(skenaariot):
        ax.bar(x + (i - (len(skenaariot) - 1) / 2) * leveys, desiilit[f"kustannus_{s}"] / 1e3, leveys,
               label=NIMET[s], color=VARIT[s])
    ax.set_xticks(x)
    ax.set_xlabel("tulodesiili (kuukausiansio)")
    ax.set_ylabel("kustannus, tuhatta €")
    ax.set_title(otsikko or "Tartuntatautipäivärahan kustannus tulodesiileittäin")
    ax.legend()
    return _tallenna(kuva, polku)


def paivarahojen_jakauma(tulokset: pd.DataFrame, polku: Path, otsikko: str = "") -> Path:
    kuva, ax = _kuva()
    paino = tulokset["paino"].to_numpy(dtype=np.float64)
    arvot = {}
    for s in ("perus", "reformi"):
        if sarake(PAIVALTA, s) in tulokset:
            paiva = tulokset[sarake(PAIVALTA, s)].to_numpy(dtype=np.float64)
            saa = tulokset[sarake(BRUTTO, s)].to_numpy(dtype=np.float64) > 0
            arvot[s] = (paiva[saa], paino[saa])
    kaikki = np.concatenate([a for a, _ in arvot.values()]) if arvot else np.zeros(0)
    yla = float(np.quantile(kaikki, 0.995)) if kaikki.size else 1.0
    rajat = np.linspace(0.0, max(yla, 1.0), 60)
    for s, (paiva, w) in arvot.items():
        ax.hist(np.minimum(paiva, rajat[-1]), bins=rajat, weights=w, histtype="step", linewidth=1.6,
                color=VARIT[s], label=NIMET[s])
    ax.set_xlabel("päiväraha, €/päivä (yläpää katkaistu 99,5 %:n kohdalla)")
    ax.set_ylabel("saajia (painotettu)")
    ax.set_title(otsikko or "Päivärahan määrän jakauma saajilla")
    ax.legend()
    return _tallenna(kuva, polku)


def perus_vs_reformi(tulokset: pd.DataFrame, polku: Path, otsikko: str = "") -> Path:
    kuva, ax = _kuva()
    perus = tulokset[sarake(BRUTTO, "perus")].to_numpy(dtype=np.float64)
    reformi = tulokset[sarake(BRUTTO, "reformi")].to_numpy(dtype=np.float64)
    mukana = np.flatnonzero((perus > 0) | (reformi > 0))
    if mukana.size > PISTEITA:  # an evenly spaced, reproducible sample
        mukana = mukana[np.linspace(0, mukana.size - 1, PISTEITA).astype(np.int64)]
    ax.scatter(perus[mukana], reformi[mukana], s=3, alpha=0.3, color=VARIT["reformi"], linewidths=0)
    yla = float(max(perus[mukana].max(initial=1.0), reformi[mukana].max(initial=1.0)))
    ax.plot([0, yla], [0, yla], color="0.3", linewidth=0.8, label="ei muutosta")
    ax.set_xlabel("nykytila, € kuukaudessa")
    ax.set_ylabel("reformi, € kuukaudessa")
    ax.set_title(otsikko or "Päiväraha kuukaudessa: nykytila ja reformi")
    ax.legend(loc="upper left")
    return _tallenna(kuva, polku)


def piirra(tulokset: pd.DataFrame, desiilit: pd.DataFrame, kansio: Path) -> list[Path]:
    """Draw every plot that applies into `kansio`; returns the files."""
    kansio = Path(kansio)
    kansio.mkdir(parents=True, exist_ok=True)
    tiedostot = [
        kustannus_desiileittain(desiilit, kansio / "kustannus_desiileittain.png"),
        paivarahojen_jakauma(tulokset, kansio / "paivarahat.png"),
    ]
    if sarake(BRUTTO, "reformi") in tulokset:
        tiedostot.append(perus_vs_reformi(tulokset, kansio / "perus_vs_reformi.png"))
    return tiedostot
