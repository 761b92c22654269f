"""Reading a request body: content type, size, UTF-8, strict JSON, time limit."""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import signal
import threading

from flask import current_app, g, request

from openfisca_tartunta.palvelin.virheet import Aikakatkaisu, Asiakasvirhe


def _ei_vakio(nimi: str):
    raise ValueError(f"{nimi} is not a JSON number")


def _aarellinen(teksti: str) -> float:
    arvo = float(teksti)
    if not math.isfinite(arvo):
        raise ValueError(f"number {teksti[:40]} is out of range")
    return arvo


_JASENNIN = json.JSONDecoder(parse_constant=_ei_vakio, parse_float=_aarellinen)


def _runko() -> bytes:
    """The raw body, at most MAX_CONTENT_LENGTH bytes, else 413.

    With a Content-Length werkzeug answers 413 itself; a chunked body has no
    length and werkzeug would silently cut it at the limit, so it is read from
    the WSGI input here and refused when it does not end by the limit.
    """
    raja = current_app.config.get("MAX_CONTENT_LENGTH")
    if request.content_length is not None or not raja:
        return request.get_data(cache=False)  # 413 from MAX_CONTENT_LENGTH
    raaka = request.environ["wsgi.input"].read(raja + 1)
    if len(raaka) > raja:
        raise Asiakasvirhe(413, "liian_suuri_pyynto", "request body is larger than the server's limit (--max-body-bytes)", "runko")
    return raaka


def lue_json(odotettu: type | tuple = dict):
    """The request body as JSON: `application/json`, UTF-8, finite numbers, of type `odotettu`."""
    if request.mimetype != "application/json" and not request.mimetype.endswith("+json"):
        annettu = request.headers.get("Content-Type")
        raise Asiakasvirhe(
            415,
            "vaara_sisaltotyyppi",
            f"send the body as JSON with the header 'Content-Type: application/json' (got {annettu[:80]!r})"
            if annettu
            else "the header 'Content-Type: application/json' is missing",
            "Content-Type",
        )
    merkisto = request.mimetype_params.get("charset", "utf-8").lower()
    if merkisto not in ("utf-8", "utf8"):
        raise Asiakasvirhe(415, "vaara_sisaltotyyppi", f"charset {merkisto[:40]!r} is not supported; use utf-8", "Content-Type")
    raaka = _runko()
    valmis = g.get("tartunta_json")  # parsed once already by the access hook (turva/koukut.py)
    data = valmis[1] if valmis is not None and (valmis[0] is raaka or valmis[0] == raaka) else jasenna(raaka)
    if not isinstance(data, odotettu):
        raise Asiakasvirhe(400, "virheellinen_json", "the body must be a JSON object", "runko")
    return data


def jasenna(raaka: bytes):
    """The strict parse of a JSON body: UTF-8 (a BOM allowed), finite numbers, no NaN/Infinity; else 400."""
    if not raaka.strip():
        raise Asiakasvirhe(400, "virheellinen_json", "the request body is empty; send a JSON object", "runko")
    try:
        teksti = raaka.decode("utf-8")
    except UnicodeDecodeError as virhe:
        raise Asiakasvirhe(400, "virheellinen_json", f"the body is not valid UTF-8 (byte {virhe.start})", "runko") from None
    try:
        data = _JASENNIN.decode(teksti.lstrip("\ufeff"))
    except json.JSONDecodeError as virhe:
        raise Asiakasvirhe(
            400,
            "virheellinen_json",
            f"malformed JSON: {virhe.msg} at line {virhe.lineno} column {virhe.colno}",
            "runko",
        ) from None
    except (ValueError, RecursionError) as virhe:
        raise Asiakasvirhe(400, "virheellinen_json", f"malformed JSON: {str(virhe)[:200]}", "runko") from None
    return data


def esijasenna(raaka: bytes):
    """For a before-request hook: the body parsed once, strictly, and kept for the endpoint's
    `lue_json`; None when it is not valid JSON (the endpoint then answers the precise 400)."""
    try:
        data = jasenna(raaka)
    except Asiakasvirhe:
        return None
    g.tartunta_json = (raaka, data)
    return data


@contextlib.contextmanager
def aikaraja(sekunnit: float | None):
    """Stop the block with `Aikakatkaisu` after `sekunnit`.

    In the main thread by SIGALRM; in another thread (waitress's application
    thread in `tartunta serve`, a threaded test server) by a timer that raises
    `Aikakatkaisu` asynchronously in the computing thread.  Either way the
    exception lands between two Python bytecodes, so a long numpy call finishes
    first; the size budget keeps those calls short.
    """
    if not sekunnit:
        yield
        return
    if threading.current_thread() is threading.main_thread():
        def _laukea(_signum, _frame):
            raise Aikakatkaisu()

        edellinen = signal.signal(signal.SIGALRM, _laukea)
        signal.setitimer(signal.ITIMER_REAL, float(sekunnit))
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, edellinen)
        return
    saie = ctypes.c_ulong(threading.get_ident())
    lukko = threading.Lock()
    tila = {"kaynnissa": True}

    def _laukea_saikeessa():
        with lukko:
            if tila["kaynnissa"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(saie, ctypes.py_object(Aikakatkaisu))

    ajastin = threading.Timer(float(sekunnit), _laukea_saikeessa)
    ajastin.daemon = True
    ajastin.start()
    try:
        yield
    finally:
        with lukko:
            tila["kaynnissa"] = False
            ajastin.cancel()
            ctypes.pythonapi.PyThreadState_SetAsyncExc(saie, None)  # one raised too late is dropped
