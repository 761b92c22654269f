"""The fast paths give exactly what the paths they replace give (issue 12, performance).

Each fast path is compared with the slower, independent way of computing the same thing:
the calendar's per-day tables with `busday_count`/`busday_offset` and the closed forms, the
vectorised ISO-date reader with the per-value regular expression, role masks from codes with
OpenFisca's `has_role`, the distinct dates with `np.unique`, and the orjson answer of /eraajo with
the standard library's.  Numbers that overflow a float are refused by the JSON reader.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from openfisca_tartunta import kalenteri, parametrit, syotteet
from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.palvelin.asetukset import Asetukset
from openfisca_tartunta.palvelin.eraajo import json_runko
from openfisca_tartunta.palvelin.sovellus import luo_sovellus
from openfisca_tartunta.roolit import roolien_summa, roolissa, roolin_summa
from openfisca_tartunta.simulaatio import rakenna_simulaatio
from openfisca_tartunta.tarkistukset import Syottovirhe

RNG = np.random.default_rng(12)
#: Sentinels and the tables' edges: 9999-12-31 ("none"), 1970-01-01 ("not given"), NaT, days just
#: outside the table (1969, 2062) and inside at its ends.
REUNAT = np.array(["9999-12-31", "1970-01-01", "NaT", "1969-12-31", "1969-06-15", "2061-12-31", "2062-01-01",
                   "2062-03-10", "2000-01-01", "2024-02-29"], dtype="datetime64[D]")


def _paivia(n: int) -> np.ndarray:
    return np.concatenate([np.datetime64("1960-01-01") + RNG.integers(0, 40_000, n), REUNAT])


def test_arkipaivat_taulukosta_kuin_busday_count():
    alku = _paivia(100_000)
    loppu = alku + RNG.integers(-40, 400, alku.size)
    alku = np.concatenate([alku, np.repeat(REUNAT, REUNAT.size)])
    loppu = np.concatenate([loppu, np.tile(REUNAT, REUNAT.size)])
    nopea = kalenteri.arkipaivat(alku, loppu)
    assert nopea.dtype == np.int32
    np.testing.assert_array_equal(nopea, kalenteri._arkipaivat_laskien(alku, loppu))
    kk_alku, kk_loppu = np.datetime64("2024-03-01"), np.datetime64("2024-03-31")  # a scalar bound, as the formulas give
    np.testing.assert_array_equal(kalenteri.arkipaivat(np.maximum(alku, kk_alku), np.minimum(loppu, kk_loppu)),
                                  kalenteri._arkipaivat_laskien(np.maximum(alku, kk_alku), np.minimum(loppu, kk_loppu)))
    assert kalenteri.arkipaivat(kk_alku, kk_loppu) == 25  # March 2024: 31 days less 5 Sundays and Good Friday 29.3.


@pytest.mark.parametrize("kuukaudet", [1, 2, 3, 4])
def test_hakuajan_taulukot_kuin_suljettu_muoto(kuukaudet):
    paivat = _paivia(50_000)
    paivat = paivat[~np.isnat(paivat)]
    np.testing.assert_array_equal(kalenteri.hakuajan_maaraaika(paivat, kuukaudet),
                                  kalenteri._hakuajan_maaraaika_laskien(paivat, kuukaudet))
    np.testing.assert_array_equal(kalenteri.aikaisin_haettu_paiva(paivat, kuukaudet),
                                  kalenteri._aikaisin_haettu_paiva_laskien(paivat, kuukaudet))


def test_tyopaivat_ja_vuoden_alku_taulukosta():
    paivat = _paivia(50_000)
    paivat = paivat[~np.isnat(paivat)]
    np.testing.assert_array_equal(kalenteri.seuraava_tyopaiva(paivat), kalenteri._seuraava_tyopaiva_laskien(paivat))
    np.testing.assert_array_equal(kalenteri.edellinen_tyopaiva_ennen(paivat), kalenteri._edellinen_tyopaiva_ennen_laskien(paivat))
    np.testing.assert_array_equal(kalenteri.vuoden_alku(paivat), paivat.astype("datetime64[Y]").astype("datetime64[D]"))
    assert kalenteri.aikaisin_haettu_paiva(np.datetime64("2024-05-02"), 2) == np.datetime64("2024-03-01")  # 0-d in, 0-d out


def test_erilliset_paivat_kuin_unique():
    for jana in (1, 30, 2_000, 10**7):  # the last span is too long for the presence flags
        paivat = np.datetime64("2017-01-01") + RNG.integers(0, jana, 20_000)
        erilliset, paikat = parametrit._erilliset(paivat)
        odotetut, odotetut_paikat = np.unique(paivat, return_inverse=True)
        np.testing.assert_array_equal(erilliset, odotetut)
        np.testing.assert_array_equal(paikat, odotetut_paikat.reshape(paivat.shape))


def _paivateksteja(n: int) -> list[str]:
    paivat = (np.datetime64("0001-01-01") + RNG.integers(0, 3_650_000, n)).astype(str)
    return [p for p in paivat.tolist() if len(p) == 10]


@pytest.mark.parametrize("huono", ["2024-3-04", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00",
                                   "\u0662\u0660\u0662\u0664-03-04", "2024-03-04 ", "", "2024/03/04", "2024-03-0a"])
def test_iso_paivat_hylkaa_kuin_saannollinen_lauseke(huono):
    """A bad value among good ones: refused, naming its row, as the per-value path does."""
    arvot = np.array(["2024-03-04", "2024-02-29", huono], dtype=object)
    with pytest.raises(syotteet.Syotevirhe) as virhe:
        syotteet.tarkista_paivat(arvot, "x")
    assert virhe.value.kentta == "x/2" and virhe.value.arvo == huono
    assert syotteet._iso_paivat(arvot) is None
    with pytest.raises(syotteet.Syotevirhe) as virhe:  # the same in a column long enough for the vectorised reader
        syotteet.tarkista_paivat(np.array(["2024-03-04"] * 40 + [huono], dtype=object), "x")
    assert virhe.value.kentta == "x/40" and virhe.value.arvo == huono


def test_iso_paivat_kuin_numpy():
    tekstit = _paivateksteja(50_000)
    np.testing.assert_array_equal(syotteet.tarkista_paivat(np.array(tekstit, dtype=object), "x"),
                                  np.array(tekstit).astype("datetime64[D]"))


@pytest.fixture(scope="module")
def asiakas():
    return luo_sovellus(Asetukset()).test_client()


@pytest.mark.parametrize("luku", ["1e400", "-2E+999", "1" + "0" * 400 + ".5", "0." + "0" * 10 + "1e-400"])
def test_ylisuuri_luku_hylataan_ilman_eksponenttiakin(asiakas, luku):
    """A number that is not finite as a float is refused (1e400 and a 401-digit number alike);
    1e-400 underflows to 0 and is finite, as Python reads it."""
    runko = '{"ansiotyot": {"t": {"ansionmenetys": {"2024-03": %s}}}, "vakuutetut": {"v": {"palkkatyot": ["t"]}}}' % luku
    r = asiakas.post("/calculate", data=runko, content_type="application/json")
    if luku.endswith("e-400"):
        assert r.status_code == 200, r.get_json()
    else:
        assert r.status_code == 400 and r.get_json()["virhe"] == "virheellinen_json", r.get_json()


def test_tunnuksen_e_kirjain_ei_muuta_vastausta(asiakas):
    """An id with digits and e (as in an exponent) is just a string."""
    tapaus = {"ansiotyot": {"t1e5": {"ansionmenetys": {"2024-03": 2500.5}}},
              "vakuutetut": {"v": {"palkkatyot": ["t1e5"], "poissaolon_peruste": {"ETERNITY": "karanteeni"},
                                   "poissaolo_alkaa": {"ETERNITY": "2024-03-04"}, "poissaolo_paattyy": {"ETERNITY": "2024-03-15"},
                                   "tartuntatautipaivaraha": {"2024-03": None}}}}
    r = asiakas.post("/calculate", json=tapaus)
    assert r.status_code == 200
    # 1.6: 2 500,50 / 25 = 100,02 €/day; 11 arkipäivät 4.–15.3.2024 → 1 100,22 €.
    assert r.get_json()["vakuutetut"]["v"]["tartuntatautipaivaraha"]["2024-03"] == 1100.22


def test_roolit_koodeista_kuin_has_role(tbs):
    n = 500
    tyoja = RNG.integers(0, 4, n)
    kuuluu = np.repeat(np.arange(n), tyoja)
    rooli = np.where(RNG.random(kuuluu.size) < 0.3, "yritystoiminta", "palkkatyo")
    vak = {"poissaolon_peruste": np.array(["karanteeni"] * n)}
    sim = rakenna_simulaatio(tbs, vak, {"vakuutettu": kuuluu, "rooli": rooli}, ["2024-03"])
    tyot, ryhma = sim.populations["ansiotyo"], sim.populations["vakuutettu"]
    for r, nimi in ((Vakuutettu.PALKKATYO, "palkkatyo"), (Vakuutettu.YRITYSTOIMINTA, "yritystoiminta")):
        np.testing.assert_array_equal(roolissa(tyot, r), tyot.has_role(r))
        np.testing.assert_array_equal(roolissa(tyot, r), rooli == nimi)
        arvot = RNG.random(kuuluu.size)
        np.testing.assert_array_equal(roolin_summa(ryhma, arvot, r), ryhma.sum(arvot, role=r))
    # Both roles in one pass: bit for bit the two OpenFisca role sums added (values with many
    # significant bits, so a different order of additions would show), one role alone, no rows.
    arvot = RNG.random(kuuluu.size) * 1e4 / 3
    roolit = (Vakuutettu.PALKKATYO, Vakuutettu.YRITYSTOIMINTA)
    odotettu = ryhma.sum(arvot, role=roolit[0]) + ryhma.sum(arvot, role=roolit[1])
    assert odotettu.view(np.int64).tolist() == roolien_summa(ryhma, arvot, roolit).view(np.int64).tolist()
    assert roolien_summa(ryhma, arvot, roolit[1:]).tolist() == ryhma.sum(arvot, role=roolit[1]).tolist()
    assert (roolien_summa(ryhma, arvot, roolit)[tyoja == 0] == 0).all()


def test_vain_kolmas_estava_etuus_tarkistetaan(tbs):
    """Slots whose inputs hold no value are skipped; a given third slot is still checked (1.4)."""
    vak = {"poissaolon_peruste": np.array(["karanteeni"] * 2),
           "poissaolo_alkaa": np.array(["2024-03-04"] * 2, dtype="datetime64[D]"),
           "poissaolo_paattyy": np.array(["2024-03-15"] * 2, dtype="datetime64[D]"),
           "estava_etuus_3": np.array(["ei_etuutta", "kelan_kuntoutusraha"])}
    tyot = {"vakuutettu": np.array([0, 1]), "rooli": np.array(["palkkatyo"] * 2), "ansionmenetys": np.array([2500.0, 2500.0])}
    sim = rakenna_simulaatio(tbs, vak, tyot, ["2024-03"])
    with pytest.raises(Syottovirhe, match="estava_etuus_3_alkaa.*give the first day of the benefit named in estava_etuus_3"):
        sim.calculate("tartuntatautipaivaraha", "2024-03")


def test_eraajon_vastaus_kuin_json_kirjasto():
    vastaus = {"kuukaudet": ["2024-03"], "vakuutetut": {
        "raha": {"2024-03": np.round(np.array([1320.0, 0.1, 12.345, 1e-7, 123456789.12, 0.0]), 2)},
        "paivat": {"2024-03": np.array([11, 0, 3], dtype=np.int32)},
        "kylla": {"2024-03": np.array([True, False])},
        "nimet": {"2024-03": ["karanteeni", "eristaminen"]}}}
    tavallinen = json.loads(json.dumps(vastaus, default=lambda a: a.tolist()))
    assert json.loads(json_runko(vastaus)) == tavallinen
