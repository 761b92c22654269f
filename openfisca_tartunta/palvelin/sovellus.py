"""The web application: openfisca-core's web API for this package, hardened, plus
the decision proposal (`/paatosehdotus`), the batch endpoint (`/eraajo`) and
`/health`.

`luo_sovellus()` wraps `openfisca_web_api.app.create_app(tax_benefit_system)`:
the stock routes `/parameters`, `/parameter/<id>`, `/variables`,
`/variable/<id>`, `/entities` are kept as they are; `/calculate`, `/trace` and
`/spec` get hardened or extended views; errors of every kind answer JSON
(`virheet.py`); every request is logged without personal data (`lokitus.py`).

The tax-benefit system is built once per process and shared by every app made
in it (gunicorn preloads the app before forking, so workers share it too).
"""

from __future__ import annotations

import functools
from importlib import metadata

from flask import Flask, Response, g, request
from openfisca_web_api.app import create_app

import openfisca_tartunta
from openfisca_tartunta import syotteet
from openfisca_tartunta.palvelin import lokitus, maarittely, otsakkeet, turva, virheet
from openfisca_tartunta.palvelin.asetukset import Asetukset
from openfisca_tartunta.palvelin.eraajo import json_runko, laske_eraajo
from openfisca_tartunta.palvelin.laskenta import jaljita_tilanne, laske_tilanne
from openfisca_tartunta.palvelin.paatosehdotus import KIELET, vastaus as paatosvastaus
from openfisca_tartunta.palvelin.pyynnot import aikaraja, lue_json
from openfisca_tartunta.palvelin.tarkistus import BODY_KEYS as TARKISTUKSEN_AVAIMET, vastaus as tarkistusvastaus
from openfisca_tartunta.palvelin.virheet import Asiakasvirhe, json_vastaus


@functools.lru_cache(maxsize=1)
def jarjestelma():
    """The package's tax-benefit system, loaded once per process."""
    return openfisca_tartunta.CountryTaxBenefitSystem()


def _openfisca_versio() -> str:
    try:
        return metadata.version("openfisca-core")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def valitse_kieli(data: dict) -> str:
    """`kieli` in the body wins; else the best of fi/sv/en in Accept-Language; else fi (1.8.4)."""
    kieli = data.pop("kieli", None)
    if kieli is not None:
        if kieli not in KIELET:
            raise Asiakasvirhe(400, "virheellinen_kieli", f"kieli must be one of {', '.join(KIELET)}", "kieli")
        return kieli
    return request.accept_languages.best_match(KIELET, default="fi") or "fi"


def luo_sovellus(asetukset: Asetukset | None = None, tax_benefit_system=None, turva_asetukset=None) -> Flask:
    """The Flask app of the service."""
    asetukset = asetukset or Asetukset()
    tbs = tax_benefit_system if tax_benefit_system is not None else jarjestelma()
    app = create_app(tbs)
    app.config["MAX_CONTENT_LENGTH"] = asetukset.max_body_bytes
    app.config["TARTUNTA_ASETUKSET"] = asetukset
    lokitus.rekisteroi(app)
    virheet.rekisteroi(app)
    otsakkeet.rekisteroi(app, asetukset.sallitut_alkuperat, bool(asetukset.show_version))
    turva.rekisteroi(app, turva_asetukset)  # tokens, mandates, employer filtering, audit trail
    terveys = {"status": "ok", "kayttooikeudet": app.config["TARTUNTA_TURVA"]}
    if asetukset.show_version:
        terveys.update(version=openfisca_tartunta.__version__, openfisca=_openfisca_versio())

    def calculate():
        data = lue_json()
        with aikaraja(asetukset.timeout):
            return json_vastaus(laske_tilanne(tbs, data, asetukset.max_entities))

    def trace():
        data = lue_json()
        with aikaraja(asetukset.timeout):
            return json_vastaus(jaljita_tilanne(tbs, data, asetukset.max_entities))

    app.view_functions["calculate"] = calculate
    app.view_functions["trace"] = trace

    @app.get("/health")
    def health():
        return json_vastaus(terveys)

    @app.post("/paatosehdotus")
    def paatosehdotus():
        data = lue_json()
        kieli = valitse_kieli(data)
        saaja, muoto = request.args.get("saaja"), request.args.get("muoto", "json")
        syotteet.tarkista_avaimet(data, [e.plural for e in tbs.entities] + ["kieli", "jatkopaatos", "paatospaiva", "asianosaiset"], ("axes",))
        syotteet.kiella_lasketut(tbs, data)
        with aikaraja(asetukset.timeout):
            runko, tyyppi = paatosvastaus(tbs, data, kieli, asetukset, saaja, muoto)
        if tyyppi != "application/json":  # one recipient's document as HTML or PDF
            return Response(runko, mimetype=tyyppi, headers={"Content-Language": kieli})
        g.tartunta_ratkaisu = runko.get("ratkaisu")  # for the audit record, without parsing the answer back
        return json_vastaus(runko, otsakkeet={"Content-Language": kieli})

    @app.post("/tarkistus")
    def tarkistus():  # a revision: corrected decision against previous payments (issue 14)
        data = lue_json()
        kieli = valitse_kieli(data)
        syotteet.tarkista_avaimet(data, [e.plural for e in tbs.entities] + list(TARKISTUKSEN_AVAIMET), ("axes",))
        syotteet.kiella_lasketut(tbs, data)
        with aikaraja(asetukset.timeout):
            runko = tarkistusvastaus(tbs, data, kieli, asetukset, request.args.get("saaja"))
        return json_vastaus(runko, otsakkeet={"Content-Language": kieli})

    @app.post("/eraajo")
    def eraajo():
        data = lue_json()
        with aikaraja(asetukset.timeout):
            vastaus = laske_eraajo(tbs, data, asetukset.max_batch_rows, asetukset.max_months, asetukset.max_memory_mib)
        return Response(json_runko(vastaus), mimetype="application/json")

    maarittely.laajenna(app, tbs)
    return app
