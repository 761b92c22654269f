"""The comparison report: one object, written as HTML (to open in a browser), Markdown and JSON."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from openfisca_tartunta.vertailu.kaavat import Kaavamuutos
from openfisca_tartunta.vertailu.parametrit import Parametrimuutos
from openfisca_tartunta.vertailu.tapaukset import Tapausajo

TIEDOSTOT = {"html": "vertailu.html", "md": "vertailu.md", "json": "vertailu.json"}


@dataclass
class Raportti:
    otsikko: str
    vanha: str
    uusi: str
    parametrit: list[Parametrimuutos]
    kaavat: list[Kaavamuutos]
    tapaukset: Tapausajo | None
    populaatio: dict | None = None
    sekunteja: dict = field(default_factory=dict)

    def sanakirja(self) -> dict:
        t = self.tapaukset
        return {
            "otsikko": self.otsikko,
            "vanha": self.vanha,
            "uusi": self.uusi,
            "parametrit": [p.sanakirja() for p in self.parametrit],
            "kaavat": [k.sanakirja() for k in self.kaavat],
            "tapaukset": None if t is None else {
                "tapauksia": t.tapauksia,
                "tuloksia": t.tuloksia,
                "liikkuneita_tapauksia": t.liikkuneita_tapauksia,
                "sekunteja": t.sekunteja,
                "muutokset": [m.sanakirja() for m in t.muutokset],
            },
            "populaatio": self.populaatio,
            "sekunteja": self.sekunteja,
        }


def luku(arvo) -> str:
    """A number the Finnish way (1 234,56), anything else as it is."""
    if isinstance(arvo, bool) or arvo is None:
        return "—" if arvo is None else str(arvo).lower()
    if isinstance(arvo, float) and math.isfinite(arvo):
        teksti = f"{arvo:,.2f}" if arvo != int(arvo) else f"{int(arvo):,}"
        return teksti.replace(",", " ").replace(".", ",")
    if isinstance(arvo, int):
        return f"{arvo:,}".replace(",", " ")
    return str(arvo)


def erotus(arvo) -> str:
    return "" if arvo is None else ("+" if arvo > 0 else "−" if arvo < 0 else "") + luku(abs(arvo))


def _ymparisto() -> jinja2.Environment:
    ymparisto = jinja2.Environment(
        loader=jinja2.PackageLoader("openfisca_tartunta.vertailu", "mallit"),
        autoescape=jinja2.select_autoescape(["html.j2", "html"], default_for_string=True),  # not the Markdown
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    ymparisto.filters["luku"] = luku
    ymparisto.filters["erotus"] = erotus
    ymparisto.filters["md"] = lambda s: str(s).replace("|", "\\|").replace("\n", " ")
    return ymparisto


def kirjoita(raportti: Raportti, kohde: Path) -> dict[str, Path]:
    """Write the three files into folder `kohde` (created); returns {format: path}."""
    kohde = Path(kohde)
    kohde.mkdir(parents=True, exist_ok=True)
    data = raportti.sanakirja()
    ymparisto = _ymparisto()
    polut = {muoto: kohde / nimi for muoto, nimi in TIEDOSTOT.items()}
    polut["json"].write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    for muoto in ("html", "md"):
        teksti = ymparisto.get_template(f"vertailu.{muoto}.j2").render(r=data)
        polut[muoto].write_text(teksti, encoding="utf-8")
    return polut
