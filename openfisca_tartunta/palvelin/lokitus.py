"""Request logging without personal data.

One line per request: request id, method, route, status, duration.  Never the
body, never the query string, never an amount: a case is a person's data.  The
route is the matched URL rule (`/variable/<id>`), not the raw path, so nothing a
client puts in a URL reaches the log; an unmatched path is logged as
`<unmatched>`, malformed HTTP as `<http>`.

Every request leaves exactly one line: the app logs what it answers; the worker
logs what waitress refuses (`tyoprosessi.Http_virhetehtava`); and while a request
is computed its id, method and route sit in a small block of memory shared with
the gunicorn master (`aseta_kesken`), which logs the line with `status=502
worker_died=1` when the worker dies mid-request (`kaynnistys.lapsi_poistui`).

The request id comes from the client's `X-Request-ID` only when it has the form
of a generated id (a UUID, or 16–64 hex digits) — anything else (a personal
identity code, a case number) is replaced by a generated one; it is returned in the
`X-Request-ID` response header and in error bodies, so that a case system can
match its call to the server's log line.  `Server-Timing: app;dur=<ms>` gives the
time spent in the application (the benchmark reports it).
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid

from flask import Flask, g, request

LOKI = logging.getLogger("openfisca_tartunta.palvelin")
OTSAKE = "X-Request-ID"
_TUNNUS = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,64}")
_RIVI = "request_id=%s method=%s path=%s status=%d duration_ms=%.2f"
_KESKEN = None  # a multiprocessing.RawArray of bytes shared with the gunicorn master, or None


def uusi_tunnus() -> str:
    return uuid.uuid4().hex


def turvallinen_tunnus(annettu: str | None) -> str:
    """The client's request id when it has a generated id's form, else a new one."""
    return annettu if annettu and _TUNNUS.fullmatch(annettu) else uusi_tunnus()


def kirjaa_rivi(pyynto_id: str, menetelma: str, reitti: str, tila: int, kesto_ms: float, lisa: str = "") -> None:
    LOKI.info(_RIVI + lisa, pyynto_id, menetelma, reitti, tila, kesto_ms)


def aseta_kesken(taulu) -> None:
    """In a worker: the shared block where the request being computed is written."""
    global _KESKEN
    _KESKEN = taulu


def _merkitse(teksti: str) -> None:
    if _KESKEN is not None:
        _KESKEN.value = teksti.encode()[: len(_KESKEN) - 1]


def kesken_oleva(taulu) -> tuple[str, str, str, float] | None:
    """In the master: (request id, method, route, start time) of the request a dead worker was on."""
    teksti = bytes(taulu.value).decode(errors="replace") if taulu is not None else ""
    osat = teksti.split(" ")
    if len(osat) != 4:
        return None
    return osat[0], osat[1], osat[2], float(osat[3])


def alusta(taso: str = "info") -> None:
    """Log to stderr (gunicorn's error log goes there too), one line per record."""
    LOKI.setLevel(taso.upper())
    if not any(getattr(h, "_tartunta", False) for h in LOKI.handlers):
        kasittelija = logging.StreamHandler(sys.stderr)
        kasittelija.setFormatter(logging.Formatter("%(asctime)s [%(process)d] %(levelname)s %(message)s"))
        kasittelija._tartunta = True
        LOKI.addHandler(kasittelija)
    LOKI.propagate = False


def _reitti() -> str:
    if request.url_rule is not None:
        return request.url_rule.rule
    return "<unmatched>"


def rekisteroi(app: Flask) -> None:
    """Request id, timing and the access log line."""

    @app.before_request
    def _alku():
        g.alku = time.perf_counter()
        g.pyynto_id = turvallinen_tunnus(request.headers.get(OTSAKE))
        _merkitse(f"{g.pyynto_id} {request.method} {_reitti()} {time.time():.3f}")

    @app.after_request
    def _loppu(vastaus):
        pyynto_id = getattr(g, "pyynto_id", None) or uuid.uuid4().hex
        vastaus.headers[OTSAKE] = pyynto_id
        kesto = (time.perf_counter() - getattr(g, "alku", time.perf_counter())) * 1000.0
        vastaus.headers["Server-Timing"] = f"app;dur={kesto:.2f}"
        kirjaa_rivi(pyynto_id, request.method, _reitti(), vastaus.status_code, kesto)
        _merkitse("")
        return vastaus
