"""How the workers share connections (`tapahtumasilmukka.py`, `tyoprosessi.py`).

- requests one after the other, each on a new connection, are answered by one worker (the
  warm one), not by the workers in turn;
- requests at the same time are answered by both workers (a busy worker passes a new
  connection on);
- the epoll set follows waitress's socket map: a connection's fd number reused by the next
  connection, and a listener at its connection limit taken out of the set and put back.
"""

from __future__ import annotations

import collections
import re
import socket
import threading
import time

import pytest
import requests
from waitress.channel import HTTPChannel

import test_palvelin_apu as apu
from openfisca_tartunta.palvelin.tapahtumasilmukka import Epollkysely
from openfisca_tartunta.palvelin.tyoprosessi import Suora_jakaja

pytestmark = pytest.mark.slow

_RIVI = re.compile(r"\[(\d+)\] INFO request_id=\w+ method=(\w+) path=(\S+) status=(\d+)")


def _vastaajat(palvelin, polku: str) -> collections.Counter:
    """How many requests to `polku` each worker (by process id in its log line) answered."""
    return collections.Counter(p for p, _, reitti, _ in _RIVI.findall(palvelin.lokiteksti()) if reitti == polku)


@pytest.fixture(scope="module")
def kaksi_tyoprosessia():
    palvelin = apu.kaynnista(*[x for pari in apu.RAJAT.items() for x in pari], tyoprosessit=2)
    yield palvelin
    palvelin.pysayta()


def test_perakkaiset_pyynnot_samalle_tyoprosessille(kaksi_tyoprosessia):
    for _ in range(80):
        vastaus = requests.post(kaksi_tyoprosessia.url + "/calculate", json=apu.KARANTEENI,
                                headers={"Connection": "close"}, timeout=30)
        assert vastaus.status_code == 200
    time.sleep(0.5)  # the log lines are written after the answers
    maarat = _vastaajat(kaksi_tyoprosessia, "/calculate")
    assert sum(maarat.values()) == 80
    # With select/poll both workers woke for each connection and took turns (40 ± 4.5 each);
    # now the first idle worker takes it: the other only when the first has not yet gone
    # back to its poll (52 of 60 on a loaded machine).
    assert max(maarat.values()) >= 56, maarat


def test_samanaikaiset_pyynnot_molemmille_tyoprosessille(kaksi_tyoprosessia):
    eraajo = {
        "kuukaudet": ["2024-03"],
        "vakuutetut": {"poissaolon_peruste": ["karanteeni"] * 8000, "poissaolo_alkaa": ["2024-03-04"] * 8000,
                       "poissaolo_paattyy": ["2024-03-15"] * 8000},
        "ansiotyot": {"vakuutettu": list(range(8000)), "rooli": ["palkkatyo"] * 8000, "ansionmenetys": [3000] * 8000},
    }
    alku = _vastaajat(kaksi_tyoprosessia, "/eraajo")
    tilat: list[int] = []

    def laheta():
        tilat.append(requests.post(kaksi_tyoprosessia.url + "/eraajo", json=eraajo, timeout=60).status_code)

    saikeet = [threading.Thread(target=laheta) for _ in range(6)]
    for s in saikeet:
        s.start()
    for s in saikeet:
        s.join()
    assert tilat == [200] * 6
    time.sleep(0.5)
    uudet = _vastaajat(kaksi_tyoprosessia, "/eraajo") - alku
    assert sum(uudet.values()) == 6 and len(uudet) == 2, uudet


# --- the epoll set against waitress's socket map, in one process ----------------------


def _sovellus(environ, start_response):
    runko = b"ok " + environ["PATH_INFO"].encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(runko)))])
    return [runko]


def _palvelin(**asetukset):
    from waitress.server import create_server

    kartta: dict = {}
    jakaja = Suora_jakaja()
    palvelin = create_server(_sovellus, host="127.0.0.1", port=0, map=kartta, _dispatcher=jakaja, **asetukset)
    return kartta, jakaja, palvelin, ("127.0.0.1", palvelin.effective_port)


def _kierros(kysely, kartta, jakaja, asiakkaat, kierroksia=200, numerot=None) -> list[bytes]:
    """Poll until every client socket has its whole answer and the server has closed it
    (the fd numbers of the connections registered meanwhile are added to `numerot`)."""
    vastaukset = [b""] * len(asiakkaat)
    valmiit = [False] * len(asiakkaat)
    for _ in range(kierroksia):
        kysely.kysely(0.01, kartta)
        if numerot is not None:
            numerot.update(fd for fd, (obj, _) in kysely.kanavat.items() if isinstance(obj, HTTPChannel))
        jakaja.suorita()
        for i, s in enumerate(asiakkaat):
            if valmiit[i]:
                continue
            try:
                osa = s.recv(65536)
            except BlockingIOError:
                continue
            if osa:
                vastaukset[i] += osa
            else:
                valmiit[i] = True
        if all(valmiit):
            break
    return vastaukset


def _asiakas(osoite, polku: str) -> socket.socket:
    s = socket.create_connection(osoite)
    s.sendall(f"GET {polku} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    s.setblocking(False)
    return s


def test_epoll_seuraa_karttaa_ja_uudelleenkaytettyja_numeroita():
    kartta, jakaja, palvelin, osoite = _palvelin()
    kysely = Epollkysely()
    try:
        numerot: list[set] = []
        for kierros in range(5):  # each connection closed before the next: waitress reuses the fd number
            asiakas = _asiakas(osoite, f"/{kierros}")
            numerot.append(set())
            (vastaus,) = _kierros(kysely, kartta, jakaja, [asiakas], numerot=numerot[-1])
            asiakas.close()
            assert vastaus.startswith(b"HTTP/1.1 200") and vastaus.endswith(f"ok /{kierros}".encode())
        assert len(set.union(*numerot)) == 1 and all(numerot)  # five connections on one reused fd number
        # every closed connection left the set; only waitress's trigger pipe stays
        assert [type(obj).__name__ for obj, _ in kysely.kanavat.values()] == ["trigger"]
    finally:
        kysely.sulje()
        palvelin.close()


def test_epoll_yhteysrajalla_kuuntelija_pois_ja_takaisin():
    kartta, jakaja, palvelin, osoite = _palvelin(connection_limit=3)  # the listener and the trigger pipe count too
    kysely = Epollkysely()
    try:
        ensimmainen = socket.create_connection(osoite)  # open, silent: holds the only connection
        for _ in range(5):
            kysely.kysely(0.01, kartta)
        assert palvelin._fileno not in kysely.kuuntelijat  # at the limit: not polled for new connections
        toinen = _asiakas(osoite, "/toinen")
        assert _kierros(kysely, kartta, jakaja, [toinen], kierroksia=20) == [b""]  # waits in the backlog
        ensimmainen.close()
        (vastaus,) = _kierros(kysely, kartta, jakaja, [toinen])
        assert vastaus.endswith(b"ok /toinen")
        assert palvelin._fileno in kysely.kuuntelijat
        toinen.close()
    finally:
        kysely.sulje()
        palvelin.close()


def test_pysyva_yhteys_vertailuohjelmalle(kaksi_tyoprosessia):
    """`benchmark-http`'s kept-alive client: answers read by Content-Length, none refused."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import kuormitus

    isanta, portti = kaksi_tyoprosessia.url.removeprefix("http://").split(":")
    raaka = kuormitus.raaka_pyynto(f"{isanta}:{portti}", "/calculate", apu.KARANTEENI, "keep-alive")
    tulos = kuormitus.viive_yhteydella((isanta, int(portti)), raaka, 40, 30)
    assert tulos["pyyntoja"] == 40 and tulos["virheita"] == 0 and tulos["p50_ms"] > 0
