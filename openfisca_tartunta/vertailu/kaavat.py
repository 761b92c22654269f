"""Formulas that differ between two systems, as source diffs with the guideline sections they cite.

Compared per variable and per formula start date: the formula's source text, and
the module-level helper functions its file defines (formulas often call them,
e.g. a shared share computation), so a change in a helper is seen too.  The
cited sections are the guideline section numbers (1.6, 1.9.3.2, …) found in the
variable's `reference`, its documentation and the comments and docstrings of
the changed code, plus the statute references of `reference`.
"""

from __future__ import annotations

import difflib
import inspect
import io
import re
import sys
import textwrap
import tokenize
from dataclasses import asdict, dataclass, field
from pathlib import Path

#: a guideline section number (the guideline's headings are 1.1, 1.9.3.2, …); not a date
#: such as "1.5." or "1.5.2025" (Finnish dates end in a dot), not part of a longer number
_KOHTA = re.compile(r"(?<![\d.,])1(?:\.\d{1,2}){1,5}(?![\d.,]*\d)(?!\.)")


@dataclass
class Kaavamuutos:
    muuttuja: str
    alkaen: str
    laji: str  # "muutettu", "lisätty", "poistettu"
    diff: str
    kohdat: list[str] = field(default_factory=list)
    viite: str = ""

    def sanakirja(self) -> dict:
        return asdict(self)


def _lahde(funktio) -> str:
    try:
        return textwrap.dedent(inspect.getsource(funktio))
    except (OSError, TypeError):
        return f"<source of {getattr(funktio, '__qualname__', funktio)!r} not available>\n"


def _kommentit(lahde: str) -> str:
    """Comments and string literals of `lahde` (where code cites sections), not its numbers."""
    osat = []
    try:
        for t in tokenize.generate_tokens(io.StringIO(lahde).readline):
            if t.type in (tokenize.COMMENT, tokenize.STRING):
                osat.append(t.string)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return "\n".join(osat)


def kohdat(*tekstit: str) -> list[str]:
    """Guideline section numbers cited in `tekstit`, in order of first appearance."""
    loydetyt: list[str] = []
    for teksti in tekstit:
        for kohta in _KOHTA.findall(teksti or ""):
            if kohta not in loydetyt:
                loydetyt.append(kohta)
    return loydetyt


def _viite(muuttuja) -> str:
    viite = getattr(muuttuja, "reference", None) or []
    return "; ".join(viite) if isinstance(viite, (list, tuple)) else str(viite)


def _kaavat(muuttuja) -> dict[str, str]:
    return {str(alku): _lahde(kaava) for alku, kaava in (muuttuja.formulas or {}).items()}


def _diff(vanha: str, uusi: str, nimi: str) -> str:
    return "".join(
        difflib.unified_diff(
            vanha.splitlines(keepends=True), uusi.splitlines(keepends=True), f"a/{nimi}", f"b/{nimi}", n=2
        )
    )


def _apufunktiot(tbs) -> dict[str, tuple[str, str]]:
    """(file name, helper name) key → (source, file) of the module-level functions of the variables' files."""
    moduulit = {}
    for muuttuja in tbs.variables.values():
        for kaava in (muuttuja.formulas or {}).values():
            moduuli = sys.modules.get(getattr(kaava, "__module__", ""))
            if moduuli is not None:
                moduulit[moduuli.__name__] = moduuli
    apu = {}
    for moduuli in moduulit.values():
        tiedosto = Path(getattr(moduuli, "__file__", "") or "?").name
        for nimi, olio in vars(moduuli).items():
            if inspect.isfunction(olio) and olio.__module__ == moduuli.__name__:
                apu[f"{tiedosto}:{nimi}"] = (_lahde(olio), tiedosto)
    return apu


def kaavalahteet(tbs) -> dict:
    """The formula sources of `tbs` as plain data: what `kaavamuutokset` compares.

    {"muuttujat": {name: {"viite", "dokumentaatio", "kaavat": {start: source}}},
    "apufunktiot": {"file:helper": source}} — JSON-ready, so that a git revision's
    own package can produce it in a child process (`revisio.py`).
    """
    return {
        "muuttujat": {
            nimi: {
                "viite": _viite(m),
                "dokumentaatio": getattr(m, "documentation", "") or "",
                "kaavat": _kaavat(m),
            }
            for nimi, m in tbs.variables.items()
        },
        "apufunktiot": {avain: lahde for avain, (lahde, _) in _apufunktiot(tbs).items()},
    }


def kaavamuutokset(vanha, uusi) -> list[Kaavamuutos]:
    """Every formula (and variable-file helper) whose source differs, added or removed.

    `vanha`, `uusi`: tax-benefit systems, or their `kaavalahteet`.
    """
    a_l = vanha if isinstance(vanha, dict) else kaavalahteet(vanha)
    b_l = uusi if isinstance(uusi, dict) else kaavalahteet(uusi)
    tyhja = {"viite": "", "dokumentaatio": "", "kaavat": {}}
    rivit = []
    for nimi in sorted(set(a_l["muuttujat"]) | set(b_l["muuttujat"])):
        a, b = a_l["muuttujat"].get(nimi), b_l["muuttujat"].get(nimi)
        muuttuja = b if b is not None else a
        ka, kb = (a or tyhja)["kaavat"], (b or tyhja)["kaavat"]
        for alku in sorted(set(ka) | set(kb)):
            vanha_lahde, uusi_lahde = ka.get(alku, ""), kb.get(alku, "")
            if vanha_lahde == uusi_lahde:
                continue
            laji = "lisätty" if not vanha_lahde else "poistettu" if not uusi_lahde else "muutettu"
            viite = muuttuja["viite"]
            rivit.append(
                Kaavamuutos(
                    nimi, alku, laji, _diff(vanha_lahde, uusi_lahde, f"{nimi}@{alku}"),
                    kohdat(viite, muuttuja["dokumentaatio"], _kommentit(vanha_lahde), _kommentit(uusi_lahde)),
                    viite,
                )
            )
    apu_a, apu_b = a_l["apufunktiot"], b_l["apufunktiot"]
    for avain in sorted(set(apu_a) | set(apu_b)):
        vanha_lahde, uusi_lahde = apu_a.get(avain, ""), apu_b.get(avain, "")
        if vanha_lahde != uusi_lahde:
            laji = "lisätty" if not vanha_lahde else "poistettu" if not uusi_lahde else "muutettu"
            rivit.append(
                Kaavamuutos(avain, "", laji, _diff(vanha_lahde, uusi_lahde, avain), kohdat(_kommentit(vanha_lahde), _kommentit(uusi_lahde)))
            )
    return rivit
