"""Properties of the payment chain against INDEPENDENT oracles (hypothesis), months 2017–2026.

Each example is one simulation of several insured in one month drawn from 2017–2026 (December,
June and the Easter months over-represented). Every expectation is computed in the test from the
inputs, a hand-written calendar (`datetime` + Easter computus, no `holidays` library) and parameter
values read with `tbs.parameters(...)`; the only model values used are the public outputs being
checked (RULES.md §5, §7, §8):

- gross = round-half-up(Σ lost pay / 25 + YEL income / 300) × paid days, the paid days being the
  decision's arkipäivät in the month less annual leave and payment restrictions (1.6, 1.9, 1.9.4);
- employers together get min(employment part × E, W, gross), never more than the pay they reported
  nor more than the employment part × paid days; shares ≈ T × Wᵢ / W within a cent (1.3.2);
- withholding follows RULES.md §7; with a wage card it is ≥ 25 % of the insured's part when the
  part per paid day exceeds 4 €, and 0 when it does not (1.9.3.4.1);
- the debtor keeps at least the protected amount (debtor + dependants × per-day × 30 for a whole
  month, × covered calendar days otherwise) of the income base (insured part − tax + other net
  income), and the levy equals the 4:49 tier formula × the allowance's share within 0.01 (1.9.2.9).
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openfisca_core.simulation_builder import SimulationBuilder

ENSIMMAINEN = date(2017, 1, 1)
PERUSTEET = ["ei_tietoja", "palkan_verokortti", "etuuden_verokortti", "lahdeverokortti"]
TUNNUKSET = ["0737546-2", "1572860-0", "2617416-4", "999123456"]


from kasikalenteri import arkipaivat, kuukauden_loppu, puoli_ylos  # noqa: E402  (hand-written calendar oracle)


def osuus(arvo) -> Fraction:
    return Fraction(str(arvo))


# --- strategies (money in whole cents) ---------------------------------------------------------------

_sentit = st.integers(min_value=0, max_value=800_000)
_kuukausi = st.builds(
    lambda vuosi, kk: date(vuosi, kk, 1),
    st.integers(2017, 2026),
    st.sampled_from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 12, 6, 6, 4, 5, 11]),
)


def _vakuutettu(kuukausi: date, perusteet=tuple(PERUSTEET)):
    paiva = st.integers(min_value=-10, max_value=40).map(lambda d: max(kuukausi + timedelta(days=d), ENSIMMAINEN))
    tyo = st.fixed_dictionaries(
        {
            # Also small pay (90–150 €/month ≈ 3.60–6 €/day; exactly 4.00 and 4.01 €/day) so the
            # 4 €/day limit is crossed and met exactly.
            "ansionmenetys": st.one_of(_sentit, st.integers(9_000, 15_000), st.sampled_from([10_000, 10_025])),
            # Often ample pay, so that the days (E), not the pay (W), bind the employers' part.
            "palkka": st.one_of(_sentit, st.integers(400_000, 800_000)),
            # Reported paid leave: none, the decision's own dates, any interval, or a short one.
            "vapaa": st.one_of(
                st.none(),
                st.just("paatos"),
                st.tuples(paiva, paiva).map(sorted),
                st.tuples(paiva, st.integers(0, 10)).map(lambda a: (a[0], a[0] + timedelta(days=a[1]))),
            ),
            "tunnus": st.sampled_from(TUNNUKSET),
        }
    )
    return st.fixed_dictionaries(
        {
            "tyot": st.lists(tyo, min_size=1, max_size=3),
            "yel": st.one_of(st.none(), st.integers(min_value=0, max_value=220_000)),  # whole euros
            "paatos": st.tuples(paiva, paiva).map(sorted),
            "peruste": st.sampled_from(perusteet),
            # Rates in tenths of a percent, often below the 25 % floor; the own rate mostly absent.
            "prosentti": st.one_of(st.integers(0, 300), st.integers(0, 1000)),
            "lisa": st.one_of(st.integers(1, 300), st.integers(1, 1000)),  # a card with a limit has one (1.9.3.1)
            "oma": st.one_of(st.just(0), st.just(0), st.integers(min_value=0, max_value=100)),
            "tuloraja": st.sampled_from([0, 5_000, 5_000, 20_000]),
            "kertyma": st.one_of(st.integers(0, 30_000), st.integers(4_000, 6_000), st.integers(19_000, 30_000)),
            "edellinen": st.sampled_from([False, False, False, True]),
            "kielto": st.sampled_from([True, True, True, False]),
            "huollettavat": st.integers(min_value=0, max_value=4),
            # Other net income: euros, or k/10 × the protected amount (k = 0…60) so that the
            # income base falls in every levy tier (up to 2×, 2×–4×, above 4×, the ½ cap).
            "muut": st.one_of(
                st.just(0),
                st.integers(0, 800_000),
                st.one_of(st.integers(0, 60), st.integers(8, 20)).map(lambda k: ("suojaosuutta", k)),
            ),
            "vakio": st.one_of(st.just(0), st.just(0), st.just(0), _sentit),
            "vapaa_kk": st.sampled_from([False, False, False, False, True]),
            # Annual leave and a payment restriction (1.3.2.4, 1.9.4) as date ranges: an offset from
            # the month's start and a length (None = none); the restriction starts after the leave.
            "loma": st.one_of(st.none(), st.none(), st.tuples(st.integers(-5, 30), st.integers(0, 20))),
            "este": st.one_of(st.none(), st.none(), st.tuples(st.integers(1, 10), st.integers(0, 6))),
        }
    )


def _tapaus(perusteet=tuple(PERUSTEET)):
    return _kuukausi.flatmap(
        lambda kk: st.tuples(st.just(kk), st.lists(_vakuutettu(kk, perusteet), min_size=1, max_size=16))
    )


def _vapaa(t: dict, v: dict):
    return v["paatos"] if t["vapaa"] == "paatos" else t["vapaa"]


def _jaksot(kuukausi: date, v: dict) -> tuple[tuple[date, date] | None, tuple[date, date] | None]:
    """The annual leave and the payment restriction as (start, end) dates, or None."""
    loma = este = None
    if v["loma"] is not None:
        alku = kuukausi + timedelta(days=v["loma"][0])
        loma = (alku, alku + timedelta(days=v["loma"][1]))
    if v["este"] is not None:
        alku = (loma[1] if loma else kuukausi) + timedelta(days=v["este"][0])
        este = (alku, alku + timedelta(days=v["este"][1]))
    return loma, este


def _jakson_paivat(jakso) -> set[date]:
    """All calendar days of a range (empty for None)."""
    if jakso is None:
        return set()
    return {jakso[0] + timedelta(days=i) for i in range((jakso[1] - jakso[0]).days + 1)}


def _simulaatio(tbs, kuukausi: date, vakuutetut):
    kk = kuukausi.strftime("%Y-%m")
    ansiotyot, ryhmat = {}, {}
    for i, v in enumerate(vakuutetut):
        palkkatyot = []
        for j, t in enumerate(v["tyot"]):
            nimi = f"t{i}_{j}"
            rivi = {
                "ansionmenetys": {kk: t["ansionmenetys"] / 100},
                "tyonantajan_maksama_palkka": {kk: t["palkka"] / 100},
                "tyonantajan_tunnus": {"ETERNITY": t["tunnus"]},
            }
            if t["vapaa"]:
                rivi["palkallinen_vapaa_alkaa"] = {"ETERNITY": _vapaa(t, v)[0].isoformat()}
                rivi["palkallinen_vapaa_paattyy"] = {"ETERNITY": _vapaa(t, v)[1].isoformat()}
            ansiotyot[nimi] = rivi
            palkkatyot.append(nimi)
        ryhma = {
            "palkkatyot": palkkatyot,
            "poissaolon_peruste": {"ETERNITY": "karanteeni"},
            "poissaolo_alkaa": {"ETERNITY": v["paatos"][0].isoformat()},
            "poissaolo_paattyy": {"ETERNITY": v["paatos"][1].isoformat()},
            "ennakonpidatysperuste": {kk: v["peruste"]},
            "ennakonpidatysprosentti": {kk: v["prosentti"] / 10},
            "ennakonpidatys_lisaprosentti": {kk: v["lisa"] / 10},
            "ennakonpidatys_oma_prosentti": {kk: v["oma"]},
            "ennakonpidatys_tuloraja": {kk: v["tuloraja"]},
            "ennakonpidatys_tulokertyma": {kk: v["kertyma"]},
            "kohdistuu_edelliseen_vuoteen": {kk: v["edellinen"]},
            "ulosotto_maksukielto": {kk: v["kielto"]},
            "ulosotto_huollettavat": {kk: v["huollettavat"]},
            "ulosotto_muut_nettotulot": {kk: _muut(tbs, kuukausi, v) / 100},
            "ulosotto_vakiomaara": {kk: v["vakio"] / 100},
            "ulosotto_vapaakuukausi": {kk: v["vapaa_kk"]},
        }
        loma, este = _jaksot(kuukausi, v)
        for avain, jakso in (("vuosiloma_1", loma), ("maksueste_1", este)):
            if jakso is not None:
                ryhma[f"{avain}_alkaa"] = {"ETERNITY": jakso[0].isoformat()}
                ryhma[f"{avain}_paattyy"] = {"ETERNITY": jakso[1].isoformat()}
        if v["yel"] is not None:
            nimi = f"y{i}"
            ansiotyot[nimi] = {"yrittajavakuutus": {"ETERNITY": "yel"}, "yrittajan_tyotulo": {"ETERNITY": v["yel"]}}
            ryhma["yritystoiminnat"] = [nimi]
        ryhmat[f"v{i}"] = ryhma
    return SimulationBuilder().build_from_entities(tbs, {"ansiotyot": ansiotyot, "vakuutetut": ryhmat})


def _sentit_(arvot):
    return np.rint(np.asarray(arvot, dtype=np.float64) * 100).astype(np.int64)


# --- oracles --------------------------------------------------------------------------------------------


def odotettu_paivaraha(tbs, kuukausi: date, v: dict) -> dict:
    """Paid days, employment part and daily amount (cents), gross, and the employers' total T
    (1.3.2.3, 1.3.2.4, 1.6, 1.7, 1.9, 1.9.4; RULES.md §3, §5). No application-period or blocking
    inputs here. E = min(paid-leave arkipäivät in the window, paid days) is RULES.md §5's reading."""
    p = tbs.parameters(kuukausi.isoformat()).paivaraha
    alku, loppu = v["paatos"]
    ikkuna_alku, ikkuna_loppu = max(alku, kuukausi), min(loppu, kuukauden_loppu(kuukausi))
    ikkuna = arkipaivat(ikkuna_alku, ikkuna_loppu)
    palkat = sum(t["ansionmenetys"] for t in v["tyot"])
    yel = 0
    if v["yel"] is not None:
        yel_max = tbs.parameters(f"{alku.year}-01-01").yrittaja.yel_enimmaistyotulo
        yel = min(v["yel"], yel_max) * 100
    palkkaosa = Fraction(palkat) / osuus(p.palkansaajan_jakaja)
    paivalta = puoli_ylos(palkkaosa + Fraction(yel) / osuus(p.yrittajan_jakaja))
    loma, este = (_jakson_paivat(j) for j in _jaksot(kuukausi, v))
    myonnetyt_pv = ikkuna - loma
    maksetut_pv = myonnetyt_pv - este
    oikeus = paivalta > 0 and len(myonnetyt_pv) > 0
    paivat = len(maksetut_pv) if oikeus else 0
    tyosuhteiden_osa = min(puoli_ylos(palkkaosa), paivalta)

    # E: paid days inside the union of the paying employers' leaves; W: their pay for the same
    # period, pay × paid days of the leave ÷ its arkipäivät in the decision and month (1.3.2.1).
    yhdiste, maksavat = set(), []
    for t in v["tyot"]:
        if t["vapaa"] is None or t["palkka"] == 0 or not oikeus:
            continue
        vapaan = arkipaivat(max(_vapaa(t, v)[0], alku, kuukausi), min(_vapaa(t, v)[1], loppu, kuukauden_loppu(kuukausi)))
        omat = vapaan & maksetut_pv
        if omat:
            yhdiste |= omat
            t = {**t, "samalta_ajalta": puoli_ylos(Fraction(t["palkka"] * len(omat), len(vapaan)))}
            maksavat.append(t)
    e = min(len(yhdiste), paivat)
    w = sum(t["samalta_ajalta"] for t in maksavat)
    brutto = paivalta * paivat
    return {
        "paivat": paivat,
        "paivalta": paivalta,
        "tyosuhteiden_osa": tyosuhteiden_osa,
        "brutto": brutto,
        "tyonantajille": min(tyosuhteiden_osa * e, w, brutto),
        "w": w,
        "maksavat": maksavat,
    }


def _kattavuus(kuukausi: date, v: dict) -> tuple[int, bool]:
    """Calendar days Kela pays in the month (the decision less annual leave and restriction),
    and whether that is the whole month (1.9.3.2, 1.9.2.9)."""
    alku, loppu = v["paatos"]
    kk_loppu = kuukauden_loppu(kuukausi)
    paatos = _jakson_paivat((max(alku, kuukausi), min(loppu, kk_loppu))) if max(alku, kuukausi) <= min(loppu, kk_loppu) else set()
    loma, este = (_jakson_paivat(j) for j in _jaksot(kuukausi, v))
    paivat = len(paatos - loma - este)
    return paivat, paivat == (kk_loppu - kuukausi).days + 1


def odotettu_ennakonpidatys(tbs, kuukausi: date, v: dict, osa: int, paivat: int) -> int:
    """RULES.md §7 (1.9.3.1, 1.9.3.2, 1.9.3.4.1), in cents, from the insured's part `osa`."""
    p = tbs.parameters(kuukausi.isoformat()).verotus
    if paivat == 0 or osa <= puoli_ylos(osuus(p.pidatyksen_alaraja_paivalta) * 100) * paivat:
        return 0
    oma = Fraction(v["oma"], 100)
    if v["peruste"] == "lahdeverokortti":
        vahennys = (
            osuus(p.lahdevero.vahennys_kuukaudelta) * 100
            if _kattavuus(kuukausi, v)[1]
            else osuus(p.lahdevero.vahennys_paivalta) * 100 * _kattavuus(kuukausi, v)[0]
        )
        vero = max(osa - vahennys, 0) * max(osuus(p.lahdevero.prosentti), oma)
    elif v["peruste"] == "ei_tietoja" or v["edellinen"]:
        vero = osa * max(osuus(p.taulukkoprosentti), oma)
    else:
        lattia = osuus(p.vahimmaisprosentti_palkan_verokortilla) if v["peruste"] == "palkan_verokortti" else 0
        perus = max(Fraction(v["prosentti"], 1000), lattia, oma)
        lisa = max(Fraction(v["lisa"], 1000), lattia, oma)
        alla = min(max(v["tuloraja"] * 100 - v["kertyma"] * 100, 0), osa) if v["tuloraja"] > 0 else osa
        vero = alla * perus + (osa - alla) * lisa
    return min(puoli_ylos(vero), osa)


def suojaosuus(tbs, kuukausi: date, v: dict) -> int:
    """UK 4:48 (1.9.2.9): (debtor + dependants × per day) × 30 for a whole month, × the decision's
    calendar days in the month otherwise (RULES.md §8), in cents."""
    s = tbs.parameters(kuukausi.isoformat()).ulosotto.suojaosuus
    kalenteripaivat, koko = _kattavuus(kuukausi, v)
    paivat = int(s.paivia_kuukaudessa) if koko else kalenteripaivat
    return puoli_ylos((osuus(s.velallinen) + v["huollettavat"] * osuus(s.huollettava)) * 100 * paivat)


def _muut(tbs, kuukausi: date, v: dict) -> int:
    """The debtor's other net income in cents (drawn in euros or relative to the protected amount)."""
    if isinstance(v["muut"], tuple):
        return puoli_ylos(Fraction(v["muut"][1], 10) * suojaosuus(tbs, kuukausi, v))
    return v["muut"]


def ulosmitattava(tbs, kuukausi: date, pohja: int, suoja: int) -> Fraction:
    """UK 4:49 tiers on the whole income base (cents, exact)."""
    u = tbs.parameters(kuukausi.isoformat()).ulosotto.ulosmittaus
    b, s = Fraction(pohja), Fraction(suoja)
    raja1, raja2 = int(u.ensimmainen_raja) * s, int(u.toinen_raja) * s
    if b <= s:
        return Fraction(0)
    if b <= raja1:
        return Fraction(2, 3) * (b - s)
    if b <= raja2:
        return Fraction(1, 3) * b
    return min(Fraction(1, 3) * raja2 + Fraction(4, 5) * (b - raja2), Fraction(1, 2) * b)


# --- properties -------------------------------------------------------------------------------------------


def _raja_esimerkki(ansionmenetys: int) -> dict:
    """A wage-card holder with decision 2.–6.9.2024 (5 arkipäivät) and no employer share."""
    return {
        "tyot": [{"ansionmenetys": ansionmenetys, "palkka": 0, "vapaa": None, "tunnus": TUNNUKSET[0]}],
        "yel": None, "paatos": (date(2024, 9, 2), date(2024, 9, 6)), "peruste": "palkan_verokortti",
        "prosentti": 100, "lisa": 100, "oma": 0, "tuloraja": 0, "kertyma": 0, "edellinen": False,
        "kielto": False, "huollettavat": 0, "muut": 0, "vakio": 0, "vapaa_kk": False, "loma": None, "este": None,
    }


def test_ulosoton_osuudet_ohjeen_mukaiset(tbs):
    """1.9.2.9 / UK 4:49: the tier fractions 2/3, 1/3, 4/5 and 1/2 and the limits 2× and 4×, every
    year 2017–2026; 30 days a month (the oracle above uses the fractions as the guideline states)."""
    for vuosi in range(2017, 2027):
        u = tbs.parameters(f"{vuosi}-06-01").ulosotto
        assert abs(u.ulosmittaus.tulorajaosuus - 2 / 3) < 1e-9
        assert abs(u.ulosmittaus.perusosuus - 1 / 3) < 1e-9
        assert u.ulosmittaus.ylimenevan_osuus == 0.8 and u.ulosmittaus.enimmaisosuus == 0.5
        assert u.ulosmittaus.ensimmainen_raja == 2 and u.ulosmittaus.toinen_raja == 4
        assert u.suojaosuus.paivia_kuukaudessa == 30
        e = tbs.parameters(f"{vuosi}-06-01").verotus
        assert e.vahimmaisprosentti_palkan_verokortilla == 0.25 and e.pidatyksen_alaraja_paivalta == 4


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_tapaus())
def test_maksuketju_riippumattomia_oraakkeleita_vastaan(tbs, tapaus):
    """Every basis of withholding, distraint on and off; see the module docstring."""
    _tarkista(tbs, *tapaus)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_tapaus(("palkan_verokortti",)))
@example(  # the 4 €/day limit met exactly (100 €/25 = 4.00 €/day) and crossed by a cent (4.01 €/day)
    (date(2024, 9, 1), [_raja_esimerkki(10_000), _raja_esimerkki(10_025)])
)
def test_palkan_verokortti_vahintaan_25_prosenttia(tbs, tapaus):
    """1.9.3.4.1 with wage cards only (base and additional rate both often below 25 %), so the
    floor on either rate and the 4 €/day limit are exercised in most examples."""
    _tarkista(tbs, *tapaus)


def _tarkista(tbs, kuukausi: date, vakuutetut: list) -> None:
    kk = kuukausi.strftime("%Y-%m")
    sim = _simulaatio(tbs, kuukausi, vakuutetut)
    tulos = {
        nimi: _sentit_(sim.calculate(nimi, kk))
        for nimi in (
            "tartuntatautipaivaraha",
            "tartuntatautipaivaraha_tyonantajille",
            "tartuntatautipaivaraha_vakuutetulle",
            "ennakonpidatys",
            "ulosottopidatys",
            "tartuntatautipaivaraha_netto",
        )
    }
    osuudet = _sentit_(sim.calculate("tartuntatautipaivaraha_tyonantajalle", kk))
    maksupaivat = np.asarray(sim.calculate("tartuntatautipaivarahan_maksupaivat", kk))
    rivi = 0
    for i, v in enumerate(vakuutetut):
        o = odotettu_paivaraha(tbs, kuukausi, v)
        tunniste = (kk, i, v)
        # 1.6, 1.9: gross and paid days.
        assert maksupaivat[i] == o["paivat"], tunniste
        assert tulos["tartuntatautipaivaraha"][i] == o["brutto"], tunniste

        # 1.3.2: employers' part. Never more than the pay reported, nor the employment part × days.
        t = tulos["tartuntatautipaivaraha_tyonantajille"][i]
        assert t <= sum(tyo["palkka"] for tyo in v["tyot"]), tunniste
        assert t <= o["tyosuhteiden_osa"] * o["paivat"], tunniste
        assert t == o["tyonantajille"], tunniste
        rivin_osuudet = osuudet[rivi : rivi + len(v["tyot"])]
        rivi += len(v["tyot"]) + (v["yel"] is not None)
        assert rivin_osuudet.sum() == t, tunniste
        for tyo, saa in zip(v["tyot"], rivin_osuudet):
            assert 0 <= saa <= tyo["palkka"], tunniste
            oma = next((m["samalta_ajalta"] for m in o["maksavat"] if m["tunnus"] is tyo["tunnus"] and m["ansionmenetys"] == tyo["ansionmenetys"] and m["palkka"] == tyo["palkka"] and m["vapaa"] == tyo["vapaa"]), None)
            # W = 0 (each paying employer's pay for the same period rounds to 0 cents): no share.
            tarkka = Fraction(t * oma, o["w"]) if oma is not None and o["w"] else 0
            assert abs(saa - tarkka) < 1, (tunniste, saa, tarkka)
        osa = o["brutto"] - t
        assert tulos["tartuntatautipaivaraha_vakuutetulle"][i] == osa, tunniste

        # 1.9.3: withholding, and the wage-card floor / 4 € rule on their own.
        vero = tulos["ennakonpidatys"][i]
        assert abs(vero - odotettu_ennakonpidatys(tbs, kuukausi, v, osa, o["paivat"])) <= 1, tunniste
        if v["peruste"] == "palkan_verokortti":
            e = tbs.parameters(kuukausi.isoformat()).verotus
            if osa > osuus(e.pidatyksen_alaraja_paivalta) * 100 * o["paivat"]:
                assert vero >= osuus(e.vahimmaisprosentti_palkan_verokortilla) * osa - Fraction(1, 2), tunniste
            else:
                assert vero == 0, tunniste

        # 1.9.2.9: distraint on the insured's part after tax.
        suoja = suojaosuus(tbs, kuukausi, v)
        paivaraha = osa - vero
        pohja = paivaraha + _muut(tbs, kuukausi, v)
        ulosotto = tulos["ulosottopidatys"][i]
        assert 0 <= ulosotto <= paivaraha, tunniste
        assert pohja - ulosotto >= min(suoja, pohja), (tunniste, pohja, suoja, ulosotto)  # keeps the protected amount
        if not v["kielto"] or v["vapaa_kk"]:
            odotus = 0
        elif v["vakio"] > 0:
            odotus = min(v["vakio"], max(pohja - suoja, 0), paivaraha)
        else:
            maara = ulosmitattava(tbs, kuukausi, pohja, suoja)
            odotus = puoli_ylos(maara * paivaraha / pohja) if pohja > 0 else 0
        assert abs(ulosotto - odotus) <= 1, (tunniste, pohja, suoja, ulosotto, odotus)
        assert tulos["tartuntatautipaivaraha_netto"][i] == osa - vero - ulosotto, tunniste
