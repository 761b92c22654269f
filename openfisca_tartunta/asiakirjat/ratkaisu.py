"""Decide: the outcome, its periods and the reasons of a decision from the model's figures
(guideline 1.8.4.2, 1.3, 1.4, 1.5.3, 1.3.2.4, 1.9, 1.9.4).

Every arkipäivä of the decision gets one reason, in the model's order: outside the application
period (1.5.3), outside the paid window for another reason (a reform's waiting period), blocked
by a benefit (1.4, per benefit), on annual leave (1.3.2.4), then the missing conditions of the
month (insurance 1.3.1, loss of earnings 1.3.3/1.6), else granted.  Payment-restriction days
(1.9.4) are granted and not paid.  Language-free: `perustelut.py` writes the texts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from openfisca_tartunta.asiakirjat.malli import Jakso, JaksonRatkaisu, Ratkaisu, Vaikutus
from openfisca_tartunta.asiakirjat.tapaus import KuukaudenLuvut, Tapaus

_PAIVA = dt.timedelta(days=1)


@dataclass
class Syy:
    """A reason before it is written: code, effect, days, dates and the facts it states."""

    koodi: str
    vaikutus: Vaikutus
    paivat: Optional[int] = None
    alkaa: Optional[dt.date] = None
    paattyy: Optional[dt.date] = None
    kentat: dict = field(default_factory=dict)


@dataclass
class Tyonantajalle:
    """A paid employer (1.8.4.1, 1.12.1): its rows, its share and the days it is paid for."""

    avain: str
    tyonantajan_tunnus: Optional[str]
    ansiotyot: list[str]
    senttia: int = 0
    tunnus_puuttuu: bool = False


@dataclass
class Ratkaistu:
    ratkaisu: Ratkaisu
    jaksot: list[Jakso]
    syyt: list[Syy]
    huomiot: list[Syy]
    tyonantajat: list[Tyonantajalle]
    myonnetty: Optional[tuple[dt.date, dt.date]]


def _sum(kuukaudet, f) -> int:
    return sum(f(k) for k in kuukaudet)


def _ei_ansionmenetysta_syy(k: KuukaudenLuvut) -> str:
    """Why a month has no loss: replacement work at equal pay (1.3.3.2.2) or no work lost at all (1.6)."""
    korvattu = any(t.rooli == "palkkatyo" and t.arvio_senttia > 0 and t.korvaava_senttia >= t.arvio_senttia for t in k.tyot)
    return "korvaava_tyo" if korvattu else "ei_ansiotyota"


def tyonantajat(tapaus: Tapaus) -> list[Tyonantajalle]:
    """Employers paid a share, by employer id (rows without an id stay separate)."""
    saajat: dict[str, Tyonantajalle] = {}
    for k in tapaus.kuukaudet:
        for t in k.tyot:
            if t.rooli != "palkkatyo" or (t.tyonantajalle_senttia <= 0 and t.palkka_senttia <= 0):
                continue
            avain = t.tyonantajan_tunnus or f"?{t.ansiotyo}"
            s = saajat.setdefault(avain, Tyonantajalle(f"tyonantaja:{t.ansiotyo}", t.tyonantajan_tunnus, []))
            if t.ansiotyo not in s.ansiotyot:
                s.ansiotyot.append(t.ansiotyo)
            s.senttia += t.tyonantajalle_senttia
            s.tunnus_puuttuu |= t.tunnus_puuttuu
    return list(saajat.values())


def _kielteiset(tapaus: Tapaus, jaksot: list[Jakso]) -> list[Syy]:
    kk, alku, loppu = tapaus.kuukaudet, tapaus.alku, tapaus.loppu
    syyt: list[Syy] = []
    myohassa = _sum(kk, lambda k: k.myohassa)
    if myohassa:
        paattyy = min(loppu, tapaus.hakuaika - _PAIVA)
        syyt.append(Syy("hakemus_myohassa", Vaikutus.kielteinen, myohassa, alku, paattyy,
                        {"saapunut": tapaus.saapunut, "maaraaika": tapaus.maaraaika, "kk": tapaus.hakuaika_kuukausina,
                         "hakuaika": tapaus.hakuaika}))
    ulkona = _sum(kk, lambda k: k.ikkunan_ulkopuolella)
    if ulkona:
        # the days before the model's paid window (e.g. a reform's waiting period at the start)
        kuukaudet = [k for k in kk if k.ikkunan_ulkopuolella]
        alkaa = max(alku, tapaus.hakuaika or alku)
        paattyy = kuukaudet[-1].ikkuna[0] - _PAIVA if kuukaudet[-1].ikkuna[0] else None
        if paattyy is None or paattyy < alkaa:
            alkaa = paattyy = None
        syyt.append(Syy("ei_maksettavaa_aikaa", Vaikutus.kielteinen, ulkona, alkaa, paattyy))
    for i, etuus in enumerate(tapaus.estavat_etuudet):
        paivat = _sum(kk, lambda k: k.estetyt[i])
        if etuus is not None and paivat:
            syyt.append(Syy("estava_etuus", Vaikutus.kielteinen, paivat, max(etuus.alkaa, alku), min(etuus.paattyy, loppu),
                            {"etuus": etuus.laji, "alkaa": etuus.alkaa, "avoin": etuus.paattyy.year == 9999}))
    maksettava_alku = max(alku, tapaus.hakuaika or alku)
    for i, loma in enumerate(tapaus.vuosilomat):  # each range with its own days (vuosiloma_N_arkipaivat)
        paivat = _sum(kk, lambda k: k.lomat[i])
        if loma is not None and paivat:
            syyt.append(Syy("vuosiloma", Vaikutus.kielteinen, paivat, max(loma.alkaa, maksettava_alku), min(loma.paattyy, loppu)))
    puuttuu = [k for k in kk if k.myonnettavissa > 0 and not k.oikeus]
    ryhmat: dict[str, list[KuukaudenLuvut]] = {}
    for k in puuttuu:
        koodi = "ei_vakuutettu" if not k.vakuutettu else (_ei_ansionmenetysta_syy(k) if not k.ansionmenetys else "ei_oikeutta")
        ryhmat.setdefault(koodi, []).append(k)
    for koodi, kuukaudet in ryhmat.items():
        syyt.append(Syy(koodi, Vaikutus.kielteinen, _sum(kuukaudet, lambda k: k.myonnettavissa),
                        kuukaudet[0].ikkuna[0], kuukaudet[-1].ikkuna[1], {"kuukaudet": [k.kuukausi for k in kuukaudet]}))
        for k in kuukaudet:
            jaksot.append(Jakso(k.ikkuna[0], k.ikkuna[1], JaksonRatkaisu.hylataan, k.myonnettavissa, koodi))
    for s in syyt:
        if s.alkaa is not None and s.koodi not in ryhmat:
            jaksot.append(Jakso(s.alkaa, s.paattyy, JaksonRatkaisu.hylataan, s.paivat, s.koodi))
    return syyt


def ratkaise(tapaus: Tapaus) -> Ratkaistu:
    """The decision of `tapaus` (see the module docstring)."""
    kk = tapaus.kuukaudet
    paatos = _sum(kk, lambda k: k.paatos)
    syyt: list[Syy] = []
    jaksot: list[Jakso] = []
    myonnetyt = [k for k in kk if k.myonnetyt > 0]
    myonnetty = (myonnetyt[0].ikkuna[0], myonnetyt[-1].ikkuna[1]) if myonnetyt else None
    maksajat = tyonantajat(tapaus)
    if tapaus.peruste == "ei_paatosta":
        syyt.append(Syy("ei_paatosta", Vaikutus.kielteinen, 0))
    elif paatos == 0:
        syyt.append(Syy("ei_arkipaivia", Vaikutus.kielteinen, 0, tapaus.alku, tapaus.loppu))
    elif not all(k.oikeuttaa for k in kk):
        paivat = _sum(kk, lambda k: k.paatos if not k.oikeuttaa else 0)
        syyt.append(Syy("lapsi_yli_ikarajan", Vaikutus.kielteinen, paivat, tapaus.alku, tapaus.loppu,
                        {"ika": tapaus.lapsen_ika, "raja": tapaus.lapsen_ikaraja}))
        jaksot.append(Jakso(tapaus.alku, tapaus.loppu, JaksonRatkaisu.hylataan, paivat, "lapsi_yli_ikarajan"))
    else:
        if myonnetty:
            paivat = _sum(kk, lambda k: k.myonnetyt)
            syyt.append(Syy("myonnetty", Vaikutus.myonteinen, paivat, *myonnetty, {"peruste": tapaus.peruste}))
            jaksot.append(Jakso(*myonnetty, JaksonRatkaisu.myonnetaan, paivat, "myonnetty"))
        syyt.extend(_kielteiset(tapaus, jaksot))
        for i, m in enumerate(tapaus.maksuesteet):  # granted days only (maksueste_N_arkipaivat of months with entitlement)
            este = _sum(kk, lambda k: k.esteet[i] if k.myonnetyt else 0)
            if m is not None and este and myonnetty:
                jakso = (max(m.alkaa, myonnetty[0]), min(m.paattyy, myonnetty[1]))
                syyt.append(Syy("maksamisen_rajoitus", Vaikutus.ei_makseta, este, *jakso))
                jaksot.append(Jakso(*jakso, JaksonRatkaisu.ei_makseta, este, "maksamisen_rajoitus"))
        _tiedot(tapaus, maksajat, syyt)
    granted = _sum(kk, lambda k: k.myonnetyt)
    if granted == 0:
        ratkaisu = Ratkaisu.kielteinen
    elif granted >= paatos:
        ratkaisu = Ratkaisu.myonteinen
    else:
        ratkaisu = Ratkaisu.osittain_myonteinen
    jaksot.sort(key=lambda j: (j.alkaa, j.ratkaisu != JaksonRatkaisu.myonnetaan))
    return Ratkaistu(ratkaisu, jaksot, syyt, _huomiot(tapaus, ratkaisu, maksajat), maksajat, myonnetty)


def _tiedot(tapaus: Tapaus, maksajat: list[Tyonantajalle], syyt: list[Syy]) -> None:
    kk = tapaus.kuukaudet
    for saaja in maksajat:
        if saaja.senttia > 0:
            syyt.append(Syy("tyonantajalle", Vaikutus.tieto, kentat={"saaja": saaja}))
    ennakko = _sum(kk, lambda k: k.ennakonpidatys)
    if ennakko:
        lahde = any(k.lahdevero for k in kk if k.ennakonpidatys)
        syyt.append(Syy("lahdevero" if lahde else "ennakonpidatys", Vaikutus.tieto, kentat={"senttia": ennakko}))
    ulosotto = _sum(kk, lambda k: k.ulosotto)
    if ulosotto:
        syyt.append(Syy("ulosotto", Vaikutus.tieto, kentat={"senttia": ulosotto}))
    if tapaus.maksukaudet:
        syyt.append(Syy("maksukaudet", Vaikutus.tieto, kentat={"lkm": len(tapaus.maksukaudet)}))
    if tapaus.jatko:
        syyt.append(Syy("jatkopaatos", Vaikutus.tieto, kentat=dict(tapaus.jatko)))


def _huomiot(tapaus: Tapaus, ratkaisu: Ratkaisu, maksajat: list[Tyonantajalle]) -> list[Syy]:
    """Notes for the handler only (1.3.2.8, 1.5.4.1, 1.8.3, 1.7.2.3)."""
    huomiot = []
    for saaja in maksajat:
        if saaja.tunnus_puuttuu:
            huomiot.append(Syy("tyonantajan_tunnus_puuttuu", Vaikutus.tieto, kentat={"ansiotyot": saaja.ansiotyot}))
    if ratkaisu != Ratkaisu.myonteinen:
        huomiot.append(Syy("kuuleminen", Vaikutus.tieto))
    if tapaus.vakuuttaminen_selvitettava:
        huomiot.append(Syy("vakuuttamisvelvollisuus", Vaikutus.tieto))
    if tapaus.paatospaiva is None:
        huomiot.append(Syy("paatospaiva_puuttuu", Vaikutus.tieto))
    return huomiot
