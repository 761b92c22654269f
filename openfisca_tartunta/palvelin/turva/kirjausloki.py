"""The audit trail: one record per request, append-only, hash-chained (seeds 002, 004).

A record holds time, request id, caller, organisation, mandate used, endpoint,
status, decision outcome and the insured's keyed pseudonym — never an amount, a
name, a body or a henkilötunnus.  `tiiviste = SHA-256(edellinen tiiviste + record)`,
so `tarkista()` finds an edited, removed or reordered record (the first one whose
sequence number, previous hash or own hash does not match).  The stores refuse
UPDATE and DELETE (SQLite triggers; PostgreSQL trigger functions).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

KENTAT = ("aika", "pyynto_id", "kutsuja", "rooli", "organisaatio", "valtuus", "polku", "tila", "ratkaisu", "vakuutetut")
ALKU = "0" * 64

_SQLITE = """
CREATE TABLE IF NOT EXISTS kirjaukset (
    nro INTEGER PRIMARY KEY, aika TEXT NOT NULL, pyynto_id TEXT NOT NULL, kutsuja TEXT NOT NULL, rooli TEXT NOT NULL,
    organisaatio TEXT, valtuus TEXT, polku TEXT NOT NULL, tila INTEGER NOT NULL, ratkaisu TEXT, vakuutetut TEXT,
    edellinen TEXT NOT NULL, tiiviste TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS kirjaukset_vakuutetut ON kirjaukset (vakuutetut) WHERE vakuutetut IS NOT NULL;
CREATE TRIGGER IF NOT EXISTS kirjaukset_ei_muutoksia BEFORE UPDATE ON kirjaukset
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER IF NOT EXISTS kirjaukset_ei_poistoja BEFORE DELETE ON kirjaukset
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""

_POSTGRES = """
CREATE TABLE IF NOT EXISTS kirjaukset (
    nro BIGINT PRIMARY KEY, aika TEXT NOT NULL, pyynto_id TEXT NOT NULL, kutsuja TEXT NOT NULL, rooli TEXT NOT NULL,
    organisaatio TEXT, valtuus TEXT, polku TEXT NOT NULL, tila INTEGER NOT NULL, ratkaisu TEXT, vakuutetut TEXT,
    edellinen TEXT NOT NULL, tiiviste TEXT NOT NULL);
CREATE OR REPLACE FUNCTION kirjaukset_vain_lisays() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
DROP TRIGGER IF EXISTS kirjaukset_ei_muutoksia ON kirjaukset;
CREATE TRIGGER kirjaukset_ei_muutoksia BEFORE UPDATE OR DELETE ON kirjaukset
    FOR EACH ROW EXECUTE FUNCTION kirjaukset_vain_lisays();
DROP TRIGGER IF EXISTS kirjaukset_ei_tyhjennysta ON kirjaukset;
CREATE TRIGGER kirjaukset_ei_tyhjennysta BEFORE TRUNCATE ON kirjaukset
    FOR EACH STATEMENT EXECUTE FUNCTION kirjaukset_vain_lisays();
"""


def tiiviste(edellinen: str, nro: int, tietue: dict) -> str:
    sisalto = json.dumps([nro] + [tietue.get(k) for k in KENTAT], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((edellinen + sisalto).encode("utf-8")).hexdigest()


class Kirjausloki:
    """An SQLite file or a PostgreSQL URL; connections are opened lazily (one per worker after fork)."""

    def __init__(self, osoite: str) -> None:
        self.osoite = osoite
        self.postgres = osoite.startswith(("postgresql://", "postgres://"))
        self._yhteys = None

    def yhteys(self):
        if self._yhteys is None:
            if self.postgres:
                import psycopg

                self._yhteys = psycopg.connect(self.osoite, autocommit=True)
                with self._yhteys.transaction():
                    self._yhteys.execute("SELECT pg_advisory_xact_lock(2016)")
                    self._yhteys.execute(_POSTGRES)
            else:
                self._yhteys = sqlite3.connect(self.osoite, isolation_level=None, check_same_thread=False, timeout=10)
                self._yhteys.execute("PRAGMA journal_mode=WAL")
                self._yhteys.execute("PRAGMA synchronous=NORMAL")
                self._yhteys.executescript(_SQLITE)
        return self._yhteys

    def kirjaa(self, tietue: dict) -> int:
        """Append one record; the chain head is read and extended under a write lock."""
        tietue = {k: tietue.get(k) for k in KENTAT}
        tietue["aika"] = tietue["aika"] or dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
        y = self.yhteys()
        sarakkeet = ", ".join(KENTAT + ("nro", "edellinen", "tiiviste"))
        if self.postgres:
            with y.transaction():
                y.execute("SELECT pg_advisory_xact_lock(2016)")
                viimeinen = y.execute("SELECT nro, tiiviste FROM kirjaukset ORDER BY nro DESC LIMIT 1").fetchone()
                nro, edellinen = (viimeinen[0] + 1, viimeinen[1]) if viimeinen else (1, ALKU)
                y.execute(f"INSERT INTO kirjaukset ({sarakkeet}) VALUES ({', '.join(['%s'] * 13)})",
                          [tietue[k] for k in KENTAT] + [nro, edellinen, tiiviste(edellinen, nro, tietue)])
            return nro
        y.execute("BEGIN IMMEDIATE")
        try:
            viimeinen = y.execute("SELECT nro, tiiviste FROM kirjaukset ORDER BY nro DESC LIMIT 1").fetchone()
            nro, edellinen = (viimeinen[0] + 1, viimeinen[1]) if viimeinen else (1, ALKU)
            y.execute(f"INSERT INTO kirjaukset ({sarakkeet}) VALUES ({', '.join(['?'] * 13)})",
                      [tietue[k] for k in KENTAT] + [nro, edellinen, tiiviste(edellinen, nro, tietue)])
            y.execute("COMMIT")
        except BaseException:
            y.execute("ROLLBACK")
            raise
        return nro

    def _rivit(self, ehto: str = "", arvot=()):
        sarakkeet = ("nro",) + KENTAT + ("edellinen", "tiiviste")
        sql = f"SELECT {', '.join(sarakkeet)} FROM kirjaukset {ehto} ORDER BY nro"
        if self.postgres:
            sql = sql.replace("?", "%s")
        for rivi in self.yhteys().execute(sql, arvot):
            yield dict(zip(sarakkeet, rivi))

    def tarkista(self) -> tuple[int, dict | None]:
        """(records checked, the first broken record with the reason, or None)."""
        edellinen, odotettu, maara = ALKU, 1, 0
        for rivi in self._rivit():
            maara += 1
            if rivi["nro"] != odotettu:
                return maara, {"nro": rivi["nro"], "syy": f"sequence number {rivi['nro']}, expected {odotettu} (a record is missing)"}
            if rivi["edellinen"] != edellinen:
                return maara, {"nro": rivi["nro"], "syy": "previous-hash link broken (a record was removed or reordered)"}
            if tiiviste(edellinen, rivi["nro"], rivi) != rivi["tiiviste"]:
                return maara, {"nro": rivi["nro"], "syy": "hash does not match the record (the record was changed)"}
            edellinen, odotettu = rivi["tiiviste"], odotettu + 1
        return maara, None

    def hae_vakuutettu(self, pseudonyymi: str) -> list[dict]:
        """The records naming this insured person's pseudonym (who handled my data, seed 002)."""
        return [r for r in self._rivit("WHERE vakuutetut LIKE ?", (f"%{pseudonyymi}%",))]
