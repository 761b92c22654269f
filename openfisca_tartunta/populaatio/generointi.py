"""A seeded synthetic population: who has a communicable-disease decision in a month.

`tartunta populaatio --koko N --siemen S --kuukausi 2024-03 --kohde DIR` writes
two Parquet tables with the contract's input columns (CONTRACT.md):

- `vakuutetut.parquet`: one row per insured person, plus `vakuutettu_id` and the
  sampling weight `paino`;
- `ansiotyot.parquet`: one row per earning activity, plus `ansiotyo_id` and the
  structural columns `vakuutettu` (row number in vakuutetut) and `rooli`.

The sample stands for the insured persons with a decision (or an application)
in force during the month.  Every number below is a **synthetic assumption**
chosen to be plausible and to exercise every rule; nothing is calibrated to
Kela's statistics, which are not in the sources.

| topic | assumption |
|---|---|
| weights | `paino` ~ Gamma(4, 0.25), normalised to mean 1 in each block and scaled so they sum to `--edustaa` (default N) |
| decision | 45 % quarantine, 25 % isolation, 15 % absence order, 12 % child kept at home, 3 % no valid decision |
| duration | quarantine 5/7/10/14 days, isolation 5/7/10, child 3–14, absence order 5–21 or (25 %) long, median 45 days, ≤ 365 |
| timing | every decision overlaps the month (start uniform so that it does); not before 2017-01-01 |
| child | the guardian's child is under 16 in 95 % of child decisions (16–17 otherwise: not entitled) |
| insured | 99.5 % insured under SVL |
| activities | 0/1/2/3/4 with 3/55/30/10/2 % (≈ 1.53 each); the first is self-employment in 10 %, others in 8 % |
| pay | main job log-normal, median 3 300 €/month (σ 0.45); other jobs median 900 € (σ 0.7); 50–40 000 € |
| estimate | 4 % without a reliable estimate (`edeltava_palkka` = pay × U(0.85, 1.10) is used) |
| other work | 3 % lower-paid replacement work (20–90 % of pay), 0.5 % equal pay (no loss) |
| employer pays | main job 35 %, others 15 %: paid leave from the decision's start to its end (70 %) or for 1–14 days; absence pay = pay / 25 × the leave's arkipäivät in the month × U(0.70, 1.05) |
| employers | a pool of N / 20 Y-tunnukset (valid check digits), sizes skewed (index = pool × U²); 1 % foreign employers with Kela's 999 id |
| entrepreneurs | YEL 62 % (median 28 000 €/yr), MYEL 13 % (20 000 €), voluntary 3 % (15 000 €), none 22 % (taxed income median 5 000 €; 10 % of those over 10 000 € neglected) |
| annual leave | 3 % have leave: a share U(0.1, 1) of the decision's arkipäivät in each month (at least 1) |
| restriction | 0.3 % have days in prison or service, likewise |
| blocking | 1 % a pension from the 1st of the month after the start, 0.5 % a rehabilitation benefit during the decision, 2 % working pensioners |
| application | 85 % on time (not given); 15 % arrive a log-normal median 25 days after the start; 20 % of those late ones accepted |
| tax card | wage card 70 %, benefit card 8 %, none 18 %, source tax 4 %; rate ≈ 7 + 0.48 % per 100 € of monthly income above 1 000 € (noise σ 2, 0–50 %); additional rate +10–20 (≤ 60); an income limit for 80 % of cards |
| distraint | 4 % under a payment prohibition; dependants 0/1/2/3 with 60/20/12/8 %; 40 % other net income 200–1 500 €; 10 % a fixed amount 50–400 €; 8 % a free month |

Month-dependent counts (annual leave, restriction days, absence pay, income
counted against the card's limit) are for the generated month; with
`--kuukausia K` the population covers K months from `--kuukausi` (decisions
still overlap the first) and these four inputs are written per month as
`name@YYYY-MM` columns, which `tartunta simuloi` sets for that month only.

Deterministic: the same size, seed and month always give the same tables.  The
population is generated in blocks of `OSAN_KOKO` insured (block *i* uses the
random stream `(seed, i)`), so memory stays flat for 10 million and the result
does not depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from openfisca_tartunta import kalenteri
from openfisca_tartunta.luettelot import Ennakonpidatysperuste, EstavaEtuus, PoissaolonPeruste, Yrittajavakuutus

#: Insured per generated block (fixed: the output must not depend on memory).
OSAN_KOKO = 250_000
#: Rows per Parquet row group (the Dask run partitions along these).
RIVIRYHMA = 125_000

PERUSTEET = [e.name for e in PoissaolonPeruste]
VAKUUTUKSET = [e.name for e in Yrittajavakuutus]
PIDATYSPERUSTEET = [e.name for e in Ennakonpidatysperuste]
ROOLIT = ["palkkatyo", "yritystoiminta"]

_PERUSTE = {nimi: i for i, nimi in enumerate(PERUSTEET)}
_VAKUUTUS = {nimi: i for i, nimi in enumerate(VAKUUTUKSET)}
_PIDATYS = {nimi: i for i, nimi in enumerate(PIDATYSPERUSTEET)}
ETUUDET = [e.name for e in EstavaEtuus]
_ETUUS = {nimi: i for i, nimi in enumerate(ETUUDET)}
_ALIN_PAIVA = np.datetime64("2017-01-01", "D")
_YTUNNUS_PAINOT = np.array([7, 9, 10, 5, 8, 4, 2])


# --- employers ---------------------------------------------------------------------


def _ytunnukset(rng: np.random.Generator, maara: int) -> np.ndarray:
    """`maara` distinct valid Y-tunnukset (NNNNNNN-C; check digit as in stdnum.fi.ytunnus)."""
    luvut = np.unique(rng.integers(1_000_000, 10_000_000, size=int(maara * 1.4) + 20))
    numerot = (luvut[:, None] // 10 ** np.arange(6, -1, -1)) % 10
    jaannos = (numerot @ _YTUNNUS_PAINOT) % 11
    kelpaa = jaannos != 1  # remainder 1 has no check digit
    luvut, jaannos = luvut[kelpaa], jaannos[kelpaa]
    valitut = rng.permutation(luvut.size)[:maara]
    if valitut.size < maara:  # pragma: no cover - 1.4 × oversampling leaves ample room
        raise RuntimeError("could not draw enough distinct Y-tunnukset")
    tarkiste = np.where(jaannos[valitut] == 0, 0, 11 - jaannos[valitut])
    return np.char.add(np.char.add(np.char.zfill(luvut[valitut].astype(str), 7), "-"), tarkiste.astype(str))


def tyonantajat(koko: int, siemen: int) -> tuple[np.ndarray, int]:
    """The employer-id dictionary: "" (self-employment), domestic Y-tunnukset, foreign 999 ids.

    Returns the ids and the number of domestic ones (they follow the "" at index 0).
    """
    rng = np.random.default_rng([siemen, 1_000_003])
    kotimaiset = max(50, koko // 20)
    ulkomaiset = max(3, kotimaiset // 100)
    ulko = np.unique(rng.integers(0, 1_000_000, size=ulkomaiset * 2))[:ulkomaiset]
    ulko_tunnukset = np.char.add("999", np.char.zfill(ulko.astype(str), 6))
    return np.concatenate([[""], _ytunnukset(rng, kotimaiset), ulko_tunnukset]), kotimaiset


# --- one block ---------------------------------------------------------------------


def _lognormaali(rng, mediaani, sigma, koko, ala, yla):
    return np.clip(rng.lognormal(np.log(mediaani), sigma, koko), ala, yla)


def _kuukausi(kuukausi: str) -> tuple[np.datetime64, np.datetime64]:
    kk = np.datetime64(kuukausi, "M")
    return kk.astype("datetime64[D]"), (kk + 1).astype("datetime64[D]") - 1


def _kuukausittain(nimi: str, arvot: list, kuukaudet: list[str]) -> dict:
    """One plain column for a single month; `nimi@YYYY-MM` columns for several."""
    if len(kuukaudet) == 1:
        return {nimi: arvot[0]}
    return {f"{nimi}@{kk}": a for kk, a in zip(kuukaudet, arvot)}


def _osa(
    rng: np.random.Generator, n: int, kuukaudet: list[str], tunnukset: np.ndarray, kotimaisia: int
) -> tuple[dict, dict]:
    """Columns of `n` insured and their activities (row numbers local to the block)."""
    kk_alku, kk_loppu = _kuukausi(kuukaudet[0])
    rajat = [_kuukausi(kk) for kk in kuukaudet]
    kk_pituus = int((kk_loppu - kk_alku).astype(int)) + 1

    # --- the decision
    peruste = rng.choice(
        [_PERUSTE[p] for p in ("ei_paatosta", "tyosta_poissaolo", "karanteeni", "eristaminen", "lapsen_kotona_pito")],
        size=n,
        p=[0.03, 0.15, 0.45, 0.25, 0.12],
    ).astype(np.int8)
    pitka = rng.random(n) < 0.25
    kesto = np.select(
        [
            peruste == _PERUSTE["eristaminen"],
            peruste == _PERUSTE["lapsen_kotona_pito"],
            (peruste == _PERUSTE["tyosta_poissaolo"]) & pitka,
            peruste == _PERUSTE["tyosta_poissaolo"],
        ],
        [
            rng.choice([5, 7, 10], size=n, p=[0.3, 0.4, 0.3]),
            rng.integers(3, 15, size=n),
            np.minimum(np.round(rng.lognormal(np.log(45), 0.6, n)), 365).astype(np.int64),
            rng.integers(5, 22, size=n),
        ],
        default=rng.choice([5, 7, 10, 14], size=n, p=[0.15, 0.25, 0.35, 0.25]),
    ).astype(np.int64)
    kesto = np.maximum(kesto, 1)
    alku = kk_alku + rng.integers(-(kesto - 1), kk_pituus)  # every decision overlaps the month
    alku = np.maximum(alku, _ALIN_PAIVA)
    loppu = alku + (kesto - 1)
    on_paatos = peruste != _PERUSTE["ei_paatosta"]
    lapsi = peruste == _PERUSTE["lapsen_kotona_pito"]
    lapsen_ika = np.where(
        lapsi, np.where(rng.random(n) < 0.95, rng.integers(0, 16, n), rng.integers(16, 18, n)), 0
    ).astype(np.int32)
    # annual leave and payment restriction: date ranges inside the decision (the restriction after the leave)
    lomalla, esteessa = rng.random(n) < 0.03, rng.random(n) < 0.003
    loma_alku = alku + rng.integers(0, kesto)
    loma_loppu = np.minimum(loma_alku + rng.integers(0, 14, n), loppu)
    este_alku = np.where(lomalla, loma_loppu + 1, alku) + rng.integers(0, kesto)
    este_loppu = este_alku + rng.integers(0, 30, n)

    # blocking benefits and working pensioners (1.4, 1.4.5)
    r = rng.random(n)
    elake = r < 0.01
    kuntoutus = (r >= 0.01) & (r < 0.015)
    tyossa = (r >= 0.015) & (r < 0.035)
    kuukauden_alku_jalkeen = (alku.astype("datetime64[M]") + 1).astype("datetime64[D]")
    elake_alkanut = ((alku - rng.integers(30, 3000, n)).astype("datetime64[M]")).astype("datetime64[D]")  # 1st of a month (1.4.5)
    estava = np.select(
        [elake, kuntoutus, tyossa],
        [kuukauden_alku_jalkeen, alku + rng.integers(0, kesto), elake_alkanut],
        default=kalenteri.EI_PAIVAA,
    )
    estava_annettu = elake | kuntoutus | tyossa
    estava_tyyppi = np.where(kuntoutus, _ETUUS["kelan_kuntoutusraha"], np.where(estava_annettu, _ETUUS["vanhuuselake"], 0))
    estava_loppu = estava + rng.integers(5, 60, n)  # a rehabilitation allowance ends; a pension does not

    # application period (1.5.3)
    haettu = rng.random(n) < 0.15
    hakemus = alku + np.round(rng.lognormal(np.log(25), 0.8, n)).astype(np.int64)
    hyvaksytty = haettu & (rng.random(n) < 0.2)

    # --- earning activities
    tyoja = rng.choice([0, 1, 2, 3, 4], size=n, p=[0.03, 0.55, 0.30, 0.10, 0.02])
    m = int(tyoja.sum())
    kuuluu = np.repeat(np.arange(n, dtype=np.int64), tyoja)
    jarjestys = np.arange(m) - np.repeat(np.cumsum(tyoja) - tyoja, tyoja)
    ensimmainen = jarjestys == 0
    yrittaja = rng.random(m) < np.where(ensimmainen, 0.10, 0.08)
    palkkatyo = ~yrittaja

    palkka = np.round(
        np.where(ensimmainen, _lognormaali(rng, 3300, 0.45, m, 50, 40_000), _lognormaali(rng, 900, 0.7, m, 50, 40_000)), 2
    )
    palkka = np.where(palkkatyo, palkka, 0.0)
    selvitetty = rng.random(m) >= 0.04
    edeltava = np.round(palkka * rng.uniform(0.85, 1.10, m), 2)
    r = rng.random(m)
    korvaava = np.round(np.select([r < 0.03, r < 0.035], [palkka * rng.uniform(0.2, 0.9, m), palkka], 0.0), 2)

    # the employer's paid leave and absence pay (1.3.2.3)
    maksaa = palkkatyo & on_paatos[kuuluu] & (rng.random(m) < np.where(ensimmainen, 0.35, 0.15))
    v_alkaa = alku[kuuluu]
    v_paattyy = np.where(rng.random(m) < 0.7, loppu[kuuluu], np.minimum(v_alkaa + rng.integers(0, 14, m), loppu[kuuluu]))
    palkan_kerroin = rng.uniform(0.70, 1.05, m)
    maksettu = [
        np.where(
            maksaa,
            np.round(palkka / 25 * kalenteri.arkipaivat(np.maximum(v_alkaa, a), np.minimum(v_paattyy, b)) * palkan_kerroin, 2),
            0.0,
        )
        for a, b in rajat
    ]

    ulkomainen = rng.random(m) < 0.01
    kotimainen = 1 + np.floor(kotimaisia * rng.random(m) ** 2).astype(np.int64)
    ulkomaisia = tunnukset.size - 1 - kotimaisia
    ulko = 1 + kotimaisia + rng.integers(0, ulkomaisia, m)
    tunnus = np.where(palkkatyo, np.where(ulkomainen, ulko, kotimainen), 0).astype(np.int32)

    vakuutus = np.where(
        yrittaja,
        rng.choice(
            [_VAKUUTUS[v] for v in ("ei_vakuutusta", "yel", "myel", "vapaaehtoinen")], size=m, p=[0.22, 0.62, 0.13, 0.03]
        ),
        _VAKUUTUS["ei_vakuutusta"],
    ).astype(np.int8)
    tyotulo = np.round(
        np.select(
            [vakuutus == _VAKUUTUS["yel"], vakuutus == _VAKUUTUS["myel"], vakuutus == _VAKUUTUS["vapaaehtoinen"]],
            [
                _lognormaali(rng, 28_000, 0.6, m, 8_000, 260_000),
                _lognormaali(rng, 20_000, 0.5, m, 4_000, 150_000),
                _lognormaali(rng, 15_000, 0.5, m, 3_000, 100_000),
            ],
            0.0,
        ),
        2,
    )
    ei_vakuutusta = yrittaja & (vakuutus == _VAKUUTUS["ei_vakuutusta"])
    verotettu = np.round(np.where(ei_vakuutusta, _lognormaali(rng, 5_000, 0.9, m, 0, 120_000), 0.0), 2)
    laiminlyonti = ei_vakuutusta & (verotettu > 10_000) & (rng.random(m) < 0.10)

    # --- tax card (1.9.3) and distraint (1.9.2.9), from the insured's monthly income
    tulot = np.bincount(kuuluu, weights=np.where(palkkatyo, palkka, (tyotulo + verotettu) / 12), minlength=n)
    pidatysperuste = rng.choice(
        [_PIDATYS[p] for p in ("ei_tietoja", "palkan_verokortti", "etuuden_verokortti", "lahdeverokortti")],
        size=n,
        p=[0.18, 0.70, 0.08, 0.04],
    ).astype(np.int8)
    kortti = (pidatysperuste == _PIDATYS["palkan_verokortti"]) | (pidatysperuste == _PIDATYS["etuuden_verokortti"])
    prosentti = np.clip(np.round((7 + 0.0048 * (tulot - 1000) + rng.normal(0, 2, n)) * 2) / 2, 0, 50)
    prosentti = np.where(kortti, prosentti, 0.0)
    lisaprosentti = np.where(kortti, np.minimum(prosentti + np.round(rng.uniform(10, 20, n) * 2) / 2, 60), 0.0)
    raja = kortti & (rng.random(n) < 0.8)
    tuloraja = np.where(raja, np.round(12 * tulot * rng.uniform(0.9, 1.3, n), -2), 0.0)
    kertyman_kerroin = rng.uniform(0.8, 1.1, n)
    # income counted against the limit before the month: the year's earlier months
    kertyma = [np.where(raja, np.round((int(kk[5:7]) - 1) * tulot * kertyman_kerroin, 2), 0.0) for kk in kuukaudet]
    oma = np.where(
        (pidatysperuste != _PIDATYS["ei_tietoja"]) & (rng.random(n) < 0.02),
        np.minimum(np.maximum(prosentti, 25) + np.round(rng.uniform(5, 15, n)), 60),
        0.0,
    )
    kielto = rng.random(n) < 0.04
    huollettavat = np.where(kielto, rng.choice([0, 1, 2, 3], size=n, p=[0.6, 0.2, 0.12, 0.08]), 0).astype(np.int32)
    muut_tulot = np.where(kielto & (rng.random(n) < 0.4), np.round(rng.uniform(200, 1500, n), 2), 0.0)
    vakiomaara = np.where(kielto & (rng.random(n) < 0.1), np.round(rng.uniform(50, 400, n)), 0.0)
    vapaakuukausi = kielto & (rng.random(n) < 0.08)
    paino = rng.gamma(4.0, 0.25, n)
    paino = paino / paino.mean()  # mean exactly 1 in every block: the weights sum to the size

    vakuutetut = {
        "paino": paino,
        "sairausvakuutettu": rng.random(n) >= 0.005,
        "poissaolon_peruste": peruste,
        "poissaolo_alkaa": alku,
        "poissaolo_paattyy": loppu,
        "lapsen_ika": lapsen_ika,
        "vuosiloma_1_alkaa": (loma_alku, ~(lomalla & on_paatos)),
        "vuosiloma_1_paattyy": (loma_loppu, ~(lomalla & on_paatos)),
        "estava_etuus_1": estava_tyyppi.astype(np.int8),
        "estava_etuus_1_alkaa": (estava, ~estava_annettu),
        "estava_etuus_1_paattyy": (estava_loppu, ~kuntoutus),
        "tyoskentelee_elakkeella": tyossa,
        "maksueste_1_alkaa": (este_alku, ~(esteessa & on_paatos)),
        "maksueste_1_paattyy": (este_loppu, ~(esteessa & on_paatos)),
        "hakemus_saapunut": (hakemus, ~haettu),
        "myohastyminen_hyvaksytty": hyvaksytty,
        "ennakonpidatysperuste": pidatysperuste,
        "ennakonpidatysprosentti": prosentti,
        "ennakonpidatys_lisaprosentti": lisaprosentti,
        "ennakonpidatys_tuloraja": tuloraja,
        **_kuukausittain("ennakonpidatys_tulokertyma", kertyma, kuukaudet),
        "ennakonpidatys_oma_prosentti": oma,
        "kohdistuu_edelliseen_vuoteen": np.zeros(n, dtype=bool),
        "ulosotto_maksukielto": kielto,
        "ulosotto_huollettavat": huollettavat,
        "ulosotto_muut_nettotulot": muut_tulot,
        "ulosotto_vakiomaara": vakiomaara,
        "ulosotto_vapaakuukausi": vapaakuukausi,
    }
    ansiotyot = {
        "vakuutettu": kuuluu,
        "rooli": yrittaja.astype(np.int8),
        "ansionmenetys": palkka,
        "ansionmenetys_selvitetty": selvitetty | yrittaja,
        "edeltava_palkka": np.where(palkkatyo, edeltava, 0.0),
        "korvaavan_tyon_palkka": korvaava,
        **_kuukausittain("tyonantajan_maksama_palkka", maksettu, kuukaudet),
        "palkallinen_vapaa_alkaa": (v_alkaa, ~maksaa),
        "palkallinen_vapaa_paattyy": (v_paattyy, ~maksaa),
        "tyonantajan_tunnus": tunnus,
        "yrittajavakuutus": vakuutus,
        "yrittajan_tyotulo": tyotulo,
        "yrittajan_verotettu_tulo": verotettu,
        "vakuuttamisen_laiminlyonti": laiminlyonti,
    }
    return vakuutetut, ansiotyot


# --- Arrow tables ----------------------------------------------------------------------

_SANASTOT = {
    "poissaolon_peruste": PERUSTEET,
    "ennakonpidatysperuste": PIDATYSPERUSTEET,
    "rooli": ROOLIT,
    "yrittajavakuutus": VAKUUTUKSET,
    "estava_etuus_1": ETUUDET,
}


def _sarake(nimi: str, arvot, tunnukset: np.ndarray) -> pa.Array:
    if isinstance(arvot, tuple):  # (dates, mask of "not given")
        paivat, puuttuu = arvot
        return pa.array(np.asarray(paivat, dtype="datetime64[D]"), type=pa.date32(), mask=np.asarray(puuttuu))
    if nimi in _SANASTOT:
        return pa.DictionaryArray.from_arrays(pa.array(arvot, type=pa.int8()), pa.array(_SANASTOT[nimi], type=pa.string()))
    if nimi == "tyonantajan_tunnus":  # only the ids this block uses: Parquet stores a dictionary per row group
        kaytetyt, paikat = np.unique(arvot, return_inverse=True)
        return pa.DictionaryArray.from_arrays(
            pa.array(paikat.astype(np.int32), type=pa.int32()), pa.array(tunnukset[kaytetyt], type=pa.string())
        )
    if np.asarray(arvot).dtype.kind == "M":
        return pa.array(np.asarray(arvot, dtype="datetime64[D]"), type=pa.date32())
    return pa.array(arvot)


def _taulu(sarakkeet: dict, tunnukset: np.ndarray, metatiedot: dict) -> pa.Table:
    taulu = pa.table({nimi: _sarake(nimi, arvot, tunnukset) for nimi, arvot in sarakkeet.items()})
    return taulu.replace_schema_metadata({b"tartunta": json.dumps(metatiedot).encode()})


def _kuukaudet(kuukausi: str, kuukausia: int) -> list[str]:
    if kuukausia < 1:
        raise ValueError(f"--kuukausia must be at least 1, got {kuukausia}")
    alku = np.datetime64(kuukausi, "M")
    return [str(alku + i) for i in range(kuukausia)]


def _osat(koko: int, siemen: int, kuukaudet: list[str], edustaa: float | None):
    """Yield (vakuutetut, ansiotyot) Arrow tables block by block, with global ids and row numbers."""
    tunnukset, kotimaisia = tyonantajat(koko, siemen)
    kerroin = (edustaa / koko) if edustaa else 1.0
    metatiedot = {"koko": koko, "siemen": siemen, "kuukaudet": kuukaudet, "edustaa": edustaa or koko}
    vak_alku = tyo_alku = 0
    for i, alku in enumerate(range(0, koko, OSAN_KOKO)):
        n = min(OSAN_KOKO, koko - alku)
        vak, tyo = _osa(np.random.default_rng([siemen, i]), n, kuukaudet, tunnukset, kotimaisia)
        vak["paino"] = vak["paino"] * kerroin
        m = len(tyo["vakuutettu"])
        vak = {"vakuutettu_id": np.arange(vak_alku, vak_alku + n, dtype=np.int64), **vak}
        tyo["vakuutettu"] = tyo["vakuutettu"] + vak_alku
        tyo = {"ansiotyo_id": np.arange(tyo_alku, tyo_alku + m, dtype=np.int64), **tyo}
        yield _taulu(vak, tunnukset, metatiedot), _taulu(tyo, tunnukset, metatiedot)
        vak_alku += n
        tyo_alku += m


def _kerroin_oikein(koko: int, edustaa: float | None) -> None:
    if koko < 1:
        raise ValueError(f"--koko must be at least 1, got {koko}")
    if edustaa is not None and not edustaa > 0:
        raise ValueError(f"--edustaa must be positive, got {edustaa}")


def generoi(
    koko: int, siemen: int = 0, kuukausi: str = "2024-03", edustaa: float | None = None, kuukausia: int = 1
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The population as two DataFrames (in memory; the same rows `kirjoita` writes)."""
    _kerroin_oikein(koko, edustaa)
    kuukaudet = _kuukaudet(kuukausi, kuukausia)
    vak, tyo = zip(*_osat(koko, siemen, kuukaudet, edustaa))
    return (
        pa.concat_tables(vak).to_pandas(date_as_object=False),
        pa.concat_tables(tyo).to_pandas(date_as_object=False),
    )


def kirjoita(
    koko: int,
    siemen: int,
    kuukausi: str,
    kohde,
    edustaa: float | None = None,
    edistyminen: bool = False,
    kuukausia: int = 1,
) -> dict:
    """Write `vakuutetut.parquet` and `ansiotyot.parquet` into `kohde` (atomically: temp files, then rename)."""
    _kerroin_oikein(koko, edustaa)
    kuukaudet = _kuukaudet(kuukausi, kuukausia)
    kohde = Path(kohde)
    kohde.parent.mkdir(parents=True, exist_ok=True)
    valiaikainen = Path(tempfile.mkdtemp(prefix=".tartunta-populaatio-", dir=kohde.parent))
    rivit = {"vakuutetut": 0, "ansiotyot": 0}
    try:
        kirjoittajat: dict[str, pq.ParquetWriter] = {}
        osia = -(-koko // OSAN_KOKO)
        from tqdm import tqdm

        for vak, tyo in tqdm(
            _osat(koko, siemen, kuukaudet, edustaa), total=osia, unit="osa", desc="populaatio", disable=not edistyminen
        ):
            for nimi, taulu in (("vakuutetut", vak), ("ansiotyot", tyo)):
                if nimi not in kirjoittajat:
                    kirjoittajat[nimi] = pq.ParquetWriter(valiaikainen / f"{nimi}.parquet", taulu.schema)
                # insured in row groups of RIVIRYHMA (the Dask partitions follow them); a block's
                # activities in one row group (one dictionary of employer ids per block)
                koko_ryhma = RIVIRYHMA if nimi == "vakuutetut" else max(taulu.num_rows, 1)
                kirjoittajat[nimi].write_table(taulu, row_group_size=koko_ryhma)
                rivit[nimi] += taulu.num_rows
        for kirjoittaja in kirjoittajat.values():
            kirjoittaja.close()
        kohde.mkdir(parents=True, exist_ok=True)
        for nimi in ("vakuutetut", "ansiotyot"):
            os.replace(valiaikainen / f"{nimi}.parquet", kohde / f"{nimi}.parquet")
    finally:
        shutil.rmtree(valiaikainen, ignore_errors=True)
    return {"kohde": str(kohde), "kuukaudet": kuukaudet, "siemen": siemen, **rivit}


# --- command line ----------------------------------------------------------------------


def lisaa_argumentit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--koko", type=int, required=True, help="number of insured persons (10 … 10 000 000 and more)")
    parser.add_argument("--siemen", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--kuukausi", required=True, help="the month the decisions are in force, YYYY-MM")
    parser.add_argument("--kohde", required=True, help="folder for vakuutetut.parquet and ansiotyot.parquet")
    parser.add_argument(
        "--kuukausia",
        type=int,
        default=1,
        help="months covered from --kuukausi on (default 1); with more, the month-dependent inputs are "
        "written per month as name@YYYY-MM columns",
    )
    parser.add_argument("--edustaa", type=float, default=None, help="scale the weights to sum to this many persons (default: --koko)")
    parser.add_argument("--hiljaa", action="store_true", help="no progress bar")


def suorita(args: argparse.Namespace) -> int:
    from openfisca_tartunta.populaatio.taulut import Taulukkovirhe, tarkista_kuukausi

    try:
        kuukausi = tarkista_kuukausi(args.kuukausi)
        viimeinen = str(np.datetime64(kuukausi, "M") + max(args.kuukausia, 1) - 1)
        tarkista_kuukausi(viimeinen)
        tulos = kirjoita(
            args.koko, args.siemen, kuukausi, args.kohde, args.edustaa, edistyminen=not args.hiljaa, kuukausia=args.kuukausia
        )
    except (Taulukkovirhe, ValueError) as virhe:
        print(f"tartunta populaatio: error: {virhe}", file=sys.stderr)
        return 2
    print(
        f"{tulos['vakuutetut']} insured and {tulos['ansiotyot']} earning activities for {', '.join(tulos['kuukaudet'])} "
        f"(seed {tulos['siemen']}) → {tulos['kohde']}/vakuutetut.parquet, ansiotyot.parquet"
    )
    return 0
