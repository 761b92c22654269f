"""Bearer tokens: JWT signed RS256/ES256 by the configured issuer, checked with PyJWT.

Checks signature (key by `kid` from a JWKS file or URL), `iss`, `aud`, `exp`,
`nbf` with a small skew.  Claims the service reads:

- `rooli`: `kasittelyjarjestelma` (Kela's case system, full access) or
  `tyonantaja` (a person acting for an organisation);
- case system: `client_id` (else `azp`, else `sub`);
- person: `sub` (pseudonymous subject) and, where the identity provider gives it,
  `henkilotunnus` (validated; only its keyed pseudonym is kept).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jwt

from openfisca_tartunta.palvelin.turva.pseudonyymit import Pseudonymisoija, kelvollinen_henkilotunnus

ALGORITMIT = ["RS256", "ES256"]
ROOLIT = ("kasittelyjarjestelma", "tyonantaja")


class Tunnistusvirhe(Exception):
    """401: no token or a token that does not verify; the message says which check failed."""


@dataclass(frozen=True)
class Kutsuja:
    rooli: str  # kasittelyjarjestelma, tyonantaja, anonyymi
    tunnus: str  # client id, or the keyed pseudonym of the person
    henkilotunnus: str | None = None  # never logged; for the Suomi.fi registry only


ANONYYMI = Kutsuja("anonyymi", "anonyymi")


class Avaimet:
    """The issuer's public keys, from a JWKS file (read once) or URL (cached by PyJWKClient)."""

    def __init__(self, lahde: str) -> None:
        if lahde.startswith(("https://", "http://")):
            self._asiakas = jwt.PyJWKClient(lahde, cache_keys=True, lifespan=300)
            self._joukko = None
        else:
            self._asiakas = None
            self._joukko = jwt.PyJWKSet.from_dict(json.loads(Path(lahde).read_text(encoding="utf-8")))

    def avain(self, token: str):
        if self._asiakas is not None:
            return self._asiakas.get_signing_key_from_jwt(token).key
        kid = jwt.get_unverified_header(token).get("kid")
        for avain in self._joukko.keys:
            if avain.key_id == kid or (kid is None and len(self._joukko.keys) == 1):
                return avain.key
        raise Tunnistusvirhe("token signed with an unknown key (kid)")


class Tarkistaja:
    def __init__(self, avaimet: Avaimet, issuer: str, audience: str, skew: float, pseudonyymit: Pseudonymisoija) -> None:
        self.avaimet, self.issuer, self.audience, self.skew, self.pseudonyymit = avaimet, issuer, audience, skew, pseudonyymit

    def tarkista(self, otsake: str | None) -> Kutsuja:
        if not otsake:
            raise Tunnistusvirhe("a bearer token is required (Authorization: Bearer …)")
        tyyppi, _, token = otsake.partition(" ")
        if tyyppi.lower() != "bearer" or not token.strip():
            raise Tunnistusvirhe("the Authorization header must be 'Bearer <token>'")
        token = token.strip()
        try:
            avain = self.avaimet.avain(token)
            vaitteet = jwt.decode(
                token, avain, algorithms=ALGORITMIT, issuer=self.issuer, audience=self.audience,
                leeway=self.skew, options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise Tunnistusvirhe("the token has expired (exp)") from None
        except jwt.ImmatureSignatureError:
            raise Tunnistusvirhe("the token is not valid yet (nbf)") from None
        except jwt.InvalidIssuerError:
            raise Tunnistusvirhe("the token's issuer (iss) is not accepted") from None
        except jwt.InvalidAudienceError:
            raise Tunnistusvirhe("the token's audience (aud) is not this service") from None
        except jwt.MissingRequiredClaimError as virhe:
            raise Tunnistusvirhe(f"the token lacks the claim {virhe.claim}") from None
        except jwt.InvalidSignatureError:
            raise Tunnistusvirhe("the token's signature does not verify") from None
        except (jwt.PyJWTError, ValueError):
            raise Tunnistusvirhe("the token is malformed or signed with an unaccepted algorithm") from None
        return self._kutsuja(vaitteet)

    def _kutsuja(self, v: dict) -> Kutsuja:
        rooli = v.get("rooli")
        if rooli not in ROOLIT:
            return Kutsuja("tuntematon", str(v.get("client_id") or v.get("sub"))[:100])
        if rooli == "kasittelyjarjestelma":
            return Kutsuja(rooli, str(v.get("client_id") or v.get("azp") or v["sub"])[:100])
        hetu = v.get("henkilotunnus")
        if hetu is not None:
            if not kelvollinen_henkilotunnus(hetu):
                raise Tunnistusvirhe("the token's henkilotunnus claim is not a valid henkilötunnus")
            return Kutsuja(rooli, self.pseudonyymit.henkilo(hetu), hetu)
        return Kutsuja(rooli, self.pseudonyymit.tunniste(str(v["sub"])))
