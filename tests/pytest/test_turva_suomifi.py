"""The Suomi.fi e-Authorizations adapter against a local server that implements the protocol:
`X-AsiointivaltuudetAuthorization: <client id> <ISO 8601 timestamp> <BASE64(HMAC-SHA256(api key, "<path> <timestamp>"))>`,
timestamps more than ±5 minutes off refused, answer {"result": "ALLOWED" | "DISALLOWED"}."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from openfisca_tartunta.palvelin.turva import rekisteri_suomifi
from openfisca_tartunta.palvelin.turva.rekisteri_suomifi import SuomifiRekisteri
from openfisca_tartunta.palvelin.turva.tokenit import Kutsuja

CLIENT, API_KEY, HETU, OMA, TOINEN, ASIA = "TESTI123", "jaettu-salaisuus", "131052-308T", "0737546-2", "1572860-0", "kela-ttpr"


class _Valtuudet(BaseHTTPRequestHandler):
    sallitut = {(HETU, OMA, ASIA)}
    kutsut: list = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        otsake = self.headers.get("X-AsiointivaltuudetAuthorization", "")
        osat = otsake.split(" ")
        if len(osat) != 3 or osat[0] != CLIENT:
            return self._vastaa(401, {"error": "bad header"})
        aikaleima, summa = osat[1], osat[2]
        odotettu = base64.b64encode(hmac.new(API_KEY.encode(), f"{self.path} {aikaleima}".encode(), hashlib.sha256).digest()).decode()
        if not hmac.compare_digest(summa, odotettu):
            return self._vastaa(401, {"error": "bad checksum"})
        if abs((dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(aikaleima)).total_seconds()) > 300:
            return self._vastaa(401, {"error": "timestamp"})
        osoite = urlsplit(self.path)
        _, _, _, laji, _, client, delegate, principal = osoite.path.split("/")
        issues = parse_qs(osoite.query).get("issues", [])
        type(self).kutsut.append((laji, client, unquote(delegate), unquote(principal)))
        sallittu = any((unquote(delegate), unquote(principal), i) in self.sallitut for i in issues)
        self._vastaa(200, {"result": "ALLOWED" if sallittu else "DISALLOWED"})

    def _vastaa(self, tila, runko):
        data = json.dumps(runko).encode()
        self.send_response(tila)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def valtuuspalvelin():
    palvelin = ThreadingHTTPServer(("127.0.0.1", 0), _Valtuudet)
    threading.Thread(target=palvelin.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{palvelin.server_address[1]}"
    palvelin.shutdown()


HENKILO = Kutsuja("tyonantaja", "p:x", HETU)


def test_sallittu_ja_kielletty(valtuuspalvelin):
    r = SuomifiRekisteri(valtuuspalvelin, CLIENT, API_KEY, valimuisti_s=0)
    assert r.tarkista(HENKILO, OMA, ASIA, dt.date.today()).sallittu
    kielto = r.tarkista(HENKILO, TOINEN, ASIA, dt.date.today())
    assert not kielto.sallittu and kielto.syy == "ei_valtuutta"
    assert not r.tarkista(HENKILO, OMA, "muu-asia", dt.date.today()).sallittu
    assert _Valtuudet.kutsut[0] == ("ypa", CLIENT, HETU, OMA)


def test_vaara_avain_ja_vanha_aikaleima_hylataan(valtuuspalvelin, monkeypatch):
    import requests

    with pytest.raises(requests.HTTPError):
        SuomifiRekisteri(valtuuspalvelin, CLIENT, "vaara", valimuisti_s=0).tarkista(HENKILO, OMA, ASIA, dt.date.today())
    vanha = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=6)
    alkuperainen = rekisteri_suomifi.otsake
    monkeypatch.setattr(rekisteri_suomifi, "otsake", lambda c, p, k: alkuperainen(c, p, k, vanha))
    with pytest.raises(requests.HTTPError):
        SuomifiRekisteri(valtuuspalvelin, CLIENT, API_KEY, valimuisti_s=0).tarkista(HENKILO, OMA, ASIA, dt.date.today())


def test_valimuisti_lyhyt(valtuuspalvelin):
    r = SuomifiRekisteri(valtuuspalvelin, CLIENT, API_KEY, valimuisti_s=60)
    ennen = len(_Valtuudet.kutsut)
    assert r.tarkista(HENKILO, OMA, ASIA, dt.date.today()).sallittu
    assert r.tarkista(HENKILO, OMA, ASIA, dt.date.today()).sallittu
    assert len(_Valtuudet.kutsut) == ennen + 1
    r.valimuisti_s = 0
    r.tarkista(HENKILO, OMA, ASIA, dt.date.today())
    assert len(_Valtuudet.kutsut) == ennen + 2


def test_ilman_henkilotunnusta_ei_kysyta(valtuuspalvelin):
    r = SuomifiRekisteri(valtuuspalvelin, CLIENT, API_KEY)
    assert r.tarkista(Kutsuja("tyonantaja", "p:y"), OMA, ASIA, dt.date.today()).syy == "ei_valtuutta"


def test_tarkistesumma_tunnettu_arvo():
    """Worked by hand with the standard library: HMAC-SHA256("k", "/p?a=1 2024-01-01T00:00:00+00:00")."""
    odotettu = base64.b64encode(hmac.new(b"k", b"/p?a=1 2024-01-01T00:00:00+00:00", hashlib.sha256).digest()).decode()
    assert rekisteri_suomifi.tarkistesumma("/p?a=1", "2024-01-01T00:00:00+00:00", "k") == odotettu
