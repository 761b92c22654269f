"""The OpenAPI document served at `/spec`: openfisca-core's, plus this service's paths.

Adds `/paatosehdotus`, `/eraajo` and `/health`, the error body (`Virhe`) and the
4xx/5xx answers every computing path can give (400, 404, 413, 415, 503).
"""

from __future__ import annotations

import copy
import json

from flask import Flask, Response

from openfisca_tartunta.asiakirjat.skeema import paatosehdotuksen_skeemat
from openfisca_tartunta.esimerkit import KARANTEENI_PALKANSAAJA
from openfisca_tartunta.palvelin.paatossyote import HENKILOTUNNUS, NIMI, TUNNUS, paatossyotteen_skeemat

_VIRHE = {
    "type": "object",
    "description": "Every error answers this body; `kentta` names the field of the request, `pyynto_id` the log line.",
    "required": ["virhe", "viesti", "kentta", "virheet"],
    "properties": {
        "virhe": {"type": "string", "description": "machine-readable code, e.g. syottovirhe, virheellinen_kausi, virheellinen_json"},
        "viesti": {"type": "string"},
        "kentta": {"type": "string", "nullable": True, "description": "path of the field, e.g. vakuutetut/v1/poissaolo_alkaa"},
        "virheet": {
            "type": "array",
            "items": {"type": "object", "properties": {"kentta": {"type": "string", "nullable": True}, "viesti": {"type": "string"}}},
        },
        "muuttuja": {"type": "string"},
        "pyynto_id": {"type": "string"},
    },
}


_ASIANOSAISET = {
    "type": "object",
    "additionalProperties": False,
    "description": "names and ids of the parties as the case system gives them (1.8.4.1); a key of `tyonantajat` must be "
                   "a key of ansiotyot and a henkilotunnus must pass its checksum (else 400)",
    "properties": {
        "vakuutettu": {"type": "object", "additionalProperties": False, "properties": {
            "nimi": NIMI, "henkilotunnus": HENKILOTUNNUS}},
        "tyonantajat": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": False,
                                                                   "required": ["nimi"], "properties": {"nimi": NIMI}}},
        "edustajat": {"type": "array", "maxItems": 10, "items": {"type": "object", "additionalProperties": False,
                                                                 "required": ["rooli", "tunnus", "nimi"], "properties": {
            "rooli": {"type": "string", "enum": ["edunvalvoja", "valtuutettu"]},
            "tunnus": {"type": "string", "pattern": TUNNUS},
            "nimi": NIMI}}},
    },
}


def _PAATOKSEN_AVAIMET(tbs) -> dict:
    """The body's own keys beside the situation: language, continuation, decision date."""
    pituudet = sorted({int(a.value) for nimi in ("ensimmainen_maksukausi", "maksukausi")
                       for a in tbs.parameters.maksaminen.children[nimi].values_list})
    return {
        "kieli": {"type": "string", "enum": ["fi", "sv", "en"], "description": "language of the texts; else Accept-Language; else fi"},
        "jatkopaatos": {
            "type": "object",
            "description": "continuation decision: days and full length of the previous decision's last payment period (1.9); "
                           "the days must be between 1 and that length (else 400)",
            "required": ["edellinen_kausi_paivia", "edellinen_kausi_pituus"],
            "properties": {"edellinen_kausi_paivia": {"type": "integer", "minimum": 1, "maximum": max(pituudet)},
                           "edellinen_kausi_pituus": {"type": "integer", "enum": pituudet}},
            "additionalProperties": False,
        },
        "paatospaiva": {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                        "description": "the decision date printed on the documents"},
    }


_ERAAJO_ESIMERKKI = {
    "kuukaudet": ["2024-03", "2024-04"],
    "vakuutetut": {
        "poissaolon_peruste": ["karanteeni", "eristaminen"],
        "poissaolo_alkaa": ["2024-03-04", "2024-03-25"],
        "poissaolo_paattyy": ["2024-03-15", "2024-04-05"],
    },
    "ansiotyot": {
        "vakuutettu": [0, 1],
        "rooli": ["palkkatyo", "palkkatyo"],
        "ansionmenetys": [3000, 2500],
    },
    "tulokset": ["tartuntatautipaivaraha_paivalta", "tartuntatautipaivaraha"],
}

_ERAAJO = {
    "type": "object",
    "required": ["kuukaudet", "vakuutetut", "ansiotyot"],
    "additionalProperties": False,
    "description": (
        "Columnar batch: one list per variable, all lists of a table of equal length. "
        "`ansiotyot.vakuutettu` is the 0-based row of the insured person, `ansiotyot.rooli` "
        "palkkatyo or yritystoiminta. MONTH inputs apply to every month of `kuukaudet`."
    ),
    "properties": {
        "kuukaudet": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}},
        "vakuutetut": {"type": "object", "additionalProperties": {"type": "array", "items": {}}},
        "ansiotyot": {
            "type": "object",
            "required": ["vakuutettu", "rooli"],
            "properties": {
                "vakuutettu": {"type": "array", "items": {"type": "integer", "minimum": 0}},
                "rooli": {"type": "array", "items": {"type": "string", "enum": ["palkkatyo", "yritystoiminta"]}},
            },
            "additionalProperties": {"type": "array", "items": {}},
        },
        "tulokset": {"type": "array", "minItems": 1, "items": {"type": "string"}},
    },
    "example": _ERAAJO_ESIMERKKI,
}

_ERAAJO_TULOS = {
    "type": "object",
    "properties": {
        "kuukaudet": {"type": "array", "items": {"type": "string"}},
        "rivit": {"type": "object", "additionalProperties": {"type": "integer"}},
        "vakuutetut": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "array", "items": {}}}},
        "ansiotyot": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "array", "items": {}}}},
    },
}


def _syotteet(tilanne: dict) -> dict:
    """A situation without its requested outputs (`null` values): the proposal's body has inputs only."""
    return {monikko: {tunnus: {n: a for n, a in instanssi.items() if not (isinstance(a, dict) and all(x is None for x in a.values()))}
                      for tunnus, instanssi in instanssit.items()}
            for monikko, instanssit in tilanne.items()}


def _virhevastaukset(*tilat: int) -> dict:
    selitteet = {
        400: "The request is invalid; the body names the field and the problem",
        404: "A variable named in the request does not exist",
        413: "The body, the number of entities or months is over the server's limit",
        415: "The body is not sent as application/json",
        503: "The computation took longer than the server's limit",
    }
    return {
        str(t): {"description": selitteet[t], "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Virhe"}}}}
        for t in tilat
    }


def _laskentapolku(yhteenveto: str, kuvaus: str, syote: dict, tulos: dict, esimerkki=None, operaatio: str = "") -> dict:
    runko = {"schema": syote}
    if esimerkki is not None:
        runko["example"] = esimerkki
    return {
        "post": {
            "summary": yhteenveto,
            "description": kuvaus,
            "tags": ["Calculations"],
            "operationId": operaatio,
            "requestBody": {"required": True, "content": {"application/json": runko}},
            "responses": {
                "200": {"description": "The result", "content": {"application/json": {"schema": tulos}}},
                **_virhevastaukset(400, 404, 413, 415, 503),
            },
        }
    }


def laajenna_maarittely(perus: dict, tbs=None) -> dict:
    """openfisca-core's OpenAPI document with this service's additions."""
    spec = copy.deepcopy(perus)
    spec.pop("servers", None)
    skeemat = spec.setdefault("components", {}).setdefault("schemas", {})
    skeemat["Virhe"] = _VIRHE
    skeemat.update(paatossyotteen_skeemat(tbs, _ASIANOSAISET, _PAATOKSEN_AVAIMET(tbs)))
    skeemat.update(paatosehdotuksen_skeemat(tbs))
    skeemat["EraajoInput"] = _ERAAJO
    skeemat["EraajoOutput"] = _ERAAJO_TULOS
    polut = spec.setdefault("paths", {})
    for polku in ("/calculate", "/trace"):
        if polku in polut:
            polut[polku]["post"]["responses"].update(_virhevastaukset(400, 404, 413, 415, 503))
    polut["/paatosehdotus"] = _laskentapolku(
        "Decision proposal for one case (guideline 1.8.4.2)",
        "An OpenFisca situation with exactly one vakuutettu (decision dates as ETERNITY inputs). Returns the outcome "
        "(myonteinen / osittain_myonteinen / kielteinen) with reasons citing the guideline and statutes, the daily "
        "amount and its basis, per month the days and money, the payment periods (1.9) and the recipients (1.8.4.1). "
        "Texts in fi, sv or en by `kieli` or Accept-Language.",
        {"$ref": "#/components/schemas/PaatosehdotusInput"},
        {"$ref": "#/components/schemas/Paatosehdotus"},
        {**_syotteet(KARANTEENI_PALKANSAAJA), "kieli": "fi"},
        operaatio="paatosehdotus",
    )
    polut["/paatosehdotus"]["post"]["parameters"] = [
        {"name": "Accept-Language", "in": "header", "required": False, "schema": {"type": "string"}, "example": "sv"},
        {"name": "saaja", "in": "query", "required": False,
         "schema": {"type": "string",
                    "pattern": r"^(vakuutettu|tyonantaja(:.{1,64})?|edunvalvoja(:.{1,64})?|valtuutettu(:.{1,64})?|palkkaturvan_maksaja|kunta)$"},
         "description": "one recipient's document only: vakuutettu, tyonantaja:<ansiotyo>, <edunvalvoja|valtuutettu>:<tunnus>, "
                        "palkkaturvan_maksaja (the ELY Centre), kunta (the social welfare body, way-of-life payment)"},
        {"name": "muoto", "in": "query", "required": False, "schema": {"type": "string", "enum": ["json", "html", "pdf"]},
         "description": "html / pdf: the recipient's document as HTML or as PDF from the same HTML (needs saaja, else 400)"},
    ]
    polut["/paatosehdotus"]["post"]["responses"]["200"]["content"] = {
        "application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/Paatosehdotus"}, {"$ref": "#/components/schemas/Asiakirja"}]}},
        "text/html": {"schema": {"type": "string"}},
        "application/pdf": {"schema": {"type": "string", "format": "binary"}},
    }
    polut["/eraajo"] = _laskentapolku(
        "Batch: many cases in one vectorised simulation",
        "Columnar JSON (see EraajoInput). Answers, per output variable and month, one list with a value per row.",
        {"$ref": "#/components/schemas/EraajoInput"},
        {"$ref": "#/components/schemas/EraajoOutput"},
        _ERAAJO_ESIMERKKI,
        operaatio="eraajo",
    )
    _tarkistuspolku(skeemat, polut, skeemat["PaatosehdotusInput"], tbs)  # issue 14
    polut["/health"] = {
        "get": {
            "summary": "Liveness and versions",
            "tags": ["Documentation"],
            "operationId": "health",
            "responses": {
                "200": {
                    "description": "The service is up",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["status", "version", "openfisca"],
                                "properties": {"status": {"type": "string"}, "version": {"type": "string"}, "openfisca": {"type": "string"}},
                            }
                        }
                    },
                }
            },
        }
    }
    return spec


def _tarkistuspolku(skeemat: dict, polut: dict, paatos_syote: dict, tbs) -> None:
    """`/tarkistus`: the decision proposal's situation with the previous payments as inputs (issue 14)."""
    from openfisca_tartunta.asiakirjat.tarkistuksen_malli import tarkistuksen_skeemat
    from openfisca_tartunta.palvelin.tarkistus import ESIMERKKI

    syote = copy.deepcopy(paatos_syote)
    for avain in ("jatkopaatos", "paatospaiva"):
        syote.get("properties", {}).pop(avain, None)
    skeemat["TarkistusInput"] = syote
    skeemat.update(tarkistuksen_skeemat(tbs))
    polut["/tarkistus"] = _laskentapolku(
        "Revision of one case: the corrected decision against what was paid (guideline 1.10, 1.12-1.14, 1.9.3.6)",
        "The /paatosehdotus situation with the previous payments as inputs (maksettu_*, maksuvuosi, "
        "tarkistuspaatoksen_paiva, tarkistuksen_peruste). Returns per payee and month the difference, additional "
        "payment and overpayment, the recovery (net or gross of tax), the offset and what remains, the hearing and "
        "consent flags, and each recipient's documents.",
        {"$ref": "#/components/schemas/TarkistusInput"},
        {"$ref": "#/components/schemas/Tarkistus"},
        copy.deepcopy(ESIMERKKI),
        operaatio="tarkistus",
    )
    polut["/tarkistus"]["post"]["parameters"] = [
        {"name": "Accept-Language", "in": "header", "required": False, "schema": {"type": "string"}, "example": "sv"},
        {"name": "saaja", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "one payee only: vakuutettu, tyonantaja, tyonantaja:<ansiotyo>, palkkaturvan_maksaja, kunta, "
                        "tyottomyyskassa, kela"},
    ]


def laajenna(app: Flask, tbs) -> None:
    """Replace the stock `/spec` view by one serving the extended document."""
    alkuperainen = app.view_functions["get_spec"]
    with app.test_request_context("/spec", base_url="http://localhost"):
        perus = alkuperainen().get_json()
    spec = laajenna_maarittely(perus, tbs)

    # A relative server URL: the document is read where it was fetched.  The Host
    # header is the client's to choose, so it is never copied into the document.
    teksti = json.dumps({**spec, "servers": [{"url": "/"}]}, ensure_ascii=False)

    def get_spec():
        return Response(teksti, mimetype="application/json")

    app.view_functions["get_spec"] = get_spec
