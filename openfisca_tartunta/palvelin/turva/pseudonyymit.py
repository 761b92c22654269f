"""Keyed pseudonyms (HMAC-SHA256) of persons: the audit trail never holds a henkilötunnus (seed 002)."""

from __future__ import annotations

import hashlib
import hmac

from stdnum.fi import hetu


class Pseudonymisoija:
    def __init__(self, avain: bytes) -> None:
        self._avain = avain

    def henkilo(self, henkilotunnus: str) -> str:
        """The pseudonym of a valid henkilötunnus (compact form, upper case)."""
        return self._hash("hetu:" + hetu.compact(henkilotunnus))

    def tunniste(self, sub: str) -> str:
        """The pseudonym of an identity provider's subject."""
        return self._hash("sub:" + sub)

    def _hash(self, teksti: str) -> str:
        return "p:" + hmac.new(self._avain, teksti.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def kelvollinen_henkilotunnus(arvo) -> bool:
    return isinstance(arvo, str) and hetu.is_valid(arvo)
