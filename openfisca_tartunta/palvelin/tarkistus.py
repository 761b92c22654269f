"""`POST /tarkistus`: a revision of one case — the corrected decision against what was paid,
per month and payee, with recovery, offset, hearing and consent (guideline 1.10, 1.12–1.14, 1.9.3.6).

The body is the `/paatosehdotus` situation (one `vakuutettu`, `openfisca_tartunta/syotteet.py`
reads every input) with the previous payments as inputs (`maksettu_*`, `maksuvuosi`,
`tarkistuspaatoksen_paiva`, …; CONTRACT.md), plus optionally `kieli` and `asianosaiset`.
Query `saaja` (a payee code of `maksunsaajat.MAKSUNSAAJAT` or `tyonantaja:<ansiotyo id>`) gives one
recipient's documents.
This module only reads model variables, payee by payee from `maksunsaajat.MAKSUNSAAJAT`;
the documents are laid out by `asiakirjat/tarkistus.py`.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from openfisca_core.periods import period as as_period
from pydantic import TypeAdapter

from openfisca_tartunta import tarkistuksen_laskenta
from openfisca_tartunta.asiakirjat.tarkistus import laadi_asiakirjat
from openfisca_tartunta.asiakirjat.tarkistuksen_malli import MaksunsaajanTarkistus, Pidatysrivi, Tarkistus, TarkistuksenKuukausi
from openfisca_tartunta.maksunsaajat import MAKSUNSAAJAT
from openfisca_tartunta.palvelin.osapuolet import lue_osapuolet
from openfisca_tartunta.palvelin.tapauksen_simulaatio import laske, syottovirhe, tarkista_aarellisyys
from openfisca_tartunta.palvelin.tilanne import kausi_kelpaa
from openfisca_tartunta.palvelin.virheet import Asiakasvirhe
from openfisca_tartunta.palvelin.yksi_tapaus import yhden_tapauksen_simulaatio
from openfisca_tartunta.tarkistukset import Syottovirhe

__all__ = ["lue_tarkistus", "vastaus", "BODY_KEYS"]

#: The README's example (`/spec` shows it): September 2024 overpaid, offset against October.
ESIMERKKI = {
    "kieli": "fi",
    "ansiotyot": {"tyo": {"ansionmenetys": {"2024-09": 2000, "2024-10": 2000}}},
    "vakuutetut": {"v": {
        "palkkatyot": ["tyo"], "poissaolon_peruste": {"ETERNITY": "karanteeni"},
        "poissaolo_alkaa": {"ETERNITY": "2024-09-02"}, "poissaolo_paattyy": {"ETERNITY": "2024-10-11"},
        "ennakonpidatysperuste": {"2024-09": "etuuden_verokortti", "2024-10": "etuuden_verokortti"},
        "ennakonpidatysprosentti": {"2024-09": 20, "2024-10": 20},
        "maksettu_vakuutetulle": {"2024-09": 2500}, "maksettu_ennakonpidatys": {"2024-09": 500},
        "maksuvuosi": {"2024-09": 2024}, "tarkistuspaatoksen_paiva": {"ETERNITY": "2024-09-30"},
        "tarkistuksen_peruste": {"ETERNITY": "oikaisu"},
    }},
}
#: the body's own keys beside the entities
BODY_KEYS = ("kieli", "asianosaiset")
_K0 = "2017-01"  # ETERNITY variables are read with any month
_EI_ANNETTU = np.datetime64("1970-01-01", "D")
_VASTAUS = TypeAdapter(Tarkistus)


def _e(arvo) -> float:
    return round(float(arvo), 2)


class _Lukija:
    def __init__(self, tbs, tilanne, sim) -> None:
        self.tbs, self.tilanne, self.sim = tbs, tilanne, sim

    def __call__(self, nimi: str, kausi: str):
        monikko = self.tbs.variables[nimi].entity.plural
        return laske(self.sim, self.tbs, self.tilanne, nimi, kausi, f"{monikko}/{nimi}/{kausi}")


def _syyt(L, kk: str, erotus: float, aiempi: float) -> list[str]:
    """What the corrected month contains that explains a change (model figures, not a recomputation)."""
    if round(erotus, 2) == 0:
        return []
    syyt = []
    if aiempi > 0 and int(L("paatoksen_arkipaivat", kk)[0]) == 0:
        syyt.append("paatos_paattynyt")
    if int(L("estetyt_arkipaivat", kk)[0]) > 0:
        syyt.append("estava_etuus")
    if int(L("vuosiloman_arkipaivat", kk)[0]) > 0:
        syyt.append("vuosiloma")
    if np.any(np.round(L("erotus_tyonantajalle", kk), 2) != 0):
        syyt.append("tyonantajan_osuus")
    return syyt or ["maara"]


def _kuukausi(L, m, kk: str, i: int, vakuutetulle: bool) -> TarkistuksenKuukausi:
    arvo = {n: float(L(n, kk)[i]) for n in (m.nykyinen, m.aiempi, m.erotus, m.lisamaksu, m.liikamaksu, m.maksettava, m.takaisinperittava)}
    rivi = TarkistuksenKuukausi(
        kuukausi=kk, oikaistu=_e(arvo[m.nykyinen]), maksettu=_e(arvo[m.aiempi]), erotus=_e(arvo[m.erotus]),
        lisamaksu=_e(arvo[m.lisamaksu]), liikamaksu=_e(arvo[m.liikamaksu]), maksettava=_e(arvo[m.maksettava]),
        takaisinperittava=_e(arvo[m.takaisinperittava]), syyt=_syyt(L, kk, arvo[m.erotus], arvo[m.aiempi]),
    )
    if vakuutetulle:
        def pidatys(nykyinen, aiempi, erotus):
            return Pidatysrivi(_e(L(nykyinen, kk)[0]), _e(L(aiempi, kk)[0]), _e(L(erotus, kk)[0]))

        rivi.ennakonpidatys = pidatys("ennakonpidatys", "maksettu_ennakonpidatys", "erotus_ennakonpidatys")
        rivi.ulosottopidatys = pidatys("ulosottopidatys", "maksettu_ulosottopidatys", "erotus_ulosottopidatys")
        netto = _e(L("tartuntatautipaivaraha_netto", kk)[0])
        erotus = _e(L("erotus_vakuutetulle_netto", kk)[0])
        rivi.netto = Pidatysrivi(netto, _e(netto - erotus), erotus)
        rivi.liikamaksun_ennakonpidatys = _e(L("liikamaksun_ennakonpidatys", kk)[0])
        rivi.takaisinperitaan_nettona = bool(L("takaisinperitaan_nettona", kk)[0])
        rivi.maksuvuosi = int(L("maksuvuosi", kk)[0]) or None
    return rivi


def lue_tarkistus(tbs, data: dict, asetukset) -> tuple[Tarkistus, object]:
    """Read one case's revision from the model (see the module docstring); the body's own keys are popped."""
    osapuolet = lue_osapuolet(data.pop("asianosaiset", None))
    tilanne, sim = yhden_tapauksen_simulaatio(tbs, data, asetukset, "a revision")
    vak = sim.populations["vakuutettu"]
    ids = [tilanne.alkuperainen(i) for i in sim.persons.ids]
    osapuolet.tarkista_rivit(ids)
    tunnus = tilanne.alkuperainen(vak.ids[0])
    try:
        kuukaudet = [str(k) for k in tarkistuksen_laskenta.kuukaudet(vak)]
    except Syottovirhe as virhe:
        raise syottovirhe(tbs, tilanne, virhe) from None
    if not kuukaudet:
        raise Asiakasvirhe(400, "ei_tarkistettavaa",
                           "nothing to revise: give the decision (poissaolo_alkaa, poissaolo_paattyy) or a previous payment (maksettu_*)",
                           "vakuutetut")
    if not kausi_kelpaa(as_period(kuukaudet[-1])):
        raise Asiakasvirhe(400, "virheellinen_kausi", "the revision must end by 9999-11-30", "vakuutetut")
    if len(kuukaudet) > asetukset.max_months:
        raise Asiakasvirhe(413, "liian_monta_kuukautta",
                           f"the revision spans {len(kuukaudet)} calendar months; the limit is {asetukset.max_months} (--max-months)", "vakuutetut")
    L = _Lukija(tbs, tilanne, sim)
    tyonantajat = [str(x) or None for x in L("tyonantajan_tunnus", _K0)]
    saajat = []
    kunnalta = sum(float(L("kunnan_liikamaksu_vakuutetulta", kk)[0]) for kk in kuukaudet)
    for m in MAKSUNSAAJAT:
        rivit = [(0, tunnus)] if m.entiteetti == "vakuutettu" else list(enumerate(ids))
        koko = {n: L(n, _K0) for n in (m.liikamaksu_yhteensa, m.maksettava_yhteensa, m.takaisinperittava_yhteensa,
                                       m.kuittaus, m.perittava, m.maksettava_kuittauksen_jalkeen, m.kuulemiskirje, m.suostumus) if n}
        for i, rivi in rivit:
            kk_rivit = [_kuukausi(L, m, kk, i, m.koodi == "vakuutettu") for kk in kuukaudet]
            if m.koodi != "vakuutettu" and not any(k.oikaistu or k.maksettu for k in kk_rivit):
                continue  # a payee never paid and not paid now is no payee of the revision
            saajat.append(MaksunsaajanTarkistus(
                maksunsaaja=m.koodi, tunnus=rivi, tyonantajan_tunnus=None if m.entiteetti == "vakuutettu" else tyonantajat[i],
                nimi=osapuolet.nimi if m.entiteetti == "vakuutettu" else (osapuolet.tyonantajat.get(rivi) or {}).get("nimi"),
                kuukaudet=kk_rivit, liikamaksu=_e(koko[m.liikamaksu_yhteensa][i]), maksettava=_e(koko[m.maksettava_yhteensa][i]),
                takaisinperittava=_e(koko[m.takaisinperittava_yhteensa][i]), kuittaus=_e(koko[m.kuittaus][i]),
                perittava=_e(koko[m.perittava][i]), maksettava_kuittauksen_jalkeen=_e(koko[m.maksettava_kuittauksen_jalkeen][i]),
                kuulemiskirje=bool(m.kuulemiskirje and koko[m.kuulemiskirje][i]),
                suostumus_tarvitaan=bool(m.suostumus and koko[m.suostumus][i]),
                kunnan_liikamaksu_vakuutetulta=_e(kunnalta) if m.koodi in ("vakuutettu", "kunta") else 0.0,
            ))
    paiva = np.datetime64(L("tarkistuspaatoksen_paiva", _K0)[0], "D")
    tarkista_aarellisyys(sim, tbs)
    return Tarkistus(
        peruste=L("tarkistuksen_peruste", _K0).decode()[0].name,
        tarkistuspaatoksen_paiva=None if paiva == _EI_ANNETTU else paiva.astype(dt.date),
        kuukaudet=kuukaudet, maksunsaajat=saajat,
    ), osapuolet


def vastaus(tbs, data: dict, kieli: str, asetukset, saaja: str | None = None) -> dict:
    """The `/tarkistus` answer: the revision and its documents (all, or one recipient's)."""
    tarkistus, osapuolet = lue_tarkistus(tbs, data, asetukset)
    tarkistus.asiakirjat = laadi_asiakirjat(tarkistus, kieli, osapuolet.edustajat)
    if saaja is not None:
        tarkistus = valitse_saaja(tarkistus, saaja)
    return _VASTAUS.dump_python(tarkistus, mode="json")


def _saajan_avain(m: MaksunsaajanTarkistus) -> tuple[str, ...]:
    return (m.maksunsaaja,) if m.maksunsaaja == "vakuutettu" else (m.maksunsaaja, f"{m.maksunsaaja}:{m.tunnus}")


def valitse_saaja(tarkistus: Tarkistus, saaja: str) -> Tarkistus:
    """Only the payee(s) `saaja` names (`vakuutettu`, `tyonantaja`, `tyonantaja:<row>`, `palkkaturvan_maksaja`,
    `kunta`, `tyottomyyskassa`, `kela`) and their documents,
    or one representative's copies (`edunvalvoja:<tunnus>`, `valtuutettu:<tunnus>`)."""
    kopiot = [d for d in tarkistus.asiakirjat if d.vastaanottaja == saaja and saaja.startswith(("edunvalvoja:", "valtuutettu:"))]
    if kopiot:
        tarkistus.maksunsaajat = [m for m in tarkistus.maksunsaajat if m.maksunsaaja == "vakuutettu"]
        tarkistus.asiakirjat = kopiot
        return tarkistus
    saajat = [m for m in tarkistus.maksunsaajat if saaja in _saajan_avain(m)]
    if not saajat:
        tunnetut = sorted({a for m in tarkistus.maksunsaajat for a in _saajan_avain(m)})
        raise Asiakasvirhe(400, "tuntematon_saaja", f"no payee {saaja[:80]!r} in this revision; expected one of {', '.join(tunnetut)}", "saaja")
    omat = {(m.maksunsaaja, m.tunnus) for m in saajat}
    tarkistus.maksunsaajat = saajat
    tarkistus.asiakirjat = [d for d in tarkistus.asiakirjat if (d.maksunsaaja, d.tunnus) in omat]
    return tarkistus


def tyonantajan_tarkistus(runko: dict) -> dict:
    """The employer's copy of a `/tarkistus` answer: only the employer payees and their documents
    (the request held only the organisation's own rows, `turva/tyonantajan_osa.py`)."""
    runko = dict(runko)
    runko["maksunsaajat"] = [m for m in runko.get("maksunsaajat") or () if m.get("maksunsaaja") == "tyonantaja"]
    runko["asiakirjat"] = [d for d in runko.get("asiakirjat") or () if d.get("maksunsaaja") == "tyonantaja"]
    return runko
