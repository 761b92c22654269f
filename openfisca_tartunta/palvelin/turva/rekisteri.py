"""The mandate registry interface and its embedded SQLite store (administered by `tartunta valtuudet`).

`Rekisteri.tarkista(kutsuja, organisaatio, asia, paiva) -> Ratkaisu`.  The SQLite
store caches a person's mandates only while the file is unchanged: SQLite's
`PRAGMA data_version` changes when another connection (the administrator's CLI)
commits, so a withdrawal takes effect on the next request.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Protocol

from openfisca_tartunta.palvelin.turva.tokenit import Kutsuja
from openfisca_tartunta.palvelin.turva.valtuudet import ASIOINTIVALTUUS, EDUSTAMISVALTUUS, Ratkaisu, Valtuus, ratkaise

TYYPIT = (ASIOINTIVALTUUS, EDUSTAMISVALTUUS)

_SKEEMA = """
CREATE TABLE IF NOT EXISTS valtuudet (
    id INTEGER PRIMARY KEY,
    tyyppi TEXT NOT NULL CHECK (tyyppi IN ('asiointivaltuus', 'edustamisvaltuus')),
    antaja TEXT NOT NULL,
    saaja TEXT NOT NULL,
    asiat TEXT NOT NULL,
    alkaa TEXT NOT NULL,
    paattyy TEXT,
    rajaustarkenne TEXT,
    lisatty TEXT NOT NULL,
    peruttu TEXT
);
CREATE INDEX IF NOT EXISTS valtuudet_saaja ON valtuudet (saaja) WHERE peruttu IS NULL;
"""


class Rekisteri(Protocol):
    def tarkista(self, kutsuja: Kutsuja, organisaatio: str, asia: str, paiva: dt.date) -> Ratkaisu: ...


def _valtuus(rivi) -> Valtuus:
    return Valtuus(
        id=rivi[0], tyyppi=rivi[1], antaja=rivi[2], saaja=rivi[3], asiat=tuple(json.loads(rivi[4])),
        alkaa=dt.date.fromisoformat(rivi[5]), paattyy=dt.date.fromisoformat(rivi[6]) if rivi[6] else None,
        rajaustarkenne=tuple(json.loads(rivi[7])) if rivi[7] is not None else None,
    )


class SqliteRekisteri:
    def __init__(self, polku: str) -> None:
        self.polku = polku
        self._yhteys = None
        self._valimuisti: dict[str, list[Valtuus]] = {}
        self._versio = None

    def _muutettu(self) -> None:
        """This connection's own commits do not change `data_version`: forget the cache here."""
        self._valimuisti.clear()

    def yhteys(self) -> sqlite3.Connection:
        if self._yhteys is None:  # opened lazily: after gunicorn forks, one per worker
            self._yhteys = sqlite3.connect(self.polku, isolation_level=None, check_same_thread=False)
            self._yhteys.execute("PRAGMA journal_mode=WAL")
            self._yhteys.executescript(_SKEEMA)
        return self._yhteys

    def _saadut(self, saaja: str) -> list[Valtuus]:
        yhteys = self.yhteys()
        versio = yhteys.execute("PRAGMA data_version").fetchone()[0]
        if versio != self._versio:
            self._valimuisti.clear()
            self._versio = versio
        if saaja not in self._valimuisti:
            rivit = yhteys.execute(
                "SELECT id, tyyppi, antaja, saaja, asiat, alkaa, paattyy, rajaustarkenne FROM valtuudet "
                "WHERE saaja = ? AND peruttu IS NULL ORDER BY id", (saaja,)).fetchall()
            self._valimuisti[saaja] = [_valtuus(r) for r in rivit]
        return self._valimuisti[saaja]

    def tarkista(self, kutsuja: Kutsuja, organisaatio: str, asia: str, paiva: dt.date) -> Ratkaisu:
        henkilon = self._saadut(kutsuja.tunnus)
        yritysten = {v.antaja: self._saadut(v.antaja) for v in henkilon}
        return ratkaise(henkilon, yritysten, organisaatio, asia, paiva)

    # --- administration (the CLI) ---

    def lisaa(self, tyyppi: str, antaja: str, saaja: str, asiat: list[str], alkaa: dt.date,
              paattyy: dt.date | None = None, rajaustarkenne: list[str] | None = None) -> int:
        if tyyppi not in TYYPIT:
            raise ValueError(f"tyyppi must be one of {', '.join(TYYPIT)}, got {tyyppi!r}")
        if paattyy is not None and paattyy < alkaa:
            raise ValueError("the mandate ends before it starts")
        kursori = self.yhteys().execute(
            "INSERT INTO valtuudet (tyyppi, antaja, saaja, asiat, alkaa, paattyy, rajaustarkenne, lisatty) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (tyyppi, antaja, saaja, json.dumps(list(asiat)), alkaa.isoformat(), paattyy.isoformat() if paattyy else None,
             json.dumps(list(rajaustarkenne)) if rajaustarkenne is not None else None,
             dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
        self._muutettu()
        return kursori.lastrowid

    def peru(self, tunnus: int) -> bool:
        kursori = self.yhteys().execute(
            "UPDATE valtuudet SET peruttu = ? WHERE id = ? AND peruttu IS NULL",
            (dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), tunnus))
        self._muutettu()
        return kursori.rowcount == 1

    def listaa(self) -> list[dict]:
        sarakkeet = ("id", "tyyppi", "antaja", "saaja", "asiat", "alkaa", "paattyy", "rajaustarkenne", "lisatty", "peruttu")
        rivit = self.yhteys().execute(f"SELECT {', '.join(sarakkeet)} FROM valtuudet ORDER BY id").fetchall()
        return [dict(zip(sarakkeet, r)) for r in rivit]
