"""Flask hooks: authentication, mandate, rate limit, employer filtering and the audit record.

before_request: (secured mode) token → caller (401); role and mandate → 403 naming
the rule; rate limit → 429 with Retry-After; employer body checks → 403; (both
modes) a `henkilotunnus` input is validated (400) and only its keyed pseudonym kept.
after_request: the employer's copy of a decision proposal; `henkilotunnus` removed
from echoed situations; one audit record per request.  If the audit record cannot
be written the answer is 503: no request goes unrecorded.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging

from flask import Flask, current_app, g, request

from openfisca_tartunta.palvelin.turva.asetukset import TurvaAsetukset
from openfisca_tartunta.palvelin.turva.kirjausloki import Kirjausloki
from openfisca_tartunta.palvelin.turva.nopeusrajoitus import Nopeusrajoitus
from openfisca_tartunta.palvelin.turva.pseudonyymit import Pseudonymisoija, kelvollinen_henkilotunnus
from openfisca_tartunta.palvelin.turva.rekisteri import SqliteRekisteri
from openfisca_tartunta.palvelin.turva.tokenit import ANONYYMI, Avaimet, Tarkistaja, Tunnistusvirhe
from openfisca_tartunta.palvelin.turva.tyonantajan_osa import Kielto, tarkista_pyynto, tarkista_saaja, tyonantajan_paatos
from openfisca_tartunta.palvelin.pyynnot import esijasenna
from openfisca_tartunta.palvelin.virheet import virhevastaus
from openfisca_tartunta.tunnukset import on_kelvollinen_tunnus

LOKI = logging.getLogger("openfisca_tartunta.palvelin")
#: endpoints open without a token in secured mode: health and the legislation
JULKISET = {"health", "get_root", "get_parameters", "get_parameter", "get_variables", "get_variable", "get_entities", "get_spec", "static"}
#: endpoints an employer user may call
TYONANTAJAN = {"calculate", "paatosehdotus", "tarkistus"}
ORGANISAATIO_OTSAKE = "X-Organisaatio"


def _rekisteri(asetukset: TurvaAsetukset):
    if asetukset.rekisteri.startswith("suomifi:"):
        from openfisca_tartunta.palvelin.turva.rekisteri_suomifi import SuomifiRekisteri

        return SuomifiRekisteri(asetukset.rekisteri[len("suomifi:"):], asetukset.suomifi_client_id, asetukset.suomifi_api_key)
    return SqliteRekisteri(asetukset.rekisteri)


def tila(asetukset: TurvaAsetukset) -> dict:
    return {"tila": "suojattu" if asetukset.suojattu else "avoin",
            "huomautus": None if asetukset.suojattu else "open mode: no tokens, mandates or employer filtering (drafting only)"}


def rekisteroi(app: Flask, asetukset: TurvaAsetukset | None = None) -> None:
    from openfisca_tartunta.palvelin.turva.asetukset import lue_asetukset

    asetukset = asetukset if asetukset is not None else lue_asetukset({})
    pseudonyymit = Pseudonymisoija(asetukset.pseudonyymiavain)
    tarkistaja = None
    if asetukset.suojattu:
        tarkistaja = Tarkistaja(Avaimet(asetukset.jwks), asetukset.issuer, asetukset.audience, asetukset.skew, pseudonyymit)
    rekisteri = _rekisteri(asetukset) if asetukset.suojattu else None
    loki = Kirjausloki(asetukset.kirjausloki)
    rajoitus = Nopeusrajoitus(asetukset.nopeusraja)
    app.config["TARTUNTA_TURVA"] = tila(asetukset)
    LOKI.warning("access control: %s", "secured mode" if asetukset.suojattu else
                 "OPEN MODE, no access control (give --jwks for secured mode)")

    def kielto(tila_: int, koodi: str, viesti: str, kentta: str | None, **otsakkeet):
        g.turva_ratkaisu = koodi
        vastaus = virhevastaus(tila_, koodi, viesti, kentta)
        vastaus.headers.update(otsakkeet)
        return vastaus

    @app.before_request
    def _tarkista():
        g.turva_kutsuja, g.turva_org, g.turva_valtuus, g.turva_ratkaisu, g.turva_vakuutetut = ANONYYMI, None, None, None, None
        julkinen = request.endpoint in JULKISET
        if tarkistaja is not None and not julkinen:
            try:
                g.turva_kutsuja = tarkistaja.tarkista(request.headers.get("Authorization"))
            except Tunnistusvirhe as virhe:
                return kielto(401, "tunnistus_epaonnistui", str(virhe), "Authorization", **{"WWW-Authenticate": 'Bearer realm="tartunta"'})
        kutsuja = g.turva_kutsuja
        if kutsuja.rooli == "tuntematon":
            return kielto(403, "rooli_ei_salli", "the token's role (rooli) gives no access to this service", "rooli")
        if kutsuja.rooli == "tyonantaja" and request.endpoint not in TYONANTAJAN:
            return kielto(403, "rooli_ei_salli", f"an employer user may call only {', '.join(sorted('/' + e for e in TYONANTAJAN))}", "rooli")
        if kutsuja.rooli != "anonyymi":  # per identified caller; open mode has none
            odota = rajoitus.odota(kutsuja.tunnus)
            if odota:
                return kielto(429, "liikaa_pyyntoja", f"rate limit of {asetukset.nopeusraja} requests per minute exceeded",
                              None, **{"Retry-After": str(odota)})
        if kutsuja.rooli == "tyonantaja":
            organisaatio = request.headers.get(ORGANISAATIO_OTSAKE, "").strip()
            if not on_kelvollinen_tunnus(organisaatio):
                return kielto(400, "virheellinen_organisaatio",
                              f"header {ORGANISAATIO_OTSAKE} must be the Y-tunnus of the organisation acted for", ORGANISAATIO_OTSAKE)
            g.turva_org = organisaatio
            ratkaisu = rekisteri.tarkista(kutsuja, organisaatio, asetukset.valtuusasia, dt.date.today())
            if not ratkaisu.sallittu:
                return kielto(403, ratkaisu.syy, ratkaisu.viesti, "valtuus")
            g.turva_valtuus = ",".join(map(str, ratkaisu.valtuudet)) or "suomifi"
        if request.method == "POST":
            data = _runko()
            if kutsuja.rooli == "tyonantaja":
                try:
                    tarkista_pyynto(data, g.turva_org, request.endpoint == "calculate")
                    if request.endpoint in ("paatosehdotus", "tarkistus"):
                        tarkista_saaja(request.args.get("saaja"), request.args.get("muoto"))
                except Kielto as virhe:
                    return kielto(403, virhe.koodi, virhe.viesti, virhe.kentta)
            return _vakuutetut(data, pseudonyymit)
        return None

    @app.after_request
    def _kirjaa(vastaus):
        kutsuja = getattr(g, "turva_kutsuja", ANONYYMI)
        if vastaus.status_code == 200 and request.method == "POST" and request.endpoint == "paatosehdotus":
            if kutsuja.rooli == "tyonantaja" and vastaus.mimetype == "application/json":
                ehdotus = json.loads(vastaus.get_data())
                g.turva_ratkaisu = ehdotus.get("ratkaisu")
                vastaus.set_data(json.dumps(tyonantajan_paatos(ehdotus, g.turva_org), ensure_ascii=False))
            else:  # the endpoint put the proposal's outcome aside (a JSON answer; none for HTML/PDF)
                g.turva_ratkaisu = g.get("tartunta_ratkaisu")
        if vastaus.status_code == 200 and request.method == "POST" and request.endpoint == "tarkistus" \
                and kutsuja.rooli == "tyonantaja":  # the employer's copy: only its own part (issue 14)
            from openfisca_tartunta.palvelin.tarkistus import tyonantajan_tarkistus

            vastaus.set_data(json.dumps(tyonantajan_tarkistus(json.loads(vastaus.get_data())), ensure_ascii=False))
        if getattr(g, "turva_vakuutetut", None) and vastaus.status_code == 200 and request.method == "POST" \
                and request.endpoint in ("calculate", "trace"):
            vastaus.set_data(json.dumps(_ilman_henkilotunnusta(json.loads(vastaus.get_data())), ensure_ascii=False))
        try:
            loki.kirjaa({
                "pyynto_id": getattr(g, "pyynto_id", "-"), "kutsuja": kutsuja.tunnus, "rooli": kutsuja.rooli,
                "organisaatio": getattr(g, "turva_org", None), "valtuus": getattr(g, "turva_valtuus", None),
                "polku": request.url_rule.rule if request.url_rule is not None else "?", "tila": vastaus.status_code,
                "ratkaisu": getattr(g, "turva_ratkaisu", None), "vakuutetut": getattr(g, "turva_vakuutetut", None),
            })
        except Exception as virhe:  # fail closed: no answer without its audit record
            LOKI.error("audit record not written request_id=%s type=%s", getattr(g, "pyynto_id", "-"), type(virhe).__name__)
            return virhevastaus(503, "kirjausloki_ei_kaytettavissa", "the audit trail is unavailable; try again later", None)
        return vastaus


def _runko():
    """The JSON body for the checks (read once and kept for the endpoint), or None if it is not JSON."""
    raja = current_app.config.get("MAX_CONTENT_LENGTH")
    if request.content_length is not None or not raja:
        raaka = request.get_data(cache=True)  # over --max-body-bytes: 413 from werkzeug; kept for the endpoint
    else:  # chunked: read at most the limit + 1 byte and hand the bytes back to the endpoint, which reads wsgi.input
        raaka = request.environ["wsgi.input"].read(raja + 1)
        request.environ["wsgi.input"] = io.BytesIO(raaka)
        if len(raaka) > raja:
            return None  # the endpoint answers 413
    return esijasenna(raaka)  # None when not JSON: the endpoint answers the precise 400


def _vakuutetut(data, pseudonyymit: Pseudonymisoija):
    """Validate each `henkilotunnus` input and keep only the insured's pseudonyms (never the value)."""
    if not isinstance(data, dict) or not isinstance(data.get("vakuutetut"), dict):
        return None
    loydetyt = []
    for tunnus, vak in data["vakuutetut"].items():
        arvot = vak.get("henkilotunnus") if isinstance(vak, dict) else None
        if arvot is None:
            continue
        arvo = arvot.get("ETERNITY") if isinstance(arvot, dict) and len(arvot) == 1 else None
        if not kelvollinen_henkilotunnus(arvo):
            g.turva_ratkaisu = "virheellinen_henkilotunnus"
            return virhevastaus(400, "virheellinen_henkilotunnus",
                                "henkilotunnus must be {\"ETERNITY\": \"<a valid henkilötunnus>\"}; the value is not shown",
                                f"vakuutetut/{tunnus}/henkilotunnus")
        loydetyt.append(pseudonyymit.henkilo(arvo))
    g.turva_vakuutetut = ",".join(loydetyt) or None
    return None


def _ilman_henkilotunnusta(data):
    for vak in (data.get("vakuutetut") or {}).values() if isinstance(data, dict) else ():
        if isinstance(vak, dict):
            vak.pop("henkilotunnus", None)
    return data
