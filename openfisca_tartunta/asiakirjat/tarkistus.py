"""The revision's documents: a revision or rectification decision per recipient with the reasons of
each change, and the overpayment notice with its hearing (guideline 1.10, 1.12, 1.12.1, 1.13, 1.14,
1.9.3.6).

Read → decide → render: the figures are the model's (`palvelin/tarkistus.py` reads them into
`tarkistuksen_malli.Tarkistus`); this module only chooses the texts and formats the amounts.
Texts are English msgids of the gettext domain `tarkistus` (`locale/<kieli>/LC_MESSAGES/tarkistus.po`;
template `locale/tarkistus.pot`, marked with `T_` / `k.t`), apart from the month phrases, which
are the decision documents' own (`kieli.Kieli`).
"""

from __future__ import annotations

import dataclasses

from babel.support import NullTranslations

from openfisca_tartunta.asiakirjat.kieli import Kieli, kaannokset
from openfisca_tartunta.asiakirjat.tarkistuksen_malli import (
    Kappale,
    MaksunsaajanTarkistus,
    Taulukkorivi,
    Tarkistus,
    TarkistuksenAsiakirja,
)

TOIMIALUE = "tarkistus"


def T_(viesti: str) -> str:
    """Marks a msgid of the `tarkistus` domain (`pybabel extract -k T_ -k t`)."""
    return viesti


def _kaannokset(kieli: str) -> NullTranslations:
    return kaannokset(kieli, TOIMIALUE)


class TarkistuksenKieli(Kieli):
    """`Kieli` with the revision's own catalog (`t`)."""

    def __init__(self, kieli: str) -> None:
        super().__init__(kieli)
        self._t = _kaannokset(kieli)

    def t(self, viesti: str, **kentat) -> str:
        teksti = self._t.gettext(viesti)
        return teksti % kentat if kentat else teksti

    def euroa(self, maara: float) -> str:
        return self.eur(int(round(maara * 100)))

    def etumerkilla(self, maara: float) -> str:
        return ("+" if maara > 0 else "") + self.euroa(maara) if maara >= 0 else "−" + self.euroa(-maara)


_SYYT = {
    "paatos_paattynyt": T_("the absence order ended earlier, so the allowance is no longer paid for these days (1.14)"),
    "estava_etuus": T_("a benefit that prevents the allowance was granted for days of the month (1.4)"),
    "vuosiloma": T_("annual leave was reported for days of the month, and no allowance is paid for annual leave (1.3.2.4)"),
    "tyonantajan_osuus": T_("the employers' pay reports changed how the allowance is split between the employers and the insured person (1.3.2.3)"),
    "maara": T_("the amount of the allowance was corrected (1.6)"),
}
_PERUSTE = {
    "tarkistus": T_("The decision is revised because the circumstances changed after it was given (1.13, 1.14)."),
    "oikaisu": T_("The decision is rectified because it was incorrect from the start (1.12)."),
    "estava_etuus_takautuvasti": T_(
        "The decision is revised because a benefit that prevents the allowance was granted retroactively. "
        "The decision is made without hearing and without consent (Health Insurance Act 1224/2004, chapter 17, section 3 a)."
    ),
}


#: The payees that are neither the insured nor an employer (1.9.2.3, 1.9.2.5–1.9.2.7).
_MUUT_SAAJAT = {
    "palkkaturvan_maksaja": T_("The pay-security payer (ELY Centre)"),
    "kunta": T_("The municipality"),
    "tyottomyyskassa": T_("The unemployment fund"),
    "kela": T_("Kela"),
}
#: How an overpayment to each of them is handled (RULES.md §10).
_MUIDEN_PERINTA = {
    "tyonantaja": T_("An overpayment to an employer is recovered gross: it was not subject to tax withholding (1.10)."),
    "palkkaturvan_maksaja": T_(
        "An overpayment to the pay-security payer is recovered from it gross: it received the employer's share in the "
        "employer's place and it was not subject to tax withholding (1.10; Pay Security Act 866/1998, section 16)."),
    "tyottomyyskassa": T_(
        "An overpayment to the unemployment fund is recovered from the fund gross: it was not subject to tax withholding (1.10)."),
    "kunta": T_("An overpayment to the municipality is recovered from the municipality gross (1.10)."),
    "kela": T_(
        "The amount overpaid to Kela's own benefit is not recovered: the regress offset is cancelled for it and it is "
        "returned from Kela's benefit in Kela's own system (1.9.2.11, 1.10.2)."),
}


def _saaja(k: TarkistuksenKieli, m: MaksunsaajanTarkistus) -> str:
    if m.nimi:
        return m.nimi
    if m.maksunsaaja == "vakuutettu":
        return k.t("The insured person")
    if m.maksunsaaja in _MUUT_SAAJAT:
        return k.t(_MUUT_SAAJAT[m.maksunsaaja])
    return k.t("Employer %(tunnus)s", tunnus=m.tyonantajan_tunnus or m.tunnus)


def _taulukko(k: TarkistuksenKieli, m: MaksunsaajanTarkistus) -> list[Taulukkorivi]:
    return [
        Taulukkorivi(k.kuukaudessa(r.kuukausi), k.euroa(r.maksettu), k.euroa(r.oikaistu), k.etumerkilla(r.erotus),
                     [k.t(_SYYT[s]) for s in r.syyt])
        for r in m.kuukaudet if r.maksettu or r.oikaistu
    ]


def _perustelut(k: TarkistuksenKieli, t: Tarkistus, m: MaksunsaajanTarkistus) -> Kappale:
    tekstit = [k.t(_PERUSTE[t.peruste])]
    for r in m.kuukaudet:
        if r.syyt:
            tekstit.append(k.t("The amount changes %(kuukausi)s by %(erotus)s because %(syyt)s.",
                               kuukausi=k.kuukaudessa(r.kuukausi), erotus=k.etumerkilla(r.erotus),
                               syyt=k.luettelo([k.t(_SYYT[s]) for s in r.syyt])))
    return Kappale(k.t("Reasons for the change"), tekstit)


def _verot(k: TarkistuksenKieli, m: MaksunsaajanTarkistus) -> list[str]:
    tekstit = []
    for r in m.kuukaudet:
        if r.ennakonpidatys is not None and (r.ennakonpidatys.erotus or (r.ulosottopidatys and r.ulosottopidatys.erotus)):
            tekstit.append(k.t(
                "Corrected %(kuukausi)s: tax withheld %(vero)s (previously %(aiempi_vero)s), distraint %(ulosotto)s "
                "(previously %(aiempi_ulosotto)s), net %(netto)s (previously %(aiempi_netto)s).",
                kuukausi=k.kuukaudessa(r.kuukausi), vero=k.euroa(r.ennakonpidatys.oikaistu),
                aiempi_vero=k.euroa(r.ennakonpidatys.maksettu), ulosotto=k.euroa(r.ulosottopidatys.oikaistu),
                aiempi_ulosotto=k.euroa(r.ulosottopidatys.maksettu), netto=k.euroa(r.netto.oikaistu),
                aiempi_netto=k.euroa(r.netto.maksettu)))
    return tekstit


def _takaisinperinta(k: TarkistuksenKieli, m: MaksunsaajanTarkistus) -> list[str]:
    tekstit = [k.t("Overpaid: %(maara)s.", maara=k.euroa(m.liikamaksu))]
    if m.maksunsaaja == "kunta" and m.kunnan_liikamaksu_vakuutetulta:
        tekstit.append(k.t(
            "%(maara)s of the overpayment to the municipality is treated as the insured person's overpayment and recovered "
            "from the insured person: the municipality drew the allowance for the insured person (1.10; Act on Social "
            "Assistance 1412/1997, section 23).", maara=k.euroa(m.kunnan_liikamaksu_vakuutetulta)))
    elif m.maksunsaaja != "vakuutettu":
        tekstit.append(k.t(_MUIDEN_PERINTA[m.maksunsaaja]))
    else:
        netto = [r for r in m.kuukaudet if r.liikamaksu and r.takaisinperitaan_nettona]
        brutto = [r for r in m.kuukaudet if r.liikamaksu and not r.takaisinperitaan_nettona]
        if netto:
            tekstit.append(k.t(
                "For %(kuukaudet)s the overpayment is recovered net of the tax withheld from it (%(vero)s): the recovery "
                "is decided in time to count in the taxation of the year of payment (1.9.3.6; Income Tax Act 1535/1992, section 112 a).",
                kuukaudet=k.luettelo([k.kuukaudessa(r.kuukausi) for r in netto]),
                vero=k.euroa(sum(r.liikamaksun_ennakonpidatys or 0 for r in netto))))
        if brutto:
            tekstit.append(k.t(
                "For %(kuukaudet)s the overpayment is recovered gross, as the taxation of the year of payment can no "
                "longer take it into account; the repaid amount is deducted in the taxation of the year of repayment "
                "(1.9.3.6; Income Tax Act 1535/1992, section 112 a).",
                kuukaudet=k.luettelo([k.kuukaudessa(r.kuukausi) for r in brutto])))
        if m.kunnan_liikamaksu_vakuutetulta:
            tekstit.append(k.t(
                "The amount to be recovered includes %(maara)s overpaid to the municipality for the insured person, which is "
                "the insured person's overpayment (1.10).", maara=k.euroa(m.kunnan_liikamaksu_vakuutetulta)))
    if m.maksunsaaja == "kela":
        tekstit.append(k.t("To be returned from Kela's benefit before offsetting: %(maara)s.", maara=k.euroa(m.takaisinperittava)))
    else:
        tekstit.append(k.t("To be recovered before offsetting: %(maara)s.", maara=k.euroa(m.takaisinperittava)))
    return tekstit


def _maksu(k: TarkistuksenKieli, m: MaksunsaajanTarkistus) -> list[str]:
    tekstit = []
    if m.maksettava and m.maksunsaaja in _MUUT_SAAJAT:
        tekstit.append(k.t("To be paid in this revision (not subject to tax withholding): %(maara)s.", maara=k.euroa(m.maksettava)))
    elif m.maksettava:
        tekstit.append(k.t("To be paid in this revision, after tax and distraint: %(maara)s.", maara=k.euroa(m.maksettava)))
    if m.kuittaus:
        tekstit.append(k.t("%(maara)s of the overpayment is offset against the amounts to be paid (1.9.3.6).", maara=k.euroa(m.kuittaus)))
    if m.takaisinperittava and m.maksunsaaja == "kela":
        tekstit.append(k.t("Left to be returned from Kela's benefit: %(maara)s.", maara=k.euroa(m.perittava)))
    elif m.takaisinperittava:
        tekstit.append(k.t("Left to be recovered: %(maara)s.", maara=k.euroa(m.perittava)))
    if m.maksettava:
        tekstit.append(k.t("Left to be paid: %(maara)s.", maara=k.euroa(m.maksettava_kuittauksen_jalkeen)))
    return tekstit


def _muut_saajat(k: TarkistuksenKieli, t: Tarkistus) -> list[str]:
    """For the insured's decision: how the parts paid to the other payees for the insured change (1.9.2.5–1.9.2.11)."""
    tekstit = []
    for muu in t.maksunsaajat:
        if muu.maksunsaaja not in _MUUT_SAAJAT:
            continue
        maksettu, oikaistu = sum(r.maksettu for r in muu.kuukaudet), sum(r.oikaistu for r in muu.kuukaudet)
        if round(oikaistu - maksettu, 2) == 0:
            continue
        tekstit.append(k.t("%(saaja)s: paid before %(maksettu)s, now %(oikaistu)s (%(erotus)s).", saaja=_saaja(k, muu),
                           maksettu=k.euroa(maksettu), oikaistu=k.euroa(oikaistu), erotus=k.etumerkilla(oikaistu - maksettu)))
        if muu.maksunsaaja == "kela" and muu.liikamaksu:
            tekstit.append(k.t(
                "Kela cancels %(maara)s of the offset against its other benefits; the debt of that benefit which the "
                "offset settled is open again and is handled under that benefit (1.9.2.11, 1.10.2).", maara=k.euroa(muu.liikamaksu)))
    return tekstit


def _paatos(k: TarkistuksenKieli, t: Tarkistus, m: MaksunsaajanTarkistus) -> TarkistuksenAsiakirja:
    oikaisu = t.peruste == "oikaisu"
    kappaleet = [_perustelut(k, t, m)]
    muut = _muut_saajat(k, t) if m.maksunsaaja == "vakuutettu" else []
    if muut:
        kappaleet.append(Kappale(k.t("Payments to other payees"), muut))
    verot = _verot(k, m)
    if verot:
        kappaleet.append(Kappale(k.t("Tax and distraint"), verot))
    if m.liikamaksu or m.kunnan_liikamaksu_vakuutetulta:
        kappaleet.append(Kappale(k.t("Overpayment and recovery"), _takaisinperinta(k, m)))
    maksu = _maksu(k, m)
    if maksu:
        kappaleet.append(Kappale(k.t("Payment and offsetting"), maksu))
    if m.suostumus_tarvitaan:
        kappaleet.append(Kappale(k.t("Consent"), [k.t(
            "The decision is rectified to the recipient's detriment. Kela asks for the recipient's written consent; "
            "without it Kela applies for the removal of the incorrect decision (1.12.1).")]))
    return TarkistuksenAsiakirja(
        laji="oikaisupaatos" if oikaisu else "tarkistuspaatos", maksunsaaja=m.maksunsaaja, tunnus=m.tunnus,
        vastaanottaja=_vastaanottaja(m), kieli=k.kieli,
        otsikko=k.t("Rectification decision on the infectious disease allowance") if oikaisu
        else k.t("Revision decision on the infectious disease allowance"),
        saaja=_saaja(k, m), taulukko=_taulukko(k, m), kappaleet=kappaleet)


def _kuulemiskirje(k: TarkistuksenKieli, m: MaksunsaajanTarkistus) -> TarkistuksenAsiakirja:
    kuukaudet = [r for r in m.kuukaudet if r.liikamaksu]
    liikamaksu = []
    if kuukaudet:
        liikamaksu.append(k.t("The infectious disease allowance was paid to the recipient %(maara)s too much for %(kuukaudet)s.",
                              maara=k.euroa(m.liikamaksu), kuukaudet=k.luettelo([k.kuukaudessa(r.kuukausi) for r in kuukaudet])))
    if m.kunnan_liikamaksu_vakuutetulta:
        liikamaksu.append(k.t("The allowance paid to the municipality for the recipient was %(maara)s too much; it is the "
                              "recipient's overpayment (1.10).", maara=k.euroa(m.kunnan_liikamaksu_vakuutetulta)))
    liikamaksu.append(k.t("Kela intends to recover %(maara)s, after offsetting against the amounts still to be paid.",
                          maara=k.euroa(m.perittava)))
    return TarkistuksenAsiakirja(
        laji="kuulemiskirje", maksunsaaja=m.maksunsaaja, tunnus=m.tunnus, vastaanottaja=_vastaanottaja(m), kieli=k.kieli,
        otsikko=k.t("Hearing on an overpayment of the infectious disease allowance"), saaja=_saaja(k, m),
        taulukko=[Taulukkorivi(k.kuukaudessa(r.kuukausi), k.euroa(r.maksettu), k.euroa(r.oikaistu), k.etumerkilla(r.erotus),
                               [k.t(_SYYT[s]) for s in r.syyt]) for r in kuukaudet],
        kappaleet=[Kappale(k.t("Overpayment"), liikamaksu), Kappale(k.t("Hearing"), [k.t(
            "Before the recovery is decided the recipient has the right to be heard: the recipient may give an account of "
            "the overpayment, its amount and whether recovery should be waived (1.10; Administrative Procedure Act 434/2003, section 34).")])])


def _vastaanottaja(m: MaksunsaajanTarkistus) -> str:
    return m.maksunsaaja if m.maksunsaaja == "vakuutettu" else f"{m.maksunsaaja}:{m.tunnus}"


def laadi_asiakirjat(tarkistus: Tarkistus, kieli: str, edustajat=()) -> list[TarkistuksenAsiakirja]:
    """Per payee: its decision, and the overpayment hearing where the model says one is sent (1.10).
    Kela gets no document: what Kela's own benefits receive or return is moved in Kela's system, and the
    insured's decision states it (1.9.2.11, 1.10.2).

    The insured's documents also go to each representative the case system names (`edustajat`,
    1.8.4.1); 1.10 sends the hearing letter to the guardian too, and a guardian's receipt is the
    insured's overpayment.
    """
    k = TarkistuksenKieli(kieli)
    asiakirjat = []
    for m in tarkistus.maksunsaajat:
        if m.maksunsaaja == "kela":
            continue  # Kela's own benefits: moved in Kela's own system, no document (1.9.2.11, 1.10.2)
        omat = [_paatos(k, tarkistus, m)] + ([_kuulemiskirje(k, m)] if m.kuulemiskirje else [])
        asiakirjat.extend(omat)
        if m.maksunsaaja == "vakuutettu":
            for edustaja in edustajat:
                for d in omat:
                    asiakirjat.append(dataclasses.replace(d, vastaanottaja=f"{edustaja.rooli}:{edustaja.tunnus}", saaja=edustaja.nimi))
    return asiakirjat
