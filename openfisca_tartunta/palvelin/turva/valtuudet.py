"""Mandate rules: may this person act for this organisation in this service's matter (ACCESS.md, seeds 000, 001).

1. own organisation: an **asiointivaltuus** from the organisation to the person;
2. for a client (accounting firm): the client gave the firm an **asiointivaltuus** and the
   firm gave the person an **edustamisvaltuus**; the wrong type blocks entirely;
3. an edustamisvaltuus may carry a **rajaustarkenne** (client Y-tunnus list);
4. service-specific: only mandates for this service's **valtuusasia** count;
5. only a mandate valid today counts;
6. the issuer (antaja) must be the organisation whose matter it is.

A refusal names the rule in seed 000's words and nothing about the case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ASIOINTIVALTUUS, EDUSTAMISVALTUUS = "asiointivaltuus", "edustamisvaltuus"

#: refusal code → message (seed 000's troubleshooting terms)
SYYT = {
    "ei_valtuutta": "no Suomi.fi mandate (valtuus puuttuu) for acting in this service",
    "vaara_antaja": "the mandate's issuer (valtuuden antaja) is not the organisation whose matter this is",
    "vaara_valtuustyyppi": "wrong mandate type (vääräntyyppinen valtuus): acting for one's own organisation needs an "
                           "asiointivaltuus; for a client, the client → firm asiointivaltuus and a firm → person edustamisvaltuus",
    "valtuusasia_puuttuu": "the mandates given lack this service's matter (tarvitsemasi valtuus puuttuu)",
    "rajaustarkenne": "the edustamisvaltuus is restricted by a rajaustarkenne that does not list this client",
    "ei_voimassa": "the mandate is not in force (voimassa olevat valtuudet) today",
}
#: how close a failed path came to success (the refusal names the closest)
_ETENEMA = {"vaara_valtuustyyppi": 1, "valtuusasia_puuttuu": 2, "rajaustarkenne": 3, "ei_voimassa": 4}


@dataclass(frozen=True)
class Valtuus:
    id: int
    tyyppi: str
    antaja: str  # Y-tunnus of the issuing organisation
    saaja: str  # person key (pseudonym) or Y-tunnus of the receiving organisation
    asiat: tuple[str, ...]
    alkaa: dt.date
    paattyy: dt.date | None
    rajaustarkenne: tuple[str, ...] | None = None

    def voimassa(self, paiva: dt.date) -> bool:
        return self.alkaa <= paiva and (self.paattyy is None or paiva <= self.paattyy)


@dataclass(frozen=True)
class Ratkaisu:
    sallittu: bool
    syy: str | None = None  # refusal code (SYYT)
    valtuudet: tuple[int, ...] = ()  # the mandates used

    @property
    def viesti(self) -> str:
        return SYYT.get(self.syy, "")


def _linkki(v: Valtuus, tyyppi: str, asia: str, paiva: dt.date, asiakas: str | None = None) -> str | None:
    if v.tyyppi != tyyppi:
        return "vaara_valtuustyyppi"
    if asia not in v.asiat:
        return "valtuusasia_puuttuu"
    if asiakas is not None and v.rajaustarkenne is not None and asiakas not in v.rajaustarkenne:
        return "rajaustarkenne"
    if not v.voimassa(paiva):
        return "ei_voimassa"
    return None


def ratkaise(henkilon: list[Valtuus], organisaatioiden: dict[str, list[Valtuus]], organisaatio: str,
             asia: str, paiva: dt.date) -> Ratkaisu:
    """The decision for a person with mandates `henkilon` acting for `organisaatio`.

    `organisaatioiden[y]` are the mandates received by organisation `y` (for the firm link).
    """
    if not henkilon:
        return Ratkaisu(False, "ei_valtuutta")
    paras: tuple[int, str] | None = None

    def huono(syy: str) -> None:
        nonlocal paras
        if paras is None or _ETENEMA[syy] > paras[0]:
            paras = (_ETENEMA[syy], syy)

    for v in henkilon:
        if v.antaja == organisaatio:  # rule 1: own organisation
            syy = _linkki(v, ASIOINTIVALTUUS, asia, paiva)
            if syy is None:
                return Ratkaisu(True, None, (v.id,))
            huono(syy)
            continue
        # rule 2: v is the firm's link to the person; the client's link to the firm must exist
        for w in organisaatioiden.get(v.antaja, ()):
            if w.antaja != organisaatio:
                continue
            syy = _linkki(w, ASIOINTIVALTUUS, asia, paiva) or _linkki(v, EDUSTAMISVALTUUS, asia, paiva, organisaatio)
            if syy is None:
                return Ratkaisu(True, None, (w.id, v.id))
            huono(syy)
    return Ratkaisu(False, paras[1] if paras else "vaara_antaja")
