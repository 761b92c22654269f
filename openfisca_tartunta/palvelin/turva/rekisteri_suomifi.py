"""Adapter for the Suomi.fi e-Authorizations (Valtuudet) REST authorization query.

The interface, as DVV's Web API description gives it: a GET of
`/service/rest/{hpa|ypa}/authorization/{client_id}/{delegate}/{principal}?issues=…&requestId=…`
carrying the header `X-AsiointivaltuudetAuthorization: <client id> <timestamp> <checksum>`,
where the timestamp is ISO 8601 (calls more than ±5 minutes off are refused) and
the checksum is the BASE64 of HMAC-SHA256, keyed with the API key, of
"<path and query> <timestamp>".  The answer is `{"result": "ALLOWED"}` or
`{"result": "DISALLOWED"}`; Suomi.fi evaluates the mandate rules itself and does
not say which failed, so a refusal names only "no mandate".

The delegate is the person's henkilötunnus (the employer token must carry it);
the principal is the organisation's Y-tunnus; the issue is the service's matter.
Answers are cached for `valimuisti_s` seconds (default 60): a withdrawal made in
Suomi.fi takes effect here within that time.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import time
import uuid
from urllib.parse import quote, urlencode

import requests

from openfisca_tartunta.palvelin.turva.tokenit import Kutsuja
from openfisca_tartunta.palvelin.turva.valtuudet import Ratkaisu

OTSAKE = "X-AsiointivaltuudetAuthorization"


def tarkistesumma(polku: str, aikaleima: str, api_avain: str) -> str:
    tiiviste = hmac.new(api_avain.encode("utf-8"), f"{polku} {aikaleima}".encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(tiiviste).decode("ascii")


def otsake(client_id: str, polku: str, api_avain: str, nyt: dt.datetime | None = None) -> str:
    aikaleima = (nyt or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
    return f"{client_id} {aikaleima} {tarkistesumma(polku, aikaleima, api_avain)}"


class SuomifiRekisteri:
    def __init__(self, perus_url: str, client_id: str, api_avain: str, valimuisti_s: float = 60.0,
                 laji: str = "ypa", aikaraja_s: float = 5.0) -> None:
        self.perus_url, self.client_id, self._avain = perus_url.rstrip("/"), client_id, api_avain
        self.valimuisti_s, self.laji, self.aikaraja_s = valimuisti_s, laji, aikaraja_s
        self._valimuisti: dict[tuple, tuple[float, Ratkaisu]] = {}
        self._istunto = requests.Session()

    def tarkista(self, kutsuja: Kutsuja, organisaatio: str, asia: str, paiva: dt.date) -> Ratkaisu:
        if not kutsuja.henkilotunnus:
            return Ratkaisu(False, "ei_valtuutta")
        avain = (kutsuja.tunnus, organisaatio, asia)
        osuma = self._valimuisti.get(avain)
        if osuma and time.monotonic() - osuma[0] < self.valimuisti_s:
            return osuma[1]
        polku = (f"/service/rest/{self.laji}/authorization/{quote(self.client_id)}/"
                 f"{quote(kutsuja.henkilotunnus)}/{quote(organisaatio)}?"
                 + urlencode({"issues": asia, "requestId": uuid.uuid4().hex}))
        vastaus = self._istunto.get(self.perus_url + polku, headers={OTSAKE: otsake(self.client_id, polku, self._avain)},
                                    timeout=self.aikaraja_s)
        vastaus.raise_for_status()
        tulos = vastaus.json().get("result")
        ratkaisu = Ratkaisu(True) if tulos == "ALLOWED" else Ratkaisu(False, "ei_valtuutta")
        self._valimuisti[avain] = (time.monotonic(), ratkaisu)
        return ratkaisu
