"""One recipient's document as HTML (Jinja2, autoescaped) that a case system can show or print."""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, select_autoescape

from openfisca_tartunta.asiakirjat.kieli import Kieli
from openfisca_tartunta.asiakirjat.malli import Asiakirja


@functools.lru_cache(maxsize=1)
def _ymparisto() -> Environment:
    return Environment(loader=PackageLoader("openfisca_tartunta.asiakirjat", "templates"),
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def html(asiakirja: Asiakirja) -> str:
    k = Kieli(asiakirja.kieli.value)
    paivays = k.pv(asiakirja.paatospaiva) if asiakirja.paatospaiva else None
    return _ymparisto().get_template("asiakirja.html").render(a=asiakirja, paivays=paivays)
