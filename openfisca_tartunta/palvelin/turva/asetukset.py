"""Settings of access control: flags of `tartunta serve`, then `TARTUNTA_*` variables, then defaults.

Secured mode is on when a key set for tokens is given (`--jwks` / `TARTUNTA_JWKS`);
it then needs the issuer, the audience and the pseudonym key.  The pseudonym key
is read from the environment only (`TARTUNTA_PSEUDONYYMIAVAIN`), never a flag, so
that it does not show in the process list.
"""

from __future__ import annotations

import argparse
import os
import secrets
from dataclasses import dataclass, field

from openfisca_tartunta.palvelin.asetukset import Asetusvirhe

#: (field, flag, environment variable, default, meaning)
LIPUT = (
    ("jwks", "--jwks", "TARTUNTA_JWKS", "", "token signing keys: a JWKS file or an https:// URL; turns secured mode on"),
    ("issuer", "--token-issuer", "TARTUNTA_TOKEN_ISSUER", "", "the tokens' required `iss`"),
    ("audience", "--token-audience", "TARTUNTA_TOKEN_AUDIENCE", "", "the tokens' required `aud`"),
    ("skew", "--token-skew", "TARTUNTA_TOKEN_SKEW", "30", "clock skew allowed on exp/nbf, seconds (0–120)"),
    ("rekisteri", "--valtuusrekisteri", "TARTUNTA_VALTUUSREKISTERI", "tartunta-valtuudet.sqlite",
     "mandate registry: an SQLite file, or suomifi:https://… for Suomi.fi e-Authorizations"),
    ("valtuusasia", "--valtuusasia", "TARTUNTA_VALTUUSASIA", "kela-tartuntatautipaivaraha-tyonantaja",
     "the mandate matter (valtuusasia) this service declares"),
    ("kirjausloki", "--kirjausloki", "TARTUNTA_KIRJAUSLOKI", "tartunta-kirjausloki.sqlite",
     "audit store: an SQLite file or a postgresql:// URL"),
    ("nopeusraja", "--rate-limit", "TARTUNTA_RATE_LIMIT", "600", "requests per caller per minute (0 = no limit)"),
    ("suomifi_client_id", "--suomifi-client-id", "TARTUNTA_SUOMIFI_CLIENT_ID", "", "Suomi.fi Web API client id"),
)


@dataclass(frozen=True)
class TurvaAsetukset:
    jwks: str = ""
    issuer: str = ""
    audience: str = ""
    skew: float = 30.0
    rekisteri: str = "tartunta-valtuudet.sqlite"
    valtuusasia: str = "kela-tartuntatautipaivaraha-tyonantaja"
    kirjausloki: str = "tartunta-kirjausloki.sqlite"
    nopeusraja: int = 600
    suomifi_client_id: str = ""
    suomifi_api_key: str = field(default="", repr=False)
    pseudonyymiavain: bytes = field(default=b"", repr=False)

    @property
    def suojattu(self) -> bool:
        return bool(self.jwks)

    def __post_init__(self) -> None:
        if self.suojattu:
            for nimi, lippu in (("issuer", "--token-issuer"), ("audience", "--token-audience")):
                if not getattr(self, nimi):
                    raise Asetusvirhe(f"{lippu}: required in secured mode (with --jwks)")
            if not self.jwks.startswith(("https://", "http://")) and not os.path.isfile(self.jwks):
                raise Asetusvirhe(f"--jwks / TARTUNTA_JWKS: no such file {self.jwks!r} (give a JWKS file or URL)")
            if len(self.pseudonyymiavain) < 32:
                raise Asetusvirhe("TARTUNTA_PSEUDONYYMIAVAIN: secured mode needs a pseudonym key of at least 32 bytes")
        if not 0 <= self.skew <= 120:
            raise Asetusvirhe(f"--token-skew: {self.skew} is outside 0–120 seconds")
        if self.nopeusraja < 0:
            raise Asetusvirhe(f"--rate-limit: {self.nopeusraja} is negative")
        if self.rekisteri.startswith("suomifi:") and not (self.suomifi_client_id and self.suomifi_api_key):
            raise Asetusvirhe("--suomifi-client-id and TARTUNTA_SUOMIFI_API_KEY are needed for a suomifi: registry")


def lisaa_liput(parser: argparse.ArgumentParser) -> None:
    ryhma = parser.add_argument_group("access control and audit (secured mode)")
    for kentta, lippu, ymparisto, oletus, selite in LIPUT:
        ryhma.add_argument(lippu, dest=f"turva_{kentta}", default=None, help=f"{selite} (env {ymparisto}, default {oletus!r})")


def pseudonyymiavain(ymparisto=None) -> bytes:
    ymparisto = os.environ if ymparisto is None else ymparisto
    return ymparisto.get("TARTUNTA_PSEUDONYYMIAVAIN", "").encode("utf-8")


def lue_asetukset(args=None, ymparisto=None) -> TurvaAsetukset:
    """Settings from flags, then environment variables, then defaults.

    In open mode without a configured pseudonym key a random one is made per
    process start: the audit trail's pseudonyms then cannot be linked across
    restarts (open mode is for drafting, not for real personal data).
    """
    liput = vars(args) if isinstance(args, argparse.Namespace) else dict(args or {})
    ymparisto = os.environ if ymparisto is None else ymparisto
    arvot = {}
    for kentta, _lippu, muuttuja, oletus, _ in LIPUT:
        arvo = liput.get(f"turva_{kentta}")
        if arvo is None:
            arvo = ymparisto.get(muuttuja) or oletus
        arvot[kentta] = str(arvo).strip()
    try:
        skew, raja = float(arvot.pop("skew")), int(arvot.pop("nopeusraja"))
    except ValueError as virhe:
        raise Asetusvirhe(f"--token-skew / --rate-limit: {virhe}") from None
    avain = pseudonyymiavain(ymparisto) or (b"" if arvot["jwks"] else secrets.token_bytes(32))
    return TurvaAsetukset(
        skew=skew, nopeusraja=raja, pseudonyymiavain=avain,
        suomifi_api_key=ymparisto.get("TARTUNTA_SUOMIFI_API_KEY", ""), **arvot,
    )
