"""`tartunta serve`: the web service, gunicorn workers that read HTTP with waitress.

    tartunta serve                      # 127.0.0.1:5000, 2 workers
    tartunta serve --port 8080 --workers 4
    TARTUNTA_PORT=8080 tartunta serve   # the same from the environment

The app (and its tax-benefit system) is loaded once in the master before the
workers fork (`preload_app`) and warmed up there (`lammitys.py`: one case computed,
then `gc.freeze()`), so every worker starts with the model in memory and its
caches filled, and no request ever reloads it.  Each worker reads requests whole with waitress
before computing them, one at a time (`tyoprosessi.py`), so slow or idle clients
never hold a worker; the per-request time limit (`--timeout`) is enforced inside
the worker, gunicorn kills a worker silent for 10 s longer than that, and a
worker is replaced after `--max-requests` requests.  A worker that dies while
computing leaves the request's log line through `lapsi_poistui`.
"""

from __future__ import annotations

import argparse
import ctypes
import multiprocessing
import sys
import time

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
        "worker_class": "openfisca_tartunta.palvelin.tyoprosessi.WaitressTyoprosessi",
        "timeout": int(asetukset.timeout) + 10,
        "graceful_timeout": 10,
        "max_requests": asetukset.max_requests,
        "max_requests_jitter": asetukset.max_requests // 10,
        "preload_app": True,
        "pre_fork": ennen_haarukkaa,
        "child_exit": lapsi_poistui,
        "accesslog": None,  # the app logs each request itself, without personal data
        "errorlog": "-",
        "loglevel": asetukset.log_level,
        "proc_name": "tartunta",
    }


def waitress_asetukset(asetukset: Asetukset) -> dict:
    """waitress's adjustments: limits of the HTTP layer, no server name or traceback disclosed."""
    return {
        "channel_timeout": asetukset.idle_timeout,
        "connection_limit": 1000,
        "max_request_header_size": 64 * 1024,
        "max_request_body_size": asetukset.max_body_bytes,
        "expose_tracebacks": False,
        "ident": "",
        "clear_untrusted_proxy_headers": True,
        # One thread writes and reads; it must never wait for itself to drain a buffer.
        "outbuf_high_watermark": 2**62,
    }


def ennen_haarukkaa(_arbiter, tyoprosessi) -> None:
    """gunicorn hook (master, before fork): the worker's shared "request in progress" block."""
    tyoprosessi.kesken = multiprocessing.RawArray(ctypes.c_char, 160)


def lapsi_poistui(_arbiter, tyoprosessi) -> None:
    """gunicorn hook (master): a worker that died mid-request leaves that request's log line."""
    from openfisca_tartunta.palvelin import lokitus

    kesken = lokitus.kesken_oleva(getattr(tyoprosessi, "kesken", None))
    if kesken is not None:
        pyynto_id, menetelma, reitti, alku = kesken
        lokitus.kirjaa_rivi(pyynto_id, menetelma, reitti, 502, (time.time() - alku) * 1000.0, " worker_died=1")


def _sovellus(asetukset: Asetukset, turva_asetukset=None):
    from openfisca_tartunta.palvelin import lokitus
    from openfisca_tartunta.palvelin.lammitys import lammita
    from openfisca_tartunta.palvelin.sovellus import jarjestelma, luo_sovellus

    lokitus.alusta(asetukset.log_level)
    sovellus = luo_sovellus(asetukset, turva_asetukset=turva_asetukset)
    lammita(jarjestelma(), asetukset)  # in the master, before the workers fork (preload_app)
    return sovellus


def suorita(args: argparse.Namespace) -> int:
    try:
        asetukset = lue_asetukset(args)
        turva_asetukset = turva.lue_asetukset(args)
    except Asetusvirhe as virhe:
        print(f"tartunta serve: {virhe}", file=sys.stderr)
        return 2

    from gunicorn.app.base import BaseApplication

    from openfisca_tartunta.palvelin import lokitus
    from openfisca_tartunta.palvelin.tyoprosessi import WaitressTyoprosessi

    lokitus.alusta(asetukset.log_level)
    WaitressTyoprosessi.waitress_asetukset = waitress_asetukset(asetukset)

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
