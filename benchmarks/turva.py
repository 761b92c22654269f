"""Secured vs open mode: /calculate p50 side by side in one run (issue 11: within 1 ms).

Starts two `tartunta serve` (1 worker each) on loopback — open mode, and secured
mode with a JWKS file, an SQLite mandate registry and an SQLite audit trail — and
sends the same one-person /calculate to each, alternating, `--pyyntoja` times.
The secured calls carry a case-system RS256 token; an employer user's call (with
a mandate check and the body checks) is measured as a third series.  Both servers
write an audit record per request (both modes do).  Reports p50/p90 of the
client-side time and of the server's own `Server-Timing`.

    .venv/bin/python benchmarks/turva.py --pyyntoja 400
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import jwt
import requests
from cryptography.hazmat.primitives.asymmetric import rsa

JUURI = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(JUURI / "tests" / "pytest"))
import test_palvelin_apu as apu  # noqa: E402
from openfisca_tartunta.cli import main as tartunta  # noqa: E402

ISS, AUD, AVAIN, HETU = "https://tunnistus.example.test", "tartunta", "b" * 40, "131052-308T"


def _token(avain, **v) -> str:
    nyt = int(time.time())
    vaitteet = {"iss": ISS, "aud": AUD, "sub": "kelan-kasittely", "exp": nyt + 3600, "rooli": "kasittelyjarjestelma",
                "client_id": "kelan-kasittely"}
    vaitteet.update(v)
    return jwt.encode({k: x for k, x in vaitteet.items() if x is not None}, avain, algorithm="RS256", headers={"kid": "k1"})


def _mittaa(istunto, url, tilanne, otsakkeet) -> tuple[float, float]:
    alku = time.perf_counter()
    r = istunto.post(url + "/calculate", json=tilanne, headers=otsakkeet, timeout=30)
    kesto = (time.perf_counter() - alku) * 1000
    assert r.status_code == 200, r.text[:300]
    return kesto, float(r.headers["Server-Timing"].split("dur=")[1])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pyyntoja", type=int, default=400)
    n = p.parse_args().pyyntoja
    hak = Path(tempfile.mkdtemp(prefix="tartunta-turva-"))
    avain = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(avain.public_key()))
    jwk["kid"] = "k1"
    (hak / "jwks.json").write_text(json.dumps({"keys": [jwk]}))
    os.environ["TARTUNTA_PSEUDONYYMIAVAIN"] = AVAIN
    tartunta(["valtuudet", "--valtuusrekisteri", str(hak / "v.sqlite"), "lisaa", "--tyyppi", "asiointivaltuus",
              "--antaja", "0737546-2", "--saaja", HETU, "--alkaa", "2020-01-01"])
    avoin = apu.kaynnista("--kirjausloki", str(hak / "avoin.sqlite"), "--rate-limit", "0", tyoprosessit=1)
    suojattu = apu.kaynnista(
        "--jwks", str(hak / "jwks.json"), "--token-issuer", ISS, "--token-audience", AUD, "--rate-limit", "0",
        "--valtuusrekisteri", str(hak / "v.sqlite"), "--kirjausloki", str(hak / "suojattu.sqlite"),
        tyoprosessit=1, ymparisto_lisat={"TARTUNTA_PSEUDONYYMIAVAIN": AVAIN})
    try:
        tilanne = apu.tapaus(tartuntatautipaivaraha={"2024-03": None})
        tyonantajan = apu.tapaus(tartuntatautipaivarahan_maksupaivat={"2024-03": None})
        sarjat = {
            "open": (avoin.url, tilanne, {}),
            "secured, case system": (suojattu.url, tilanne, {"Authorization": "Bearer " + _token(avain)}),
            "secured, employer user": (suojattu.url, tyonantajan, {
                "Authorization": "Bearer " + _token(avain, rooli="tyonantaja", sub="h1", client_id=None, henkilotunnus=HETU),
                "X-Organisaatio": "0737546-2"}),
        }
        tulokset = {k: ([], []) for k in sarjat}
        istunnot = {k: requests.Session() for k in sarjat}
        for _ in range(20):  # warm-up
            for k, (url, t, o) in sarjat.items():
                _mittaa(istunnot[k], url, t, o)
        for _ in range(n):
            for k, (url, t, o) in sarjat.items():
                asiakas, palvelin = _mittaa(istunnot[k], url, t, o)
                tulokset[k][0].append(asiakas)
                tulokset[k][1].append(palvelin)
        print(f"/calculate, one insured, {n} requests per series, alternating, 1 worker per server")
        print(f"{'series':26} {'client p50':>11} {'client p90':>11} {'server p50':>11}")
        for k, (a, s) in tulokset.items():
            q = statistics.quantiles(a, n=10)
            print(f"{k:26} {statistics.median(a):9.2f}ms {q[8]:9.2f}ms {statistics.median(s):9.2f}ms")
        ero = statistics.median(tulokset["secured, case system"][0]) - statistics.median(tulokset["open"][0])
        print(f"secured − open (case system), client p50: {ero:+.2f} ms")
        from openfisca_tartunta.palvelin.turva.kirjausloki import Kirjausloki

        loki, ajat = Kirjausloki(str(hak / "erillinen.sqlite")), []
        for i in range(n):
            alku = time.perf_counter()
            loki.kirjaa({"pyynto_id": f"r{i}", "kutsuja": "c", "rooli": "kasittelyjarjestelma", "polku": "/calculate", "tila": 200})
            ajat.append((time.perf_counter() - alku) * 1000)
        print(f"writing one audit record (SQLite, WAL): p50 {statistics.median(ajat):.3f} ms")
    finally:
        avoin.pysayta()
        suojattu.pysayta()
    return 0


if __name__ == "__main__":
    sys.exit(main())
