"""Errors as JSON: every client mistake is a 4xx naming the field and the problem.

Body of every error response::

    {"virhe": "syottovirhe",                      # machine-readable code
     "viesti": "poissaolo_paattyy: the decision ends before it starts ...",
     "kentta": "vakuutetut/v1/poissaolo_paattyy",  # where in the request, or null
     "virheet": [{"kentta": ..., "viesti": ...}],  # every problem found (often one)
     "pyynto_id": "5f0c..."}                       # also in the X-Request-ID header

plus code-specific keys (`muuttuja`, `arvo` for `syottovirhe`).  A 500 says only
that something failed and gives the request id; the stack trace goes to the
server log without the exception's message (which may carry input values).
"""

from __future__ import annotations

import json
import logging
import traceback

from flask import Response, g
from werkzeug.exceptions import HTTPException

LOKI = logging.getLogger("openfisca_tartunta.palvelin")

#: HTTP status → error code for the errors werkzeug raises.
HTTP_KOODIT = {
    400: "virheellinen_pyynto",
    404: "ei_loydy",
    405: "menetelma_ei_sallittu",
    413: "liian_suuri_pyynto",
    415: "vaara_sisaltotyyppi",
    500: "palvelinvirhe",
}


class Asiakasvirhe(Exception):
    """A client mistake: HTTP status, error code, message and the field it concerns."""

    def __init__(self, tila: int, koodi: str, viesti: str, kentta: str | None = None, virheet=None, **lisat) -> None:
        super().__init__(viesti)
        self.tila = tila
        self.koodi = koodi
        self.viesti = viesti
        self.kentta = kentta
        self.virheet = virheet if virheet is not None else [{"kentta": kentta, "viesti": viesti}]
        self.lisat = lisat


class Aikakatkaisu(Exception):
    """The computation took longer than the configured timeout."""


def json_vastaus(data, tila: int = 200, otsakkeet: dict | None = None) -> Response:
    """A JSON response; non-finite numbers are refused (they are not JSON)."""
    teksti = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(teksti, status=tila, mimetype="application/json", headers=otsakkeet)


def virhevastaus(tila: int, koodi: str, viesti: str, kentta: str | None = None, virheet=None, **lisat) -> Response:
    runko = {
        "virhe": koodi,
        "viesti": viesti,
        "kentta": kentta,
        "virheet": virheet if virheet is not None else [{"kentta": kentta, "viesti": viesti}],
    }
    runko.update({k: v for k, v in lisat.items() if v is not None})
    runko["pyynto_id"] = getattr(g, "pyynto_id", None)
    try:
        return json_vastaus(runko, tila)
    except ValueError:  # a non-finite value in `arvo`
        runko.pop("arvo", None)
        return json_vastaus(runko, tila)


def asiakasvirheen_vastaus(virhe: Asiakasvirhe) -> Response:
    return virhevastaus(virhe.tila, virhe.koodi, virhe.viesti, virhe.kentta, virhe.virheet, **virhe.lisat)


def http_virheen_vastaus(virhe: HTTPException) -> Response:
    tila = virhe.code or 500
    koodi = HTTP_KOODIT.get(tila, "virheellinen_pyynto" if tila < 500 else "palvelinvirhe")
    from flask import request

    if tila == 404:
        viesti = f"no such path: {request.path[:200]}; the paths are listed in /spec"
        kentta = "polku"
    elif tila == 405:
        sallitut = sorted(getattr(virhe, "valid_methods", None) or [])
        viesti = f"method {request.method} is not allowed here; allowed: {', '.join(sallitut) or 'none'}"
        kentta = "menetelma"
    elif tila == 413:
        viesti = "request body is larger than the server's limit (--max-body-bytes)"
        kentta = "runko"
    else:
        viesti = virhe.description or virhe.name
        kentta = None
    vastaus = virhevastaus(tila, koodi, viesti, kentta)
    if tila == 405 and getattr(virhe, "valid_methods", None):
        vastaus.headers["Allow"] = ", ".join(sorted(virhe.valid_methods))
    return vastaus


def kirjaa_poikkeus(virhe: BaseException) -> None:
    """Log an unexpected exception: its class and stack frames, never its message."""
    kehykset = traceback.extract_tb(virhe.__traceback__)
    pino = " | ".join(f"{k.filename.rsplit('/', 2)[-1]}:{k.lineno} {k.name}" for k in kehykset[-12:])
    LOKI.error(
        "unexpected error request_id=%s type=%s.%s stack=%s",
        getattr(g, "pyynto_id", "-"),
        type(virhe).__module__,
        type(virhe).__qualname__,
        pino,
    )


def palvelinvirheen_vastaus(virhe: BaseException) -> Response:
    kirjaa_poikkeus(virhe)
    return virhevastaus(
        500,
        "palvelinvirhe",
        "internal error; it has been logged under this request id",
    )


def syotevirheen_vastaus(virhe) -> Response:
    tila = 404 if virhe.koodi == "tuntematon_muuttuja" else 400
    return virhevastaus(tila, virhe.koodi, virhe.viesti, virhe.kentta, arvo=virhe.arvo)


def rekisteroi(app) -> None:
    """Install the JSON error handlers on a Flask app: the one place exceptions become responses."""
    from openfisca_tartunta.syotteet import Syotevirhe

    app.register_error_handler(Asiakasvirhe, asiakasvirheen_vastaus)
    app.register_error_handler(Syotevirhe, syotevirheen_vastaus)
    app.register_error_handler(
        Aikakatkaisu,
        lambda _virhe: virhevastaus(
            503,
            "aikakatkaisu",
            "the computation took longer than the server's limit (--timeout); send fewer entities or months",
            None,
        ),
    )
    app.register_error_handler(HTTPException, http_virheen_vastaus)
    app.register_error_handler(Exception, palvelinvirheen_vastaus)
