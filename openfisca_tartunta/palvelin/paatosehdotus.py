"""`POST /paatosehdotus`: read the model's outputs for one case, then decide and render
(`asiakirjat/`) — guideline 1.8.4, 1.8.4.1, 1.8.4.2, 1.9.

The body is an OpenFisca situation with exactly one `vakuutettu`, plus optionally `kieli`
(fi/sv/en), `jatkopaatos` (continuation decision, 1.9), `paatospaiva` (the decision date,
YYYY-MM-DD) and `asianosaiset` (names and ids as the case system gives them, see `osapuolet.py`).
Every month of the decision is computed in one simulation; this module only reads variables
(no calendar, parameter or window logic of its own).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from openfisca_core.periods import period as as_period

from openfisca_tartunta import jaksot
from pydantic import TypeAdapter

from openfisca_tartunta.asiakirjat.html import html
from openfisca_tartunta.asiakirjat.laadinta import asiakirja, laadi
from openfisca_tartunta.asiakirjat.malli import Asiakirja, Paatosehdotus
from openfisca_tartunta.asiakirjat.pdf import pdf
from openfisca_tartunta.asiakirjat.tapaus import Jaksotieto, KuukaudenLuvut, Maksukaudenluvut, Tapaus, TyonLuvut
from openfisca_tartunta.maksukaudet import maksukaudet
from openfisca_tartunta.paatoksen_ajanjakso import paatoksen_paivat
from openfisca_tartunta.palvelin.paatoksen_maksunsaajat import annetut_vaatimukset, maksunsaajien_luvut, vaatimusjaksot
from openfisca_tartunta.palvelin.osapuolet import lue_jatkopaatos, lue_osapuolet, lue_paatospaiva
from openfisca_tartunta.palvelin.rahajako import jaa_maksukausille
from openfisca_tartunta.palvelin.tapauksen_simulaatio import laske, syottovirhe, tarkista_aarellisyys
from openfisca_tartunta.palvelin.tilanne import kausi_kelpaa
from openfisca_tartunta.palvelin.virheet import Asiakasvirhe
from openfisca_tartunta.palvelin.yksi_tapaus import yhden_tapauksen_simulaatio
from openfisca_tartunta.raha import sentteina
from openfisca_tartunta.tarkistukset import Syottovirhe

KIELET = ("fi", "sv", "en")
__all__ = ["KIELET", "laadi_paatosehdotus", "lue_tapaus", "saajan_asiakirja", "vastaus"]

_EI_ANNETTU = np.datetime64("1970-01-01", "D")
_EI_PAIVAA = np.datetime64("9999-12-31", "D")


def _pv(arvo) -> dt.date | None:
    d = np.datetime64(arvo, "D")
    return None if d in (_EI_ANNETTU, _EI_PAIVAA) else d.astype(dt.date)


def _c(arvo) -> int:
    return int(sentteina(arvo).item())


class _Lukija:
    """Reads the case's variables, mapping model errors to 4xx (each period parsed once)."""

    def __init__(self, tbs, tilanne, sim) -> None:
        self.tbs, self.tilanne, self.sim = tbs, tilanne, sim
        self._kaudet: dict = {}

    def __call__(self, nimi: str, kausi: str):
        jakso = self._kaudet.get(kausi)
        if jakso is None:
            jakso = self._kaudet[kausi] = as_period(kausi)
        muuttuja = self.tbs.variables[nimi]
        # a value already computed (or given) is read from its holder: the model's cache, without
        # OpenFisca's whole calculate path; anything else is computed with errors mapped to 4xx
        arvo = self.sim.populations[muuttuja.entity.key].get_holder(nimi).get_array(jakso)
        if arvo is not None:
            return arvo
        return laske(self.sim, self.tbs, self.tilanne, nimi, jakso, f"{muuttuja.entity.plural}/{nimi}/{kausi}")


def _kuukaudet(alku, loppu, tunnus: str, asetukset) -> list[str]:
    kuukaudet = [str(k) for k in np.arange(alku.astype("datetime64[M]"), loppu.astype("datetime64[M]") + 1)]
    kentta = f"vakuutetut/{tunnus}/poissaolo_paattyy"
    if not kausi_kelpaa(as_period(kuukaudet[-1])):
        raise Asiakasvirhe(400, "virheellinen_kausi", "the decision must end by 9999-11-30 (the model cannot compute later months)", kentta)
    if len(kuukaudet) > asetukset.max_months:
        raise Asiakasvirhe(413, "liian_monta_kuukautta",
                           f"the decision spans {len(kuukaudet)} calendar months; the limit is {asetukset.max_months} (--max-months)", kentta)
    return kuukaudet


def _jaksot(L, k0: str, nimet: list[str], laji: bool = False) -> list:
    if not L("ajanjaksoja_annettu", k0)[0]:  # no range slot given (the usual case): none to read
        return [None] * len(nimet)
    tulos = []
    for nimi in nimet:
        alkaa = _pv(L(f"{nimi}_alkaa", k0)[0])
        paattyy = np.datetime64(L(f"{nimi}_paattyy", k0)[0], "D").astype(dt.date)  # 9999-12-31: open-ended
        if alkaa is None:
            tulos.append(None)
            continue
        tulos.append(Jaksotieto(alkaa, paattyy, L(nimi, k0).decode()[0].name if laji else None))
    return tulos


_TYON = ("ansionmenetys_selvitetty", "kuukausiansion_peruste", "paivarahan_peruste", "korvaavan_tyon_palkka", "paivarahan_jakaja",
         "paivarahan_osuus", "tyonantajan_maksama_palkka", "tartuntatautipaivaraha_tyonantajalle",
         "palkallisen_vapaan_maksetut_paivat", "tyonantajan_tunnus_puuttuu", "palkkaturvana_maksettu",
         "tartuntatautipaivaraha_palkkaturvan_maksajalle", "maksetaan_tyonantajalle")

def _kuukausi(L, kk: str, tyot_ikuiset: dict, ids: list[str], roolit: list[str], annetut: set[str]) -> KuukaudenLuvut:
    v = lambda n: L(n, kk)[0]  # noqa: E731
    a = {n: L(n, kk) for n in _TYON}  # each activity variable once per month
    tyot = []
    for i, rivi in enumerate(ids):
        palkkatyo = roolit[i] == "palkkatyo"
        tyot.append(TyonLuvut(
            ansiotyo=rivi, rooli=roolit[i], tyonantajan_tunnus=tyot_ikuiset["tunnus"][i] or None,
            peruste=("ansionmenetys" if a["ansionmenetys_selvitetty"][i] else "edeltava_palkka") if palkkatyo else tyot_ikuiset["vakuutus"][i],
            arvio_senttia=_c(a["kuukausiansion_peruste"][i] if palkkatyo else a["paivarahan_peruste"][i]),
            korvaava_senttia=_c(a["korvaavan_tyon_palkka"][i]) if palkkatyo else 0,
            peruste_senttia=_c(a["paivarahan_peruste"][i]), jakaja=int(a["paivarahan_jakaja"][i]),
            osuus_senttia=_c(a["paivarahan_osuus"][i]), palkka_senttia=_c(a["tyonantajan_maksama_palkka"][i]),
            tyonantajalle_senttia=_c(a["tartuntatautipaivaraha_tyonantajalle"][i]),
            tyonantajan_paivat=int(a["palkallisen_vapaan_maksetut_paivat"][i]),
            tunnus_puuttuu=bool(a["tyonantajan_tunnus_puuttuu"][i]), palkkaturva=bool(a["palkkaturvana_maksettu"][i]),
            palkkaturvalle_senttia=_c(a["tartuntatautipaivaraha_palkkaturvan_maksajalle"][i]),
            itselleen_senttia=_c(a["maksetaan_tyonantajalle"][i]),
        ))
    return KuukaudenLuvut(
        kuukausi=kk, ikkuna=(_pv(v("maksettavan_ajan_alku")), _pv(v("maksettavan_ajan_loppu"))),
        paatos=int(v("paatoksen_arkipaivat")), myohassa=int(v("hakuajan_ulkopuoliset_arkipaivat")),
        ikkunan_ulkopuolella=int(v("maksettavan_ajan_ulkopuoliset_arkipaivat")),
        estetyt=_slotit(v, "estetyt_arkipaivat", jaksot.estavat_etuudet()),
        oikeuttaa=bool(v("paatos_oikeuttaa_paivarahaan")), vakuutettu=bool(v("sairausvakuutettu")),
        myonnettavissa=int(v("myonnetyt_paivat")), ansionmenetys=float(v("laskennallinen_paivaraha")) > 0,
        oikeus=bool(v("oikeus_tartuntatautipaivarahaan")), loma=int(v("vuosiloman_arkipaivat")),
        este=int(v("maksuesteen_arkipaivat")), maksupaivat=int(v("tartuntatautipaivarahan_maksupaivat")),
        paivaraha=_c(v("tartuntatautipaivaraha_paivalta")), brutto=_c(v("tartuntatautipaivaraha")),
        vakuutetulle=_c(v("tartuntatautipaivaraha_vakuutetulle")), ennakonpidatys=_c(v("ennakonpidatys")),
        lahdevero=L("ennakonpidatysperuste", kk).decode()[0].name == "lahdeverokortti",
        ulosotto=_c(v("ulosottopidatys")), netto=_c(v("tartuntatautipaivaraha_netto")), tyot=tyot,
        # per range only when the month has any such day (the slots add up to the month's count)
        lomat=_slotit(v, "vuosiloman_arkipaivat", jaksot.vuosilomat()),
        esteet=_slotit(v, "maksuesteen_arkipaivat", jaksot.maksuesteet()),
        **maksunsaajien_luvut(L, kk, annetut),
    )


def _slotit(v, summa: str, nimet: list[str]) -> list[int]:
    return [int(v(f"{n}_arkipaivat")) for n in nimet] if v(summa) else [0] * len(nimet)


def lue_tapaus(tbs, data: dict, asetukset) -> Tapaus:
    """Read one case's model outputs (see the module docstring); the body's own keys are popped."""
    return _lue(tbs, data, asetukset)


def _lue(tbs, data: dict, asetukset) -> Tapaus:
    jatko = lue_jatkopaatos(data.pop("jatkopaatos", None))
    paatospaiva = lue_paatospaiva(data.pop("paatospaiva", None))
    osapuolet = lue_osapuolet(data.pop("asianosaiset", None))
    tilanne, sim = yhden_tapauksen_simulaatio(tbs, data, asetukset, "a decision proposal")
    vak = sim.populations["vakuutettu"]
    tunnus = tilanne.alkuperainen(vak.ids[0])
    osapuolet.tarkista_rivit([tilanne.alkuperainen(i) for i in sim.persons.ids])
    L = _Lukija(tbs, tilanne, sim)
    k0 = "2017-01"  # ETERNITY inputs are read with any period
    peruste = vak("poissaolon_peruste", as_period(k0)).decode()[0].name
    try:
        alku_a, loppu_a = paatoksen_paivat(vak, as_period(k0))
    except Syottovirhe as virhe:
        raise syottovirhe(tbs, tilanne, virhe) from None
    on_paatos = peruste != "ei_paatosta" and alku_a[0] != _EI_PAIVAA
    kuukaudet = _kuukaudet(alku_a[0], loppu_a[0], tunnus, asetukset) if on_paatos else []
    ids = [tilanne.alkuperainen(i) for i in sim.persons.ids]
    roolit = ["yritystoiminta" if r.key == "yritystoiminta" else "palkkatyo" for r in vak.members_role]
    tyot_ikuiset = {"tunnus": [str(x) for x in L("tyonantajan_tunnus", k0)],
                    "vakuutus": L("yrittajavakuutus", k0).decode_to_str().tolist()}
    annetut = annetut_vaatimukset(vak)
    kk_luvut = [_kuukausi(L, kk, tyot_ikuiset, ids, roolit, annetut) for kk in kuukaudet]
    k_alku = kuukaudet[0] if kuukaudet else k0  # the values in force when the decision starts

    def voimassa(nimi: str) -> int:
        return int(L(f"{nimi}_voimassa", k_alku)[0])

    kaudet, pituudet = _maksukaudet(tbs, sim, tilanne, L, ids, kk_luvut, jatko)
    tarkista_aarellisyys(sim, tbs)
    return Tapaus(
        vakuutettu=tunnus, peruste=peruste, alku=_pv(alku_a[0]) if on_paatos else None, loppu=_pv(loppu_a[0]) if on_paatos else None,
        saapunut=_pv(L("hakemus_saapunut", k0)[0]),
        hakuaika=_pv(L("hakuajan_ensimmainen_paiva", kuukaudet[0])[0]) if kuukaudet else None,
        maaraaika=_pv(L("hakemuksen_maaraaika", k0)[0]), lapsen_ika=int(L("lapsen_ika", k0)[0]),
        lapsen_ikaraja=voimassa("lapsen_ikaraja"), hakuaika_kuukausina=voimassa("hakuaika_kuukausina"),
        valitusaika_paivia=voimassa("valitusaika_paivia"), tiedoksisaanti_paivia=voimassa("tiedoksisaanti_paivia"),
        kuukaudet=kk_luvut, maksukaudet=kaudet, maksukausien_pituudet=pituudet,
        estavat_etuudet=_jaksot(L, k0, jaksot.estavat_etuudet(), laji=True),
        vuosilomat=_jaksot(L, k0, jaksot.vuosilomat()), maksuesteet=_jaksot(L, k0, jaksot.maksuesteet()),
        vakuuttaminen_selvitettava=bool(np.any(L("vakuuttamisvelvollisuus_selvitettava", kuukaudet[0] if kuukaudet else k0))),
        jatko=jatko or None, paatospaiva=paatospaiva, vakuutetun_nimi=osapuolet.nimi, vakuutetun_henkilotunnus=osapuolet.henkilotunnus,
        tyonantajien_nimet=osapuolet.tyonantajat, edustajat=osapuolet.edustajat, **vaatimusjaksot(L, k0, kk_luvut),
    )


def _maksukaudet(tbs, sim, tilanne, L, ids, kk_luvut, jatko):
    """The payment periods of the paid time (`maksukaudet`) with each month's money split over them."""
    myonnetyt = [k for k in kk_luvut if k.maksupaivat > 0]
    if not myonnetyt:
        return [], (0, 0)
    vak = sim.populations["vakuutettu"]
    # blocked ranges are gaps of the paid time: the periods skip them (model intent of issue 8)
    aukot = [(a[0].astype(dt.date), b[0].astype(dt.date)) for a, b in jaksot.estojaksot(vak, as_period("2017-01")) if a[0] <= b[0]]
    try:
        kaudet = maksukaudet(myonnetyt[0].ikkuna[0], myonnetyt[-1].ikkuna[1], tbs, **(jatko or {}), ei_makseta=aukot)
    except Syottovirhe as virhe:
        raise Asiakasvirhe(400, "syottovirhe", str(virhe), f"jatkopaatos/{virhe.muuttuja}", muuttuja=virhe.muuttuja, arvo=virhe.arvo) from None
    kk0 = myonnetyt[0].kuukausi
    luvut = [Maksukaudenluvut(k.numero, k.alku, k.loppu, k.arkipaivat, k.vajaa) for k in kaudet]
    alkaa, paattyy = L("palkallinen_vapaa_alkaa", "2017-01"), L("palkallinen_vapaa_paattyy", "2017-01")
    vapaat = {rivi: (np.datetime64(alkaa[i], "D"), np.datetime64(paattyy[i], "D")) for i, rivi in enumerate(ids)}
    for kk in myonnetyt:
        jaa_maksukausille(luvut, kk, jaksot.lue(vak, as_period(kk.kuukausi)), vapaat)
    return luvut, (int(L("ensimmainen_maksukausi_voimassa", kk0)[0]), int(L("maksukausi_voimassa", kk0)[0]))


def laadi_paatosehdotus(tbs, data: dict, kieli: str, asetukset) -> Paatosehdotus:
    """The decision proposal for one case."""
    return laadi(lue_tapaus(tbs, data, asetukset), kieli)


_EHDOTUS = TypeAdapter(Paatosehdotus)
_ASIAKIRJA = TypeAdapter(Asiakirja)
MUODOT = ("json", "html", "pdf")


def ehdotus_jsonina(ehdotus: Paatosehdotus) -> dict:
    return _EHDOTUS.dump_python(ehdotus, mode="json")


def saajan_asiakirja(ehdotus: Paatosehdotus, saaja: str) -> Asiakirja:
    """One recipient's document (by recipient id or role), or a 400 naming `saaja` — for a case
    system or an access layer that may show a caller only its own document."""
    try:
        return asiakirja(ehdotus, saaja)
    except KeyError as virhe:
        raise Asiakasvirhe(400, "tuntematon_saaja", str(virhe.args[0]), "saaja") from None


def vastaus(tbs, data: dict, kieli: str, asetukset, saaja: str | None = None, muoto: str = "json") -> tuple[object, str]:
    """The `/paatosehdotus` answer: the whole proposal, or one recipient's document, as JSON or HTML."""
    if muoto not in MUODOT:
        raise Asiakasvirhe(400, "virheellinen_muoto", f"muoto must be one of {', '.join(MUODOT)}", "muoto")
    if muoto != "json" and saaja is None:
        raise Asiakasvirhe(400, "virheellinen_muoto", f"{muoto.upper()} is one recipient's document: give saaja (e.g. vakuutettu)", "saaja")
    ehdotus = laadi(_lue(tbs, data, asetukset), kieli)
    if saaja is None:
        return ehdotus_jsonina(ehdotus), "application/json"
    doc = saajan_asiakirja(ehdotus, saaja)
    if muoto == "html":
        return html(doc), "text/html"
    if muoto == "pdf":
        return pdf(doc), "application/pdf"
    return _ASIAKIRJA.dump_python(doc, mode="json"), "application/json"
