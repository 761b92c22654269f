"""The request body of `/paatosehdotus` as an exact OpenAPI 3.0 schema (guideline 1.8.4).

Generated from the variables' metadata by the rules `syotteet.py` reads values with, so that a
body valid under the schema is one the service reads: only input variables (a computed one is
refused, `syotteet.kiella_lasketut`), each keyed by its period — `ETERNITY`, or a month
`YYYY-MM` inside the parameters' range (OpenAPI 3.0 has no `propertyNames`, so the months are
listed, once per value type, in shared `Kuukausittain*` components) — with a value of its
type: booleans, whole numbers, amounts with at most two decimals, ISO dates, enum item names.
What JSON Schema cannot say is in the descriptions and refused with a 400 naming the field.
"""

from __future__ import annotations

import datetime as dt

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit

from openfisca_tartunta import syotteet

_VIITE = "#/components/schemas/"
#: Ids of entities and representatives as the case system gives them.
TUNNUS = r"^[A-Za-z0-9_.-]{1,64}$"
#: A name: non-empty, printable, at most 200 characters (`osapuolet._teksti`).
NIMI = {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"^[^\x00-\x1f]*[^\s\x00-\x1f][^\x00-\x1f]*$"}
_RISTIVIITTEET = (
    "Cross-field rules JSON Schema cannot state are refused with a 400 naming the field: a decision "
    "(`poissaolon_peruste`) needs `poissaolo_alkaa` and `poissaolo_paattyy` inside the parameters' range, the end not "
    "before the start; each id in `palkkatyot` / "
    "`yritystoiminnat` must be a key of `ansiotyot` and each key of `ansiotyot` listed once; a range's end "
    "(`*_paattyy`) needs its start and must not precede it; ranges of one kind must not overlap, nor annual leave "
    "and a payment restriction, and a blocking benefit needs its type with its start (1.3.2.4, 1.4, 1.9.4); the decision may span at most the server's --max-months months."
)


#: A Finnish personal identity code's form (the checksum is checked by the service, 400 if wrong).
HENKILOTUNNUS = {"type": "string", "pattern": r"^[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-FHJ-NPR-Y]$",
                 "description": "a henkilötunnus (checksum checked; never logged or echoed)"}
#: String inputs with a form of their own (`palvelin/turva` validates `henkilotunnus`).
_MUODOT = {"henkilotunnus": HENKILOTUNNUS}


def arvon_skeema(muuttuja) -> tuple[str, dict]:
    """One value of an input variable as `syotteet.tarkista_arvo` reads it, and a name for its type."""
    tyyppi = muuttuja.value_type
    if muuttuja.name in _MUODOT:
        return "Teksti", dict(_MUODOT[muuttuja.name])
    if tyyppi is bool:
        return "Totuusarvo", {"type": "boolean"}
    if tyyppi is int:
        return "Kokonaisluku", {"type": "integer", "minimum": -(2**31), "maximum": 2**31 - 1}
    if tyyppi is float:
        if str(muuttuja.unit or "").startswith("currency"):
            raja = round(syotteet.SENTIT_TARKASTI - 0.01, 2)
            return "Euroa", {"type": "number", "multipleOf": 0.01, "minimum": -raja, "maximum": raja,
                             "description": "euros, at most two decimals (whole euros are read exactly up to 16 777 215)"}
        return "Luku", {"type": "number", "minimum": -1e12, "maximum": 1e12, "exclusiveMinimum": True, "exclusiveMaximum": True}
    if tyyppi is dt.date:
        return "Paiva", {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    if tyyppi is Enum:
        return muuttuja.possible_values.__name__, {"type": "string", "enum": [item.name for item in muuttuja.possible_values]}
    return "Teksti", {"type": "string"}


def _kaudet(tbs, vuodet_myos: bool) -> list[str]:
    eka, vika = (int(k[:4]) for k in syotteet.kuukausien_rajat(tbs))
    kuukaudet = [f"{v:04d}-{k:02d}" for v in range(eka, vika + 1) for k in range(1, 13)]
    return kuukaudet + ([f"{v:04d}" for v in range(eka, vika + 1)] if vuodet_myos else [])


class _Rakentaja:
    def __init__(self, tbs) -> None:
        self.tbs = tbs
        self.jaetut: dict[str, dict] = {}

    def muuttuja(self, muuttuja) -> dict:
        """An input variable's `{period: value}` object."""
        tyyppi, arvo = arvon_skeema(muuttuja)
        kuvaus = muuttuja.label or muuttuja.name
        if muuttuja.definition_period == DateUnit.ETERNITY:
            return {"type": "object", "description": f"{kuvaus} (keyed by ETERNITY)", "properties": {"ETERNITY": arvo},
                    "required": ["ETERNITY"], "additionalProperties": False}
        if muuttuja.definition_period != DateUnit.MONTH:
            raise ValueError(f"no request schema for {muuttuja.name}: defined per {muuttuja.definition_period}")
        vuodet = muuttuja.set_input is not None
        nimi = f"Kuukausittain{tyyppi}" + ("JaVuosittain" if vuodet else "")
        if nimi not in self.jaetut:
            self.jaetut[nimi] = {
                "type": "object", "minProperties": 1, "additionalProperties": False,
                "description": "values by month YYYY-MM" + (" or by year YYYY (spread over its months)" if vuodet else "")
                               + ", inside the parameters' range",
                "properties": {k: arvo for k in _kaudet(self.tbs, vuodet)},
            }
        return {"allOf": [{"$ref": _VIITE + nimi}], "description": kuvaus}

    def entiteetti(self, avain: str, roolit: dict) -> dict:
        ominaisuudet = {n: self.muuttuja(self.tbs.variables[n]) for n in syotteet.syotemuuttujat(self.tbs, avain)}
        return {"type": "object", "additionalProperties": False, "properties": {**ominaisuudet, **roolit}}


def paatossyotteen_skeemat(tbs, asianosaiset: dict, muut: dict) -> dict[str, dict]:
    """`PaatosehdotusInput` and its parts; `asianosaiset` and `muut` are the body's own keys' schemas."""
    r = _Rakentaja(tbs)
    henkilo = tbs.person_entity
    ryhma = next(e for e in tbs.entities if not e.is_person)
    roolit = {
        rooli.plural or rooli.key: {
            "type": "array", "uniqueItems": True, "items": {"type": "string"},
            "description": f"ids of the insured's earning activities as {rooli.label or rooli.key} (keys of {henkilo.plural})",
        }
        for rooli in ryhma.roles
    }
    skeemat = {
        "PaatoksenVakuutettu": r.entiteetti(ryhma.key, roolit),
        "PaatoksenAnsiotyo": r.entiteetti(henkilo.key, {}),
    }
    skeemat.update(r.jaetut)
    skeemat["PaatosehdotusInput"] = {
        "type": "object",
        "additionalProperties": False,
        "required": [ryhma.plural, henkilo.plural],
        "description": "One case: exactly one insured person and their earning activities. " + _RISTIVIITTEET,
        "properties": {
            ryhma.plural: {"type": "object", "minProperties": 1, "maxProperties": 1,
                           "additionalProperties": {"$ref": _VIITE + "PaatoksenVakuutettu"}},
            henkilo.plural: {"type": "object", "minProperties": 1, "additionalProperties": {"$ref": _VIITE + "PaatoksenAnsiotyo"},
                             "description": "the insured's earning activities by id (at least one: the model needs a person entity)"},
            "asianosaiset": asianosaiset,
            **muut,
        },
    }
    return skeemat
