"""Write the reasons (guideline 1.8.4.2) in one language: each reason cites the guideline's
sections and the provisions of `saadokset.yaml`; the wording is in the gettext catalogs."""

from __future__ import annotations

from openfisca_tartunta.asiakirjat import maksunsaajat, saadokset
from openfisca_tartunta.asiakirjat.kieli import Kieli, N_
from openfisca_tartunta.asiakirjat.malli import Perustelu
from openfisca_tartunta.asiakirjat.ratkaisu import Syy

#: The doctor's decision, as the first sentence of a granting reason (1.3.3, 1.3.3.3).
PERUSTE = {
    "tyosta_poissaolo": N_("The physician responsible for communicable diseases has ordered you to stay away from work to prevent the spread of a communicable disease"),
    "karanteeni": N_("The physician responsible for communicable diseases has placed you in quarantine to prevent the spread of a communicable disease"),
    "eristaminen": N_("The physician responsible for communicable diseases has ordered you into isolation to prevent the spread of a communicable disease"),
    "lapsen_kotona_pito": N_("The physician responsible for communicable diseases has ordered your child to be kept at home to prevent the spread of a communicable disease, and you are therefore prevented from working"),
    "ei_paatosta": N_("No decision"),
    # 2022 only: a certificate instead of the decision (SVL 8:1 a § 4 mom., L 139/2022)
    "covid19_tartunta": N_("A certificate shows that you have a reliably confirmed covid-19 infection and that taking part in work is not advisable because of the risk of spreading it"),
    "lapsen_covid19_tartunta": N_("A certificate shows that your child under 16 has a reliably confirmed covid-19 infection and that going to early childhood education or school is not advisable because of the risk of spreading it, and you are therefore prevented from working"),
}

#: Blocking benefits by name (1.4), as `luettelot.EstavaEtuus`.
ETUUS = {
    "kelan_kuntoutusraha": N_("a rehabilitation allowance from Kela"),
    "tyoelakelakien_kuntoutusraha": N_("a rehabilitation allowance under the earnings-related pension acts"),
    "kuntoutusajan_ansionmenetyskorvaus": N_("compensation for loss of earnings during rehabilitation"),
    "vanhuuselake": N_("an old-age pension"),
    "sopeutumiselake": N_("an adjustment pension of a Member of Parliament"),
    "osa_aikaelake": N_("a part-time pension"),
    "takuuelake": N_("a guarantee pension"),
    "muu": N_("another benefit that prevents the allowance"),
}


def _myonnetty(s: Syy, k: Kieli) -> str:
    return k._("%(peruste)s. You lose earnings because of it, so you are entitled to the infectious disease allowance for %(jakso)s (%(paivat)s).",
               peruste=k._(PERUSTE[s.kentat["peruste"]]), jakso=k.jakso(s.alkaa, s.paattyy), paivat=k.paivia(s.paivat))


def _myohassa(s: Syy, k: Kieli) -> str:
    return k.n_(
        "The allowance must be applied for within %(n)s month of the first day it is wanted for. For the decision's first day the application had to arrive by %(maaraaika)s. Your application arrived on %(saapunut)s, so the allowance is not paid for %(jakso)s (%(paivat)s).",
        "The allowance must be applied for within %(n)s months of the first day it is wanted for. For the decision's first day the application had to arrive by %(maaraaika)s. Your application arrived on %(saapunut)s, so the allowance is not paid for %(jakso)s (%(paivat)s).",
        s.kentat["kk"], maaraaika=k.pv(s.kentat["maaraaika"]), saapunut=k.pv(s.kentat["saapunut"]),
        jakso=k.jakso(s.alkaa, s.paattyy), paivat=k.paivia(s.paivat))


def _estava(s: Syy, k: Kieli) -> str:
    etuus = k._(ETUUS.get(s.kentat["etuus"] or "muu", ETUUS["muu"]))
    if s.kentat.get("avoin"):
        return k._("You receive %(etuus)s from %(alkaa)s. It prevents the infectious disease allowance, so the allowance is not paid for %(paivat)s from that day (%(jakso)s).",
                   etuus=etuus, alkaa=k.pv(s.kentat["alkaa"]), jakso=k.jakso(s.alkaa, s.paattyy), paivat=k.paivia(s.paivat))
    return k._("You receive %(etuus)s for %(jakso)s. It prevents the infectious disease allowance, so the allowance is not paid for %(paivat)s of that time.",
               etuus=etuus, jakso=k.jakso(s.alkaa, s.paattyy), paivat=k.paivia(s.paivat))


def _vuosiloma(s: Syy, k: Kieli) -> str:
    return k._("You were on annual leave %(jakso)s. Annual leave causes no loss of earnings, so the allowance is not paid for %(paivat)s of that time.",
               jakso=k.jakso(s.alkaa, s.paattyy), paivat=k.paivia(s.paivat))


def _kuukausina(s: Syy, k: Kieli, viesti: str) -> str:
    return k._(viesti, kuukaudet=k.kuukausina(s.kentat["kuukaudet"]), paivat=k.paivia(s.paivat))


def _tyonantajalle(s: Syy, k: Kieli) -> str:
    saaja = s.kentat["saaja"]
    return k._("Your employer %(tyonantaja)s paid you wages for the time of the absence. %(maara)s of the allowance is paid to the employer, at most the wages it paid for the same time.",
               tyonantaja=saaja.tyonantajan_tunnus or ", ".join(saaja.ansiotyot), maara=k.eur(saaja.senttia))


def _maksukaudet(s: Syy, k: Kieli, pituudet: tuple[int, int]) -> str:
    ensimmainen, seuraava = pituudet
    alku = k._("The allowance is paid afterwards by payment period: the first period is the first %(ensimmainen)s weekdays of the paid time and each following one %(seuraava)s weekdays.",
               ensimmainen=ensimmainen, seuraava=seuraava)
    return alku + " " + k.n_("There is %(n)s payment period.", "There are %(n)s payment periods.", s.kentat["lkm"])


#: code → (guideline sections, citation ids, writer)
PERUSTELUT = {
    "myonnetty": (["1.3", "1.3.3", "1.3.3.3", "1.3.4"], ["ttl_82", "svl_8_1a"], _myonnetty),
    "ei_paatosta": (["1.3.3", "1.3.3.3"], ["ttl_82", "svl_8_1a"], lambda s, k: k._(
        "The physician responsible for communicable diseases has not decided on absence from work, quarantine or isolation. The allowance cannot be granted without such a decision.")),
    "ei_arkipaivia": (["1.9"], ["svl_1_4"], lambda s, k: k._(
        "The decision's period %(jakso)s has no weekday for which the allowance is paid (Monday to Saturday except public holidays).", jakso=k.jakso(s.alkaa, s.paattyy))),
    "lapsi_yli_ikarajan": (["1.3.3", "1.3.3.1"], ["ttl_82"], lambda s, k: k._(
        "When a child is to be kept at home, the allowance is paid only to the guardian of a child under %(raja)s. Your child is %(ika)s, so you are not entitled to the allowance for %(jakso)s (%(paivat)s).",
        raja=s.kentat["raja"], ika=s.kentat["ika"], jakso=k.jakso(s.alkaa, s.paattyy), paivat=k.paivia(s.paivat))),
    "hakemus_myohassa": (["1.5.3"], ["svl_15_4_1_1"], _myohassa),
    "ei_maksettavaa_aikaa": (["1.9"], ["svl_8_1a"], lambda s, k: k._(
        "Under the rules in force, %(paivat)s of the decision are not within the time the allowance is paid for (for example a waiting period).", paivat=k.paivia(s.paivat))),
    "estava_etuus": (["1.4"], ["svl_8_6_1"], _estava),
    "vuosiloma": (["1.3.2.4", "1.9"], ["ttl_82"], _vuosiloma),
    "ei_vakuutettu": (["1.3", "1.3.1"], ["svl_1_2", "ttl_82"], lambda s, k: _kuukausina(s, k, N_(
        "Only a person insured under the Health Insurance Act is entitled to the allowance. You were not insured %(kuukaudet)s, so the allowance is not granted for %(paivat)s."))),
    "korvaava_tyo": (["1.3.3.2.2", "1.6"], ["ttl_82", "svl_8_1a"], lambda s, k: _kuukausina(s, k, N_(
        "The allowance compensates lost earnings. You did other suitable work %(kuukaudet)s for at least the pay you would have lost, so you lost no earnings and the allowance is not granted for %(paivat)s."))),
    "ei_ansiotyota": (["1.3.3", "1.6"], ["ttl_82", "svl_8_1a"], lambda s, k: _kuukausina(s, k, N_(
        "The allowance compensates lost earnings. You had no earnings from work that the absence made you lose %(kuukaudet)s, so the allowance is not granted for %(paivat)s."))),
    "ei_oikeutta": (["1.3"], ["ttl_82", "svl_8_1a"], lambda s, k: _kuukausina(s, k, N_(
        "The conditions of the allowance are not met %(kuukaudet)s, so the allowance is not granted for %(paivat)s."))),
    "maksamisen_rajoitus": (["1.9.4"], ["svl_8_5"], lambda s, k: k._(
        "The allowance is granted but not paid for %(jakso)s (%(paivat)s), when you serve a prison sentence or are in military, reserve or non-military service.",
        jakso=k.jakso(s.alkaa, s.paattyy), paivat=k.paivia(s.paivat))),
    "tyonantajalle": (["1.3.2", "1.3.2.3", "1.9.2.2", "1.8.4.1"], ["svl_8_1a_2", "svl_7_4"], _tyonantajalle),
    "ennakonpidatys": (["1.9.3", "1.9.3.4.1"], ["ennakkoperintalaki"], lambda s, k: k._(
        "Tax of %(maara)s in total is withheld from the part paid to you (withholding).", maara=k.eur(s.kentat["senttia"]))),
    "lahdevero": (["1.9.3", "1.9.3.2"], ["lahdeverolaki"], lambda s, k: k._(
        "Tax at source of %(maara)s in total is withheld from the part paid to you.", maara=k.eur(s.kentat["senttia"]))),
    "ulosotto": (["1.9.2.9"], ["ulosottokaari_4"], lambda s, k: k._(
        "Under the bailiff's payment prohibition, %(maara)s in total is withheld from the part paid to you for enforcement.", maara=k.eur(s.kentat["senttia"]))),
    "jatkopaatos": (["1.9"], ["vna_1335_2004_2_3"], lambda s, k: k._(
        "This is a continuation decision. Its first payment period completes the previous decision's last payment period of %(paivia)s weekdays to %(pituus)s weekdays.",
        paivia=s.kentat["edellinen_kausi_paivia"], pituus=s.kentat["edellinen_kausi_pituus"])),
}

HUOMIOT = {
    "tyonantajan_tunnus_puuttuu": (["1.3.2.8"], lambda s, k: k._(
        "Payment to the employer needs its business ID (Y-tunnus) or Kela's 999 ID: missing for %(rivit)s.", rivit=", ".join(s.kentat["ansiotyot"]))),
    "kuuleminen": (["1.5.4.1", "1.8.3"], lambda s, k: k._(
        "The decision is negative or partly negative: hear the customer before deciding unless the matter is clear from the application.")),
    "vakuuttamisvelvollisuus": (["1.7.2.3"], lambda s, k: k._(
        "The entrepreneur has no YEL or MYEL insurance although the taxed business income exceeds the review threshold: ask for clarification of the obligation to insure.")),
    "paatospaiva_puuttuu": (["1.8.4"], lambda s, k: k._(
        "No decision date was given (paatospaiva): the documents are undated.")),
    # the other payees (1.9.2): only what the documents cannot settle
    "palkkaturvapaatos": (["1.3.2.7", "1.9.2.3"], lambda s, k: k._(
        "Part of the allowance goes to the ELY Centre for pay security: check that the pay-security decision or the ELY Centre's notice, its payment details, the pay and the time it was paid for, and the name of the insolvent employer are at hand.")),
    "elamantavat_kuuleminen": (["1.9.2.5", "1.8.4.1"], lambda s, k: k._(
        "Part of the allowance is paid to the social welfare body because of the insured person's way of life: check that the body's written, reasoned application is at hand and hear the insured person on it (client letter PRS01) before deciding.")),
    "kunnan_vaatimus_myohassa": (["1.9.2.5"], lambda s, k: k._(
        "The claim of the municipality or wellbeing services county arrived less than two weeks before the payment day %(kuukaudet)s, so nothing is paid to it for that time: check the day it arrived and the payment day.",
        kuukaudet=k.kuukausina(s.kentat["kuukaudet"]))),
    "edustaja_puuttuu": (["1.8.4.1", "1.9.2.4"], lambda s, k: k._(
        "The insured person's net is paid to a representative (%(rooli)s) who is not named in asianosaiset/edustajat: name them so that they also get the decision.",
        rooli=k._(EDUSTAJA[s.kentat["rooli"]]))),
}

#: representative roles in a handler note
EDUSTAJA = {"edunvalvoja": N_("guardian"), "valtuutettu": N_("holder of a continuing power of attorney")}


def kirjoita(syy: Syy, k: Kieli, pituudet: tuple[int, int] = (0, 0), tapaus=None) -> Perustelu:
    if syy.koodi in maksunsaajat.PERUSTELUT:
        kohdat, viitteet, kirjoittaja = maksunsaajat.PERUSTELUT[syy.koodi]
        teksti = kirjoittaja(syy, k, tapaus)
    else:
        kohdat, viitteet, kirjoittaja = PERUSTELUT[syy.koodi]
        teksti = _maksukaudet(syy, k, pituudet) if syy.koodi == "maksukaudet" else kirjoittaja(syy, k)
    return Perustelu(syy.koodi, syy.vaikutus, syy.paivat, teksti, list(kohdat),
                     [saadokset.nimi(t, k.kieli) for t in viitteet], syy.alkaa, syy.paattyy)


PERUSTELUT["maksukaudet"] = (["1.9"], ["svl_16_1", "vna_1335_2004_2_3"], None)
