"""The worker process of `tartunta serve`: waitress's HTTP reader inside a gunicorn worker.

gunicorn (≥ 23) is the process manager: it binds the socket, preloads the app,
forks the workers, restarts one that dies, recycles one after `max_requests`
(with jitter) and stops them gracefully.  Each worker serves its inherited
listening sockets with waitress instead of gunicorn's sync loop:

- waitress reads every request *whole* in its non-blocking I/O loop (headers
  and body, buffered to a temporary file beyond 512 KiB) before the app sees
  it, and writes responses the same way, so idle, slow-dripping and slow-reading
  connections cost a file descriptor, not a worker;
- malformed HTTP (an HTTP/2 preface, a bad chunk size, both Content-Length and
  Transfer-Encoding, an oversized header) is answered 400/413/431 by waitress's
  parser; the app never sees it and the worker lives on.  The answer is JSON and
  leaves one log line (`Http_virhetehtava`);
- the application runs in the I/O loop's own (main) thread, one request at a
  time (as gunicorn's sync workers did; computations are CPU-bound): a request
  read whole is queued (`Suora_jakaja`) and computed after the loop's poll, so
  no thread hand-off, condition variable or timer thread is on a request's path
  and the time limit is SIGALRM's (`pyynnot.aikaraja`).  While a request is
  computed, other connections wait in the kernel's buffers; none is read
  byte by byte by the application, so a slow client still never holds it.

The loop below replaces `waitress.Server.run`: it polls with epoll, the
listening sockets registered exclusively so that one idle worker wakes per new
connection (`tapahtumasilmukka.py`); between polls it tells the gunicorn master
it is alive, notices a dead master, and stops after its request quota,
finishing the requests it has already read.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import deque

from gunicorn.workers.base import Worker
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask, WSGITask

from openfisca_tartunta.palvelin import lokitus
from openfisca_tartunta.palvelin.tapahtumasilmukka import Epollkysely

LOKI = logging.getLogger("openfisca_tartunta.palvelin")


class Http_virhetehtava(ErrorTask):
    """waitress's answer to malformed HTTP, as a JSON error and one log line."""

    def execute(self):
        virhe = self.request.error
        alku = time.perf_counter()
        pyynto_id = lokitus.uusi_tunnus()
        koodi, viesti, kentta = {
            413: ("liian_suuri_pyynto", "request body is larger than the server's limit (--max-body-bytes)", "runko"),
            431: ("liian_suuret_otsakkeet", "request headers are larger than the server's limit (64 KiB)", "otsakkeet"),
        }.get(virhe.code, ("virheellinen_http", f"malformed HTTP request: {virhe.reason}", None))
        runko = json.dumps(
            {
                "virhe": koodi,
                "viesti": viesti,
                "kentta": kentta,
                "virheet": [{"kentta": kentta, "viesti": viesti}],
                "pyynto_id": pyynto_id,
            }
        ).encode()
        self.status = f"{virhe.code} {virhe.reason}"
        self.response_headers.extend(
            [("Content-Type", "application/json"), ("X-Request-ID", pyynto_id), ("Cache-Control", "no-store"),
             ("X-Content-Type-Options", "nosniff"), ("Connection", "close")]
        )
        self.set_close_on_finish()
        self.content_length = len(runko)
        self.write(runko)
        lokitus.kirjaa_rivi(pyynto_id, "-", "<http>", virhe.code, (time.perf_counter() - alku) * 1000.0)


class Jasennin(HTTPRequestParser):
    """waitress's parser, stricter: HTTP/1.0 and 1.1 only; never both Content-Length and chunked."""

    def parse_header(self, header_plus):
        super().parse_header(header_plus)
        if self.version not in ("1.0", "1.1"):
            raise ParsingError("only HTTP/1.0 and HTTP/1.1 are served")
        if self.chunked and "CONTENT_LENGTH" in self.headers:
            raise ParsingError("both Content-Length and Transfer-Encoding are given")


class Tehtava(WSGITask):
    """A request; the worker's last before recycling tells the client to close the connection,
    so that a keep-alive client never sends into a connection the worker is about to close."""

    tyoprosessi = None  # set in `WaitressTyoprosessi.run`

    def execute(self):
        tyoprosessi = Tehtava.tyoprosessi
        if tyoprosessi is not None and tyoprosessi.nr + 1 >= tyoprosessi.max_requests:
            self.set_close_on_finish()
        super().execute()


class Kanava(HTTPChannel):
    error_task_class = Http_virhetehtava
    task_class = Tehtava
    parser_class = Jasennin


class _PolutPois(logging.Filter):
    """waitress names the request path in some messages; a path may carry an identifier."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and " while serving " in record.msg:
            record.msg = record.msg.split(" while serving ")[0] + " while serving a request"
            record.args = ()
        return True


class Suora_jakaja:
    """waitress's task dispatcher without threads: `add_task` queues a channel with a request
    read whole (waitress calls it holding the channel's lock), `suorita` serves the queue in
    the loop's thread after each poll."""

    def __init__(self) -> None:
        self.jono: deque = deque()

    def add_task(self, kanava) -> None:
        self.jono.append(kanava)

    def set_thread_count(self, _maara: int) -> None:  # waitress's interface; there are no threads
        pass

    def suorita(self) -> None:
        """Serve the queued requests; send each answer at once (what the loop's next poll would do)."""
        while self.jono:
            kanava = self.jono.popleft()
            kanava.service()
            if kanava.connected and kanava.writable():
                kanava.handle_write()

    def shutdown(self, cancel_pending: bool = True, timeout: float = 5) -> bool:
        self.jono.clear()
        return True


class WaitressTyoprosessi(Worker):
    """A gunicorn worker that serves its sockets with waitress (see the module docstring)."""

    #: Set by `kaynnistys` from the settings: waitress's adjustments.
    waitress_asetukset: dict = {}

    def init_process(self):
        lokitus.aseta_kesken(getattr(self, "kesken", None))
        logging.getLogger("waitress").addFilter(_PolutPois())
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # a queued request is normal here
        super().init_process()

    def _laskuri(self, sovellus):
        def wsgi(environ, start_response):
            self.nr += 1
            return sovellus(environ, start_response)

        return wsgi

    def run(self):
        kartta: dict = {}
        self.jakaja = Suora_jakaja()
        self.kysely = Epollkysely()
        palvelin = create_server(
            self._laskuri(self.wsgi),
            map=kartta,
            sockets=[s.sock for s in self.sockets],
            _dispatcher=self.jakaja,
            **self.waitress_asetukset,
        )
        Tehtava.tyoprosessi = self
        kuuntelijat = [d for d in kartta.values() if isinstance(d, BaseWSGIServer)]
        for kuuntelija in kuuntelijat:
            kuuntelija.channel_class = Kanava
        while self.alive:
            self.notify()
            if self.ppid != os.getppid():
                LOKI.info("worker %s: the master is gone; stopping", self.pid)
                break
            if self.nr >= self.max_requests:
                LOKI.info("worker %s: recycled after %d requests", self.pid, self.nr)
                break
            self.kysely.kysely(1.0, kartta)
            self.jakaja.suorita()
        self._lopeta(kartta, kuuntelijat, palvelin)

    def _lopeta(self, kartta, kuuntelijat, palvelin) -> None:
        """Stop accepting, finish and send what was already read, then stop the thread."""
        for kuuntelija in kuuntelijat:
            kuuntelija.accepting = False
            kuuntelija.close()
        raja = time.monotonic() + self.cfg.graceful_timeout
        while time.monotonic() < raja:
            nyt = time.time()
            kanavat = [d for d in kartta.values() if isinstance(d, HTTPChannel)]
            # Busy: a request read whole, output unsent, or a connection accepted a moment ago.
            # A request still being read is not waited for: a slow client must not keep a
            # recycled worker (and its replacement) from serving.
            if not any(k.requests or k.total_outbufs_len or nyt - k.creation_time < 0.5 for k in kanavat):
                break
            self.notify()
            self.kysely.kysely(0.2, kartta)
            self.jakaja.suorita()
        palvelin.task_dispatcher.shutdown(timeout=1)
        wasyncore.close_all(kartta)
        self.kysely.sulje()
