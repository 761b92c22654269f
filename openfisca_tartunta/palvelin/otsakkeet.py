"""Response headers and the HTTP checks the HTTP layer leaves to the app.

- every response: `X-Content-Type-Options: nosniff`, `Vary: Accept-Language`
  (the decision proposal's language follows that header);
- every response of a case-data endpoint (anything but the legislation
  endpoints below) and every error: `Cache-Control: no-store`;
- CORS: the public legislation endpoints (`LAINSAADANTO`: what the OpenFisca
  Legislation Explorer reads from a browser on another origin) answer any
  origin; the case-data endpoints answer no foreign origin, unless it is in
  `--cors-origins`, and then only that origin is named.  openfisca-core's
  flask-cors reflects every origin on every endpoint: its headers are replaced
  here, in the last after-request function;
- `--show-version 0` drops the package-version header;
- a request line that is not HTTP/1.0 or 1.1 (an HTTP/2 preface `PRI *
  HTTP/2.0`) and a body with both Content-Length and Transfer-Encoding are
  refused with 400 before any view runs.
"""

from __future__ import annotations

from flask import Flask, request

from openfisca_tartunta.palvelin.virheet import Asiakasvirhe

#: Endpoints that carry no case data (Flask endpoint names).
LAINSAADANTO = frozenset(
    {"get_parameters", "get_parameter", "get_variables", "get_variable", "get_entities", "get_spec", "health", "get_root"}
)
_CORS = (
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Credentials",
    "Access-Control-Allow-Headers",
    "Access-Control-Allow-Methods",
    "Access-Control-Expose-Headers",
    "Access-Control-Max-Age",
)
_PROTOKOLLAT = ("HTTP/1.0", "HTTP/1.1")


def _tarkista_http() -> None:
    if request.environ.get("SERVER_PROTOCOL") not in _PROTOKOLLAT or request.method == "PRI":
        raise Asiakasvirhe(400, "virheellinen_http", "malformed HTTP request: only HTTP/1.0 and HTTP/1.1 are served", None)
    if request.headers.get("Transfer-Encoding") and request.headers.get("Content-Length"):
        raise Asiakasvirhe(
            400, "virheellinen_http", "malformed HTTP request: both Content-Length and Transfer-Encoding are given", None
        )


def rekisteroi(app: Flask, sallitut: frozenset[str], nayta_versio: bool) -> None:
    """Install the HTTP checks and the header policy on the app."""
    app.before_request_funcs.setdefault(None, []).insert(0, _tarkista_http)

    def _otsakkeet(vastaus):
        julkinen = request.endpoint in LAINSAADANTO and vastaus.status_code < 400
        otsakkeet = vastaus.headers
        otsakkeet["X-Content-Type-Options"] = "nosniff"
        otsakkeet.add("Vary", "Accept-Language")
        if not nayta_versio:
            otsakkeet.pop("Country-Package-Version", None)
        if julkinen:
            if "Access-Control-Allow-Origin" in otsakkeet:  # any origin, never credentials
                otsakkeet["Access-Control-Allow-Origin"] = "*"
                otsakkeet.pop("Access-Control-Allow-Credentials", None)
            return vastaus
        otsakkeet["Cache-Control"] = "no-store"
        for nimi in _CORS:
            otsakkeet.pop(nimi, None)
        alkupera = request.headers.get("Origin")
        if alkupera and alkupera in sallitut:
            otsakkeet["Access-Control-Allow-Origin"] = alkupera
            otsakkeet["Access-Control-Allow-Headers"] = "Content-Type, Accept-Language, X-Request-ID"
            otsakkeet["Access-Control-Allow-Methods"] = "POST, OPTIONS"
            otsakkeet["Access-Control-Expose-Headers"] = "X-Request-ID, Content-Language"
            otsakkeet.add("Vary", "Origin")
        return vastaus

    # after_request functions run last-registered first: at the front, this one runs after flask-cors.
    app.after_request_funcs.setdefault(None, []).insert(0, _otsakkeet)
