"""Mandate rules of ACCESS.md / seeds 000, 001: one test per rule and refusal reason, accounting firms,
withdrawal through the administrator's CLI taking effect on the next check."""

from __future__ import annotations

import datetime as dt

import pytest

from openfisca_tartunta.cli import main
from openfisca_tartunta.palvelin.turva.pseudonyymit import Pseudonymisoija
from openfisca_tartunta.palvelin.turva.rekisteri import SqliteRekisteri
from openfisca_tartunta.palvelin.turva.tokenit import Kutsuja

ASIA = "kela-tartuntatautipaivaraha-tyonantaja"
OMA, ASIAKAS, TOINEN, TILITOIMISTO = "0737546-2", "1572860-0", "2617416-4", "0201256-6"
HETU = "131052-308T"
AVAIN = b"k" * 32
TANAAN = dt.date(2024, 3, 10)
ALKU = dt.date(2024, 1, 1)


@pytest.fixture
def rekisteri(tmp_path):
    return SqliteRekisteri(str(tmp_path / "valtuudet.sqlite"))


@pytest.fixture
def henkilo():
    return Kutsuja("tyonantaja", Pseudonymisoija(AVAIN).henkilo(HETU), HETU)


def _syy(rekisteri, henkilo, organisaatio=OMA):
    r = rekisteri.tarkista(henkilo, organisaatio, ASIA, TANAAN)
    return "sallittu" if r.sallittu else r.syy


def test_oma_organisaatio_asiointivaltuus(rekisteri, henkilo):
    """Rule 1: acting for one's own organisation with an asiointivaltuus it gave."""
    vid = rekisteri.lisaa("asiointivaltuus", OMA, henkilo.tunnus, [ASIA], ALKU)
    r = rekisteri.tarkista(henkilo, OMA, ASIA, TANAAN)
    assert r.sallittu and r.valtuudet == (vid,)


def test_ei_valtuutta(rekisteri, henkilo):
    assert _syy(rekisteri, henkilo) == "ei_valtuutta"


def test_vaara_tyyppi_omalle_organisaatiolle(rekisteri, henkilo):
    """Seed 000: own organisation needs an asiointivaltuus; an edustamisvaltuus from it is the wrong type."""
    rekisteri.lisaa("edustamisvaltuus", OMA, henkilo.tunnus, [ASIA], ALKU)
    assert _syy(rekisteri, henkilo) == "vaara_valtuustyyppi"


def test_vaara_antaja(rekisteri, henkilo):
    """Rule 6: a mandate from another organisation does not let the person act for this one."""
    rekisteri.lisaa("asiointivaltuus", TOINEN, henkilo.tunnus, [ASIA], ALKU)
    assert _syy(rekisteri, henkilo) == "vaara_antaja"


def test_valtuusasia_puuttuu(rekisteri, henkilo):
    """Rule 4: mandates are service-specific; one for another matter does not count."""
    rekisteri.lisaa("asiointivaltuus", OMA, henkilo.tunnus, ["kela-tyoterveyshuolto"], ALKU)
    assert _syy(rekisteri, henkilo) == "valtuusasia_puuttuu"


def test_ei_voimassa(rekisteri, henkilo):
    """Rule 5: expired (ended 29.2.) or not yet valid (starts 11.3.) on 10.3.2024."""
    rekisteri.lisaa("asiointivaltuus", OMA, henkilo.tunnus, [ASIA], ALKU, dt.date(2024, 2, 29))
    assert _syy(rekisteri, henkilo) == "ei_voimassa"
    rekisteri.lisaa("asiointivaltuus", OMA, henkilo.tunnus, [ASIA], dt.date(2024, 3, 11))
    assert _syy(rekisteri, henkilo) == "ei_voimassa"
    rekisteri.lisaa("asiointivaltuus", OMA, henkilo.tunnus, [ASIA], dt.date(2024, 3, 10), dt.date(2024, 3, 10))
    assert _syy(rekisteri, henkilo) == "sallittu"  # both ends inclusive


def _tilitoimisto(rekisteri, henkilo, rajaus=None, asiakkaan_tyyppi="asiointivaltuus", henkilon_tyyppi="edustamisvaltuus"):
    rekisteri.lisaa(asiakkaan_tyyppi, ASIAKAS, TILITOIMISTO, [ASIA], ALKU)
    rekisteri.lisaa(henkilon_tyyppi, TILITOIMISTO, henkilo.tunnus, [ASIA], ALKU, None, rajaus)


def test_tilitoimisto_ilman_rajausta(rekisteri, henkilo):
    """Rule 2: client → firm asiointivaltuus + firm → person edustamisvaltuus."""
    _tilitoimisto(rekisteri, henkilo)
    r = rekisteri.tarkista(henkilo, ASIAKAS, ASIA, TANAAN)
    assert r.sallittu and len(r.valtuudet) == 2
    assert _syy(rekisteri, henkilo, TOINEN) == "vaara_antaja"  # a client that gave the firm nothing


def test_tilitoimisto_asiakas_rajaustarkenteella(rekisteri, henkilo):
    _tilitoimisto(rekisteri, henkilo, rajaus=[ASIAKAS, OMA])
    assert _syy(rekisteri, henkilo, ASIAKAS) == "sallittu"


def test_tilitoimisto_asiakas_ei_rajaustarkenteella(rekisteri, henkilo):
    """Rule 3: the firm restricted this person to other clients."""
    _tilitoimisto(rekisteri, henkilo, rajaus=[OMA])
    assert _syy(rekisteri, henkilo, ASIAKAS) == "rajaustarkenne"


def test_tilitoimisto_vaara_tyyppi_henkilolle(rekisteri, henkilo):
    """Seed 000: in an accounting firm the person's mandate must be an edustamisvaltuus."""
    _tilitoimisto(rekisteri, henkilo, henkilon_tyyppi="asiointivaltuus")
    assert _syy(rekisteri, henkilo, ASIAKAS) == "vaara_valtuustyyppi"


def test_tilitoimisto_vaara_tyyppi_asiakkaalta(rekisteri, henkilo):
    """The client must have given the firm an asiointivaltuus."""
    _tilitoimisto(rekisteri, henkilo, asiakkaan_tyyppi="edustamisvaltuus")
    assert _syy(rekisteri, henkilo, ASIAKAS) == "vaara_valtuustyyppi"


def test_tilitoimisto_asiakkaan_valtuus_paattynyt(rekisteri, henkilo):
    rekisteri.lisaa("asiointivaltuus", ASIAKAS, TILITOIMISTO, [ASIA], ALKU, dt.date(2024, 3, 1))
    rekisteri.lisaa("edustamisvaltuus", TILITOIMISTO, henkilo.tunnus, [ASIA], ALKU)
    assert _syy(rekisteri, henkilo, ASIAKAS) == "ei_voimassa"


def test_peruminen_cli_seuraavasta_tarkistuksesta(rekisteri, henkilo, monkeypatch, capsys):
    """The administrator withdraws with the CLI; the running registry (cache warm) sees it at once."""
    monkeypatch.setenv("TARTUNTA_PSEUDONYYMIAVAIN", AVAIN.decode())
    assert main(["valtuudet", "--valtuusrekisteri", rekisteri.polku, "lisaa", "--tyyppi", "asiointivaltuus",
                 "--antaja", OMA, "--saaja", HETU, "--alkaa", "2024-01-01"]) == 0
    vid = int(capsys.readouterr().out.split(":")[1])
    assert _syy(rekisteri, henkilo) == "sallittu"
    assert _syy(rekisteri, henkilo) == "sallittu"  # served from the cache
    assert main(["valtuudet", "--valtuusrekisteri", rekisteri.polku, "peru", str(vid)]) == 0
    assert _syy(rekisteri, henkilo) == "ei_valtuutta"
    assert main(["valtuudet", "--valtuusrekisteri", rekisteri.polku, "listaa"]) == 0
    listaus = capsys.readouterr().out
    assert HETU not in listaus and henkilo.tunnus in listaus and '"peruttu": "20' in listaus


def test_cli_hylkaa_virheellisen(rekisteri, monkeypatch, capsys):
    monkeypatch.setenv("TARTUNTA_PSEUDONYYMIAVAIN", AVAIN.decode())
    assert main(["valtuudet", "--valtuusrekisteri", rekisteri.polku, "lisaa", "--tyyppi", "asiointivaltuus",
                 "--antaja", "0737546-3", "--saaja", HETU, "--alkaa", "2024-01-01"]) == 2
    assert "--antaja" in capsys.readouterr().err
