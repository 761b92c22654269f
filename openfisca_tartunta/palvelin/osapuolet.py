"""The decision proposal's own body keys, read exactly or refused with a 400 naming the field.

- `paatospaiva`: the decision date, `YYYY-MM-DD`;
- `jatkopaatos`: `{"edellinen_kausi_paivia": N, "edellinen_kausi_pituus": 6|25}` (1.9);
- `asianosaiset`: what the case system says of the parties (1.8.4.1)::

    {"vakuutettu": {"nimi": "…", "henkilotunnus": "…"},
     "tyonantajat": {"<ansiotyo id>": {"nimi": "…"}},
     "edustajat": [{"rooli": "edunvalvoja" | "valtuutettu", "tunnus": "…", "nimi": "…"}]}

  Names are printed as given; a henkilötunnus is checked (python-stdnum).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from stdnum.fi import hetu

from openfisca_tartunta.asiakirjat.tapaus import Edustaja
from openfisca_tartunta.palvelin.virheet import Asiakasvirhe

_PVM = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_TUNNUS = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_ROOLIT = ("edunvalvoja", "valtuutettu")


def _virhe(kentta: str, viesti: str):
    return Asiakasvirhe(400, "virheellinen_tilanne", viesti, kentta)


def lue_paatospaiva(arvo) -> dt.date | None:
    if arvo is None:
        return None
    if not isinstance(arvo, str) or not _PVM.match(arvo):
        raise _virhe("paatospaiva", f"paatospaiva must be a date YYYY-MM-DD, not {str(arvo)[:40]!r}")
    try:
        return dt.date.fromisoformat(arvo)
    except ValueError:
        raise _virhe("paatospaiva", f"paatospaiva {arvo!r} is not a calendar date") from None


def lue_jatkopaatos(arvo) -> dict:
    if arvo is None:
        return {}
    if not isinstance(arvo, dict) or set(arvo) - {"edellinen_kausi_paivia", "edellinen_kausi_pituus"}:
        raise _virhe("jatkopaatos", 'jatkopaatos must be {"edellinen_kausi_paivia": N, "edellinen_kausi_pituus": 6 or 25}')
    for avain, x in arvo.items():
        if not isinstance(x, int) or isinstance(x, bool):
            raise _virhe(f"jatkopaatos/{avain}", "must be an integer")
    return dict(arvo)


def _teksti(arvo, kentta: str, pituus: int = 200) -> str:
    if not isinstance(arvo, str) or not arvo.strip() or len(arvo) > pituus or any(ord(c) < 32 for c in arvo):
        raise _virhe(kentta, f"must be a non-empty string of at most {pituus} printable characters")
    return arvo


def _olio(arvo, kentta: str, sallitut: set[str]) -> dict:
    if not isinstance(arvo, dict):
        raise _virhe(kentta, "must be an object")
    ylimaaraiset = set(arvo) - sallitut
    if ylimaaraiset:
        raise _virhe(f"{kentta}/{sorted(ylimaaraiset)[0]}", f"unknown key; expected one of {', '.join(sorted(sallitut))}")
    return arvo


@dataclass
class Osapuolet:
    nimi: str | None = None
    henkilotunnus: str | None = None
    tyonantajat: dict = field(default_factory=dict)
    edustajat: list[Edustaja] = field(default_factory=list)

    def tarkista_rivit(self, rivit: list[str]) -> None:
        for rivi in self.tyonantajat:
            if rivi not in rivit:
                raise _virhe(f"asianosaiset/tyonantajat/{rivi}", f"no earning activity '{rivi}' in ansiotyot")


def lue_osapuolet(arvo) -> Osapuolet:
    if arvo is None:
        return Osapuolet()
    arvo = _olio(arvo, "asianosaiset", {"vakuutettu", "tyonantajat", "edustajat"})
    tulos = Osapuolet()
    vak = _olio(arvo.get("vakuutettu", {}), "asianosaiset/vakuutettu", {"nimi", "henkilotunnus"})
    if "nimi" in vak:
        tulos.nimi = _teksti(vak["nimi"], "asianosaiset/vakuutettu/nimi")
    if "henkilotunnus" in vak:
        teksti = _teksti(vak["henkilotunnus"], "asianosaiset/vakuutettu/henkilotunnus", 11)
        if not hetu.is_valid(teksti):
            raise _virhe("asianosaiset/vakuutettu/henkilotunnus", "is not a valid Finnish personal identity code")
        tulos.henkilotunnus = teksti
    tyonantajat = _olio(arvo.get("tyonantajat", {}), "asianosaiset/tyonantajat", set(arvo.get("tyonantajat", {}) or {}))
    for rivi, tieto in tyonantajat.items():
        tieto = _olio(tieto, f"asianosaiset/tyonantajat/{rivi}", {"nimi"})
        tulos.tyonantajat[rivi] = _teksti(tieto.get("nimi"), f"asianosaiset/tyonantajat/{rivi}/nimi")
    edustajat = arvo.get("edustajat", [])
    if not isinstance(edustajat, list) or len(edustajat) > 10:
        raise _virhe("asianosaiset/edustajat", "must be a list of at most 10 representatives")
    for i, e in enumerate(edustajat):
        kentta = f"asianosaiset/edustajat/{i}"
        e = _olio(e, kentta, {"rooli", "tunnus", "nimi"})
        if e.get("rooli") not in _ROOLIT:
            raise _virhe(f"{kentta}/rooli", f"must be one of {', '.join(_ROOLIT)}")
        tunnus = _teksti(e.get("tunnus"), f"{kentta}/tunnus", 64)
        if not _TUNNUS.match(tunnus):
            raise _virhe(f"{kentta}/tunnus", "must be 1–64 letters, digits, '_', '.' or '-'")
        tulos.edustajat.append(Edustaja(e["rooli"], tunnus, _teksti(e.get("nimi"), f"{kentta}/nimi")))
    return tulos
