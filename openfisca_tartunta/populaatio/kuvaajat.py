"""Report plots of a population run (matplotlib's Agg canvas: no display needed).

PNG 1800 × 1013 px (or SVG), each titled with the reform and the period, Finnish
labels, thousands separated by a space.  Changes are on the net payment
(`yhteenveto.PAAMITTARI`) unless the summary names another main measure.

- `muutos_desiileittain`: the mean change per person over the period, by income decile;
- `voittajat_ja_haviajat_desiileittain`: the share of winners and losers by decile;
- `muutoksen_jakauma`: the weighted distribution of the change among those whose payment changes;
- `kustannus_desiileittain`: the total of the main measure by decile, baseline and reform;
- `paivarahat`: the distribution of the recipients' daily amounts.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, PercentFormatter

from openfisca_tartunta.populaatio.yhteenveto import BRUTTO, PAAMITTARI, PAIVALTA, RAJA, SUMMAT, Henkilot, sarake

KOKO = (12.0, 6.75)
DPI = 150  # 1800 px wide
VARIT = {"perus": "#4C72B0", "reformi": "#DD8452", "voittajat": "#55A868", "haviajat": "#C44E52"}
MITTARIEN_NIMET = {
    "kustannus": "päiväraha (brutto)",
    "tyonantajille": "työnantajille maksettu osa",
    "vakuutetulle": "vakuutetulle maksettu osa",
    "ennakonpidatys": "ennakonpidätys",
    "ulosottopidatys": "ulosottopidätys",
    "netto": "nettomaksu vakuutetulle",
}
KUUKAUDET = ["tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu",
             "syyskuu", "lokakuu", "marraskuu", "joulukuu"]


def luku(arvo: float, desimaalit: int = 0) -> str:
    """Finnish number format: 1 234 567,5."""
    return f"{arvo:,.{desimaalit}f}".replace(",", " ").replace(".", ",")


_TUHAT = FuncFormatter(lambda x, _: luku(x, 0 if abs(x) >= 10 or x == int(x) else 1))


def kausi(kuukaudet: list[str]) -> str:
    def nimi(kk: str) -> str:
        return f"{KUUKAUDET[int(kk[5:7]) - 1]} {kk[:4]}"

    return nimi(kuukaudet[0]) if len(kuukaudet) == 1 else f"{nimi(kuukaudet[0])} – {nimi(kuukaudet[-1])} ({len(kuukaudet)} kk)"


def _kuva(otsikko: str, alaotsikko: str) -> tuple[Figure, object]:
    kuva = Figure(figsize=KOKO, dpi=DPI)
    FigureCanvasAgg(kuva)
    ax = kuva.add_subplot(1, 1, 1)
    kuva.suptitle(otsikko, fontsize=15, fontweight="bold")
    ax.set_title(alaotsikko, fontsize=11, color="0.3")
    ax.grid(axis="y", color="0.9")
    ax.set_axisbelow(True)
    return kuva, ax


def _tallenna(kuva: Figure, polku: Path, muoto: str) -> Path:
    polku = polku.with_suffix(f".{muoto}")
    kuva.tight_layout()
    kuva.savefig(polku, format=muoto, dpi=DPI, metadata={"Software": None} if muoto == "png" else {"Date": None})
    return polku


class Piirtaja:
    """The plots of one run (`simulointi.Tulokset`)."""

    def __init__(self, tulokset, muoto: str = "png"):
        self.t, self.muoto = tulokset, muoto
        y = tulokset.yhteenveto
        self.reformi = y.get("reformi") or "reformi"
        self.paamittari = y.get("paamittari", PAAMITTARI)
        self.kausi = kausi(list(tulokset.kuukaudet))
        self.alaotsikko = f"Nykytila ja {self.reformi} · {self.kausi} · {luku(y['vakuutettuja'])} vakuutettua"
        self.nimet = {"perus": "nykytila", "reformi": self.reformi}

    def muutos_desiileittain(self, polku: Path) -> Path:
        d = self.t.desiilit
        kuva, ax = _kuva(f"Muutos henkilöä kohden tulodesiileittäin: {MITTARIEN_NIMET[self.paamittari]}", self.alaotsikko)
        arvot = d["muutos_henkiloa_kohden"].to_numpy()
        ax.bar(d["desiili"], arvot, color=np.where(arvot >= 0, VARIT["voittajat"], VARIT["haviajat"]), width=0.7)
        for x, v in zip(d["desiili"], arvot):
            ax.annotate(f"{luku(v, 2)} €", (x, v), ha="center", va="bottom" if v >= 0 else "top", fontsize=9)
        ax.axhline(0, color="0.3", linewidth=0.8)
        ax.set_xticks(d["desiili"])
        ax.set_xlabel("tulodesiili (kuukausiansio, henkilöt painotettuina)")
        ax.set_ylabel("keskimääräinen muutos, € henkilöä kohden")
        ax.yaxis.set_major_formatter(_TUHAT)
        return _tallenna(kuva, polku, self.muoto)

    def voittajat_ja_haviajat(self, polku: Path) -> Path:
        d = self.t.desiilit
        kuva, ax = _kuva(f"Hyötyjien ja häviäjien osuus tulodesiileittäin: {MITTARIEN_NIMET[self.paamittari]}", self.alaotsikko)
        x = d["desiili"].to_numpy()
        ax.bar(x - 0.2, d["voittajien_osuus"], 0.4, label="hyötyy (vähintään 1 snt)", color=VARIT["voittajat"])
        ax.bar(x + 0.2, d["haviajien_osuus"], 0.4, label="häviää (vähintään 1 snt)", color=VARIT["haviajat"])
        ax.set_xticks(x)
        ax.set_xlabel("tulodesiili (kuukausiansio, henkilöt painotettuina)")
        ax.set_ylabel("osuus desiilin vakuutetuista")
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.legend(frameon=False)
        return _tallenna(kuva, polku, self.muoto)

    def muutoksen_jakauma(self, polku: Path) -> Path:
        h = Henkilot(self.t.lahde, list(self.t.kuukaudet))
        muuttuja = SUMMAT[self.paamittari]
        ero = h.summa(sarake(muuttuja, "reformi")) - h.summa(sarake(muuttuja, "perus"))
        muuttuu = np.abs(ero) > RAJA
        kuva, ax = _kuva(f"Muutoksen jakauma niillä, joiden maksu muuttuu: {MITTARIEN_NIMET[self.paamittari]}", self.alaotsikko)
        osuus = h.paino[muuttuu].sum() / h.paino.sum() if h.paino.sum() > 0 else 0.0
        if muuttuu.any():
            ala, yla = np.quantile(ero[muuttuu], [0.005, 0.995])
            rajat = np.linspace(min(ala, 0.0), max(yla, 0.0) + 1e-9, 60)
            ax.hist(np.clip(ero[muuttuu], rajat[0], rajat[-1]), bins=rajat, weights=h.paino[muuttuu], color=VARIT["reformi"])
        ax.axvline(0, color="0.3", linewidth=0.8)
        ax.text(0.99, 0.97, f"maksu muuttuu {luku(100 * osuus, 1)} %:lla vakuutetuista\n(muut eivät ole kuvassa)",
                transform=ax.transAxes, ha="right", va="top", fontsize=10)
        ax.set_xlabel(f"muutos, € henkilöä kohden ({self.kausi}; ääripäät 0,5 %:n kohdalla)")
        ax.set_ylabel("vakuutettuja (painotettu)")
        ax.xaxis.set_major_formatter(_TUHAT)
        ax.yaxis.set_major_formatter(_TUHAT)
        return _tallenna(kuva, polku, self.muoto)

    def kustannus_desiileittain(self, polku: Path) -> Path:
        d = self.t.desiilit
        mittari = self.paamittari if f"{self.paamittari}_perus" in d else "kustannus"
        skenaariot = [s for s in ("perus", "reformi") if f"{mittari}_{s}" in d]
        otsikko = f"Yhteensä tulodesiileittäin: {MITTARIEN_NIMET[mittari]}"
        kuva, ax = _kuva(otsikko, self.alaotsikko if len(skenaariot) > 1 else f"{self.kausi} · {luku(self.t.yhteenveto['vakuutettuja'])} vakuutettua")
        leveys = 0.8 / len(skenaariot)
        x = d["desiili"].to_numpy()
        for i, s in enumerate(skenaariot):
            ax.bar(x + (i - (len(skenaariot) - 1) / 2) * leveys, d[f"{mittari}_{s}"], leveys, label=self.nimet[s], color=VARIT[s])
        ax.set_xticks(x)
        ax.set_xlabel("tulodesiili (kuukausiansio, henkilöt painotettuina)")
        ax.set_ylabel(f"€ yhteensä ({self.kausi})")
        ax.yaxis.set_major_formatter(_TUHAT)
        ax.legend(frameon=False)
        return _tallenna(kuva, polku, self.muoto)

    def paivarahat(self, polku: Path) -> Path:
        df = self.t.lahde
        paino = df.luvut("paino")
        arvot = {}
        for s in ("perus", "reformi"):
            if sarake(PAIVALTA, s) in df:
                saa = df.luvut(sarake(BRUTTO, s)) > 0
                arvot[s] = (df.luvut(sarake(PAIVALTA, s))[saa], paino[saa])
        kuva, ax = _kuva("Päivärahan määrän jakauma saajilla (saajakuukaudet)", self.alaotsikko if len(arvot) > 1 else self.kausi)
        kaikki = np.concatenate([a for a, _ in arvot.values()]) if arvot else np.zeros(0)
        yla = float(np.quantile(kaikki, 0.995)) if kaikki.size else 1.0
        rajat = np.linspace(0.0, max(yla, 1.0), 60)
        for s, (paiva, w) in arvot.items():
            ax.hist(np.minimum(paiva, rajat[-1]), bins=rajat, weights=w, histtype="step", linewidth=2, color=VARIT[s], label=self.nimet[s])
        ax.set_xlabel("päiväraha, €/päivä (yläpää katkaistu 99,5 %:n kohdalla)")
        ax.set_ylabel("saajakuukausia (painotettu)")
        ax.yaxis.set_major_formatter(_TUHAT)
        ax.legend(frameon=False)
        return _tallenna(kuva, polku, self.muoto)


def piirra(tulokset, kansio: Path, muoto: str = "png") -> list[Path]:
    """Draw every plot that applies into `kansio`; returns the files."""
    kansio = Path(kansio)
    kansio.mkdir(parents=True, exist_ok=True)
    p = Piirtaja(tulokset, muoto)
    tiedostot = []
    if "voittajat" in tulokset.yhteenveto:
        tiedostot += [
            p.muutos_desiileittain(kansio / "muutos_desiileittain"),
            p.voittajat_ja_haviajat(kansio / "voittajat_ja_haviajat_desiileittain"),
            p.muutoksen_jakauma(kansio / "muutoksen_jakauma"),
        ]
    tiedostot += [p.kustannus_desiileittain(kansio / "kustannus_desiileittain"), p.paivarahat(kansio / "paivarahat")]
    return tiedostot
