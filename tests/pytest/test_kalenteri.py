"""The benefit calendar (openfisca_tartunta.kalenteri) against dates worked out by hand.

Arkipäivät (SVL 1224/2004 1:4 §, guideline 1.9): Monday–Saturday except church holidays,
Independence Day, May Day, Christmas Eve and Midsummer Eve.  Deadlines (1.5.3) move off
Saturdays, Sundays and those holidays to the next working day.
"""

from __future__ import annotations

import numpy as np
import pytest

from openfisca_tartunta import kalenteri

D = np.datetime64


def paivat(*merkit: str) -> np.ndarray:
    return np.array(merkit, dtype="datetime64[D]")


def ei_sunnuntai_pyhat(vuosi: int) -> list[str]:
    pyhat = kalenteri.PYHAPAIVAT[kalenteri.PYHAPAIVAT.astype("datetime64[Y]") == D(str(vuosi), "Y")]
    viikonpaiva = (pyhat.astype("datetime64[D]").view("int64") - 4) % 7  # 0 = Monday
    return [str(p) for p in pyhat[viikonpaiva != 6]]


# Listed by hand from the Finnish calendar (Easter Sunday 31.3.2024 and 20.4.2025).
PYHAT_2024 = [
    "2024-01-01",  # uudenvuodenpäivä, Mon
    "2024-01-06",  # loppiainen, Sat
    "2024-03-29",  # pitkäperjantai
    "2024-04-01",  # 2. pääsiäispäivä
    "2024-05-01",  # vappu, Wed
    "2024-05-09",  # helatorstai (Easter + 39)
    "2024-06-21",  # juhannusaatto, Fri
    "2024-06-22",  # juhannuspäivä, Sat
    "2024-11-02",  # pyhäinpäivä, Sat
    "2024-12-06",  # itsenäisyyspäivä, Fri
    "2024-12-24",  # jouluaatto
    "2024-12-25",  # joulupäivä
    "2024-12-26",  # tapaninpäivä
]
PYHAT_2025 = [
    "2025-01-01",
    "2025-01-06",  # loppiainen, Mon
    "2025-04-18",  # pitkäperjantai
    "2025-04-21",  # 2. pääsiäispäivä
    "2025-05-01",
    "2025-05-29",  # helatorstai
    "2025-06-20",  # juhannusaatto
    "2025-06-21",  # juhannuspäivä
    "2025-11-01",  # pyhäinpäivä, Sat
    "2025-12-06",  # itsenäisyyspäivä, Sat
    "2025-12-24",
    "2025-12-25",
    "2025-12-26",
]


@pytest.mark.parametrize("vuosi, odotettu", [(2024, PYHAT_2024), (2025, PYHAT_2025)])
def test_kaikki_arkipyhat_kasin_listattuina(vuosi, odotettu):
    assert ei_sunnuntai_pyhat(vuosi) == odotettu


@pytest.mark.parametrize(
    "pitkaperjantai, toinen_paasiaispaiva, helatorstai, juhannusaatto, juhannuspaiva, pyhainpaiva",
    [
        # Easter Sunday 21.4.2019; Midsummer Eve the Friday 19.–25.6.; All Saints the Saturday 31.10.–6.11.
        ("2019-04-19", "2019-04-22", "2019-05-30", "2019-06-21", "2019-06-22", "2019-11-02"),
        # Easter Sunday 5.4.2026.
        ("2026-04-03", "2026-04-06", "2026-05-14", "2026-06-19", "2026-06-20", "2026-10-31"),
    ],
)
def test_liikkuvat_pyhat(pitkaperjantai, toinen_paasiaispaiva, helatorstai, juhannusaatto, juhannuspaiva, pyhainpaiva):
    liikkuvat = paivat(pitkaperjantai, toinen_paasiaispaiva, helatorstai, juhannusaatto, juhannuspaiva, pyhainpaiva)
    assert not kalenteri.on_arkipaiva(liikkuvat).any()
    # The days around them are ordinary arkipäivät (Thu before Good Friday, Tue after Easter Monday).
    assert kalenteri.on_arkipaiva(paivat(pitkaperjantai) - 1).all()
    assert kalenteri.on_arkipaiva(paivat(toinen_paasiaispaiva) + 1).all()


def test_tavalliset_paivat_eivat_ole_pyhia():
    # New Year's Eve, 5.12., Midsummer Thursday, the Saturday before Easter, Whit Monday (no holiday
    # in Finland since 1973): all ordinary arkipäivät.
    tavalliset = paivat("2024-12-31", "2024-12-05", "2024-06-20", "2024-03-30", "2024-05-20", "2025-04-19")
    assert kalenteri.on_arkipaiva(tavalliset).all()
    assert not kalenteri.on_arkipaiva(paivat("2024-03-03", "2025-04-20")).any()  # Sundays


@pytest.mark.parametrize(
    "alku, loppu, odotettu",
    [
        ("2024-02-01", "2024-02-29", 25),  # leap February: 29 − 4 Sundays
        ("2024-03-01", "2024-03-31", 25),  # 31 − 5 Sundays − Good Friday
        ("2024-04-01", "2024-04-30", 25),  # 30 − 4 Sundays − Easter Monday
        ("2024-05-01", "2024-05-31", 25),  # 31 − 4 Sundays − May Day − Ascension
        ("2024-06-01", "2024-06-30", 23),  # 30 − 5 Sundays − Midsummer Eve and Day
        ("2024-12-01", "2024-12-31", 22),  # 31 − 5 Sundays − 6., 24., 25., 26.12.
        ("2025-01-01", "2025-01-31", 25),  # 31 − 4 Sundays − 1.1. − 6.1.
        ("2024-01-01", "2024-12-31", 366 - 52 - 13),  # 52 Sundays, 13 holidays on Mon–Sat
        ("2025-01-01", "2025-12-31", 365 - 52 - 13),
        ("2024-03-04", "2024-03-15", 11),
        ("2024-03-10", "2024-03-10", 0),  # a single Sunday
        ("2024-03-09", "2024-03-09", 1),  # a single Saturday
        ("2024-03-15", "2024-03-04", 0),  # empty: end before start
    ],
)
def test_arkipaivat(alku, loppu, odotettu):
    assert int(kalenteri.arkipaivat(D(alku), D(loppu))) == odotettu


def test_arkipaivat_vektorina():
    alut = paivat("2024-02-01", "2024-03-10", "2024-03-15")
    loput = paivat("2024-02-29", "2024-03-10", "2024-03-04")
    assert kalenteri.arkipaivat(alut, loput).tolist() == [25, 0, 0]


@pytest.mark.parametrize(
    "paiva, kuukaudet, odotettu",
    [
        ("2024-02-29", 2, "2024-04-29"),
        ("2024-12-31", 2, "2025-02-28"),
        ("2023-12-31", 2, "2024-02-29"),  # leap year
        ("2024-12-29", 2, "2025-02-28"),
        ("2024-08-31", 1, "2024-09-30"),
        ("2024-11-15", 2, "2025-01-15"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-03-01", 2, "2024-05-01"),
    ],
)
def test_lisaa_kuukausia(paiva, kuukaudet, odotettu):
    assert kalenteri.lisaa_kuukausia(D(paiva), kuukaudet) == D(odotettu)


@pytest.mark.parametrize(
    "paiva, odotettu",
    [
        ("2024-02-29", "2024-04-29"),  # Mon: stays
        ("2024-03-01", "2024-05-02"),  # 1.5. May Day → Thu 2.5.
        ("2024-02-27", "2024-04-29"),  # Sat 27.4. → Mon 29.4.
        ("2024-10-24", "2024-12-27"),  # Christmas Eve, Christmas Day, St Stephen's → Fri 27.12.
        ("2024-04-21", "2024-06-24"),  # Midsummer Eve → Midsummer Day → Sunday → Mon 24.6.
        ("2024-12-31", "2025-02-28"),  # end of February, a Friday
        ("2024-11-01", "2025-01-02"),  # New Year's Day → Thu 2.1.
        ("2025-10-06", "2025-12-08"),  # Independence Day on a Saturday → Mon 8.12.
        ("2024-11-06", "2025-01-07"),  # Epiphany on a Monday → Tue 7.1.
        ("2025-01-31", "2025-03-31"),
    ],
)
def test_hakuajan_maaraaika(paiva, odotettu):
    assert kalenteri.hakuajan_maaraaika(D(paiva), 2) == D(odotettu)


@pytest.mark.parametrize(
    "saapunut, odotettu",
    [
        ("2024-04-30", "2024-03-01"),  # RULES.md: 29.2. late (29.4.), 1.3. on time (2.5.)
        ("2024-05-02", "2024-03-01"),
        ("2024-04-29", "2024-02-27"),  # 27.2. → Sat 27.4. → Mon 29.4.
        ("2024-12-27", "2024-10-24"),  # 24.10. → Christmas Eve → 27.12.
        ("2024-06-24", "2024-04-21"),  # 21.4. → Midsummer Eve → 24.6.
        ("2025-02-28", "2024-12-28"),  # 28.–31.12. → 28.2.
        ("2025-03-01", "2025-01-01"),  # Saturday arrival: 31.12. (deadline Fri 28.2.) is late
        ("2025-03-03", "2025-01-01"),
        ("2024-02-29", "2023-12-29"),  # 29.–31.12.2023 → 29.2.2024
        ("2024-03-01", "2024-01-01"),
    ],
)
def test_aikaisin_haettu_paiva(saapunut, odotettu):
    assert kalenteri.aikaisin_haettu_paiva(D(saapunut), 2) == D(odotettu)


@pytest.mark.parametrize("kuukaudet", [1, 2, 3])
def test_aikaisin_haettu_paiva_on_maaraajan_kaanteisfunktio(kuukaudet):
    """Brute force over every arrival date of 2017–2027: the result D is the smallest day whose
    deadline the application meets (deadline(D) ≥ arrival > deadline(D − 1))."""
    paivat_ = np.arange(D("2016-06-01"), D("2028-01-01"))
    maaraajat = kalenteri.hakuajan_maaraaika(paivat_, kuukaudet)  # every day's deadline, once
    assert (np.diff(maaraajat.astype("int64")) >= 0).all()  # monotone: one earlier late day suffices

    saapumiset = np.arange(D("2017-01-01"), D("2028-01-01"))
    ensimmaiset = kalenteri.aikaisin_haettu_paiva(saapumiset, kuukaudet)
    paikka = (ensimmaiset - paivat_[0]).astype("int64")
    assert (paikka >= 1).all() and (paikka < paivat_.size).all()
    assert (maaraajat[paikka] >= saapumiset).all()
    assert (maaraajat[paikka - 1] < saapumiset).all()
    # The same answer by search over the precomputed deadlines.
    haettu = paivat_[np.searchsorted(maaraajat, saapumiset, side="left")]
    np.testing.assert_array_equal(ensimmaiset, haettu)


def test_seuraava_ja_edellinen_tyopaiva():
    assert kalenteri.seuraava_tyopaiva(D("2024-12-24")) == D("2024-12-27")
    assert kalenteri.seuraava_tyopaiva(D("2024-12-23")) == D("2024-12-23")
    assert kalenteri.edellinen_tyopaiva_ennen(D("2024-12-27")) == D("2024-12-23")
    assert kalenteri.edellinen_tyopaiva_ennen(D("2024-05-02")) == D("2024-04-30")


def test_kalenteri_kattaa_vuodet():
    vuodet = np.unique(kalenteri.PYHAPAIVAT.astype("datetime64[Y]").astype(int) + 1970)
    assert vuodet.min() <= 2017 and vuodet.max() >= 2040


def test_paivanumeroina_ilman_nat_ja_natin_kanssa():
    alku, loppu = paivat("2024-03-01", "9999-12-31"), paivat("1970-01-01", "2024-03-31")
    numerot = kalenteri.paivanumeroina(alku, loppu)
    assert numerot is not None and numerot[0].tolist() == [19783, 2932896] and numerot[1].tolist() == [0, 19813]
    assert np.shares_memory(numerot[0], alku)  # a view, no copy
    assert kalenteri.paivanumeroina(alku, paivat("2024-03-31", "NaT")) is None
    tyhjat = kalenteri.paivanumeroina(paivat())
    assert tyhjat is not None and tyhjat[0].size == 0
    assert kalenteri.paivanumeroina(D("2024-03-01"))[0] == 19783  # a single day too


def _leikkaus_paivina(valit):
    """The intersection's arkipäivät with datetime64's own NaT-aware max, min and comparison (the oracle)."""
    alku, loppu = valit[0]
    for a, b in valit[1:]:
        alku, loppu = np.maximum(alku, a), np.minimum(loppu, b)
    with np.errstate(invalid="ignore"):
        tyhja = ~(alku <= loppu)
    tulos = np.zeros(len(alku), dtype=np.int32)
    tulos[~tyhja] = [np.busday_count(a, b + 1, busdaycal=kalenteri.ARKIKALENTERI) for a, b in zip(alku[~tyhja], loppu[~tyhja])]
    return tulos


@pytest.mark.parametrize("nat", [False, True])
def test_leikkauksen_paivat_kuin_paivina(nat):
    """Day numbers where no date is NaT, dates where one is: the same days either way."""
    from openfisca_tartunta.jaksot import leikkauksen_paivat

    rng = np.random.default_rng(3)
    n = 400

    def paiva():
        p = (np.datetime64("2024-02-20") + rng.integers(0, 50, n)).astype("datetime64[D]")
        if nat:
            p[rng.random(n) < 0.1] = np.datetime64("NaT")
        return p

    valit = [(paiva(), paiva()) for _ in range(3)]
    assert np.array_equal(leikkauksen_paivat(valit), _leikkaus_paivina(valit))
