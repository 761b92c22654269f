"""Citations as the web API and the OpenFisca Legislation Explorer read them.

The rules cite their sources once, as text: a variable's ``reference`` names the
guideline's sections and the provisions (``"Kelan etuusohje 1.5.3"``,
``"SVL 1224/2004 15 luku 4 § 1 mom. 1 k."``); a parameter's ``metadata.reference``
lists ``title``/``href`` items and each dated value may name its own source
(``{value: 23.20, metadata: {reference: "Asetus 1033/2021"}}``).  When the
system loads, this module gives OpenFisca's format:

- a variable's ``reference`` becomes the URLs of what it cites (Finlex for a
  statute with a number, the guideline's page for a section); the citation text
  moves to the end of its ``documentation`` ("Lähteet: …"), so no section is lost;
- a parameter leaf's ``metadata.reference`` becomes date-keyed: for each dated
  value, that value's own source first, then the leaf's general references, each
  as ``{"title": …, "href": …}`` (``href`` only where a link is known).
"""

from __future__ import annotations

import re

from openfisca_core.parameters import Parameter, ParameterNode

#: Kela's benefit guidelines (etuusohjeet); the sections are the guideline's headings.
OHJE_URL = "https://www.kela.fi/etuusohjeet"
OHJE = "Kelan etuusohje"
FINLEX = "https://www.finlex.fi/fi/laki/{kokoelma}/{vuosi}/{vuosi}{numero:0>4}"

_SAADOS = re.compile(r"\b(\d{1,4})/((?:19|20)\d{2})\b")
# A statute number counts only at the start or after the name of an act ("SVL 1224/2004",
# "Laki … 627/1978"), not in "Valtakunnanvoudinvirasto 12/2017" (a circular) or "1939/1805" (a ratio).
_SAADOKSEN_NIMI = re.compile(r"(?:^|\b)(?:SVL|TTL|YEL|MYEL|KKRL|UK|L|A|VNA|Laki|laki|Asetus|asetus|Ulosottokaari|\w+laki|\w+kaari)\b")
# An amending or temporary act cited by its own number ("L 139/2022", "Asetus 1033/2021") is
# linked to its original text; a code in force ("SVL 1224/2004") to its consolidated text.
_MUUTOSSAADOS = re.compile(r"^\s*(?:L|Laki|laki|Asetus|asetus|VNA|A)\s+\d{1,4}/\d{4}")


def saadoksen_osoite(viite: str) -> str | None:
    """Finlex URL of the first statute number in a citation, else None."""
    osuma = _SAADOS.search(viite)
    if not osuma:
        return None
    edella = viite[: osuma.start()]
    if edella.strip() and not _SAADOKSEN_NIMI.search(edella):
        return None
    kokoelma = "alkup" if _MUUTOSSAADOS.match(viite) else "ajantasa"
    return FINLEX.format(kokoelma=kokoelma, vuosi=osuma[2], numero=osuma[1])


def osoitteet(viitteet) -> list[str]:
    """The URLs a list of citation texts points at, in order, without repeats."""
    tulos: list[str] = []
    for viite in viitteet:
        if viite.startswith(("http://", "https://")):
            osoite = viite
        elif OHJE in viite:
            osoite = OHJE_URL
        else:
            osoite = saadoksen_osoite(viite)
        if osoite and osoite not in tulos:
            tulos.append(osoite)
    return tulos


def viite(otsikko: str, href: str | None = None) -> dict:
    """One reference in OpenFisca's format; the link is derived from the text when not given."""
    href = href or (OHJE_URL if OHJE in otsikko else saadoksen_osoite(otsikko))
    return {"title": otsikko, "href": href} if href else {"title": otsikko}


def _yleiset(metatiedot: dict) -> list[dict]:
    viitteet = metatiedot.get("reference") or []
    if isinstance(viitteet, (str, dict)):
        viitteet = [viitteet]
    return [viite(v) if isinstance(v, str) else viite(v["title"], v.get("href")) for v in viitteet]


def on_paivittainen(viitteet) -> bool:
    """Whether a `reference` is date-keyed (OpenFisca's format, as `muunna_parametrit` makes it)."""
    return isinstance(viitteet, dict) and bool(viitteet) and all(
        re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(k)) for k in viitteet
    )


def yleiset_viitteet(paivittain: dict) -> list[dict]:
    """The references a date-keyed `reference` gives for every date (the leaf's general ones):
    what a value without its own source (e.g. one a reform adds) cites."""
    listat = list(paivittain.values())
    return [v for v in listat[0] if all(v in lista for lista in listat[1:])]


def muunna_muuttujat(muuttujat) -> None:
    """Variables' citation texts → URLs in `reference`, the texts into `documentation`."""
    for muuttuja in muuttujat:
        tekstit = [v for v in (muuttuja.reference or []) if not v.startswith(("http://", "https://"))]
        if not tekstit:
            continue
        muuttuja.lahteet = tekstit  # the citation texts, for the code-health test
        muuttuja.reference = osoitteet(muuttuja.reference)
        lahteet = "Lähteet: " + "; ".join(tekstit) + "."
        muuttuja.documentation = f"{muuttuja.documentation}\n\n{lahteet}" if muuttuja.documentation else lahteet


def muunna_parametrit(juuri: ParameterNode) -> None:
    """Every parameter leaf's `metadata.reference`, date-keyed (see the module docstring)."""
    for lehti in juuri.get_descendants():
        if isinstance(lehti, Parameter):
            _lehti(lehti)


def _lehti(lehti: Parameter) -> None:
    metatiedot = lehti.metadata
    alkuperainen = metatiedot.get("reference") or []
    if on_paivittainen(alkuperainen):
        return  # already date-keyed in the YAML
    yleiset = _yleiset({"reference": alkuperainen})
    paivittain = {}
    for arvo in lehti.values_list:
        oma = (arvo.metadata or {}).get("reference")  # a value inherits its leaf's metadata
        omat = _yleiset({"reference": oma}) if oma and oma != alkuperainen else []
        paivittain[arvo.instant_str] = omat + [v for v in yleiset if v not in omat]
    metatiedot["reference"] = paivittain
