"""The decision proposal of one read case: decide, then render per recipient and language.

`laadi(tapaus, kieli)` gives the `Paatosehdotus`; `asiakirja(ehdotus, saaja)` one recipient's
document (by recipient id or role), for a case system or an access layer that serves one party.
"""

from __future__ import annotations

from openfisca_tartunta.asiakirjat import asiakirja as render
from openfisca_tartunta.asiakirjat import saadokset
from openfisca_tartunta.asiakirjat.kieli import Kieli, N_
from openfisca_tartunta.asiakirjat.malli import (
    AnsiotyonPeruste, AnsiotyonRooli, Asiakirja, Huomio, Kielikoodi, Kuukausi, Maksukausi, Maksunsaaja, MaksunsaajanKoodi, Paatos, Paatosehdotus,
    Paivaraha, Ratkaisu, Saaja, SaajanRooli, TyonantajanOsuus, Yhteensa,
)
from openfisca_tartunta.asiakirjat.perustelut import HUOMIOT, PERUSTE, kirjoita
from openfisca_tartunta.asiakirjat.ratkaisu import ratkaise
from openfisca_tartunta.asiakirjat.tapaus import KuukaudenLuvut, Tapaus, TyonLuvut

RATKAISU = {
    Ratkaisu.myonteinen: N_("Granted"),
    Ratkaisu.osittain_myonteinen: N_("Partly granted"),
    Ratkaisu.kielteinen: N_("Rejected"),
}

PERUSTE_TULO = {
    "ansionmenetys": N_("the employer's estimate of the lost monthly pay"),
    "edeltava_palkka": N_("the monthly pay just before the absence"),
    "yel": N_("YEL annual work income"),
    "myel": N_("MYEL annual work income"),
    "vapaaehtoinen": N_("annual work income of the voluntary insurance"),
    "ei_vakuutusta": N_("the taxed business income"),
}


def _e(senttia: int) -> float:
    return round(senttia / 100, 2)


def _peruste(t: TyonLuvut, k: Kieli) -> AnsiotyonPeruste:
    rooli = k._("employment") if t.rooli == "palkkatyo" else k._("self-employment")
    nimi = f"{rooli} ({t.tyonantajan_tunnus})" if t.tyonantajan_tunnus else rooli
    if t.korvaava_senttia:
        teksti = k._("%(tyo)s: %(peruste)s %(arvio)s less the pay for replacement work %(korvaava)s gives the basis %(maara)s; divided by %(jakaja)s, the part of the daily amount is %(osuus)s",
                     tyo=nimi, peruste=k._(PERUSTE_TULO[t.peruste]), arvio=k.eur(t.arvio_senttia), korvaava=k.eur(t.korvaava_senttia),
                     maara=k.eur(t.peruste_senttia), jakaja=t.jakaja, osuus=k.eur(t.osuus_senttia))
    else:
        teksti = k._("%(tyo)s: %(peruste)s %(maara)s; divided by %(jakaja)s, the part of the daily amount is %(osuus)s",
                     tyo=nimi, peruste=k._(PERUSTE_TULO[t.peruste]), maara=k.eur(t.peruste_senttia), jakaja=t.jakaja,
                     osuus=k.eur(t.osuus_senttia))
    return AnsiotyonPeruste(t.ansiotyo, AnsiotyonRooli(t.rooli), t.tyonantajan_tunnus, t.peruste, _e(t.peruste_senttia),
                            _e(t.korvaava_senttia), t.jakaja, _e(t.osuus_senttia), teksti)


def _osuudet(pari_senttia) -> list[TyonantajanOsuus]:
    return [TyonantajanOsuus(rivi, tunnus, _e(s)) for (rivi, tunnus), s in pari_senttia]


def _kuukausi(kk: KuukaudenLuvut, k: Kieli) -> Kuukausi:
    tyonantajille = [((t.ansiotyo, t.tyonantajan_tunnus), t.itselleen_senttia) for t in kk.tyot
                     if t.rooli == "palkkatyo" and not t.palkkaturva and (t.itselleen_senttia > 0 or t.palkka_senttia > 0)]
    return Kuukausi(kk.kuukausi, kk.paatos, kk.myonnetyt, kk.maksupaivat, _e(kk.paivaraha), [_peruste(t, k) for t in kk.tyot],
                    _e(kk.brutto), _osuudet(tyonantajille), _e(kk.tyonantajille), _e(kk.vakuutetulle), _e(kk.ennakonpidatys),
                    _e(kk.ulosotto), _e(kk.netto), _e(kk.palkkaturvalle), _e(kk.muille))


def _maara(tapaus: Tapaus, k: Kieli) -> list[str]:
    """One sentence per distinct daily amount and basis (pay may change between months)."""
    ryhmat: dict[tuple, list[KuukaudenLuvut]] = {}
    for kk in tapaus.kuukaudet:
        if kk.myonnetyt > 0:
            avain = (kk.paivaraha, tuple((t.ansiotyo, t.peruste_senttia, t.korvaava_senttia, t.osuus_senttia) for t in kk.tyot))
            ryhmat.setdefault(avain, []).append(kk)
    lauseet = []
    for (paivaraha, _), kuukaudet in ryhmat.items():
        erittely = "; ".join(_peruste(t, k).teksti for t in kuukaudet[0].tyot if t.peruste_senttia or t.osuus_senttia)
        kohta = k._("Your allowance is %(maara)s a day.", maara=k.eur(paivaraha))
        if len(ryhmat) > 1:
            kohta = k._("Your allowance is %(maara)s a day %(kuukaudet)s.", maara=k.eur(paivaraha), kuukaudet=k.kuukausina([x.kuukausi for x in kuukaudet]))
        lauseet.append(k._("%(kohta)s It is computed from the work the decision concerns: %(erittely)s.", kohta=kohta, erittely=erittely)
                       + " " + k._("Provision: %(saados)s.", saados=saadokset.nimi("svl_11_15", k.kieli)))
    return lauseet


def laadi(tapaus: Tapaus, kieli: str) -> Paatosehdotus:
    """Decide `tapaus` and render every recipient's document in `kieli`."""
    k = Kieli(kieli)
    r = ratkaise(tapaus)
    pituudet = tapaus.maksukausien_pituudet
    perustelut = [kirjoita(s, k, pituudet, tapaus) for s in r.syyt]
    etuus = k._("Infectious disease allowance")
    ratkaisu_teksti = k._(RATKAISU[r.ratkaisu])
    otsikko = k._("Decision on the infectious disease allowance")
    maara = _maara(tapaus, k)
    kk = tapaus.kuukaudet
    summa = lambda f: sum(f(x) for x in kk)  # noqa: E731
    vakuutetulle = summa(lambda x: x.vakuutetulle)
    netto = summa(lambda x: x.netto)

    saajat = [Saaja("vakuutettu", SaajanRooli.vakuutettu, tapaus.vakuutetun_nimi or k._("The insured person"), "vakuutettu",
                    maara=_e(vakuutetulle), netto=_e(netto))]
    asiakirjat = [render.vakuutetun_asiakirja(k, tapaus, r, perustelut, maara, otsikko, ratkaisu_teksti, "vakuutettu",
                                              saajat[0].nimi, SaajanRooli.vakuutettu)]
    for e in tapaus.edustajat:
        tunnus = f"{e.rooli}:{e.tunnus}"
        saajat.append(Saaja(tunnus, SaajanRooli(e.rooli), e.nimi, tunnus))
        asiakirjat.append(render.vakuutetun_asiakirja(k, tapaus, r, perustelut, maara, otsikko, ratkaisu_teksti, tunnus,
                                                      e.nimi, SaajanRooli(e.rooli)))
    for t in r.tyonantajat:
        doc = render.tyonantajan_asiakirja(k, tapaus, t, otsikko)
        saajat.append(Saaja(t.avain, SaajanRooli.tyonantaja, doc.saaja, t.avain, t.tyonantajan_tunnus, list(t.ansiotyot), _e(t.senttia)))
        asiakirjat.append(doc)
    if r.palkkaturva is not None:  # a party like an employer (1.3.2.7, RULES.md §12)
        doc = render.palkkaturvan_maksajan_asiakirja(k, tapaus, r.palkkaturva, otsikko)
        saajat.append(Saaja(doc.tunnus, SaajanRooli.palkkaturvan_maksaja, doc.saaja, doc.tunnus, None, list(r.palkkaturva.ansiotyot),
                            _e(r.palkkaturva.senttia)))
        asiakirjat.append(doc)
    if r.elamantavat:  # only the way-of-life payment makes the municipality a recipient (1.8.4.1)
        hyvinvointialue = any(x.hyvinvointialue for x in kk if x.osat.get("kunnalle_elamantapojen_vuoksi"))
        doc = render.kunnan_asiakirja(k, tapaus, r.elamantavat, otsikko, hyvinvointialue)
        saajat.append(Saaja(doc.tunnus, SaajanRooli.kunta, doc.saaja, doc.tunnus, maara=_e(sum(s for _kk, s in r.elamantavat))))
        asiakirjat.append(doc)

    myonnetyt = [x for x in kk if x.myonnetyt > 0]
    paivaraha = None
    if myonnetyt:
        paivaraha = Paivaraha(_e(myonnetyt[0].paivaraha), myonnetyt[0].kuukausi, [_peruste(t, k) for t in myonnetyt[0].tyot])
    kaudet = [Maksukausi(m.numero, m.alku, m.loppu, m.arkipaivat, m.vajaa, m.maksupaivat, _e(m.brutto),
                         _osuudet(m.tyonantajille.items()), _e(m.vakuutetulle), _e(m.ennakonpidatys), _e(m.ulosotto),
                         _e(m.netto), _e(sum(m.palkkaturvalle.values())), _e(m.muille)) for m in tapaus.maksukaudet]
    viitteet = []
    for p in perustelut:
        viitteet.extend(x for x in p.saadokset if x not in viitteet)
    kaytetyt = {saadokset.nimi(t, kieli): t for t in saadokset.kaikki()}
    lisat = ["svl_11_15", "svl_15_20", *render.MUUTOKSENHAUN_SAADOKSET]
    tunnukset = list(dict.fromkeys([kaytetyt[n] for n in viitteet] + lisat))
    return Paatosehdotus(
        kieli=Kielikoodi(kieli),
        etuus=etuus,
        otsikko=f"{etuus}: {ratkaisu_teksti}",
        vakuutettu=tapaus.vakuutettu,
        paatospaiva=tapaus.paatospaiva,
        ratkaisu=r.ratkaisu,
        ratkaisu_teksti=ratkaisu_teksti,
        paatos=Paatos(tapaus.peruste, k._(PERUSTE[tapaus.peruste]), tapaus.alku, tapaus.loppu, summa(lambda x: x.paatos),
                      tapaus.saapunut, bool(tapaus.jatko)),
        jaksot=r.jaksot,
        perustelut=perustelut,
        paivaraha=paivaraha,
        kuukaudet=[_kuukausi(x, k) for x in kk],
        maksukaudet=kaudet,
        yhteensa=Yhteensa(summa(lambda x: x.paatos), summa(lambda x: x.myonnetyt), summa(lambda x: x.maksupaivat),
                          _e(summa(lambda x: x.brutto)), _e(summa(lambda x: x.tyonantajille)), _e(vakuutetulle),
                          _e(summa(lambda x: x.ennakonpidatys)), _e(summa(lambda x: x.ulosotto)), _e(netto),
                          _e(summa(lambda x: x.palkkaturvalle)), _e(summa(lambda x: x.muille))),
        paatoksen_saajat=saajat,
        asiakirjat=asiakirjat,
        kasittelijan_huomiot=[Huomio(h.koodi, HUOMIOT[h.koodi][1](h, k), list(HUOMIOT[h.koodi][0])) for h in r.huomiot],
        saadokset=[saadokset.saados(t, kieli) for t in tunnukset],
        maksunsaajat=[Maksunsaaja(x.kuukausi, MaksunsaajanKoodi(koodi), _e(s)) for x in kk for koodi, s in x.maksut.items()],
    )


def asiakirja(ehdotus: Paatosehdotus, saaja: str) -> Asiakirja:
    """One recipient's document, by recipient id (`vakuutettu`, `tyonantaja:<ansiotyo>`,
    `edunvalvoja:<id>`, `valtuutettu:<id>`, `palkkaturvan_maksaja`, `kunta`) or, when only one
    recipient has it, by role."""
    osumat = [d for d in ehdotus.asiakirjat if d.tunnus == saaja]
    if not osumat:
        osumat = [d for d in ehdotus.asiakirjat if d.rooli.value == saaja]
    if len(osumat) != 1:
        tunnukset = ", ".join(d.tunnus for d in ehdotus.asiakirjat)
        raise KeyError(f"no single document for recipient {saaja!r}; recipients: {tunnukset}")
    return osumat[0]
