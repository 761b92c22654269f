"""Service configuration: command-line flags, then environment variables, then safe defaults.

Every setting has one flag of `tartunta serve` and one `TARTUNTA_*` environment
variable; a flag wins over the variable, the variable over the default.  The
defaults are safe for a single machine: loopback only, two workers, bounded
request size, entity count and computation time.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import asdict, dataclass, fields

MIB = 1024 * 1024


class Asetusvirhe(ValueError):
    """A configuration value that cannot be used; names the flag or environment variable."""


@dataclass(frozen=True)
class Asetus:
    """One setting: its field, flag, environment variable, type, default and meaning."""

    kentta: str
    lippu: str
    ymparisto: str
    tyyppi: type
    oletus: object
    selite: str
    pienin: float | None = None
    suurin: float | None = None


#: The settings, in the order the documentation lists them.
ASETUKSET: tuple[Asetus, ...] = (
    Asetus("bind", "--bind", "TARTUNTA_BIND", str, "127.0.0.1",
           "address to listen on; loopback by default (put a TLS proxy in front for other hosts)"),
    Asetus("port", "--port", "TARTUNTA_PORT", int, 5000, "TCP port", 0, 65535),
    Asetus("workers", "--workers", "TARTUNTA_WORKERS", int, 2,
           "gunicorn worker processes (each holds one loaded tax-benefit system)", 1, 64),
    Asetus("max_body_bytes", "--max-body-bytes", "TARTUNTA_MAX_BODY_BYTES", int, 20 * MIB,
           "largest request body in bytes; a larger one gets 413", 1024, 1024 * MIB),
    Asetus("max_entities", "--max-entities", "TARTUNTA_MAX_ENTITIES", int, 1000,
           "most entities (ansiotyot + vakuutetut, after axes expansion) in one /calculate, /trace "
           "or /paatosehdotus request; more gets 413", 2, 10_000_000),
    Asetus("max_batch_rows", "--max-batch-rows", "TARTUNTA_MAX_BATCH_ROWS", int, 200_000,
           "most rows (vakuutetut + ansiotyot) in one /eraajo request; more gets 413", 2, 100_000_000),
    Asetus("max_months", "--max-months", "TARTUNTA_MAX_MONTHS", int, 60,
           "most calendar months one /paatosehdotus decision or one /eraajo request may span", 1, 1200),
    Asetus("timeout", "--timeout", "TARTUNTA_TIMEOUT", float, 30.0,
           "seconds one computation may take before it is stopped with 503; gunicorn kills a worker "
           "silent for this + 10 s", 0.1, 3600),
    Asetus("max_memory_mib", "--max-memory-mib", "TARTUNTA_MAX_MEMORY_MIB", int, 1200,
           "memory budget of one request in MiB, estimated from its size (rows × months × outputs) before "
           "computing; more gets 413. The default fits 2 workers in 4 GiB", 16, 1024 * 1024),
    Asetus("max_requests", "--max-requests", "TARTUNTA_MAX_REQUESTS", int, 1000,
           "a worker is replaced after this many requests (plus up to 10 percent jitter) so that peak memory "
           "does not stay; 0 = never", 0, 10**9),
    Asetus("idle_timeout", "--idle-timeout", "TARTUNTA_IDLE_TIMEOUT", int, 30,
           "seconds an idle or silent connection is kept open", 1, 3600),
    Asetus("cors_origins", "--cors-origins", "TARTUNTA_CORS_ORIGINS", str, "",
           "comma-separated origins allowed to call the case-data endpoints from a browser; the "
           "legislation endpoints answer any origin"),
    Asetus("show_version", "--show-version", "TARTUNTA_SHOW_VERSION", int, 1,
           "1: /health names the package and openfisca-core versions; 0: it does not", 0, 1),
    Asetus("log_level", "--log-level", "TARTUNTA_LOG_LEVEL", str, "info",
           "log level: debug, info, warning, error"),
)

_LOKITASOT = ("debug", "info", "warning", "error", "critical")


@dataclass(frozen=True)
class Asetukset:
    """The service's settings (see `ASETUKSET` for their meaning)."""

    bind: str = "127.0.0.1"
    port: int = 5000
    workers: int = 2
    max_body_bytes: int = 20 * MIB
    max_entities: int = 1000
    max_batch_rows: int = 200_000
    max_months: int = 60
    timeout: float = 30.0
    max_memory_mib: int = 1200
    max_requests: int = 1000
    idle_timeout: int = 30
    cors_origins: str = ""
    show_version: int = 1
    log_level: str = "info"

    def __post_init__(self) -> None:
        for asetus in ASETUKSET:
            arvo = getattr(self, asetus.kentta)
            if asetus.pienin is not None and arvo < asetus.pienin:
                raise Asetusvirhe(f"{asetus.lippu} / {asetus.ymparisto}: {arvo} is below the minimum {asetus.pienin}")
            if asetus.suurin is not None and arvo > asetus.suurin:
                raise Asetusvirhe(f"{asetus.lippu} / {asetus.ymparisto}: {arvo} is above the maximum {asetus.suurin}")
        if self.log_level not in _LOKITASOT:
            raise Asetusvirhe(f"--log-level / TARTUNTA_LOG_LEVEL: must be one of {', '.join(_LOKITASOT)}")
        if not self.bind.strip():
            raise Asetusvirhe("--bind / TARTUNTA_BIND: must not be empty")

    @property
    def sallitut_alkuperat(self) -> frozenset[str]:
        return frozenset(o.strip() for o in self.cors_origins.split(",") if o.strip())

    def sanakirjana(self) -> dict:
        return asdict(self)


def _muunna(asetus: Asetus, arvo: str, lahde: str):
    try:
        if asetus.tyyppi is int:
            return int(str(arvo).strip())
        if asetus.tyyppi is float:
            return float(str(arvo).strip())
        return str(arvo).strip().lower() if asetus.kentta == "log_level" else str(arvo).strip()
    except ValueError:
        raise Asetusvirhe(f"{lahde}: {arvo!r} is not a valid {asetus.tyyppi.__name__}") from None


def lisaa_liput(parser: argparse.ArgumentParser) -> None:
    """Add one flag per setting; the default None means "not given on the command line"."""
    for asetus in ASETUKSET:
        parser.add_argument(
            asetus.lippu,
            dest=asetus.kentta,
            default=None,
            metavar=asetus.tyyppi.__name__.upper(),
            help=f"{asetus.selite} (env {asetus.ymparisto}, default {asetus.oletus})",
        )


def lue_asetukset(args: argparse.Namespace | dict | None = None, ymparisto: dict | None = None) -> Asetukset:
    """Settings from flags (`args`), then environment variables, then defaults."""
    liput = vars(args) if isinstance(args, argparse.Namespace) else dict(args or {})
    ymparisto = os.environ if ymparisto is None else ymparisto
    arvot = {}
    for asetus in ASETUKSET:
        lippu = liput.get(asetus.kentta)
        if lippu is not None:
            arvot[asetus.kentta] = _muunna(asetus, lippu, asetus.lippu)
        elif ymparisto.get(asetus.ymparisto) not in (None, ""):
            arvot[asetus.kentta] = _muunna(asetus, ymparisto[asetus.ymparisto], asetus.ymparisto)
    return Asetukset(**arvot)


def _tarkista_oletukset() -> None:
    """The table and the dataclass must agree (a guard against editing one of them only)."""
    oletukset = {k.name: k.default for k in fields(Asetukset)}
    for asetus in ASETUKSET:
        assert oletukset[asetus.kentta] == asetus.oletus, asetus.kentta


_tarkista_oletukset()
