"""`tartunta serve`: the web service under gunicorn.

    tartunta serve                      # 127.0.0.1:5000, 2 workers
    tartunta serve --port 8080 --workers 4
    TARTUNTA_PORT=8080 tartunta serve   # the same from the environment

The app (and its tax-benefit system) is loaded once in the master before the
workers fork (`preload_app`), so every worker starts with the model in memory
and no request ever reloads it.  Workers are gunicorn's sync workers: one
request at a time per process, which suits CPU-bound computations; the
per-request time limit (`--timeout`) is enforced inside the worker, and
gunicorn kills a worker silent for 10 s longer than that.
"""

from __future__ import annotations

import argparse
import sys

from openfisca_tartunta.palvelin import turva
from openfisca_tartunta.palvelin.asetukset import Asetukset, Asetusvirhe, lisaa_liput, lue_asetukset


def lisaa_argumentit(parser: argparse.ArgumentParser) -> None:
    lisaa_liput(parser)
    turva.lisaa_liput(parser)


def gunicorn_asetukset(asetukset: Asetukset) -> dict:
    """gunicorn settings for the service's settings."""
    osoite = asetukset.bind
    if ":" in osoite and not osoite.startswith("["):  # an IPv6 address
        osoite = f"[{osoite}]"
    return {
        "bind": f"{osoite}:{asetukset.port}",
        "workers": asetukset.workers,
        "worker_class": "sync",
        "timeout": int(asetukset.timeout) + 10,
        "graceful_timeout": 10,
        "keepalive": 2,
        "preload_app": True,
        "accesslog": None,  # the app logs each request itself, without personal data
        "errorlog": "-",
        "loglevel": asetukset.log_level,
        "proc_name": "tartunta",
        "limit_request_line": 4094,
        "limit_request_fields": 100,
        "limit_request_field_size": 8190,
    }


def _sovellus(asetukset: Asetukset, turva_asetukset=None):
    from openfisca_tartunta.palvelin import lokitus
    from openfisca_tartunta.palvelin.sovellus import luo_sovellus

    lokitus.alusta(asetukset.log_level)
    return luo_sovellus(asetukset, turva_asetukset=turva_asetukset)


def suorita(args: argparse.Namespace) -> int:
    try:
        asetukset = lue_asetukset(args)
        turva_asetukset = turva.lue_asetukset(args)
    except Asetusvirhe as virhe:
        print(f"tartunta serve: {virhe}", file=sys.stderr)
        return 2

    from gunicorn.app.base import BaseApplication

    class Palvelin(BaseApplication):
        def __init__(self) -> None:
            self.asetukset = gunicorn_asetukset(asetukset)
            super().__init__()

        def load_config(self) -> None:
            for avain, arvo in self.asetukset.items():
                self.cfg.set(avain, arvo)

        def load(self):
            return _sovellus(asetukset, turva_asetukset)

    Palvelin().run()
    return 0
