"""One recipient's document as PDF, from the same HTML (`html.py`) — fpdf2, pure Python.

fpdf2's `write_html` lays out the document's headings, paragraphs and lists; the text is set in
DejaVu Sans (Unicode: ä, å, €, –), the font matplotlib ships (a dependency of the package).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import matplotlib
from fpdf import FPDF

from openfisca_tartunta.asiakirjat.html import html
from openfisca_tartunta.asiakirjat.malli import Asiakirja

_RUNKO = re.compile(r"<article[^>]*>(.*)</article>", re.S)


@functools.lru_cache(maxsize=1)
def _fontit() -> dict[str, str]:
    hakemisto = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {"": str(hakemisto / "DejaVuSans.ttf"), "B": str(hakemisto / "DejaVuSans-Bold.ttf")}


def pdf(asiakirja: Asiakirja) -> bytes:
    """The document `asiakirja` as a PDF (A4), with its title and language in the metadata."""
    sivu = FPDF(format="A4")
    for tyyli, polku in _fontit().items():
        sivu.add_font("DejaVu", tyyli, polku)
    sivu.set_font("DejaVu", size=10)
    sivu.set_title(asiakirja.otsikko)
    sivu.set_lang(asiakirja.kieli.value)
    sivu.set_creator("openfisca-tartunta")
    sivu.add_page()
    runko = _RUNKO.search(html(asiakirja))
    sivu.write_html(runko.group(1) if runko else "", tag_styles=None)
    return bytes(sivu.output())
