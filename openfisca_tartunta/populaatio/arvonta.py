"""Draws of one block of the synthetic population (the assumptions are tabled in `generointi`).

Each function draws one topic from the block's random stream; `lohko` calls
them in a fixed order, so the same seed always gives the same rows.
"""

from __future__ import annotations

import numpy as np

from openfisca_tartunta import kalenteri
from openfisca_tartunta.luettelot import Ennakonpidatysperuste, EstavaEtuus, PoissaolonPeruste, Yrittajavakuutus
from openfisca_tartunta.paatoksen_ajanjakso import ENSIMMAINEN_PAIVA
from openfisca_tartunta.populaatio.tyonantajat import tunnusindeksit

PERUSTEET = [e.name for e in PoissaolonPeruste]
VAKUUTUKSET = [e.name for e in Yrittajavakuutus]
PIDATYSPERUSTEET = [e.name for e in Ennakonpidatysperuste]
ROOLIT = ["palkkatyo", "yritystoiminta"]
ETUUDET = [e.name for e in EstavaEtuus]

_PERUSTE = {nimi: i for i, nimi in enumerate(PERUSTEET)}
_VAKUUTUS = {nimi: i for i, nimi in enumerate(VAKUUTUKSET)}
_PIDATYS = {nimi: i for i, nimi in enumerate(PIDATYSPERUSTEET)}
_ETUUS = {nimi: i for i, nimi in enumerate(ETUUDET)}


def _lognormaali(rng, mediaani, sigma, koko, ala, yla):
    return np.clip(rng.lognormal(np.log(mediaani), sigma, koko), ala, yla)


def kuukauden_rajat(kuukausi: str) -> tuple[np.datetime64, np.datetime64]:
    kk = np.datetime64(kuukausi, "M")
    return kk.astype("datetime64[D]"), (kk + 1).astype("datetime64[D]") - 1


def kuukausittain(nimi: str, arvot: list, kuukaudet: list[str]) -> dict:
    """One plain column for a single month; `nimi@YYYY-MM` columns for several."""
    if len(kuukaudet) == 1:
        return {nimi: arvot[0]}
    return {f"{nimi}@{kk}": a for kk, a in zip(kuukaudet, arvot)}


def paatokset(rng: np.random.Generator, n: int, kuukausi: str) -> dict:
    """The decision (1.2): its ground, start and end (overlapping `kuukausi`), the child's age."""
    kk_alku, kk_loppu = kuukauden_rajat(kuukausi)
    kk_pituus = int((kk_loppu - kk_alku).astype(int)) + 1
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
    alku = np.maximum(alku, ENSIMMAINEN_PAIVA)
    lapsi = peruste == _PERUSTE["lapsen_kotona_pito"]
    lapsen_ika = np.where(
        lapsi, np.where(rng.random(n) < 0.95, rng.integers(0, 16, n), rng.integers(16, 18, n)), 0
    ).astype(np.int32)
    return {
        "peruste": peruste, "kesto": kesto, "alku": alku, "loppu": alku + (kesto - 1),
        "on_paatos": peruste != _PERUSTE["ei_paatosta"], "lapsen_ika": lapsen_ika,
    }


def lomat_esteet_ja_estavat_etuudet(rng: np.random.Generator, paatos: dict, kuukaudet: list[str]) -> dict:
    """Annual leave (1.3.2.4), payment restrictions (1.9.4) and blocking benefits (1.4, 1.4.5): date-range columns.

    Leave and restriction are ranges inside the decision (the restriction after the leave); a
    rehabilitation allowance has an end, a pension starts on the first of a month and does not end.
    """
    n, alku, loppu, on_paatos, kesto = (
        paatos["alku"].size, paatos["alku"], paatos["loppu"], paatos["on_paatos"], paatos["kesto"]
    )
    lomalla, esteessa = rng.random(n) < 0.03, rng.random(n) < 0.003
    loma_alku = alku + rng.integers(0, kesto)
    loma_loppu = np.minimum(loma_alku + rng.integers(0, 14, n), loppu)
    este_alku = np.where(lomalla, loma_loppu + 1, alku) + rng.integers(0, kesto)
    este_loppu = este_alku + rng.integers(0, 30, n)
    r = rng.random(n)
    elake = r < 0.01
    kuntoutus = (r >= 0.01) & (r < 0.015)
    tyossa = (r >= 0.015) & (r < 0.035)
    kuukauden_alku_jalkeen = (alku.astype("datetime64[M]") + 1).astype("datetime64[D]")
    elake_alkanut = ((alku - rng.integers(30, 3000, n)).astype("datetime64[M]")).astype("datetime64[D]")
    estava = np.select(
        [elake, kuntoutus, tyossa],
        [kuukauden_alku_jalkeen, alku + rng.integers(0, kesto), elake_alkanut],
        default=kalenteri.EI_PAIVAA,
    )
    estava_annettu = elake | kuntoutus | tyossa
    tyyppi = np.where(kuntoutus, _ETUUS["kelan_kuntoutusraha"], np.where(estava_annettu, _ETUUS["vanhuuselake"], 0))
    estava_loppu = estava + rng.integers(5, 60, n)
    loma_puuttuu, este_puuttuu = ~(lomalla & on_paatos), ~(esteessa & on_paatos)
    return {
        "vuosiloma_1_alkaa": (loma_alku, loma_puuttuu),
        "vuosiloma_1_paattyy": (loma_loppu, loma_puuttuu),
        "estava_etuus_1": tyyppi.astype(np.int8),
        "estava_etuus_1_alkaa": (estava, ~estava_annettu),
        "estava_etuus_1_paattyy": (estava_loppu, ~kuntoutus),
        "tyoskentelee_elakkeella": tyossa,
        "maksueste_1_alkaa": (este_alku, este_puuttuu),
        "maksueste_1_paattyy": (este_loppu, este_puuttuu),
    }


def hakemukset(rng: np.random.Generator, paatos: dict) -> dict:
    """The application period (1.5.3): 15 % late, 20 % of those accepted."""
    n = paatos["alku"].size
    haettu = rng.random(n) < 0.15
    hakemus = paatos["alku"] + np.round(rng.lognormal(np.log(25), 0.8, n)).astype(np.int64)
    return {"hakemus_saapunut": (hakemus, ~haettu), "myohastyminen_hyvaksytty": haettu & (rng.random(n) < 0.2)}


def ansiotyot(rng, paatos: dict, kuukaudet: list[str], tunnukset: np.ndarray, kotimaisia: int) -> dict:
    """The earning activities (1.3): pay, the employer's paid leave (1.3.2.3), entrepreneurs (1.3.3)."""
    n, on_paatos, alku, loppu = paatos["alku"].size, paatos["on_paatos"], paatos["alku"], paatos["loppu"]
    tyoja = rng.choice([0, 1, 2, 3, 4], size=n, p=[0.03, 0.55, 0.30, 0.10, 0.02])
    m = int(tyoja.sum())
    kuuluu = np.repeat(np.arange(n, dtype=np.int64), tyoja)
    ensimmainen = (np.arange(m) - np.repeat(np.cumsum(tyoja) - tyoja, tyoja)) == 0
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
        for a, b in (kuukauden_rajat(kk) for kk in kuukaudet)
    ]
    tunnus = tunnusindeksit(rng, palkkatyo, tunnukset, kotimaisia)
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
    return {
        "vakuutettu": kuuluu,
        "rooli": yrittaja.astype(np.int8),
        "ansionmenetys": palkka,
        "ansionmenetys_selvitetty": selvitetty | yrittaja,
        "edeltava_palkka": np.where(palkkatyo, edeltava, 0.0),
        "korvaavan_tyon_palkka": korvaava,
        **kuukausittain("tyonantajan_maksama_palkka", maksettu, kuukaudet),
        "palkallinen_vapaa_alkaa": (v_alkaa, ~maksaa),
        "palkallinen_vapaa_paattyy": (v_paattyy, ~maksaa),
        "tyonantajan_tunnus": tunnus,
        "yrittajavakuutus": vakuutus,
        "yrittajan_tyotulo": tyotulo,
        "yrittajan_verotettu_tulo": verotettu,
        "vakuuttamisen_laiminlyonti": laiminlyonti,
    }


def kuukausitulot(tyot: dict, n: int) -> np.ndarray:
    """Each insured's monthly income: pay, or an entrepreneur's yearly income / 12."""
    palkkatyo = tyot["rooli"] == 0
    tulo = np.where(palkkatyo, tyot["ansionmenetys"], (tyot["yrittajan_tyotulo"] + tyot["yrittajan_verotettu_tulo"]) / 12)
    return np.bincount(tyot["vakuutettu"], weights=tulo, minlength=n)


def verokortit(rng: np.random.Generator, tulot: np.ndarray, kuukaudet: list[str]) -> dict:
    """The tax card (1.9.3), from the insured's monthly income."""
    n = tulot.size
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
    return {
        "ennakonpidatysperuste": pidatysperuste,
        "ennakonpidatysprosentti": prosentti,
        "ennakonpidatys_lisaprosentti": lisaprosentti,
        "ennakonpidatys_tuloraja": tuloraja,
        **kuukausittain("ennakonpidatys_tulokertyma", kertyma, kuukaudet),
        "ennakonpidatys_oma_prosentti": oma,
        "kohdistuu_edelliseen_vuoteen": np.zeros(n, dtype=bool),
    }


def ulosotot(rng: np.random.Generator, n: int) -> dict:
    """Distraint (1.9.2.9): a payment prohibition, dependants, other income, fixed amount, free month."""
    kielto = rng.random(n) < 0.04
    huollettavat = np.where(kielto, rng.choice([0, 1, 2, 3], size=n, p=[0.6, 0.2, 0.12, 0.08]), 0).astype(np.int32)
    muut_tulot = np.where(kielto & (rng.random(n) < 0.4), np.round(rng.uniform(200, 1500, n), 2), 0.0)
    vakiomaara = np.where(kielto & (rng.random(n) < 0.1), np.round(rng.uniform(50, 400, n)), 0.0)
    vapaakuukausi = kielto & (rng.random(n) < 0.08)
    return {
        "ulosotto_maksukielto": kielto,
        "ulosotto_huollettavat": huollettavat,
        "ulosotto_muut_nettotulot": muut_tulot,
        "ulosotto_vakiomaara": vakiomaara,
        "ulosotto_vapaakuukausi": vapaakuukausi,
    }


def lohko(rng: np.random.Generator, n: int, kuukaudet: list[str], tunnukset: np.ndarray, kotimaisia: int) -> tuple[dict, dict]:
    """Columns of `n` insured and their activities (row numbers local to the block)."""
    paatos = paatokset(rng, n, kuukaudet[0])
    lomat = lomat_esteet_ja_estavat_etuudet(rng, paatos, kuukaudet)
    hakemus = hakemukset(rng, paatos)
    tyot = ansiotyot(rng, paatos, kuukaudet, tunnukset, kotimaisia)
    kortti = verokortit(rng, kuukausitulot(tyot, n), kuukaudet)
    ulosotto = ulosotot(rng, n)
    paino = rng.gamma(4.0, 0.25, n)
    vakuutetut = {
        "paino": paino / paino.mean(),  # mean exactly 1 in every block: the weights sum to the size
        "sairausvakuutettu": rng.random(n) >= 0.005,
        "poissaolon_peruste": paatos["peruste"],
        "poissaolo_alkaa": paatos["alku"],
        "poissaolo_paattyy": paatos["loppu"],
        "lapsen_ika": paatos["lapsen_ika"],
        **lomat,
        **hakemus,
        **kortti,
        **ulosotto,
    }
    return vakuutetut, tyot
