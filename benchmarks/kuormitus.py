"""Load benchmark of the web service over loopback: latency and throughput.

Starts `tartunta serve` on a free loopback port with 2 workers (or uses
`--url http://127.0.0.1:PORT` of a running server; loopback only), then for
each scenario

- latency: requests one at a time, each on a new connection → p50 / p99 round
  trip and the server's own time (`Server-Timing: app;dur=`); then the same over
  one kept-alive connection, as a case system's HTTP client (a connection pool)
  sends them;
- throughput: `--rinnakkain` clients at once → requests per second.

Scenarios: single-case `/calculate` (the spec's example: 3 000 €/month,
quarantine 4.–15.3.2024), `/paatosehdotus` for the same case with employer pay,
and `/eraajo` with 10 000 cases over two months.  Every count and duration is
bounded (`--maara`, `--aikaraja`).

    .venv/bin/python benchmarks/kuormitus.py
    .venv/bin/python benchmarks/kuormitus.py --maara 3000 --json tulos.json
    .venv/bin/python benchmarks/kuormitus.py --vertailu ../main --ei-rasitusta   # before/after in one run

Then `/calculate` again with `--jouten` (100) idle and slowly dripping connections
open, and the largest `/eraajo` the memory budget accepts over `--kuukausia`
(60) months: its time and the worker's peak RSS (`rasitus.py`).

Targets (2 workers on a 2-core machine): `/calculate` p50 ≤ 5 ms and ≥ 300
requests/s; `/paatosehdotus` p50 ≤ 25 ms; 10 000 cases in `/eraajo` < 1 s of
server time.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import numpy as np

JUURI = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(JUURI))

from openfisca_tartunta.esimerkit import KARANTEENI_PALKANSAAJA  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import rasitus  # noqa: E402

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def paatosehdotuksen_tapaus() -> dict:
    """The example case with the employer's pay for 4.–8.3. (5 days × 120 € = 600 €)."""
    tapaus = copy.deepcopy(KARANTEENI_PALKANSAAJA)
    tyo = tapaus["ansiotyot"]["tyo_1"]
    tyo["tyonantajan_maksama_palkka"] = {"2024-03": 1000}
    tyo["palkallinen_vapaa_alkaa"] = {"ETERNITY": "2024-03-04"}
    tyo["palkallinen_vapaa_paattyy"] = {"ETERNITY": "2024-03-08"}
    tapaus["kieli"] = "fi"
    return tapaus


def eraajo(n: int, siemen: int = 1) -> dict:
    """A seeded columnar batch of `n` cases (about 1.2 earning activities each)."""
    rng = np.random.default_rng(siemen)
    alku = np.datetime64("2024-03-01") + rng.integers(0, 25, n)
    loppu = alku + rng.integers(0, 30, n)
    tyoja = rng.choice([1, 2], size=n, p=[0.8, 0.2])
    kuuluu = np.repeat(np.arange(n), tyoja)
    m = int(kuuluu.size)
    return {
        "kuukaudet": ["2024-03", "2024-04"],
        "vakuutetut": {
            "poissaolon_peruste": rng.choice(["karanteeni", "eristaminen", "tyosta_poissaolo"], n).tolist(),
            "poissaolo_alkaa": alku.astype(str).tolist(),
            "poissaolo_paattyy": loppu.astype(str).tolist(),
            "ennakonpidatysperuste": ["palkan_verokortti"] * n,
            "ennakonpidatysprosentti": np.round(rng.uniform(10, 40, n), 1).tolist(),
        },
        "ansiotyot": {
            "vakuutettu": kuuluu.tolist(),
            "rooli": ["palkkatyo"] * m,
            "ansionmenetys": np.round(rng.uniform(1000, 6000, m), 2).tolist(),
            "tyonantajan_tunnus": ["0737546-2"] * m,
        },
    }


def vapaa_portti() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raaka_pyynto(isanta: str, polku: str, runko: dict | None, yhteys: str = "close") -> bytes:
    """A complete HTTP/1.1 request, built once and sent many times."""
    if runko is None:
        return f"GET {polku} HTTP/1.1\r\nHost: {isanta}\r\nConnection: {yhteys}\r\n\r\n".encode()
    data = json.dumps(runko).encode()
    otsake = (
        f"POST {polku} HTTP/1.1\r\nHost: {isanta}\r\nConnection: {yhteys}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
    )
    return otsake.encode() + data


def laheta(osoite: tuple[str, int], raaka: bytes) -> tuple[int, float, float]:
    """Send one request; (status, round trip in ms, server time in ms)."""
    alku = time.perf_counter()
    with socket.create_connection(osoite) as s:
        s.sendall(raaka)
        osat = []
        while True:
            osa = s.recv(262144)
            if not osa:
                break
            osat.append(osa)
    kesto = (time.perf_counter() - alku) * 1000.0
    vastaus = b"".join(osat)
    paa, _, _ = vastaus.partition(b"\r\n\r\n")
    tila = int(paa.split(b"\r\n", 1)[0].split()[1])
    return tila, kesto, _palvelimen_aika(paa)


def _palvelimen_aika(paa: bytes) -> float:
    for rivi in paa.decode("latin-1").split("\r\n")[1:]:
        if rivi.lower().startswith("server-timing:") and "dur=" in rivi:
            return float(rivi.split("dur=")[1].split(";")[0])
    return float("nan")


def viive_yhteydella(osoite, raaka: bytes, maara: int, aikaraja: float) -> dict:
    """Requests one at a time over a kept-alive connection, as a case system's HTTP client
    (a connection pool) sends them: (p50, p99 round trip, server p50).  `raaka` asks for
    `Connection: keep-alive`; the answer is read to its Content-Length; when the server
    closes the connection (a worker recycled after `--max-requests`), a new one is opened."""
    kierrokset, palvelin, virheet = [], [], 0
    s, puskuri = None, b""
    loppu = time.perf_counter() + aikaraja
    try:
        for i in range(maara + 20):
            if time.perf_counter() > loppu:
                break
            if s is None:
                s, puskuri = socket.create_connection(osoite), b""
            alku = time.perf_counter()
            s.sendall(raaka)
            while b"\r\n\r\n" not in puskuri:
                osa = s.recv(262144)
                if not osa:
                    raise RuntimeError("the server closed a kept-alive connection without an answer")
                puskuri += osa
            paa, _, puskuri = puskuri.partition(b"\r\n\r\n")
            otsakkeet = [r.lower() for r in paa.split(b"\r\n")]
            pituus = next(int(r.split(b":")[1]) for r in otsakkeet if r.startswith(b"content-length:"))
            while len(puskuri) < pituus:
                puskuri += s.recv(262144)
            puskuri = puskuri[pituus:]
            kesto = (time.perf_counter() - alku) * 1000.0
            if b"connection: close" in otsakkeet:
                s.close()
                s = None
            if i >= 20:  # warm-up
                virheet += not paa.startswith(b"HTTP/1.1 200")
                kierrokset.append(kesto)
                palvelin.append(_palvelimen_aika(paa))
    finally:
        if s is not None:
            s.close()
    return _viiveet(kierrokset, palvelin, virheet)


def prosentti(arvot: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(arvot), p)) if arvot else float("nan")


def _viiveet(kierrokset: list[float], palvelin: list[float], virheet: int) -> dict:
    """Count, errors and the p50/p99 of the round trips and of the server's own time (ms)."""
    return {
        "pyyntoja": len(kierrokset),
        "virheita": virheet,
        "p50_ms": round(prosentti(kierrokset, 50), 2),
        "p99_ms": round(prosentti(kierrokset, 99), 2),
        "palvelin_p50_ms": round(prosentti(palvelin, 50), 2),
        "palvelin_p99_ms": round(prosentti(palvelin, 99), 2),
    }


def viive(osoite, raaka: bytes, maara: int, aikaraja: float) -> dict:
    """Requests one at a time (after a short warm-up)."""
    for _ in range(min(20, maara)):
        laheta(osoite, raaka)
    kierrokset, palvelin, virheet = [], [], 0
    loppu = time.perf_counter() + aikaraja
    while len(kierrokset) < maara and time.perf_counter() < loppu:
        tila, kesto, aika = laheta(osoite, raaka)
        virheet += tila != 200
        kierrokset.append(kesto)
        palvelin.append(aika)
    return _viiveet(kierrokset, palvelin, virheet)


def lapaisy(osoite, raaka: bytes, maara: int, aikaraja: float, rinnakkain: int) -> dict:
    """`rinnakkain` clients send `maara` requests in total → requests per second."""
    laskuri = iter(range(maara))
    lukko = threading.Lock()
    virheet = [0]
    kestot: list[float] = []
    loppu = time.perf_counter() + aikaraja

    def asiakas():
        while time.perf_counter() < loppu:
            with lukko:
                if next(laskuri, None) is None:
                    return
            tila, kesto, _ = laheta(osoite, raaka)
            with lukko:
                kestot.append(kesto)
                virheet[0] += tila != 200

    saikeet = [threading.Thread(target=asiakas) for _ in range(rinnakkain)]
    alku = time.perf_counter()
    for s in saikeet:
        s.start()
    for s in saikeet:
        s.join()
    kesto = time.perf_counter() - alku
    return {
        "pyyntoja": len(kestot),
        "virheita": virheet[0],
        "rinnakkain": rinnakkain,
        "pyyntoa_sekunnissa": round(len(kestot) / kesto, 1) if kesto > 0 else None,
        "p50_ms": round(prosentti(kestot, 50), 2),
        "p99_ms": round(prosentti(kestot, 99), 2),
    }


def kaynnista(portti: int, tyoprosessit: int, muisti: int = 1200, juuri: Path = JUURI, kansio: str | None = None) -> subprocess.Popen:
    """`tartunta serve` of the checkout `juuri` (its own .venv, else this Python), its audit trail in `kansio`."""
    ymparisto = {**os.environ, "TARTUNTA_LOG_LEVEL": "warning"}
    python = juuri / ".venv" / "bin" / "python"
    kansio = kansio or tempfile.mkdtemp(prefix="tartunta-kuormitus-")
    prosessi = subprocess.Popen(
        [str(python) if python.exists() else sys.executable, "-m", "openfisca_tartunta.cli", "serve", "--port", str(portti),
         "--workers", str(tyoprosessit), "--max-memory-mib", str(muisti), "--max-body-bytes", str(256 * 2**20),
         "--max-batch-rows", str(10**7), "--timeout", "600", "--kirjausloki", str(Path(kansio) / "kirjausloki.sqlite")],
        cwd=kansio,
        env=ymparisto,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    raja = time.time() + 60
    try:
        while time.time() < raja:
            try:
                if laheta(("127.0.0.1", portti), raaka_pyynto("127.0.0.1", "/health", None))[0] == 200:
                    return prosessi
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not answer /health within 60 s")
    except BaseException:  # never leave a server behind
        prosessi.terminate()
        prosessi.wait(15)
        raise


def _rivi(nimi: str, v: dict, lp: dict, lisa: str = "", ka: dict | None = None) -> str:
    pysyva = (f"\n{'':>15}  kept-alive connection: p50 {ka['p50_ms']:.2f} ms  p99 {ka['p99_ms']:.2f} ms  "
              f"(server p50 {ka['palvelin_p50_ms']:.2f} ms)  [{ka['pyyntoja']} requests, {ka['virheita']} errors]") if ka else ""
    return (
        f"{nimi:>15}: p50 {v['p50_ms']:7.2f} ms  p99 {v['p99_ms']:7.2f} ms  "
        f"(server p50 {v['palvelin_p50_ms']:.2f} ms; a new connection each)  "
        f"{lp['pyyntoa_sekunnissa']:7.1f} req/s with {lp['rinnakkain']} clients{lisa}  "
        f"[{v['pyyntoja']}+{lp['pyyntoja']} requests, {v['virheita'] + lp['virheita']} errors]{pysyva}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server on loopback, e.g. http://127.0.0.1:5000 (default: start one)")
    parser.add_argument("--vertailu", help="another checkout (e.g. /work/main, with its .venv): its server is started too and "
                        "every scenario is measured on both, one after the other, in this run")
    parser.add_argument("--ei-rasitusta", action="store_true", help="skip the idle connections and the largest batch")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--maara", type=int, default=2000, help="requests per single-case measurement (default 2000)")
    parser.add_argument("--eraajo-maara", type=int, default=10, help="batch requests per measurement (default 10)")
    parser.add_argument("--eraajo-koko", type=int, default=10000, help="cases per batch request (default 10 000)")
    parser.add_argument("--rinnakkain", type=int, default=4, help="concurrent clients for throughput (default 4)")
    parser.add_argument("--aikaraja", type=float, default=20.0, help="seconds per measurement at most (default 20)")
    parser.add_argument("--jouten", type=int, default=100, help="idle/slow connections held open (default 100)")
    parser.add_argument("--muisti", type=int, default=1200, help="the server's --max-memory-mib (default 1200)")
    parser.add_argument("--kuukausia", type=int, default=60, help="months of the largest batch (default 60)")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)

    palvelimet: list[tuple[str, tuple[str, int], subprocess.Popen | None]] = []
    try:
        if args.url:
            osa = urllib.parse.urlsplit(args.url)
            if osa.hostname not in LOOPBACK:
                parser.error("--url must point to loopback (127.0.0.1, localhost, ::1)")
            palvelimet.append(("", (osa.hostname, osa.port or 80), None))
        else:
            portti = vapaa_portti()
            palvelimet.append(("", ("127.0.0.1", portti), kaynnista(portti, args.workers, args.muisti)))
        if args.vertailu:
            portti = vapaa_portti()
            palvelimet.append((" [vertailu]", ("127.0.0.1", portti),
                               kaynnista(portti, args.workers, args.muisti, Path(args.vertailu).resolve())))
        tulokset = {"workers": args.workers if palvelimet[0][2] else None, "cpu": os.cpu_count(), "vertailu": args.vertailu}
        for merkki, osoite, _ in palvelimet:
            tulokset["vertailu" if merkki else "tama"] = {}
        skenaariot = [
            ("calculate", "/calculate", KARANTEENI_PALKANSAAJA, args.maara),
            ("paatosehdotus", "/paatosehdotus", paatosehdotuksen_tapaus(), args.maara // 2),
            ("eraajo_10000", "/eraajo", eraajo(args.eraajo_koko), args.eraajo_maara),
        ]
        for nimi, polku, runko, maara in skenaariot:
            for merkki, osoite, _ in palvelimet:  # back to back: the same load on both
                raaka = raaka_pyynto(f"{osoite[0]}:{osoite[1]}", polku, runko)
                tila = laheta(osoite, raaka)[0]
                if tila != 200:
                    raise RuntimeError(f"{nimi}{merkki}: the server answered {tila}")
                v = viive(osoite, raaka, maara, args.aikaraja)
                ka = viive_yhteydella(osoite, raaka_pyynto(f"{osoite[0]}:{osoite[1]}", polku, runko, "keep-alive"),
                                      maara, args.aikaraja)
                lp = lapaisy(osoite, raaka, maara, args.aikaraja, args.rinnakkain)
                tulokset["vertailu" if merkki else "tama"][nimi] = {"viive": v, "pysyva_yhteys": ka, "lapaisy": lp}
                print(_rivi(nimi + merkki, v, lp, ka=ka), flush=True)
        if not args.ei_rasitusta:
            _, osoite, prosessi = palvelimet[0]
            raaka = raaka_pyynto(f"{osoite[0]}:{osoite[1]}", "/calculate", KARANTEENI_PALKANSAAJA)
            with rasitus.jouten(osoite, args.jouten):
                v = viive(osoite, raaka, args.maara, args.aikaraja)
                lp = lapaisy(osoite, raaka, args.maara, args.aikaraja, args.rinnakkain)
            tulokset["tama"][f"calculate_{args.jouten}_jouten"] = {"viive": v, "lapaisy": lp}
            print(_rivi("calculate", v, lp, f", {args.jouten} idle/slow connections open"))
            if prosessi is not None:
                import psutil

                lapset = [p.pid for p in psutil.Process(prosessi.pid).children()]
                suurin = rasitus.suurin_eraajo(osoite, raaka_pyynto, laheta, eraajo, lapset, args.muisti, args.kuukausia)
                tulokset["tama"]["suurin_eraajo"] = suurin
                print(
                    f"{'largest eraajo':>15}: {suurin['riveja']} rows ({suurin['tapauksia']} cases) × {suurin['kuukausia']} months "
                    f"→ {suurin['tila']} in {suurin['aika_s']} s, worker peak RSS {suurin['huippu_rss_mib']} MiB "
                    f"(budget {args.muisti} MiB; twice as many rows → {suurin['kaksinkertainen_tila']})"
                )
        if args.json:
            Path(args.json).write_text(json.dumps(tulokset, indent=2))
    finally:
        for _, _, prosessi in palvelimet:
            if prosessi is not None:
                prosessi.terminate()
                try:
                    prosessi.wait(15)
                except subprocess.TimeoutExpired:
                    prosessi.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
