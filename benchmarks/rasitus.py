"""Parts of `kuormitus.py` that stress the server: idle connections, and the largest batch.

- `jouten(osoite, n)`: `n` connections held open during a measurement — half
  silent, half dripping an unfinished request one byte at a time;
- `suurin_eraajo(...)`: the largest `/eraajo` the memory budget accepts for a
  number of months, sent once: its wall time and the worker's peak RSS
  (`VmHWM` of the worker processes, read from /proc after the request).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

TAVUT_RIVIKUUKAUDELTA = 400  # the service's estimate (palvelin/eraajo.py)


@contextlib.contextmanager
def jouten(osoite: tuple[str, int], n: int):
    """`n` idle or slowly dripping connections, open for the duration of the block."""
    yhteydet = [socket.create_connection(osoite, timeout=5) for _ in range(n)]
    for s in yhteydet[n // 2 :]:
        s.sendall(b"POST /calculate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
    seis = threading.Event()

    def tippa():
        while not seis.wait(0.5):
            for s in yhteydet[n // 2 :]:
                with contextlib.suppress(OSError):
                    s.sendall(b" ")

    saie = threading.Thread(target=tippa, daemon=True)
    saie.start()
    try:
        yield
    finally:
        seis.set()
        saie.join(2)
        for s in yhteydet:
            s.close()


def _huippu_rss(pids: list[int]) -> int:
    """Largest VmHWM (peak resident set) of the given processes, in bytes."""
    huippu = 0
    for pid in pids:
        with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as tiedosto:
            for rivi in tiedosto:
                if rivi.startswith("VmHWM:"):
                    huippu = max(huippu, int(rivi.split()[1]) * 1024)
    return huippu


def suurin_eraajo(osoite, raaka_pyynto, laheta, eraajo, tyoprosessit: list[int], budjetti_mib: int, kuukausia: int) -> dict:
    """The largest batch under the budget: rows = budget / (months × bytes per row-month)."""
    rivit = int(budjetti_mib * 2**20 / (kuukausia * TAVUT_RIVIKUUKAUDELTA))
    tapauksia = int(rivit / 2.2)  # about 1.2 earning activities per case
    runko = eraajo(tapauksia)
    while len(runko["vakuutetut"]["poissaolo_alkaa"]) + len(runko["ansiotyot"]["vakuutettu"]) > rivit:
        tapauksia = int(tapauksia * 0.99)
        runko = eraajo(tapauksia)
    runko["kuukaudet"] = [f"{2021 + k // 12}-{k % 12 + 1:02d}" for k in range(kuukausia)]
    isanta = f"{osoite[0]}:{osoite[1]}"
    raaka = raaka_pyynto(isanta, "/eraajo", runko)
    ennen = _huippu_rss(tyoprosessit)
    alku = time.perf_counter()
    tila, _, palvelin_ms = laheta(osoite, raaka)
    kesto = time.perf_counter() - alku
    yli = dict(runko, vakuutetut={k: v * 2 for k, v in runko["vakuutetut"].items()})
    yli_tila = laheta(osoite, raaka_pyynto(isanta, "/eraajo", yli))[0]
    return {
        "tila": tila,
        "tapauksia": tapauksia,
        "riveja": len(runko["vakuutetut"]["poissaolo_alkaa"]) + len(runko["ansiotyot"]["vakuutettu"]),
        "kuukausia": kuukausia,
        "runko_mib": round(len(raaka) / 2**20, 1),
        "aika_s": round(kesto, 2),
        "palvelin_s": round(palvelin_ms / 1000.0, 2),
        "huippu_rss_mib": round(_huippu_rss(tyoprosessit) / 2**20),
        "rss_ennen_mib": round(ennen / 2**20),
        "kaksinkertainen_tila": yli_tila,
    }
