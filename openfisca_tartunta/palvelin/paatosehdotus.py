"""`POST /paatosehdotus`: a reasoned decision proposal for one case (guideline 1.8.4, 1.8.4.1,
1.8.4.2, 1.9).

The body is an OpenFisca situation with exactly one `vakuutettu` (the decision's
dates are its ETERNITY inputs), plus optionally

- `kieli`: `fi`, `sv` or `en` (else the best match of `Accept-Language`, else `fi`);
- `jatkopaatos`: `{"edellinen_kausi_paivia": N, "edellinen_kausi_pituus": 6|25}` for a
  continuation decision whose previous last payment period was short (1.9).

Every month the decision covers is computed in one simulation.  The answer
holds the outcome (`myonteinen`, `osittain_myonteinen`, `kielteinen`) with the
reasons, each citing guideline sections and statutes; the daily amount and its
basis per earning activity; per month the days and the money (gross, each
employer's share, the insured's gross, tax, distraint, net); the payment
periods with their amounts; and the recipients of the decision (1.8.4.1).

Model assumptions of the presentation (the amounts themselves are the model's):

- the outcome counts decision arkipäivät: all granted → `myonteinen`, none →
  `kielteinen`, otherwise `osittain_myonteinen`.  Annual-leave days count as
  not granted (no loss of earnings, 1.3.2.4); payment-restriction days are
  granted but not paid (1.9.4) and do not make the decision partial;
- the money of each payment period: see `rahajako.py`; the reasons and their
  day counts: see `perustelut.py`.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from openfisca_core.periods import period as as_period

from openfisca_tartunta import kalenteri
from openfisca_tartunta.sopimus import VAKUUTETUN_TULOKSET
from openfisca_tartunta.maksukaudet import maksukaudet
from openfisca_tartunta.paatos import paatoksen_paivat
from openfisca_tartunta.palvelin import tekstit
from openfisca_tartunta.palvelin.ansiotyorivit import Ansiotyorivit
from openfisca_tartunta.palvelin.perustelut import Tapaus, laadi_perustelut
from openfisca_tartunta.palvelin.rahajako import arkipaivia, euroina, maksukaudet_rahoineen
from openfisca_tartunta.palvelin.tilanne import (
    kausi_kelpaa,
    laske,
    rakenna,
    syottovirhe,
    tarkista_aarellisyys,
    tarkista_tilanne,
)
from openfisca_tartunta.palvelin.tekstit import KIELET, Tekstit
from openfisca_tartunta.palvelin.virheet import Asiakasvirhe
from openfisca_tartunta import jaksot
from openfisca_tartunta.raha import sentteina
from openfisca_tartunta.tarkistukset import Syottovirhe

__all__ = ["KIELET", "laadi_paatosehdotus"]

#: vakuutettu, per month
_VAK_KK = (
    "paatoksen_arkipaivat",
    "hakuajan_ensimmainen_paiva",
    "maksettavan_ajan_alku",
    "maksettavan_ajan_loppu",
    "paatos_oikeuttaa_paivarahaan",
    "sairausvakuutettu",
    "vuosiloman_arkipaivat",
    "maksuesteen_arkipaivat",
    "hakuajan_ulkopuoliset_arkipaivat",
    "estetyt_arkipaivat",
    "myonnetyt_paivat",
    "laskennallinen_paivaraha",
) + VAKUUTETUN_TULOKSET
#: vakuutettu, once
_VAK_IKUINEN = ("poissaolon_peruste", "lapsen_ika", "hakemus_saapunut")
#: ansiotyo, per month
_TYO_KK = (
    "paivarahan_osuus",
    "menetetty_kuukausiansio",
    "ansionmenetys_selvitetty",
    "korvaavan_tyon_palkka",
    "tyonantajan_maksama_palkka",
    "tartuntatautipaivaraha_tyonantajalle",
)
#: ansiotyo, once
_TYO_IKUINEN = (
    "tyonantajan_tunnus",
    "yrittajavakuutus",
    "yrittajan_paivarahan_tyotulo",
    "vakuuttamisvelvollisuus_selvitettava",
    "palkallinen_vapaa_alkaa",
    "palkallinen_vapaa_paattyy",
)

_EI_ANNETTU = np.datetime64("1970-01-01", "D")


def _jatkopaatos(arvo) -> dict:
    if arvo is None:
        return {}
    if not isinstance(arvo, dict) or set(arvo) - {"edellinen_kausi_paivia", "edellinen_kausi_pituus"}:
        raise Asiakasvirhe(
            400,
            "virheellinen_tilanne",
            "jatkopaatos must be {\"edellinen_kausi_paivia\": N, \"edellinen_kausi_pituus\": 6 or 25}",
            "jatkopaatos",
        )
    for avain, arvo_ in arvo.items():
        if not isinstance(arvo_, int) or isinstance(arvo_, bool):
            raise Asiakasvirhe(400, "virheellinen_tilanne", "must be an integer", f"jatkopaatos/{avain}")
    return dict(arvo)


class _Laskin:
    """Computes the case's variables, mapping model errors to 4xx."""

    def __init__(self, tbs, tilanne, simulaatio, tunnus: str) -> None:
        self.tbs, self.tilanne, self.sim, self.tunnus = tbs, tilanne, simulaatio, tunnus

    def __call__(self, nimi: str, kausi: str):
        if nimi not in self.tbs.variables:  # a part of the model this build lacks
            return None
        monikko = self.tbs.variables[nimi].entity.plural
        return laske(self.sim, self.tbs, self.tilanne, nimi, kausi, f"{monikko}/{nimi}/{kausi}")


def _pv(arvo) -> dt.date:
    return np.datetime64(arvo, "D").astype(dt.date)


def laadi_paatosehdotus(tbs, data: dict, kieli: str, asetukset) -> dict:
    """The decision proposal for one case (see the module docstring)."""
    jatko = _jatkopaatos(data.pop("jatkopaatos", None))
    tilanne = tarkista_tilanne(tbs, data, asetukset.max_entities, salli_akselit=False)
    vakuutetut = data.get("vakuutetut")
    if not isinstance(vakuutetut, dict) or len(vakuutetut) != 1:
        raise Asiakasvirhe(
            400,
            "virheellinen_tilanne",
            "a decision proposal is for one case: give exactly one insured person in vakuutetut",
            "vakuutetut",
        )
    sim, _ = rakenna(tbs, tilanne)
    vak = sim.populations["vakuutettu"]
    if vak.count != 1:
        irrallinen = tilanne.alkuperainen(vak.ids[1])
        raise Asiakasvirhe(
            400,
            "virheellinen_tilanne",
            f"earning activity '{irrallinen}' is not listed in the insured person's palkkatyot or yritystoiminnat",
            f"ansiotyot/{irrallinen}",
        )
    tunnus = tilanne.alkuperainen(vak.ids[0])
    L = _Laskin(tbs, tilanne, sim, tunnus)
    ensimmainen = "2017-01"  # ETERNITY inputs are read with any period
    peruste = vak("poissaolon_peruste", as_period(ensimmainen)).decode()[0].name
    t = Tekstit(kieli)

    ehdotus = {
        "kieli": kieli,
        "etuus": tekstit.ETUUS[kieli],
        "vakuutettu": tunnus,
        "ratkaisu": None,
        "ratkaisu_teksti": None,
        "paatos": {"peruste": peruste, "peruste_teksti": tekstit.PERUSTE[peruste][kieli]},
        "perustelut": [],
        "paivaraha": None,
        "kuukaudet": [],
        "maksukaudet": [],
        "yhteensa": None,
        "paatoksen_saajat": [],
    }
    if peruste == "ei_paatosta":
        ehdotus["perustelut"].append(t.perustelu("ei_paatosta", "kielteinen"))
        ehdotus["paatos"].update(alkaa=None, paattyy=None, arkipaivat=0)
        return _valmis(ehdotus, "kielteinen", t, _Summat(), [], tunnus)

    try:
        alku_a, loppu_a = paatoksen_paivat(vak, as_period(ensimmainen))
    except Syottovirhe as virhe:
        raise syottovirhe(tbs, tilanne, virhe) from None
    alku, loppu = alku_a[0], loppu_a[0]
    kuukaudet = [str(k) for k in np.arange(alku.astype("datetime64[M]"), loppu.astype("datetime64[M]") + 1)]
    if not kausi_kelpaa(as_period(kuukaudet[-1])):
        raise Asiakasvirhe(
            400, "virheellinen_kausi", "the decision must end by 9999-11-30 (the model cannot compute later months)",
            f"vakuutetut/{tunnus}/poissaolo_paattyy",
        )
    if len(kuukaudet) > asetukset.max_months:
        raise Asiakasvirhe(
            413,
            "liian_monta_kuukautta",
            f"the decision spans {len(kuukaudet)} calendar months; the limit is {asetukset.max_months} (--max-months)",
            f"vakuutetut/{tunnus}/poissaolo_paattyy",
        )
    k0 = kuukaudet[0]
    ikuiset = {n: L(n, k0) for n in _VAK_IKUINEN}
    tyot_ikuiset = {n: L(n, k0) for n in _TYO_IKUINEN}
    parametrit = tbs.parameters(str(alku))
    saapunut = np.datetime64(ikuiset["hakemus_saapunut"][0], "D")
    # First blocking benefit's start, for the reason's text only (issue 10 rewrites this from the model).
    esto = min(np.datetime64(L(f"{n}_alkaa", k0)[0], "D") for n in jaksot.estavat_etuudet())
    aukot = [(_pv(a[0]), _pv(b[0])) for a, b in jaksot.estojaksot(vak, as_period(ensimmainen)) if a[0] <= b[0]]

    rivit = Ansiotyorivit(sim, tilanne, tyot_ikuiset, t)
    summat = _Summat()
    kk_tiedot = []
    for kk in kuukaudet:
        v = {n: L(n, kk) for n in _VAK_KK}
        v = {n: (a[0] if a is not None else None) for n, a in v.items()}
        tyot = {n: L(n, kk) for n in _TYO_KK}
        kk_alku, kk_loppu = kalenteri.kuukauden_rajat(as_period(kk))
        hakuaika = np.datetime64(v["hakuajan_ensimmainen_paiva"], "D")
        # The model's paid window of the month (decision ∩ application period, before a blocking benefit).
        ikkuna = (np.datetime64(v["maksettavan_ajan_alku"], "D"), np.datetime64(v["maksettavan_ajan_loppu"], "D"))
        tieto = {
            "kuukausi": kk,
            "ikkuna": ikkuna,
            "paatos": int(v["paatoksen_arkipaivat"]),
            "myohassa": int(v["hakuajan_ulkopuoliset_arkipaivat"]),
            "estetty": int(v["estetyt_arkipaivat"]),
            "oikeuttaa": bool(v["paatos_oikeuttaa_paivarahaan"]),
            "vakuutettu": bool(v["sairausvakuutettu"]),
            "myonnettavissa": int(v["myonnetyt_paivat"]),
            "ansionmenetys": float(v["laskennallinen_paivaraha"]) > 0,
            "oikeus": bool(v["oikeus_tartuntatautipaivarahaan"]),
            "maksupaivat": int(v["tartuntatautipaivarahan_maksupaivat"]),
            "loma": int(v["vuosiloman_arkipaivat"]),
            "este": int(v["maksuesteen_arkipaivat"]),
            "paivaraha": sentteina(v["tartuntatautipaivaraha_paivalta"]).item(),
            "brutto": sentteina(v["tartuntatautipaivaraha"]).item(),
            "vakuutetulle": _sentit(v["tartuntatautipaivaraha_vakuutetulle"], v["tartuntatautipaivaraha"]),
            "ennakonpidatys": _sentit(v["ennakonpidatys"], 0),
            "ulosotto": _sentit(v["ulosottopidatys"], 0),
            "netto": _sentit(v["tartuntatautipaivaraha_netto"], v["tartuntatautipaivaraha_vakuutetulle"] or v["tartuntatautipaivaraha"]),
            "tyonantajille": rivit.osuudet(tyot),
        }
        ikkunan_paivat = max(tieto["paatos"] - tieto["myohassa"] - tieto["estetty"], 0)
        tieto["loma_todellinen"] = min(tieto["loma"], ikkunan_paivat)
        tieto["myonnetyt"] = tieto["myonnettavissa"] if tieto["oikeus"] else 0
        tieto["perusteet"] = rivit.perusteet(tyot, parametrit_kk=tbs.parameters(kk))
        kk_tiedot.append(tieto)
        summat.lisaa(tieto)
    tarkista_aarellisyys(sim, tbs)  # once, over every month computed

    ehdotus["paatos"].update(
        alkaa=str(alku),
        paattyy=str(loppu),
        arkipaivat=summat.paatos,
        hakemus_saapunut=None if saapunut == _EI_ANNETTU else str(saapunut),
    )
    myonnetyt = [k for k in kk_tiedot if k["myonnetyt"] > 0]
    kaudet = []
    if myonnetyt:
        maksu_alku = myonnetyt[0]["ikkuna"][0]
        maksu_loppu = myonnetyt[-1]["ikkuna"][1]
        try:
            kaudet = maksukaudet(_pv(maksu_alku), _pv(maksu_loppu), tbs, **jatko, ei_makseta=aukot)
        except Syottovirhe as virhe:
            raise Asiakasvirhe(400, "syottovirhe", str(virhe), f"jatkopaatos/{virhe.muuttuja}", muuttuja=virhe.muuttuja, arvo=virhe.arvo) from None
    ehdotus["kuukaudet"] = [_kuukausi_json(k, t) for k in kk_tiedot]
    ehdotus["maksukaudet"] = maksukaudet_rahoineen(kaudet, kk_tiedot, rivit.vapaa)

    pituudet = (0, 0)
    if kaudet:
        pm = tbs.parameters(str(_pv(myonnetyt[0]["ikkuna"][0]))).maksaminen
        pituudet = (int(pm.ensimmainen_maksukausi), int(pm.maksukausi))
    selvitettava = tyot_ikuiset.get("vakuuttamisvelvollisuus_selvitettava")
    tyonantajat = rivit.tyonantajat(kk_tiedot)
    tapaus = Tapaus(
        peruste=peruste,
        alku=alku,
        loppu=loppu,
        esto=esto,
        saapunut=saapunut,
        hakuaika=np.datetime64(L("hakuajan_ensimmainen_paiva", k0)[0], "D"),
        lapsen_ika=int(ikuiset["lapsen_ika"][0]),
        lapsen_ikaraja=int(parametrit.paivaraha.lapsen_ikaraja),
        hakuaika_kuukausina=int(parametrit.hakeminen.hakuaika_kuukausina),
        kuukaudet=kk_tiedot,
        summat=summat,
        tyonantajat=tyonantajat,
        maksukausia=len(kaudet),
        maksukaudet_pituudet=pituudet,
        vakuuttaminen_selvitettava=selvitettava is not None and bool(np.any(selvitettava)),
    )
    ehdotus["perustelut"] = laadi_perustelut(tapaus, t)

    if myonnetyt:
        ensimmainen_kk = myonnetyt[0]
        ehdotus["paivaraha"] = {
            "maara": euroina(ensimmainen_kk["paivaraha"]),
            "kuukausi": ensimmainen_kk["kuukausi"],
            "perusteet": ensimmainen_kk["perusteet"],
        }
    if summat.myonnetyt == 0:
        ratkaisu = "kielteinen"
    elif summat.myonnetyt >= summat.paatos:
        ratkaisu = "myonteinen"
    else:
        ratkaisu = "osittain_myonteinen"
    return _valmis(ehdotus, ratkaisu, t, summat, tyonantajat, tunnus)


def _sentit(arvo, varalla) -> int:
    """Whole cents of a model output; `varalla` when this build lacks the variable."""
    if arvo is None:
        arvo = varalla if varalla is not None else 0
    return sentteina(arvo).item()


class _Summat:
    """Totals over the decision's months, money in cents."""

    def __init__(self) -> None:
        self.paatos = self.myonnetyt = self.maksupaivat = 0
        self.brutto = self.tyonantajille = self.vakuutetulle = self.ennakonpidatys = self.ulosotto = self.netto = 0

    def lisaa(self, k: dict) -> None:
        self.paatos += k["paatos"]
        self.myonnetyt += k["myonnetyt"]
        self.maksupaivat += k["maksupaivat"]
        self.brutto += k["brutto"]
        self.tyonantajille += sum(o["senttia"] for o in k["tyonantajille"])
        self.vakuutetulle += k["vakuutetulle"]
        self.ennakonpidatys += k["ennakonpidatys"]
        self.ulosotto += k["ulosotto"]
        self.netto += k["netto"]

    def json(self) -> dict:
        return {
            "paatoksen_arkipaivat": self.paatos,
            "myonnetyt_paivat": self.myonnetyt,
            "maksupaivat": self.maksupaivat,
            "brutto": euroina(self.brutto),
            "tyonantajille": euroina(self.tyonantajille),
            "vakuutetulle_brutto": euroina(self.vakuutetulle),
            "ennakonpidatys": euroina(self.ennakonpidatys),
            "ulosottopidatys": euroina(self.ulosotto),
            "netto": euroina(self.netto),
        }


def _kuukausi_json(k: dict, t: Tekstit) -> dict:
    return {
        "kuukausi": k["kuukausi"],
        "paatoksen_arkipaivat": k["paatos"],
        "myonnetyt_paivat": k["myonnetyt"],
        "maksupaivat": k["maksupaivat"],
        "paivaraha": euroina(k["paivaraha"]),
        "paivarahan_perusteet": k["perusteet"],
        "brutto": euroina(k["brutto"]),
        "tyonantajille": [
            {"ansiotyo": o["ansiotyo"], "tyonantajan_tunnus": o["tyonantajan_tunnus"], "maara": euroina(o["senttia"])}
            for o in k["tyonantajille"]
        ],
        "tyonantajille_yhteensa": euroina(sum(o["senttia"] for o in k["tyonantajille"])),
        "vakuutetulle_brutto": euroina(k["vakuutetulle"]),
        "ennakonpidatys": euroina(k["ennakonpidatys"]),
        "ulosottopidatys": euroina(k["ulosotto"]),
        "netto": euroina(k["netto"]),
    }


def _valmis(ehdotus: dict, ratkaisu: str, t: Tekstit, summat: _Summat, tyonantajat: list[dict], tunnus: str) -> dict:
    ehdotus["ratkaisu"] = ratkaisu
    ehdotus["ratkaisu_teksti"] = tekstit.RATKAISU[ratkaisu][t.kieli]
    ehdotus["otsikko"] = f"{tekstit.ETUUS[t.kieli]}: {tekstit.RATKAISU[ratkaisu][t.kieli]}"
    ehdotus["yhteensa"] = summat.json()
    saajat = [
        {
            "saaja": "vakuutettu",
            "nimi": tekstit.SAAJA["vakuutettu"][t.kieli],
            "vakuutettu": tunnus,
            "maara": euroina(summat.vakuutetulle),
            "netto": euroina(summat.netto),
        }
    ]
    for tyonantaja in tyonantajat:
        saajat.append(
            {
                "saaja": "tyonantaja",
                "nimi": tekstit.SAAJA["tyonantaja"][t.kieli],
                "tyonantajan_tunnus": tyonantaja["tyonantajan_tunnus"],
                "ansiotyot": tyonantaja["ansiotyot"],
                "maara": euroina(tyonantaja["senttia"]),
            }
        )
    ehdotus["paatoksen_saajat"] = saajat
    return ehdotus
