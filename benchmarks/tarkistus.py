"""Benchmark: revising N cases (one month each, previous payments given) against computing them fresh (issue 14).

The population of `benchmarks/laskenta.py`, with every decision inside the month.
Both figures in one run, each in a fresh simulation (building it excluded):

- fresh: the whole chain of the contract (entitlement … net, the employers' shares);
- revision: the same inputs plus the previous payments — what a case system paid:
  every payee's fresh amount (`maksunsaajat.MAKSUNSAAJAT`), changed for a third of the cases (a lower or higher gross, as a
  late pay report or a corrected income would) — and the revision's outputs: per
  month and payee the difference, additional payment, overpayment, payable and
  recoverable amounts; for the whole revision the offset, what remains, the hearing
  and consent flags (`maksunsaajat.MAKSUNSAAJAT`).

The two are measured alternately `--toistot` times (the machine is shared and noisy); the best
time of each is compared, as CPU time of this process (`time.process_time`, what other processes'
load disturbs least) and as wall time.  The target (issue 14): revision ≤ 3 × fresh (CPU time).

    .venv/bin/python benchmarks/tarkistus.py --henkiloita 1000000
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import sys
import time
from pathlib import Path

import numpy as np

from openfisca_tartunta import CountryTaxBenefitSystem
from openfisca_tartunta.maksunsaajat import MAKSUNSAAJAT, koko_tarkistukselle, kuukausittaiset

_spec = importlib.util.spec_from_file_location("laskenta_benchmark", Path(__file__).with_name("laskenta.py"))
laskenta = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(laskenta)

TAVOITE = 3.0


def _sarakkeina(taulu) -> dict:
    """A generated table as model input columns (numpy; dates as days, categories as text)."""
    sarakkeet = {}
    for nimi in taulu.columns:
        if nimi in laskenta.LISASARAKKEET:
            continue
        sarja = taulu[nimi]
        if str(sarja.dtype) == "category":
            sarakkeet[nimi] = sarja.astype(str).to_numpy()
        elif str(sarja.dtype).startswith("datetime64"):
            sarakkeet[nimi] = sarja.to_numpy().astype("datetime64[D]")
        else:
            sarakkeet[nimi] = sarja.to_numpy()
    return sarakkeet


def kuukauden_populaatio(n: int, kuukausi: str, siemen: int, tbs) -> tuple[dict, dict]:
    """The package's population (`populaatio.generointi`) with each decision (and its paid leave) moved inside the month."""
    vak, tyo = (_sarakkeina(t) for t in laskenta.generoi(n, siemen=siemen, kuukausi=kuukausi))
    rng = np.random.default_rng(siemen + 1)
    alku = np.datetime64(kuukausi, "M").astype("datetime64[D]")
    loppu = (np.datetime64(kuukausi, "M") + 1).astype("datetime64[D]") - 1
    alkaa = alku + rng.integers(0, 25, n)
    paattyy = np.minimum(alkaa + rng.integers(0, 14, n), loppu)
    vak["poissaolo_alkaa"], vak["poissaolo_paattyy"] = alkaa, paattyy
    if "palkallinen_vapaa_alkaa" in tyo:
        maksaa = tyo["palkallinen_vapaa_alkaa"] != np.datetime64("9999-12-31")
        kuuluu = tyo["vakuutettu"]
        tyo["palkallinen_vapaa_alkaa"] = np.where(maksaa, alkaa[kuuluu], np.datetime64("9999-12-31"))
        tyo["palkallinen_vapaa_paattyy"] = np.where(maksaa, paattyy[kuuluu], np.datetime64("1970-01-01"))
    return vak, tyo


def aiemmat_maksut(tbs, vak, tyo, kuukausi: str, siemen: int) -> tuple[dict, dict]:
    """What was paid: the fresh amounts, a third of the cases changed by −40 % … +20 %."""
    from openfisca_tartunta.simulaatio import rakenna_simulaatio

    sim = rakenna_simulaatio(tbs, vak, tyo, [kuukausi])
    rng = np.random.default_rng(siemen + 2)
    n, m = len(vak["poissaolo_alkaa"]), len(tyo["vakuutettu"])
    kerroin = np.where(rng.random(n) < 1 / 3, rng.uniform(0.6, 1.2, n), 1.0)

    def raha(x):
        return np.round(np.asarray(x, dtype=np.float64), 2)

    # Every payee of the table: its current amount, changed for the same third (the insured's tax too).
    aiemmat = {}
    for maksunsaaja in MAKSUNSAAJAT:
        k = kerroin if maksunsaaja.entiteetti == "vakuutettu" else kerroin[tyo["vakuutettu"]]
        aiemmat[maksunsaaja.aiempi] = raha(sim.calculate(maksunsaaja.nykyinen, kuukausi) / np.maximum(k, 1e-9))
    vakuutetulle = aiemmat.pop("maksettu_vakuutetulle")
    tyonantajalle = aiemmat.pop("maksettu_tyonantajalle")
    vero = raha(sim.calculate("ennakonpidatys", kuukausi) / np.maximum(kerroin, 1e-9))
    ulosotto = np.minimum(raha(sim.calculate("ulosottopidatys", kuukausi)), np.maximum(vakuutetulle - vero, 0))
    vero = np.minimum(vero, vakuutetulle)
    vuosi = int(kuukausi[:4])
    paiva = np.datetime64(f"{vuosi}-12-31") + rng.integers(0, 200, n)  # some before 30.4. of the next year, some after
    vak = dict(vak, maksettu_vakuutetulle=vakuutetulle, maksettu_ennakonpidatys=vero, maksettu_ulosottopidatys=ulosotto,
               maksuvuosi=np.full(n, vuosi, dtype=np.int32), tarkistuspaatoksen_paiva=paiva,
               vakuutettua_kuultu_liikamaksusta=rng.random(n) < 0.2, **aiemmat)
    tyo = dict(tyo, maksettu_tyonantajalle=tyonantajalle, tyonantajaa_kuultu_liikamaksusta=np.zeros(m, dtype=bool))
    return vak, tyo


def tarkistuksen_muuttujat() -> tuple[list[str], list[str], list[str]]:
    """(monthly on vakuutettu, monthly on ansiotyo, ETERNITY) outputs of the revision."""
    vak_kk, tyo_kk, koko = [], [], []
    for m in MAKSUNSAAJAT:
        (vak_kk if m.entiteetti == "vakuutettu" else tyo_kk).extend(n for n in kuukausittaiset(m) if n not in (m.nykyinen, m.aiempi))
        koko.extend(koko_tarkistukselle(m))
    return vak_kk, tyo_kk, koko


def mittaa(tbs, vak, tyo, kuukausi, muuttujat, tyon_muuttujat=()) -> tuple[float, float]:
    """(CPU s, wall s) of computing the outputs in a fresh simulation (building it excluded)."""
    from openfisca_tartunta.simulaatio import rakenna_simulaatio

    sim = rakenna_simulaatio(tbs, vak, tyo, [kuukausi])
    cpu, seina = time.process_time(), time.perf_counter()
    for nimi in list(muuttujat) + list(tyon_muuttujat):
        sim.calculate(nimi, kuukausi)
    return time.process_time() - cpu, time.perf_counter() - seina


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--henkiloita", type=int, default=1_000_000, help="number of insured persons (cases)")
    parser.add_argument("--kuukausi", default="2024-09")
    parser.add_argument("--siemen", type=int, default=2024)
    parser.add_argument("--toistot", type=int, default=3, help="alternate measurements of each (the best counts)")
    args = parser.parse_args(argv)

    tbs = CountryTaxBenefitSystem()
    n = args.henkiloita
    t0 = time.perf_counter()
    vak, tyo = kuukauden_populaatio(n, args.kuukausi, args.siemen, tbs)
    vak_aiemmat, tyo_aiemmat = aiemmat_maksut(tbs, vak, tyo, args.kuukausi, args.siemen)
    print(f"population: {n:,} cases, {len(tyo['vakuutettu']):,} earning activities, one month {args.kuukausi} "
          f"(built with previous payments in {time.perf_counter() - t0:.1f} s)")

    ketju = list(laskenta.KETJU)
    ketju_tyo = list(laskenta.KETJU_TYO)
    vak_kk, tyo_kk, koko = tarkistuksen_muuttujat()
    tuoreet, tarkistukset = [], []
    for _ in range(max(1, args.toistot)):
        tuoreet.append(mittaa(tbs, vak, tyo, args.kuukausi, ketju, ketju_tyo))
        tarkistukset.append(mittaa(tbs, vak_aiemmat, tyo_aiemmat, args.kuukausi, ketju + vak_kk + koko, ketju_tyo + tyo_kk))

    def rivi(nimi, ajat):
        cpu, seina = min(a[0] for a in ajat), min(a[1] for a in ajat)
        print(f"{nimi}: CPU best {cpu:.2f} s of {', '.join(f'{a[0]:.2f}' for a in ajat)}; "
              f"wall best {seina:.2f} s of {', '.join(f'{a[1]:.2f}' for a in ajat)}; {n / cpu:,.0f} cases per CPU second")
        return cpu, seina

    tuore = rivi("fresh (whole chain)", tuoreet)
    tarkistus = rivi(f"revision (chain + {len(vak_kk) + len(tyo_kk)} monthly + {len(koko)} whole-revision outputs)", tarkistukset)
    suhde = tarkistus[0] / tuore[0]
    print(f"revision / fresh: {suhde:.2f} CPU, {tarkistus[1] / tuore[1]:.2f} wall (target ≤ {TAVOITE:.0f})")
    huippu = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(f"peak memory: {huippu:.2f} GiB")
    return 0 if suhde <= TAVOITE else 1


if __name__ == "__main__":
    sys.exit(main())
