"""Secured mode over real HTTP (gunicorn, 2 workers): tokens, roles, mandates, employer filtering,
withdrawal, audit records, rate limit.  Keys are made here (RSA and EC); nothing is mocked."""

from __future__ import annotations

import copy
import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

import test_palvelin_apu as apu
from openfisca_tartunta.cli import main
from openfisca_tartunta.palvelin.turva.kirjausloki import Kirjausloki

pytestmark = pytest.mark.slow

ISS, AUD = "https://tunnistus.example.test", "tartunta"
AVAIN = "p" * 40
HETU = "131052-308T"
OMA, TOINEN = "0737546-2", "1572860-0"  # KARANTEENI's employer is 0737546-2
RSA = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC = ec.generate_private_key(ec.SECP256R1())
VIERAS = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _jwks() -> dict:
    avaimet = []
    for kid, avain, alg in (("rsa1", RSA, jwt.algorithms.RSAAlgorithm), ("ec1", EC, jwt.algorithms.ECAlgorithm)):
        jwk = json.loads(alg.to_jwk(avain.public_key()))
        jwk.update(kid=kid, use="sig")
        avaimet.append(jwk)
    return {"keys": avaimet}


def token(avain=RSA, kid="rsa1", alg="RS256", **vaitteet) -> str:
    nyt = int(time.time())
    v = {"iss": ISS, "aud": AUD, "sub": "kelan-kasittely", "exp": nyt + 300, "nbf": nyt - 5,
         "rooli": "kasittelyjarjestelma", "client_id": "kelan-kasittely"}
    v.update(vaitteet)
    return jwt.encode({k: x for k, x in v.items() if x is not None}, avain, algorithm=alg, headers={"kid": kid})


def otsakkeet(tok: str, organisaatio: str | None = None) -> dict:
    o = {"Authorization": f"Bearer {tok}"}
    if organisaatio:
        o["X-Organisaatio"] = organisaatio
    return o


TYONANTAJA = {"rooli": "tyonantaja", "sub": "henkilo-1", "client_id": None, "henkilotunnus": HETU}


@pytest.fixture(scope="module")
def turva(tmp_path_factory):
    hak = tmp_path_factory.mktemp("turva")
    (hak / "jwks.json").write_text(json.dumps(_jwks()))
    rekisteri, loki = str(hak / "valtuudet.sqlite"), str(hak / "loki.sqlite")
    palvelin = apu.kaynnista(
        "--jwks", str(hak / "jwks.json"), "--token-issuer", ISS, "--token-audience", AUD, "--token-skew", "10",
        "--valtuusrekisteri", rekisteri, "--kirjausloki", loki, "--rate-limit", "40",
        ymparisto_lisat={"TARTUNTA_PSEUDONYYMIAVAIN": AVAIN})
    palvelin.rekisteri, palvelin.kirjausloki = rekisteri, loki
    yield palvelin
    palvelin.pysayta()


def _lisaa(turva, *argv) -> int:
    import os

    os.environ["TARTUNTA_PSEUDONYYMIAVAIN"] = AVAIN
    try:
        assert main(["valtuudet", "--valtuusrekisteri", turva.rekisteri, "lisaa", *argv]) == 0
    finally:
        del os.environ["TARTUNTA_PSEUDONYYMIAVAIN"]
    return max(r["id"] for r in __import__("openfisca_tartunta.palvelin.turva.rekisteri", fromlist=["x"]).SqliteRekisteri(turva.rekisteri).listaa())


def _virhe(r, tila, koodi=None):
    assert r.status_code == tila, r.text[:400]
    runko = r.json()
    if koodi:
        assert runko["virhe"] == koodi, runko
    assert "Traceback" not in r.text
    return runko


def test_health_ja_lainsaadanto_ilman_tokenia(turva):
    assert turva.get("/health").json()["kayttooikeudet"]["tila"] == "suojattu"
    assert turva.get("/variable/tartuntatautipaivaraha").status_code == 200
    assert turva.get("/parameters").status_code == 200


@pytest.mark.parametrize("tok, syy", [  # tokens made when the test runs (the suite may take minutes)
    (lambda: None, "bearer token is required"),
    (lambda: token(exp=int(time.time()) - 60), "expired"),
    (lambda: token(nbf=int(time.time()) + 120), "not valid yet"),
    (lambda: token(iss="https://muu.example.test"), "issuer"),
    (lambda: token(aud="muu-palvelu"), "audience"),
    (lambda: token(avain=VIERAS), "signature"),
    (lambda: token(avain=EC, kid="ec1", alg="ES256", exp=None), "lacks the claim exp"),
    (lambda: jwt.encode({"iss": ISS, "aud": AUD, "sub": "x", "exp": int(time.time()) + 60}, "s" * 32, algorithm="HS256",
                        headers={"kid": "rsa1"}), "malformed"),
], ids=["puuttuu", "vanhentunut", "nbf", "iss", "aud", "allekirjoitus", "ei_exp", "hs256"])
def test_tokenin_virheet_401(turva, tok, syy):
    tok = tok()
    r = turva.post("/calculate", apu.KARANTEENI, headers=otsakkeet(tok) if tok else {})
    runko = _virhe(r, 401, "tunnistus_epaonnistui")
    assert syy in runko["viesti"] and r.headers["WWW-Authenticate"].startswith("Bearer")
    assert "0737546" not in r.text


def test_kasittelyjarjestelma_es256_kaikki(turva):
    tilanne = apu.tapaus(tartuntatautipaivaraha_netto={"2024-03": None}, henkilotunnus={"ETERNITY": HETU})
    r = turva.post("/calculate", tilanne, headers=otsakkeet(token(avain=EC, kid="ec1", alg="ES256")))
    assert r.status_code == 200, r.text
    assert HETU not in r.text and "henkilotunnus" not in r.text  # never echoed
    assert turva.post("/trace", apu.KARANTEENI, headers=otsakkeet(token())).status_code == 200


def test_tuntematon_rooli_403(turva):
    _virhe(turva.post("/calculate", apu.KARANTEENI, headers=otsakkeet(token(rooli="katselija"))), 403, "rooli_ei_salli")


def test_tyonantaja_ilman_valtuutta(turva):
    runko = _virhe(turva.post("/paatosehdotus", apu.KARANTEENI, headers=otsakkeet(token(**TYONANTAJA), TOINEN)), 403)
    assert runko["virhe"] in ("ei_valtuutta", "vaara_antaja") and runko["kentta"] == "valtuus"
    assert "1320" not in r_text(runko)


def r_text(runko) -> str:
    return json.dumps(runko)


def test_tyonantaja_valtuudella_ja_peruminen(turva):
    """Own organisation, asiointivaltuus: the employer's copy only; withdrawn → refused on the next request.

    KARANTEENI with paid leave 4.–15.3.2024 and 1 000 € absence pay: 11 days × 120 = 1 320 € gross;
    the employer gets min(1 320, 1 000) = 1 000 € (1.3.2.1), the insured 320 €, whose tax at the table
    rate 35 % (no withholding data, 1.9.3.4.1) is 112,00 € — it must not reach the employer.
    """
    vid = _lisaa(turva, "--tyyppi", "asiointivaltuus", "--antaja", OMA, "--saaja", HETU, "--alkaa", "2024-01-01")
    o = otsakkeet(token(**TYONANTAJA), OMA)
    palkallinen = copy.deepcopy(apu.KARANTEENI)
    palkallinen["ansiotyot"]["tyo_1"].update(
        palkallinen_vapaa_alkaa={"ETERNITY": "2024-03-04"}, palkallinen_vapaa_paattyy={"ETERNITY": "2024-03-15"},
        tyonantajan_maksama_palkka={"2024-03": 1000},
    )
    koko = turva.post("/paatosehdotus", palkallinen, headers=otsakkeet(token()))
    assert koko.status_code == 200 and "112" in koko.text  # the case system sees the insured's tax
    r = turva.post("/paatosehdotus", palkallinen, headers=o)
    assert r.status_code == 200, r.text
    e = r.json()
    assert e["saaja"] == "tyonantaja" and e["tyonantajan_tunnus"] == OMA
    assert [d["rooli"] for d in e["asiakirjat"]] == ["tyonantaja"]
    assert "1 000" in r.text.replace("\u00a0", " ").replace("\u202f", " ") or "1000" in r.text
    assert "112" not in r.text and "ennakonpidatys" not in r.text and "320" not in r.text
    _virhe(turva.post("/paatosehdotus?saaja=vakuutettu", palkallinen, headers=o), 403, "vakuutetun_tiedot")
    _virhe(turva.post("/paatosehdotus?muoto=html", palkallinen, headers=o), 403, "vakuutetun_tiedot")
    # /calculate: its share is allowed, the insured's tax is not
    sallittu = apu.tapaus(tartuntatautipaivarahan_maksupaivat={"2024-03": None})
    assert turva.post("/calculate", sallittu, headers=o).status_code == 200
    kielletty = apu.tapaus(ennakonpidatys={"2024-03": None})
    runko = _virhe(turva.post("/calculate", kielletty, headers=o), 403, "vakuutetun_tiedot")
    assert runko["kentta"] == "vakuutetut/vakuutettu_1/ennakonpidatys"
    _virhe(turva.post("/trace", apu.KARANTEENI, headers=o), 403, "rooli_ei_salli")
    # another employer's row
    toisen = copy.deepcopy(apu.KARANTEENI)
    toisen["ansiotyot"]["tyo_2"] = {"ansionmenetys": {"2024-03": 1000}, "tyonantajan_tunnus": {"ETERNITY": TOINEN}}
    toisen["vakuutetut"]["vakuutettu_1"]["palkkatyot"].append("tyo_2")
    runko = _virhe(turva.post("/paatosehdotus", toisen, headers=o), 403, "toisen_tyonantajan_rivit")
    assert runko["kentta"] == "ansiotyot/tyo_2/tyonantajan_tunnus" and TOINEN not in runko["viesti"]
    # withdrawal takes effect on the next request
    assert main(["valtuudet", "--valtuusrekisteri", turva.rekisteri, "peru", str(vid)]) == 0
    _virhe(turva.post("/paatosehdotus", apu.KARANTEENI, headers=o), 403, "ei_valtuutta")


def test_kirjausloki_jokaisesta_pyynnosta(turva):
    ennen = Kirjausloki(turva.kirjausloki).tarkista()[0]
    turva.post("/calculate", apu.tapaus(henkilotunnus={"ETERNITY": HETU}), headers=otsakkeet(token()))
    turva.post("/calculate", apu.KARANTEENI)  # refused: 401
    loki = Kirjausloki(turva.kirjausloki)
    maara, rikki = loki.tarkista()
    assert rikki is None and maara == ennen + 2
    rivit = list(loki._rivit())[-2:]
    assert (rivit[0]["kutsuja"], rivit[0]["tila"], rivit[0]["polku"]) == ("kelan-kasittely", 200, "/calculate")
    assert rivit[0]["vakuutetut"].startswith("p:") and (rivit[1]["tila"], rivit[1]["ratkaisu"]) == (401, "tunnistus_epaonnistui")
    with open(turva.kirjausloki, "rb") as f:
        assert HETU.encode() not in f.read()
    assert HETU not in turva.lokiteksti()


def test_nopeusrajoitus_429(turva):
    o = otsakkeet(token(client_id="kiireinen"))
    tilat = [turva.get("/calculate", headers=o) for _ in range(85)]  # GET: 405 after the checks, cheap
    rajoitetut = [r for r in tilat if r.status_code == 429]
    assert rajoitetut and int(rajoitetut[0].headers["Retry-After"]) >= 1
    assert rajoitetut[0].json()["virhe"] == "liikaa_pyyntoja"


def test_chunked_runko_tarkistetaan_ja_valitetaan(turva):
    """A chunked body (no Content-Length) is checked by the hooks and still reaches the endpoint whole."""
    import requests

    data = json.dumps(apu.tapaus(henkilotunnus={"ETERNITY": HETU}, tartuntatautipaivaraha={"2024-03": None})).encode()
    r = requests.post(turva.url + "/calculate", data=iter([data[:40], data[40:]]), timeout=60,
                      headers={"Content-Type": "application/json", **otsakkeet(token())})
    assert r.status_code == 200, r.text
    assert r.json()["vakuutetut"]["vakuutettu_1"]["tartuntatautipaivaraha"]["2024-03"] == pytest.approx(1320.0)
    assert HETU not in r.text
    o = otsakkeet(token(**TYONANTAJA), OMA)
    kielletty = json.dumps(apu.tapaus(ulosottopidatys={"2024-03": None})).encode()
    r = requests.post(turva.url + "/calculate", data=iter([kielletty]), timeout=60, headers={"Content-Type": "application/json", **o})
    assert r.status_code == 403  # no mandate any more, or the insured's data: refused either way


def test_tyonantaja_ei_saa_palkkaturvan_maksajan_eika_kunnan_asiakirjaa(turva):
    """Issue 14 item 4: an employer user's answer holds only employer documents — a row whose pay was paid
    as pay security is the ELY Centre's (1.3.2.7), whose document, like the municipality's, it may not ask for."""
    vid = _lisaa(turva, "--tyyppi", "asiointivaltuus", "--antaja", OMA, "--saaja", HETU, "--alkaa", "2024-01-01")
    o = otsakkeet(token(**TYONANTAJA), OMA)
    turvattu = copy.deepcopy(apu.KARANTEENI)
    turvattu["ansiotyot"]["tyo_1"].update(
        palkallinen_vapaa_alkaa={"ETERNITY": "2024-03-04"}, palkallinen_vapaa_paattyy={"ETERNITY": "2024-03-15"},
        tyonantajan_maksama_palkka={"2024-03": 1000}, palkkaturvana_maksettu={"2024-03": True},
    )
    koko = turva.post("/paatosehdotus", turvattu, headers=otsakkeet(token()))
    assert [d["rooli"] for d in koko.json()["asiakirjat"]] == ["vakuutettu", "palkkaturvan_maksaja"]
    r = turva.post("/paatosehdotus", turvattu, headers=o)
    assert r.status_code == 200 and r.json()["asiakirjat"] == []
    for saaja in ("palkkaturvan_maksaja", "kunta"):
        _virhe(turva.post(f"/paatosehdotus?saaja={saaja}", turvattu, headers=o), 403, "vakuutetun_tiedot")
    assert main(["valtuudet", "--valtuusrekisteri", turva.rekisteri, "peru", str(vid)]) == 0
