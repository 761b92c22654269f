"""Settings of secured mode and the per-caller rate limit."""

from __future__ import annotations

import pytest

from openfisca_tartunta.palvelin.asetukset import Asetusvirhe
from openfisca_tartunta.palvelin.turva.asetukset import lue_asetukset
from openfisca_tartunta.palvelin.turva.nopeusrajoitus import Nopeusrajoitus


def test_avoin_oletuksena():
    a = lue_asetukset({}, {})
    assert not a.suojattu and len(a.pseudonyymiavain) == 32 and a.nopeusraja == 600


def test_suojattu_vaatii_issuerin_audiencen_ja_avaimen(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "k.json").write_text('{"keys": []}')
    with pytest.raises(Asetusvirhe, match="no such file"):
        lue_asetukset({"turva_jwks": "puuttuu.json", "turva_issuer": "i", "turva_audience": "a"}, {"TARTUNTA_PSEUDONYYMIAVAIN": "x" * 32})
    with pytest.raises(Asetusvirhe, match="--token-issuer"):
        lue_asetukset({"turva_jwks": "k.json"}, {"TARTUNTA_PSEUDONYYMIAVAIN": "x" * 32})
    with pytest.raises(Asetusvirhe, match="PSEUDONYYMIAVAIN"):
        lue_asetukset({"turva_jwks": "k.json", "turva_issuer": "i", "turva_audience": "a"}, {})
    a = lue_asetukset({"turva_jwks": "k.json"}, {"TARTUNTA_TOKEN_ISSUER": "i", "TARTUNTA_TOKEN_AUDIENCE": "a",
                                                "TARTUNTA_PSEUDONYYMIAVAIN": "x" * 32, "TARTUNTA_RATE_LIMIT": "5"})
    assert a.suojattu and a.issuer == "i" and a.nopeusraja == 5


@pytest.mark.parametrize("liput, viesti", [({"turva_skew": "500"}, "--token-skew"), ({"turva_nopeusraja": "x"}, "--rate-limit"),
                                           ({"turva_rekisteri": "suomifi:https://v.example"}, "suomifi")])
def test_virheelliset(liput, viesti):
    with pytest.raises(Asetusvirhe, match=viesti):
        lue_asetukset(liput, {})


def test_nopeusrajoitus_ikkuna():
    """3 per 60 s: the 4th at t=10 waits until the first (t=0) leaves the window: 50 s; at t=60 it passes."""
    r = Nopeusrajoitus(3)
    assert [r.odota("a", t) for t in (0, 1, 2)] == [0, 0, 0]
    assert r.odota("a", 10) == 50
    assert r.odota("b", 10) == 0  # per caller
    assert r.odota("a", 60) == 0
    assert Nopeusrajoitus(0).odota("a", 0) == 0
