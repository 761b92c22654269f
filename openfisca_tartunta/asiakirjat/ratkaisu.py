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
from openfisca_tartunta.asiakirjat.tapaus import NETON_SAAJAT, KuukaudenLuvut, Tapaus

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
    palkkaturva: Optional[Tyonantajalle] = None  # the pay-security payer, a party like an employer (1.3.2.7)
    elamantavat: list = field(default_factory=list)  # (month, cents) paid to the social-welfare body (1.9.2.5)


def _sum(kuukaudet, f) -> int:
    return sum(f(k) for k in kuukaudet)


def _ei_ansionmenetysta_syy(k: KuukaudenLuvut) -> str:
    """Why a month has no loss: replacement work at equal pay (1.3.3.2.2) or no work lost at all (1.6)."""
    korvattu = any(t.rooli == "palkkatyo" and t.arvio_senttia > 0 and t.korvaava_senttia >= t.arvio_senttia for t in k.tyot)
    return "korvaava_tyo" if korvattu else "ei_ansiotyota"


def tyonantajat(tapaus: Tapaus) -> list[Tyonantajalle]:
    """Employers paid a share, by employer id (rows without an id stay separate).  A row-month whose
    pay was paid as pay security is the pay-security payer's, not the employer's (1.3.2.7, 1.8.4.1)."""
    saajat: dict[str, Tyonantajalle] = {}
    for k in tapaus.kuukaudet:
        for t in k.tyot:
            if t.rooli != "palkkatyo" or t.palkkaturva or (t.itselleen_senttia <= 0 and t.palkka_senttia <= 0):
                continue
            avain = t.tyonantajan_tunnus or f"?{t.ansiotyo}"
            s = saajat.setdefault(avain, Tyonantajalle(f"tyonantaja:{t.ansiotyo}", t.tyonantajan_tunnus, []))
            if t.ansiotyo not in s.ansiotyot:
                s.ansiotyot.append(t.ansiotyo)
            s.senttia += t.itselleen_senttia
            s.tunnus_puuttuu |= t.tunnus_puuttuu
    return list(saajat.values())


def palkkaturvan_maksaja(tapaus: Tapaus) -> Optional[Tyonantajalle]:
    """The pay-security payer (1.3.2.7, 1.9.2.3): the rows paid as pay security and its share, or None."""
    saaja = Tyonantajalle("palkkaturvan_maksaja", None, [])
    for k in tapaus.kuukaudet:
        for t in k.tyot:
            if t.rooli == "palkkatyo" and t.palkkaturva and (t.palkkaturvalle_senttia > 0 or t.palkka_senttia > 0):
                if t.ansiotyo not in saaja.ansiotyot:
                    saaja.ansiotyot.append(t.ansiotyo)
                saaja.senttia += t.palkkaturvalle_senttia
    return saaja if saaja.ansiotyot else None


def _kuukausittain(tapaus: Tapaus, f) -> list[tuple[str, int]]:
    """(month, cents) of the months where `f` is not zero."""
    return [(k.kuukausi, f(k)) for k in tapaus.kuukaudet if f(k)]


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
    palkkaturva = palkkaturvan_maksaja(tapaus)
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
        _tiedot(tapaus, maksajat, syyt, palkkaturva)
    granted = _sum(kk, lambda k: k.myonnetyt)
    if granted == 0:
        ratkaisu = Ratkaisu.kielteinen
    elif granted >= paatos:
        ratkaisu = Ratkaisu.myonteinen
    else:
        ratkaisu = Ratkaisu.osittain_myonteinen
    jaksot.sort(key=lambda j: (j.alkaa, j.ratkaisu != JaksonRatkaisu.myonnetaan))
    elamantavat = _kuukausittain(tapaus, lambda k: k.osat.get("kunnalle_elamantapojen_vuoksi", 0))
    return Ratkaistu(ratkaisu, jaksot, syyt, _huomiot(tapaus, ratkaisu, maksajat, palkkaturva, elamantavat), maksajat, myonnetty,
                     palkkaturva, elamantavat)


def _tiedot(tapaus: Tapaus, maksajat: list[Tyonantajalle], syyt: list[Syy], palkkaturva: Optional[Tyonantajalle]) -> None:
    kk = tapaus.kuukaudet
    for saaja in maksajat:
        if saaja.senttia > 0:
            syyt.append(Syy("tyonantajalle", Vaikutus.tieto, kentat={"saaja": saaja}))
    if palkkaturva is not None and palkkaturva.senttia > 0:
        syyt.append(Syy("palkkaturvan_maksajalle", Vaikutus.tieto, kentat={
            "kuukaudet": _kuukausittain(tapaus, lambda k: k.palkkaturvalle),
            "tunnukset": sorted({t.tyonantajan_tunnus or t.ansiotyo for k in kk for t in k.tyot if t.palkkaturvalle_senttia})}))
    _muille(tapaus, syyt, REGRESSIT)
    ennakko = _sum(kk, lambda k: k.ennakonpidatys)
    if ennakko:
        lahde = any(k.lahdevero for k in kk if k.ennakonpidatys)
        syyt.append(Syy("lahdevero" if lahde else "ennakonpidatys", Vaikutus.tieto, kentat={"senttia": ennakko}))
    _muille(tapaus, syyt, ENNEN_ULOSOTTOA)
    ulosotto = _sum(kk, lambda k: k.ulosotto)
    if ulosotto:
        syyt.append(Syy("ulosotto", Vaikutus.tieto, kentat={"senttia": ulosotto}))
    _muille(tapaus, syyt, ULOSOTON_JALKEEN)
    _neton_saaja(tapaus, syyt)
    if tapaus.maksukaudet:
        syyt.append(Syy("maksukaudet", Vaikutus.tieto, kentat={"lkm": len(tapaus.maksukaudet)}))
    if tapaus.jatko:
        syyt.append(Syy("jatkopaatos", Vaikutus.tieto, kentat=dict(tapaus.jatko)))


#: reason code → the variable of the part it states, in the order the claims are met (RULES.md §11):
#: the regress before tax, the claims on the net before distraint, the way-of-life payment after it
REGRESSIT = {"kelalle_regressina": "regressina_kelalle", "tyottomyyskassalle_regressina": "regressina_tyottomyyskassalle"}
ENNEN_ULOSOTTOA = {"kelalle_netosta": "kelalle_ennen_ulosottoa", "tyottomyyskassalle_netosta": "tyottomyyskassalle_ennen_ulosottoa",
                   "kunnalle_netosta": "kunnalle_ennen_ulosottoa"}
ULOSOTON_JALKEEN = {"kunnalle_elamantapojen_vuoksi": "kunnalle_elamantapojen_vuoksi"}


def _muille(tapaus: Tapaus, syyt: list[Syy], osat: dict[str, str]) -> None:
    """One reason per part paid to Kela, the fund or the municipality, with its months and amounts and the
    claims behind it."""
    for koodi, nimi in osat.items():
        kuukaudet = _kuukausittain(tapaus, lambda k: k.osat.get(nimi, 0))
        if kuukaudet:
            vaatimukset = set().union(*(k.vaatimukset for k in tapaus.kuukaudet if k.osat.get(nimi, 0)))
            hyvinvointialue = any(k.hyvinvointialue for k in tapaus.kuukaudet if k.osat.get(nimi, 0))
            syyt.append(Syy(koodi, Vaikutus.tieto, kentat={"kuukaudet": kuukaudet, "vaatimukset": vaatimukset,
                                                           "hyvinvointialue": hyvinvointialue}))


def _neton_saaja(tapaus: Tapaus, syyt: list[Syy]) -> None:
    """Who receives the insured's net when it is not the insured (1.9.2.4, 1.9.2.8)."""
    for saaja in NETON_SAAJAT[1:]:
        kuukaudet = _kuukausittain(tapaus, lambda k: k.maksut.get(saaja, 0))
        if kuukaudet:
            syyt.append(Syy("netto_" + saaja, Vaikutus.tieto, kentat={"kuukaudet": kuukaudet}))


#: payee of the insured's net → the representative role of `asianosaiset` that gets the copy (1.8.4.1)
EDUSTAJAN_ROOLI = {"edunvalvoja": "edunvalvoja", "edunvalvontavaltuutettu": "valtuutettu"}


def _huomiot(tapaus: Tapaus, ratkaisu: Ratkaisu, maksajat: list[Tyonantajalle], palkkaturva: Optional[Tyonantajalle] = None,
             elamantavat: list = ()) -> list[Syy]:
    """Notes for the handler only: what the documents cannot settle (1.3.2.8, 1.5.4.1, 1.8.3, 1.7.2.3,
    1.3.2.7, 1.9.2.5, 1.8.4.1)."""
    huomiot = []
    for saaja in maksajat:
        if saaja.tunnus_puuttuu:
            huomiot.append(Syy("tyonantajan_tunnus_puuttuu", Vaikutus.tieto, kentat={"ansiotyot": saaja.ansiotyot}))
    if palkkaturva is not None:
        huomiot.append(Syy("palkkaturvapaatos", Vaikutus.tieto))
    if elamantavat:
        huomiot.append(Syy("elamantavat_kuuleminen", Vaikutus.tieto))
    myohassa = [k.kuukausi for k in tapaus.kuukaudet if k.kunnan_vaatimus_myohassa]
    if myohassa:
        huomiot.append(Syy("kunnan_vaatimus_myohassa", Vaikutus.tieto, kentat={"kuukaudet": myohassa}))
    annetut = {e.rooli for e in tapaus.edustajat}
    for saaja, rooli in EDUSTAJAN_ROOLI.items():
        if rooli not in annetut and any(k.maksut.get(saaja, 0) for k in tapaus.kuukaudet):
            huomiot.append(Syy("edustaja_puuttuu", Vaikutus.tieto, kentat={"rooli": rooli}))
    if ratkaisu != Ratkaisu.myonteinen:
        huomiot.append(Syy("kuuleminen", Vaikutus.tieto))
    if tapaus.vakuuttaminen_selvitettava:
        huomiot.append(Syy("vakuuttamisvelvollisuus", Vaikutus.tieto))
    if tapaus.paatospaiva is None:
        huomiot.append(Syy("paatospaiva_puuttuu", Vaikutus.tieto))
    return huomiot
