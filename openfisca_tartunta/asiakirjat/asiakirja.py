"""Render: one document per recipient in one language (guideline 1.8.4, 1.8.4.1, 1.11, 1.12.1, 1.15).

The insured's document has the whole decision.  A representative (edunvalvoja, valtuutettu)
gets the insured's copy.  A paid employer's document has only its own days, share, payment
periods and timing, and the insured's name and id as the case system gave them — never the
insured's tax, distraint, net amount or another employer's share (seed 002: benefit data are
confidential; 1.12.1: the employer is a party only for the days it paid).  The pay-security payer
(ELY Centre) gets a decision like an employer's, the municipality's social welfare body one for the
way-of-life payment only (1.3.2.7, 1.8.4.1; RULES.md §12).  The insured's document names every payee
(`maksunsaajat.py`).
"""

from __future__ import annotations

from openfisca_tartunta.asiakirjat import maksunsaajat, saadokset
from openfisca_tartunta.asiakirjat.kieli import Kieli, N_
from openfisca_tartunta.asiakirjat.malli import Asiakirja, JaksonRatkaisu, Kielikoodi, Osio, Perustelu, SaajanRooli, Vaikutus
from openfisca_tartunta.asiakirjat.ratkaisu import Ratkaistu, Tyonantajalle
from openfisca_tartunta.asiakirjat.tapaus import NETON_SAAJAT, Tapaus

_JAKSO = {
    JaksonRatkaisu.myonnetaan: N_("The infectious disease allowance is granted for %(jakso)s%(paivat)s."),
    JaksonRatkaisu.ei_makseta: N_("The allowance is granted but not paid for %(jakso)s%(paivat)s."),
    JaksonRatkaisu.hylataan: N_("The application is rejected for %(jakso)s%(paivat)s."),
}


#: The appeal instructions' provisions (1.15; `saadokset.yaml` says what was checked and where).
MUUTOKSENHAUN_SAADOKSET = ("svl_17_1", "svl_17_2", "hallintolaki_59_2")


def _lause(teksti: str) -> str:
    """One full stop where a citation ending in 'mom.' ends the sentence."""
    return teksti[:-1] if teksti.endswith("..") else teksti


def _muutoksenhaku(k: Kieli, tapaus: Tapaus) -> Osio:
    return Osio("muutoksenhaku", k._("How to appeal"), [
        k._("If you are not satisfied with this decision, you may appeal against it to the Social Security Appeal Board (sosiaaliturva-asioiden muutoksenhakulautakunta)."),
        k._("The board's decision can be appealed further to the Insurance Court (vakuutusoikeus)."),
        k._("Send the appeal to Kela in writing or in OmaKela within %(paivat)s days of the day you received the decision. The decision is taken to have reached you %(tiedoksi)s days after the posting date, unless shown otherwise.",
            paivat=tapaus.valitusaika_paivia, tiedoksi=tapaus.tiedoksisaanti_paivia),
        k._("State in the appeal which decision you appeal against, what change you ask for and why, and give your contact details. Kela first checks whether it can correct the decision itself; if not, it sends the appeal to the board."),
        _lause(k._("Provisions: %(saadokset)s.", saadokset=k.luettelo([saadokset.nimi(t, k.kieli) for t in MUUTOKSENHAUN_SAADOKSET]))),
    ])


def _ilmoitusvelvollisuus(k: Kieli) -> Osio:
    return Osio("ilmoitusvelvollisuus", k._("Duty to report changes"), [
        k._("Tell Kela without delay of any change that affects your right to the allowance or lowers its amount, for example if you start work or the doctor's decision ends earlier than planned, if a benefit that prevents the allowance starts, if you start serving a sentence or military or non-military service, or if you move abroad."),
        k._("Provision: %(saados)s.", saados=saadokset.nimi("svl_15_20", k.kieli)),
    ])


def _saadokset(k: Kieli, perustelut: list[Perustelu]) -> Osio:
    nimet: list[str] = []
    for p in perustelut:
        for n in p.saadokset:
            if n not in nimet:
                nimet.append(n)
    return Osio("saadokset", k._("Applied provisions"), nimet)


def _paatososio(k: Kieli, otsikko: str, ratkaistu: Ratkaistu, tapaus: Tapaus) -> Osio:
    kappaleet = [otsikko]
    for j in ratkaistu.jaksot:
        paivat = f" ({k.paivia(j.arkipaivat)})" if j.arkipaivat else ""
        kappaleet.append(k._(_JAKSO[j.ratkaisu], jakso=k.jakso(j.alkaa, j.paattyy), paivat=paivat))
    return Osio("paatos", k._("Decision"), kappaleet)


#: who receives the insured's net, in the payment-period line (1.9.2.1, 1.9.2.4, 1.9.2.8)
_NETTO = {
    "vakuutettu": N_("paid to you %(netto)s"),
    "edunvalvoja": N_("paid to your guardian %(netto)s"),
    "edunvalvontavaltuutettu": N_("paid to the holder of your continuing power of attorney %(netto)s"),
    "valtakirja": N_("paid under a power of attorney %(netto)s"),
}


def _neton_saaja(tapaus: Tapaus) -> str:
    """The one payee of the insured's net over the decision (the insured, unless only a representative is paid)."""
    saajat = {s for kk in tapaus.kuukaudet for s in kk.maksut if s in NETON_SAAJAT}
    return saajat.pop() if len(saajat) == 1 else "vakuutettu"


def _maksukausi_vakuutetulle(k: Kieli, m, saaja: str = "vakuutettu") -> str:
    if m.muille or saaja != "vakuutettu":
        return k._("Payment period %(n)s, %(jakso)s: %(paivat)s paid, %(brutto)s gross, of which %(vakuutetulle)s is your part; tax %(vero)s, distraint %(ulosotto)s, to other payees %(muille)s; %(netto)s.",
                   n=m.numero, jakso=k.jakso(m.alku, m.loppu), paivat=k.paivia(m.maksupaivat), brutto=k.eur(m.brutto),
                   vakuutetulle=k.eur(m.vakuutetulle), vero=k.eur(m.ennakonpidatys), ulosotto=k.eur(m.ulosotto),
                   muille=k.eur(m.muille), netto=k._(_NETTO[saaja], netto=k.eur(m.netto)))
    return k._("Payment period %(n)s, %(jakso)s: %(paivat)s paid, %(brutto)s gross, of which %(vakuutetulle)s to you; tax %(vero)s, distraint %(ulosotto)s, paid to you %(netto)s.",
               n=m.numero, jakso=k.jakso(m.alku, m.loppu), paivat=k.paivia(m.maksupaivat), brutto=k.eur(m.brutto),
               vakuutetulle=k.eur(m.vakuutetulle), vero=k.eur(m.ennakonpidatys), ulosotto=k.eur(m.ulosotto),
               netto=k.eur(m.netto))


def _vakuutettu(tapaus: Tapaus) -> str:
    """The insured's name and id as the case system gave them (else the situation's id)."""
    nimi = tapaus.vakuutetun_nimi or tapaus.vakuutettu
    return f"{nimi} ({tapaus.vakuutetun_henkilotunnus})" if tapaus.vakuutetun_henkilotunnus else nimi


def vakuutetun_asiakirja(k: Kieli, tapaus: Tapaus, ratkaistu: Ratkaistu, perustelut: list[Perustelu], maara: list[str],
                         otsikko: str, ratkaisu_teksti: str, tunnus: str, saaja: str, rooli: SaajanRooli) -> Asiakirja:
    """The insured's decision (also the representatives' copy)."""
    osiot = [_paatososio(k, ratkaisu_teksti, ratkaistu, tapaus)]
    osiot.append(Osio("perustelut", k._("Reasons"), [p.teksti for p in perustelut if p.vaikutus != Vaikutus.tieto or p.koodi == "jatkopaatos"]))
    if maara:
        osiot.append(Osio("maara", k._("Amount of the allowance"), maara))
    maksu = [p.teksti for p in perustelut if p.vaikutus == Vaikutus.tieto and p.koodi != "jatkopaatos"]
    neton_saaja = _neton_saaja(tapaus)
    maksu += [_maksukausi_vakuutetulle(k, m, neton_saaja) for m in tapaus.maksukaudet]
    if maksu:
        osiot.append(Osio("maksaminen", k._("Payment"), maksu))
    if maksunsaajat.nimetaanko(tapaus):
        osiot.append(Osio("maksunsaajat", k._("Payees"), [maksunsaajat.kuukauden_saajat(k, kk) for kk in tapaus.kuukaudet if kk.maksut]))
    if rooli != SaajanRooli.vakuutettu:
        osiot.insert(0, Osio("saaja", k._("Recipient"), [k._("Copy of the insured person's decision to the representative: %(nimi)s.", nimi=saaja),
                                                         k._("Insured person: %(vakuutettu)s.", vakuutettu=_vakuutettu(tapaus))]))
    osiot += [_ilmoitusvelvollisuus(k), _muutoksenhaku(k, tapaus), _saadokset(k, perustelut)]
    return Asiakirja(tunnus, saaja, rooli, Kielikoodi(k.kieli), otsikko, tapaus.paatospaiva, osiot)


def tyonantajan_asiakirja(k: Kieli, tapaus: Tapaus, tyonantaja: Tyonantajalle, otsikko: str) -> Asiakirja:
    """A paid employer's decision: only its rows, days, share and payment periods."""
    rivit = set(tyonantaja.ansiotyot)
    vakuutettu = _vakuutettu(tapaus)
    kuukaudet = []
    for kk in tapaus.kuukaudet:
        osuus = sum(t.itselleen_senttia for t in kk.tyot if t.ansiotyo in rivit)
        paivat = sum(t.tyonantajan_paivat for t in kk.tyot if t.ansiotyo in rivit and not t.palkkaturva)
        if osuus:
            kuukaudet.append(k._("%(maara)s %(kuukausi)s (%(paivat)s of paid leave).", kuukausi=k.kuukaudessa(kk.kuukausi),
                                 maara=k.eur(osuus), paivat=k.paivia(paivat)))
    kaudet = []
    for m in tapaus.maksukaudet:
        osuus = sum(s for (rivi, _t), s in m.tyonantajille.items() if rivi in rivit)
        if osuus:
            kaudet.append(k._("Payment period %(n)s, %(jakso)s: %(maara)s to the employer.", n=m.numero, jakso=k.jakso(m.alku, m.loppu), maara=k.eur(osuus)))
    tunnus = tyonantaja.tyonantajan_tunnus or ", ".join(tyonantaja.ansiotyot)
    nimi = " / ".join(tapaus.tyonantajien_nimet[r] for r in tyonantaja.ansiotyot if r in tapaus.tyonantajien_nimet) or tunnus
    osiot = [
        Osio("paatos", k._("Decision"), [
            k._("Insured person: %(vakuutettu)s.", vakuutettu=vakuutettu),
            k._("The employer %(tyonantaja)s paid wages for the insured person's absence. %(maara)s of the infectious disease allowance is paid to the employer.",
                tyonantaja=tunnus, maara=k.eur(tyonantaja.senttia)),
            *kuukaudet,
        ]),
        Osio("perustelut", k._("Reasons"), [
            k._("An employer that has paid wages for the time of the absence is entitled to the allowance up to the wages it paid for the same time."),
        ]),
        Osio("maksaminen", k._("Payment"), [
            k._("The employer's share is paid afterwards on the insured person's payment schedule, after each payment period ends."),
            *kaudet,
        ]),
        _muutoksenhaku(k, tapaus),
        Osio("saadokset", k._("Applied provisions"), [saadokset.nimi(t, k.kieli) for t in ("svl_8_1a_2", "svl_7_4", "vna_1335_2004_2_3", *MUUTOKSENHAUN_SAADOKSET)]),
    ]
    return Asiakirja(tyonantaja.avain, nimi, SaajanRooli.tyonantaja, Kielikoodi(k.kieli), otsikko, tapaus.paatospaiva, osiot)


def palkkaturvan_maksajan_asiakirja(k: Kieli, tapaus: Tapaus, saaja: Tyonantajalle, otsikko: str) -> Asiakirja:
    """The pay-security payer's decision, like an employer's (1.3.2.7, 1.9.2.3; RULES.md §12): the rows paid
    as pay security, their share, days and payment periods — nothing of the insured's tax, distraint or net."""
    rivit = set(saaja.ansiotyot)
    kuukaudet = []
    for kk in tapaus.kuukaudet:
        osuus = sum(t.palkkaturvalle_senttia for t in kk.tyot if t.ansiotyo in rivit)
        paivat = sum(t.tyonantajan_paivat for t in kk.tyot if t.ansiotyo in rivit and t.palkkaturvalle_senttia)
        if osuus:
            kuukaudet.append(k._("%(maara)s %(kuukausi)s (%(paivat)s of paid leave).", kuukausi=k.kuukaudessa(kk.kuukausi),
                                 maara=k.eur(osuus), paivat=k.paivia(paivat)))
    kaudet = []
    for m in tapaus.maksukaudet:
        osuus = sum(s for (rivi, _t), s in m.palkkaturvalle.items() if rivi in rivit)
        if osuus:
            kaudet.append(k._("Payment period %(n)s, %(jakso)s: %(maara)s to the ELY Centre.", n=m.numero, jakso=k.jakso(m.alku, m.loppu), maara=k.eur(osuus)))
    tunnukset = sorted({t.tyonantajan_tunnus or t.ansiotyo for kk in tapaus.kuukaudet for t in kk.tyot if t.ansiotyo in rivit})
    nimet = [tapaus.tyonantajien_nimet[r] for r in saaja.ansiotyot if r in tapaus.tyonantajien_nimet]
    tyonantaja = " / ".join(nimet) + f" ({', '.join(tunnukset)})" if nimet else ", ".join(tunnukset)
    osiot = [
        Osio("paatos", k._("Decision"), [
            k._("Insured person: %(vakuutettu)s.", vakuutettu=_vakuutettu(tapaus)),
            k._("The ELY Centre paid as pay security the wages of the employer %(tyonantaja)s for the insured person's absence. %(maara)s of the infectious disease allowance is paid to the ELY Centre.",
                tyonantaja=tyonantaja, maara=k.eur(saaja.senttia)),
            *kuukaudet,
        ]),
        Osio("perustelut", k._("Reasons"), [
            k._("The employee's claims paid as pay security pass to the state with all their rights. The allowance is paid to the ELY Centre up to the wages it paid as pay security for the same time."),
        ]),
        Osio("maksaminen", k._("Payment"), [
            k._("The share is paid afterwards on the insured person's payment schedule, after each payment period ends."),
            *kaudet,
        ]),
        _muutoksenhaku(k, tapaus),
        Osio("saadokset", k._("Applied provisions"), [saadokset.nimi(t, k.kieli) for t in ("palkkaturvalaki_16", "svl_8_1a_2", "svl_7_4", "vna_1335_2004_2_3", *MUUTOKSENHAUN_SAADOKSET)]),
    ]
    return Asiakirja(saaja.avain, k._("ELY Centre (pay security)"), SaajanRooli.palkkaturvan_maksaja, Kielikoodi(k.kieli), otsikko,
                     tapaus.paatospaiva, osiot)


def kunnan_asiakirja(k: Kieli, tapaus: Tapaus, kuukaudet: list[tuple[str, int]], otsikko: str, hyvinvointialue: bool) -> Asiakirja:
    """The social welfare body's decision when it applied for the allowance because of the insured's way of
    life (1.8.4.1, 1.9.2.5; SVL 15:12 § 3 mom.): its amount per month and payment — nothing of the insured's
    tax, distraint or other payees.  (For income support or a client fee it gets no decision, 1.8.4.1.)"""
    elin = k._("The social welfare body of the wellbeing services county") if hyvinvointialue else k._("The social welfare body of the municipality")
    yhteensa = sum(s for _kk, s in kuukaudet)
    osiot = [
        Osio("paatos", k._("Decision"), [
            k._("Insured person: %(vakuutettu)s.", vakuutettu=_vakuutettu(tapaus)),
            k._("On the body's application, %(maara)s of the insured person's infectious disease allowance is paid to the body, to be used for the maintenance of the insured person and their family: %(maarat)s.",
                maara=k.eur(yhteensa), maarat=maksunsaajat.maarat(k, kuukaudet)),
        ]),
        Osio("perustelut", k._("Reasons"), [
            k._("The allowance may be paid in part or in full to the social welfare body, on its written and reasoned application, when paying it to the insured person would endanger the livelihood of the insured person, their family or the children they support because of the insured person's way of life."),
        ]),
        Osio("maksaminen", k._("Payment"), [
            k._("The amount is paid afterwards on the insured person's payment schedule, after each payment period ends."),
        ]),
        _muutoksenhaku(k, tapaus),
        Osio("saadokset", k._("Applied provisions"), [saadokset.nimi(t, k.kieli) for t in ("svl_15_12_3", "vna_1335_2004_2_3", *MUUTOKSENHAUN_SAADOKSET)]),
    ]
    return Asiakirja("kunta", elin, SaajanRooli.kunta, Kielikoodi(k.kieli), otsikko, tapaus.paatospaiva, osiot)
