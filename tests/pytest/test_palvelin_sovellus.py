"""The application in-process: what cannot be provoked over HTTP from outside (an unexpected
error), and the small helpers of the decision proposal."""

from __future__ import annotations

import logging

import pytest

from openfisca_tartunta.palvelin import tekstit
from openfisca_tartunta.palvelin.asetukset import Asetukset
from openfisca_tartunta.palvelin.rahajako import jaa as _jaa
from openfisca_tartunta.palvelin.sovellus import luo_sovellus


@pytest.fixture(scope="module")
def sovellus():
    return luo_sovellus(Asetukset(timeout=0.2))


class _Keraaja(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.rivit: list[str] = []

    def emit(self, record) -> None:
        self.rivit.append(record.getMessage())


def test_500_ilman_pinoa_ja_viestia(sovellus):
    """An unexpected error answers 500 JSON with the request id only; the log has the stack
    frames but not the exception's message (it may carry a person's data)."""

    @sovellus.get("/_kokeilu_virhe")
    def _virhe():
        raise RuntimeError("salainen 4321.09 010170-123F")

    keraaja = _Keraaja()
    loki = logging.getLogger("openfisca_tartunta.palvelin")
    loki.addHandler(keraaja)
    loki.setLevel(logging.INFO)
    try:
        r = sovellus.test_client().get("/_kokeilu_virhe")
    finally:
        loki.removeHandler(keraaja)
    assert r.status_code == 500
    runko = r.get_json()
    assert runko["virhe"] == "palvelinvirhe" and runko["pyynto_id"] == r.headers["X-Request-ID"]
    assert "salainen" not in r.get_data(as_text=True) and "Traceback" not in r.get_data(as_text=True)
    teksti = "\n".join(keraaja.rivit)
    assert "builtins.RuntimeError" in teksti and "_virhe" in teksti
    assert "4321" not in teksti and "010170" not in teksti


def test_aikaraja_keskeyttaa_laskennan(sovellus):
    """--timeout stops a computation in the worker (SIGALRM) with a JSON 503."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from kuormitus import eraajo

    r = sovellus.test_client().post("/eraajo", json=eraajo(50_000))
    assert r.status_code == 503 and r.get_json()["virhe"] == "aikakatkaisu"


@pytest.mark.parametrize(
    "senttia, painot, odotettu",
    [
        (100, [1, 1, 1], [34, 33, 33]),  # the odd cent to the earliest of equal remainders
        (60000, [5, 0], [60000, 0]),
        (25200, [1, 5], [4200, 21000]),
        (7, [0, 0], [0, 0]),
    ],
)
def test_sentit_jaetaan_tasan(senttia, painot, odotettu):
    assert _jaa(senttia, painot) == odotettu
    assert sum(_jaa(senttia, painot)) == (senttia if sum(painot) else 0)


def test_rahan_ja_paivan_muoto():
    assert tekstit.euroa(1320, "fi") == "1\u00a0320,00\u00a0€"
    assert tekstit.euroa(1320, "sv") == "1\u00a0320,00\u00a0€"
    assert tekstit.euroa(1320, "en") == "€1,320.00"
    assert tekstit.paiva("2024-03-04", "fi") == "4.3.2024"
    assert tekstit.paiva("2024-03-04", "en") == "4 Mar 2024"
    assert tekstit.luettelo(["3/2024", "4/2024"], "sv") == "3/2024 och 4/2024"


def test_jokaisella_perustelulla_ohje_saados_ja_kolme_kielta():
    for koodi, (kohdat, saadokset, tekstit_) in tekstit.PERUSTELUT.items():
        assert kohdat and all(k.startswith("1.") for k in kohdat), koodi
        assert saadokset, koodi
        assert set(tekstit_) == set(tekstit.KIELET), koodi
