"""Request logging without personal data.

One line per request: request id, method, route, status, duration.  Never the
body, never the query string, never an amount: a case is a person's data.  The
route is the matched URL rule (`/variable/<id>`), not the raw path, so nothing a
client puts in a URL reaches the log; an unmatched path is logged with its
unsafe characters masked and cut to 100 characters.

The request id comes from the client's `X-Request-ID` when it is a short token
of safe characters, otherwise it is generated; it is returned in the
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
_TUNNUS = re.compile(r"[A-Za-z0-9._-]{1,64}")
_TURVATON = re.compile(r"[^A-Za-z0-9/_.-]")


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
    return _TURVATON.sub("?", request.path[:100])


def rekisteroi(app: Flask) -> None:
    """Request id, timing and the access log line."""

    @app.before_request
    def _alku():
        g.alku = time.perf_counter()
        annettu = request.headers.get(OTSAKE, "")
        g.pyynto_id = annettu if _TUNNUS.fullmatch(annettu) else uuid.uuid4().hex

    @app.after_request
    def _loppu(vastaus):
        pyynto_id = getattr(g, "pyynto_id", None) or uuid.uuid4().hex
        vastaus.headers[OTSAKE] = pyynto_id
        kesto = (time.perf_counter() - getattr(g, "alku", time.perf_counter())) * 1000.0
        vastaus.headers["Server-Timing"] = f"app;dur={kesto:.2f}"
        LOKI.info(
            "request_id=%s method=%s path=%s status=%d duration_ms=%.2f",
            pyynto_id,
            request.method,
            _reitti(),
            vastaus.status_code,
            kesto,
        )
        return vastaus
