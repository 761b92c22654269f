"""Service configuration: flags over environment over safe defaults (no server needed)."""

from __future__ import annotations

import argparse

import pytest

from openfisca_tartunta.palvelin.asetukset import ASETUKSET, Asetukset, Asetusvirhe, lisaa_liput, lue_asetukset
from openfisca_tartunta.palvelin.kaynnistys import gunicorn_asetukset, lisaa_argumentit


def _args(*liput: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    lisaa_liput(parser)
    return parser.parse_args(list(liput))


def test_oletukset_ovat_turvalliset():
    a = lue_asetukset(_args(), ymparisto={})
    assert a.bind == "127.0.0.1"  # loopback only unless asked
    assert a.workers == 2
    assert a.max_body_bytes == 20 * 1024 * 1024
    assert a.max_entities == 1000 and a.max_batch_rows == 200_000 and a.max_months == 60
    assert a.timeout == 30.0


def test_lippu_voittaa_ympariston_ja_ymparisto_oletuksen():
    ymparisto = {"TARTUNTA_PORT": "6000", "TARTUNTA_WORKERS": "3", "TARTUNTA_TIMEOUT": "5"}
    a = lue_asetukset(_args("--port", "7000"), ymparisto=ymparisto)
    assert (a.port, a.workers, a.timeout) == (7000, 3, 5.0)


@pytest.mark.parametrize(
    "liput, ymparisto, sana",
    [
        (["--port", "70000"], {}, "--port"),
        (["--workers", "0"], {}, "--workers"),
        ([], {"TARTUNTA_MAX_ENTITIES": "many"}, "TARTUNTA_MAX_ENTITIES"),
        (["--log-level", "chatty"], {}, "--log-level"),
        (["--timeout", "0"], {}, "--timeout"),
    ],
)
def test_virheellinen_asetus_nimeaa_lipun(liput, ymparisto, sana):
    with pytest.raises(Asetusvirhe, match=sana):
        lue_asetukset(_args(*liput), ymparisto=ymparisto)


def test_jokaisella_asetuksella_lippu_ja_ymparistomuuttuja():
    nimet = {a.kentta for a in ASETUKSET}
    assert nimet == set(Asetukset.__dataclass_fields__)
    assert all(a.ymparisto.startswith("TARTUNTA_") and a.lippu.startswith("--") for a in ASETUKSET)


def test_gunicorn_asetukset():
    g = gunicorn_asetukset(Asetukset(port=5123, workers=2, timeout=7))
    assert g["bind"] == "127.0.0.1:5123"
    assert g["workers"] == 2 and g["worker_class"].endswith("tyoprosessi.WaitressTyoprosessi")
    assert g["max_requests"] == 1000 and 0 < g["max_requests_jitter"] <= 100  # workers are recycled
    assert g["preload_app"] is True  # the model is loaded once, before the fork
    assert g["timeout"] == 17  # the in-worker limit fires first; gunicorn's kill is the backstop
    assert g["accesslog"] is None  # the app's own log line carries no personal data
    assert gunicorn_asetukset(Asetukset(bind="::1"))["bind"] == "[::1]:5000"


def test_serve_alikomento_rekisteroity():
    from openfisca_tartunta import cli

    assert cli.KOMENNOT["serve"][0] == "openfisca_tartunta.palvelin.kaynnistys"
    parser = argparse.ArgumentParser()
    lisaa_argumentit(parser)
    assert parser.parse_args(["--workers", "4"]).workers == "4"
