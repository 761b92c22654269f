"""The reasons of a decision proposal (guideline 1.8.4.2): each cites guideline sections and
statutes (`tekstit.PERUSTELUT`).

Days are counted per reason in the model's order: the application period first
(1.5.3), then a blocking benefit (1.4), then the insured status (1.3.1) and the
loss of earnings (1.3.3, 1.6) of the days that remain, then annual leave
(1.3.2.4); payment-restriction days (1.9.4) are granted but not paid.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from openfisca_tartunta.palvelin import tekstit
from openfisca_tartunta.palvelin.tekstit import Tekstit


@dataclass
class Tapaus:
    """What the reasons need to know of one computed case."""

    peruste: str
    alku: np.datetime64
    loppu: np.datetime64
    esto: np.datetime64  # first day a blocking benefit blocks (9999-12-31: none)
    saapunut: np.datetime64  # application arrived (1970-01-01: not given)
    hakuaika: np.datetime64  # first day the application reaches (1.5.3)
    lapsen_ika: int
    lapsen_ikaraja: int
    hakuaika_kuukausina: int
    kuukaudet: list  # per month: days and money (see paatosehdotus.py)
    summat: object  # totals in cents
    tyonantajat: list  # employers that get the decision, with their share
    maksukausia: int
    maksukaudet_pituudet: tuple[int, int]  # first period, following periods (arkipäivät)
    vakuuttaminen_selvitettava: bool


def laadi_perustelut(tapaus: Tapaus, t: Tekstit) -> list[dict]:
    """The reasons, positive first, then the rejected days, then information."""
    P: list[dict] = []
    kk_tiedot, summat = tapaus.kuukaudet, tapaus.summat
    alku, loppu, esto, saapunut = tapaus.alku, tapaus.loppu, tapaus.esto, tapaus.saapunut
    myonnetyt = [k for k in kk_tiedot if k["myonnetyt"] > 0]
    if summat.paatos == 0:
        P.append(t.perustelu("ei_arkipaivia", "kielteinen", 0, alku=t.pv(alku), loppu=t.pv(loppu)))
    elif not all(k["oikeuttaa"] for k in kk_tiedot):
        ika, raja = tapaus.lapsen_ika, tapaus.lapsen_ikaraja
        paivat = sum(k["paatos"] for k in kk_tiedot if not k["oikeuttaa"])
        P.append(t.perustelu("lapsi_yli_ikarajan", "kielteinen", paivat, raja=raja, ika=ika, alku=t.pv(alku), loppu=t.pv(loppu)))
    else:
        if myonnetyt:
            P.append(
                t.perustelu(
                    "myonnetty",
                    "myonteinen",
                    summat.myonnetyt,
                    peruste=tekstit.PERUSTE[tapaus.peruste][t.kieli],
                    alku=t.pv(myonnetyt[0]["ikkuna"][0]),
                    loppu=t.pv(myonnetyt[-1]["ikkuna"][1]),
                )
            )
            P.extend(_maara_perustelut(myonnetyt, t))
        myohassa = sum(k["myohassa"] for k in kk_tiedot)
        if myohassa:
            P.append(
                t.perustelu(
                    "hakemus_myohassa",
                    "kielteinen",
                    myohassa,
                    kk=tapaus.hakuaika_kuukausina,
                    saapunut=t.pv(saapunut),
                    alku=t.pv(alku),
                    loppu=t.pv(min(loppu, tapaus.hakuaika - 1)),
                )
            )
        estetty = sum(k["estetty"] for k in kk_tiedot)
        if estetty:
            P.append(
                t.perustelu(
                    "estava_etuus",
                    "kielteinen",
                    estetty,
                    alkaa=t.pv(esto),
                    alku=t.pv(max(esto, alku)),
                    loppu=t.pv(loppu),
                )
            )
        # Months with days that could be granted but for a missing condition (1.3.1; 1.3.3, 1.6).
        for koodi, puuttuu in (
            ("ei_vakuutettu", lambda k: not k["vakuutettu"]),
            ("ei_ansionmenetysta", lambda k: k["vakuutettu"] and not k["ansionmenetys"]),
        ):
            kuukaudet = [k for k in kk_tiedot if k["myonnettavissa"] > 0 and puuttuu(k)]
            if kuukaudet:
                P.append(
                    t.perustelu(
                        koodi,
                        "kielteinen",
                        sum(k["myonnettavissa"] for k in kuukaudet),
                        kuukaudet=t.kuukaudet([k["kuukausi"] for k in kuukaudet]),
                    )
                )
        loma = sum(k["loma_todellinen"] for k in kk_tiedot)
        if loma:
            P.append(t.perustelu("vuosiloma", "kielteinen", loma))
        este = sum(min(k["este"], k["myonnetyt"]) for k in kk_tiedot)
        if este:
            P.append(t.perustelu("maksamisen_rajoitus", "ei_makseta", este))
        for saaja in tapaus.tyonantajat:
            if saaja["senttia"] > 0:
                P.append(t.perustelu("tyonantajalle", "tieto", None, tunnus=saaja["tyonantajan_tunnus"] or "?", maara=t.eur(saaja["senttia"])))
        if summat.ennakonpidatys:
            P.append(t.perustelu("ennakonpidatys", "tieto", None, maara=t.eur(summat.ennakonpidatys)))
        if summat.ulosotto:
            P.append(t.perustelu("ulosotto", "tieto", None, maara=t.eur(summat.ulosotto)))
        if tapaus.maksukausia:
            ensimmainen, seuraava = tapaus.maksukaudet_pituudet
            P.append(
                t.perustelu(
                    "maksukaudet", "tieto", None, ensimmainen=ensimmainen, seuraava=seuraava, lkm=tapaus.maksukausia
                )
            )
        if tapaus.vakuuttaminen_selvitettava:
            P.append(t.perustelu("vakuuttamisvelvollisuus", "tieto"))
    return P



def _maara_perustelut(myonnetyt: list[dict], t: Tekstit) -> list[dict]:
    """One reason per distinct daily amount (pay may change between months)."""
    tulos = []
    ryhmat: dict[tuple, list[dict]] = {}
    for k in myonnetyt:
        avain = (k["paivaraha"], tuple((p["ansiotyo"], p["perusteen_maara"], p["peruste"]) for p in k["perusteet"]))
        ryhmat.setdefault(avain, []).append(k)
    for (paivaraha, _), kuukaudet in ryhmat.items():
        kk_teksti = ""
        if len(ryhmat) > 1:
            kk_teksti = " (" + t.kuukaudet([k["kuukausi"] for k in kuukaudet]) + ")"
        erittely = "; ".join(p["teksti"] for p in kuukaudet[0]["perusteet"] if p["perusteen_maara"] > 0 or p["osuus_paivalta"] > 0)
        tulos.append(t.perustelu("paivarahan_maara", "tieto", None, maara=t.eur(paivaraha), kuukausi=kk_teksti, erittely=erittely))
    return tulos
