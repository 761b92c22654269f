"""Benchmark: one month of the allowance for a synthetic population.

Builds N insured persons with about 1.5 earning activities each (seeded), then
computes one month of the outputs in two fresh simulations:

- core (issue 2): entitlement, daily amount, payable days, gross allowance;
- whole chain (issue 3): the above plus the employer split, tax withholding and
  distraint, down to the net payment.

Prints the time of each calculation (excluding building the population), the
insured persons per second, and the process's peak memory.

    .venv/bin/python benchmarks/laskenta.py --henkiloita 1000000
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np

from openfisca_tartunta import CountryTaxBenefitSystem
from openfisca_tartunta.simulaatio import rakenna_simulaatio
from openfisca_tartunta.sopimus import ANSIOTYON_TULOKSET, VAKUUTETUN_TULOKSET

YDIN = [
    "oikeus_tartuntatautipaivarahaan",
    "tartuntatautipaivaraha_paivalta",
    "tartuntatautipaivarahan_maksupaivat",
    "tartuntatautipaivaraha",
]
KETJU = list(VAKUUTETUN_TULOKSET)
KETJU_TYO = list(ANSIOTYON_TULOKSET)


def populaatio(n: int, kuukausi: str, siemen: int, tbs) -> tuple[dict, dict]:
    """Columns of a synthetic population (plausible, not calibrated)."""
    rng = np.random.default_rng(siemen)
    kk = np.datetime64(kuukausi, "M").astype("datetime64[D]")
    tyoja = rng.choice([1, 2, 3], size=n, p=[0.6, 0.3, 0.1])  # ≈ 1.5 activities each
    m = int(tyoja.sum())
    kuuluu = np.repeat(np.arange(n), tyoja)
    alkaa = kk + rng.integers(-20, 28, n)
    kesto = np.where(rng.random(n) < 0.85, rng.integers(1, 14, n), rng.integers(14, 90, n))
    vak = {
        "poissaolon_peruste": rng.choice(
            ["karanteeni", "eristaminen", "tyosta_poissaolo", "lapsen_kotona_pito"], n, p=[0.4, 0.3, 0.2, 0.1]
        ),
        "poissaolo_alkaa": alkaa,
        "poissaolo_paattyy": alkaa + kesto,
        "lapsen_ika": rng.integers(0, 18, n),
    }
    if "vuosiloma_1_alkaa" in tbs.variables:  # date ranges (issue 8): a few per cent have some
        ei = np.datetime64("9999-12-31"), np.datetime64("1970-01-01")
        loma = rng.random(n) < 0.03
        loma_alku = alkaa + rng.integers(0, 10, n)
        vak["vuosiloma_1_alkaa"] = np.where(loma, loma_alku, ei[0])
        vak["vuosiloma_1_paattyy"] = np.where(loma, loma_alku + rng.integers(0, 6, n), ei[1])
        esto = rng.random(n) < 0.02
        vak["estava_etuus_1"] = np.where(esto, "kelan_kuntoutusraha", "ei_etuutta")
        vak["estava_etuus_1_alkaa"] = np.where(esto, alkaa + rng.integers(0, 10, n), ei[0])
        vak["estava_etuus_1_paattyy"] = np.where(esto & (rng.random(n) < 0.5), alkaa + 12, ei[0])
    else:
        vak["vuosilomapaivat"] = np.zeros(n, dtype=np.int32)
    yrittaja = rng.random(m) < 0.12
    tyo = {
        "vakuutettu": kuuluu,
        "rooli": np.where(yrittaja, "yritystoiminta", "palkkatyo"),
        "ansionmenetys": np.round(rng.lognormal(8.0, 0.4, m), 2),
        "yrittajavakuutus": rng.choice(["yel", "myel", "ei_vakuutusta", "vapaaehtoinen"], m, p=[0.6, 0.1, 0.25, 0.05]),
        "yrittajan_tyotulo": np.round(rng.uniform(9500, 90000, m), 2),
        "yrittajan_verotettu_tulo": np.round(rng.uniform(0, 40000, m), 2),
    }
    muuttujat = tbs.variables
    if "ennakonpidatysperuste" in muuttujat:
        vak["ennakonpidatysperuste"] = rng.choice(
            ["ei_tietoja", "palkan_verokortti", "etuuden_verokortti", "lahdeverokortti"], n, p=[0.1, 0.75, 0.1, 0.05]
        )
        vak["ennakonpidatysprosentti"] = np.round(rng.uniform(5, 35, n), 1)
    if "ulosotto_maksukielto" in muuttujat:
        vak["ulosotto_maksukielto"] = rng.random(n) < 0.05
        vak["ulosotto_huollettavat"] = rng.integers(0, 3, n)
    if "tyonantajan_maksama_palkka" in muuttujat:
        maksaa = (~yrittaja) & (rng.random(m) < 0.5)
        tyo["tyonantajan_maksama_palkka"] = np.where(maksaa, np.round(tyo["ansionmenetys"] * 0.3, 2), 0.0)
        omat_alut = alkaa[kuuluu]
        tyo["palkallinen_vapaa_alkaa"] = np.where(maksaa, omat_alut, np.datetime64("9999-12-31"))
        tyo["palkallinen_vapaa_paattyy"] = np.where(maksaa, omat_alut + 9, np.datetime64("1970-01-01"))
        tyo["tyonantajan_tunnus"] = np.where(maksaa, "0737546-2", "")
    return vak, tyo


def mittaa(tbs, vak, tyo, kuukausi, muuttujat, tyon_muuttujat=()) -> tuple[float, float]:
    sim = rakenna_simulaatio(tbs, vak, tyo, [kuukausi])
    alku = time.perf_counter()
    summa = 0.0
    for nimi in muuttujat:
        arvot = sim.calculate(nimi, kuukausi)
        summa += float(np.asarray(arvot, dtype=np.float64).sum())
    for nimi in tyon_muuttujat:
        sim.calculate(nimi, kuukausi)
    return time.perf_counter() - alku, summa


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--henkiloita", type=int, default=1_000_000, help="number of insured persons")
    parser.add_argument("--kuukausi", default="2024-03")
    parser.add_argument("--siemen", type=int, default=2024)
    args = parser.parse_args(argv)

    tbs = CountryTaxBenefitSystem()
    t0 = time.perf_counter()
    vak, tyo = populaatio(args.henkiloita, args.kuukausi, args.siemen, tbs)
    rakennus = time.perf_counter() - t0
    n = args.henkiloita
    print(f"population: {n:,} insured, {len(tyo['vakuutettu']):,} earning activities (built in {rakennus:.2f} s)")

    aika, _ = mittaa(tbs, vak, tyo, args.kuukausi, YDIN)
    print(f"core (entitlement, amount, days, gross): {aika:.2f} s, {n / aika:,.0f} insured/s")
    ketju = [v for v in KETJU if v in tbs.variables]
    ketju_tyo = [v for v in KETJU_TYO if v in tbs.variables]
    if len(ketju) == len(KETJU):
        aika, _ = mittaa(tbs, vak, tyo, args.kuukausi, ketju, ketju_tyo)
        print(f"whole chain (… split, tax, distraint, net): {aika:.2f} s, {n / aika:,.0f} insured/s")
    else:
        print("whole chain: skipped (payment variables not in this build)")
    huippu = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    print(f"peak memory: {huippu:.2f} GiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
