"""The audit trail: append-only (the store refuses UPDATE/DELETE), hash chain detects an edited, removed
or reordered record; SQLite and a real PostgreSQL server started here (initdb/pg_ctl on loopback)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile

import pytest

from openfisca_tartunta.cli import main
from openfisca_tartunta.palvelin.turva.kirjausloki import Kirjausloki
from openfisca_tartunta.palvelin.turva.pseudonyymit import Pseudonymisoija

AVAIN = "a" * 32


def _tayta(loki: Kirjausloki, n: int = 5, vakuutettu: str | None = None) -> None:
    for i in range(n):
        loki.kirjaa({"pyynto_id": f"r{i}", "kutsuja": "kelan-kasittely", "rooli": "kasittelyjarjestelma", "polku": "/calculate",
                     "tila": 200, "vakuutetut": vakuutettu if i == 2 else None})


@pytest.fixture
def sqlite_loki(tmp_path):
    loki = Kirjausloki(str(tmp_path / "loki.sqlite"))
    _tayta(loki)
    return loki


def test_ehja_ketju(sqlite_loki):
    assert sqlite_loki.tarkista() == (5, None)


def test_sqlite_kieltaa_muutokset(sqlite_loki):
    y = sqlite_loki.yhteys()
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        y.execute("UPDATE kirjaukset SET tila = 403 WHERE nro = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        y.execute("DELETE FROM kirjaukset WHERE nro = 2")


def _ohita_suojat(y) -> None:
    """An attacker with write access to the file drops the triggers; the chain must still tell."""
    y.execute("DROP TRIGGER kirjaukset_ei_muutoksia")
    y.execute("DROP TRIGGER kirjaukset_ei_poistoja")


def test_muokattu_tietue(sqlite_loki):
    _ohita_suojat(sqlite_loki.yhteys())
    sqlite_loki.yhteys().execute("UPDATE kirjaukset SET tila = 403 WHERE nro = 3")
    maara, rikki = sqlite_loki.tarkista()
    assert rikki["nro"] == 3 and "changed" in rikki["syy"]


def test_poistettu_tietue(sqlite_loki):
    _ohita_suojat(sqlite_loki.yhteys())
    sqlite_loki.yhteys().execute("DELETE FROM kirjaukset WHERE nro = 2")
    assert sqlite_loki.tarkista()[1]["nro"] == 3


def test_jarjestys_vaihdettu(sqlite_loki):
    """Swap the contents of records 2 and 4 (numbers kept): the link of record 2 breaks."""
    y = sqlite_loki.yhteys()
    _ohita_suojat(y)
    kaksi = y.execute("SELECT pyynto_id, edellinen, tiiviste FROM kirjaukset WHERE nro = 2").fetchone()
    nelja = y.execute("SELECT pyynto_id, edellinen, tiiviste FROM kirjaukset WHERE nro = 4").fetchone()
    y.execute("UPDATE kirjaukset SET pyynto_id = ?, edellinen = ?, tiiviste = ? WHERE nro = 2", nelja)
    y.execute("UPDATE kirjaukset SET pyynto_id = ?, edellinen = ?, tiiviste = ? WHERE nro = 4", kaksi)
    rikki = sqlite_loki.tarkista()[1]
    assert rikki["nro"] == 2 and "reordered" in rikki["syy"]


def test_cli_tarkista_ja_hae(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TARTUNTA_PSEUDONYYMIAVAIN", AVAIN)
    polku = str(tmp_path / "l.sqlite")
    loki = Kirjausloki(polku)
    _tayta(loki, vakuutettu=Pseudonymisoija(AVAIN.encode()).henkilo("131052-308T"))
    assert main(["loki", "--kirjausloki", polku, "tarkista"]) == 0
    assert "5 records" in capsys.readouterr().out
    assert main(["loki", "--kirjausloki", polku, "hae", "--henkilotunnus", "131052-308T"]) == 0
    rivit = capsys.readouterr().out.strip().splitlines()
    assert len(rivit) == 1 and '"kutsuja": "kelan-kasittely"' in rivit[0] and "131052" not in rivit[0]
    _ohita_suojat(loki.yhteys())
    loki.yhteys().execute("UPDATE kirjaukset SET kutsuja = 'joku' WHERE nro = 4")
    assert main(["loki", "--kirjausloki", polku, "tarkista"]) == 1
    assert "BROKEN at record 4" in capsys.readouterr().out


# --- PostgreSQL -------------------------------------------------------------------


def _pg_bin(nimi: str) -> str | None:
    loydetyt = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{nimi}"))
    return loydetyt[-1] if loydetyt else shutil.which(nimi)


@pytest.fixture(scope="module")
def postgres_url():
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries not installed (.ci/run installs them)")
    hakemisto = tempfile.mkdtemp(prefix="tartunta-pg-")
    etuliite: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the cluster as the postgres user
        shutil.chown(hakemisto, "postgres")
        os.chmod(hakemisto, 0o700)
        etuliite = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        portti = s.getsockname()[1]
    data = os.path.join(hakemisto, "data")
    subprocess.run([*etuliite, initdb, "-D", data, "-U", "tartunta", "--auth=trust", "-E", "UTF8"], check=True,
                   capture_output=True)
    subprocess.run([*etuliite, pg_ctl, "-D", data, "-w", "-l", os.path.join(hakemisto, "log"), "-o",
                    f"-c listen_addresses=127.0.0.1 -p {portti} -k {hakemisto}", "start"], check=True, capture_output=True)
    yield f"postgresql://tartunta@127.0.0.1:{portti}/postgres"
    subprocess.run([*etuliite, pg_ctl, "-D", data, "-m", "immediate", "stop"], capture_output=True)
    shutil.rmtree(hakemisto, ignore_errors=True)


@pytest.mark.slow  # starts a PostgreSQL cluster
def test_postgresql_ketju_ja_suojat(postgres_url):
    import psycopg

    loki = Kirjausloki(postgres_url)
    _tayta(loki)
    assert loki.tarkista() == (5, None)
    with psycopg.connect(postgres_url, autocommit=True) as y:
        for lause in ("UPDATE kirjaukset SET tila = 500 WHERE nro = 1", "DELETE FROM kirjaukset WHERE nro = 1",
                      "TRUNCATE kirjaukset"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                y.execute(lause)
        y.execute("ALTER TABLE kirjaukset DISABLE TRIGGER USER")  # the owner bypasses; the chain still tells
        y.execute("UPDATE kirjaukset SET tila = 500 WHERE nro = 2")
    assert loki.tarkista()[1]["nro"] == 2
