"""The application in-process: what cannot be provoked over HTTP from outside (an unexpected
error), and the small helpers of the decision proposal."""

from __future__ import annotations

import logging

import pytest

from openfisca_tartunta.asiakirjat import saadokset
from openfisca_tartunta.asiakirjat.kieli import Kieli
from openfisca_tartunta.asiakirjat.perustelut import PERUSTELUT
from openfisca_tartunta.palvelin.asetukset import Asetukset
from openfisca_tartunta.palvelin.rahajako import _jaa
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


def test_aikaraja_keskeyttaa_laskennan():
    """--timeout stops a computation in the worker (SIGALRM) with a JSON 503.

    The smallest budget allowed (0.1 s) against a 60 000-case batch (about 0.5 s of work measured on the
    2-core machine): far enough apart that a faster model does not make the test fail by finishing.
    """
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from kuormitus import eraajo

    r = luo_sovellus(Asetukset(timeout=0.1)).test_client().post("/eraajo", json=eraajo(60_000))
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
    """Babel per locale: money, dates, month phrases and plurals (issue 10, item 4)."""
    import datetime as dt

    fi, sv, en = Kieli("fi"), Kieli("sv"), Kieli("en")
    assert fi.eur(132000) == "1\u00a0320,00\u00a0€"
    assert sv.eur(132000) == "1\u00a0320,00\u00a0€"
    assert en.eur(132000) == "€1,320.00"
    assert fi.pv(dt.date(2024, 3, 4)) == "4.3.2024" and sv.pv(dt.date(2024, 3, 4)) == "4.3.2024"
    assert en.pv(dt.date(2024, 3, 4)) == "4 March 2024"
    assert fi.kuukausina(["2024-09"]) == "syyskuussa 2024"
    assert sv.kuukausina(["2024-03", "2024-04"]) == "i mars 2024 och i april 2024"
    assert en.kuukausina(["2024-09"]) == "in September 2024"
    assert (fi.paivia(1), fi.paivia(3)) == ("1 arkipäivä", "3 arkipäivää")
    assert (sv.paivia(1), sv.paivia(3)) == ("1 vardag", "3 vardagar")
    assert en.n_("There is %(n)s payment period.", "There are %(n)s payment periods.", 1) == "There is 1 payment period."
    assert fi.n_("There is %(n)s payment period.", "There are %(n)s payment periods.", 1) == "Päiväraha maksetaan yhtenä maksukautena."


def test_jokaisella_perustelulla_ohje_ja_saados():
    for koodi, (kohdat, viitteet, _) in PERUSTELUT.items():
        assert kohdat and all(k.startswith("1.") for k in kohdat), koodi
        assert viitteet, koodi
        for tunnus in viitteet:
            assert {"fi", "sv", "en", "voimassa", "lahde", "tarkistettu", "tila"} <= set(saadokset.kaikki()[tunnus]), tunnus
