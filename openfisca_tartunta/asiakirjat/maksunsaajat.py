"""What the decision says of the payees besides the insured and the employers (guideline 1.8.4,
1.9.2.3–1.9.2.11, 1.3.2.7; RULES.md §11, §12): one reason per part paid to another payee, with
its months and amounts and the claim behind it, and a per-month line naming every payee.

Only the model's figures are written (`tapaus.KuukaudenLuvut.maksut`, `.osat`); the wording is in
the gettext catalogs.  From 2023 the municipality's claims are a wellbeing services county's
(`kunnan_vaatija_on_hyvinvointialue`): the claimant's name has its own msgid per grammatical form.
"""

from __future__ import annotations

from openfisca_tartunta.asiakirjat.kieli import Kieli, N_
from openfisca_tartunta.asiakirjat.ratkaisu import Syy
from openfisca_tartunta.asiakirjat.tapaus import KuukaudenLuvut, Tapaus

#: the municipality (before 2023) / the wellbeing services county (from 2023), per form
_VAATIJA = {
    False: {"vaatija": N_("The municipality"), "vaatijan": N_("the municipality's"), "vaatijalle": N_("to the municipality")},
    True: {"vaatija": N_("The wellbeing services county"), "vaatijan": N_("the wellbeing services county's"),
           "vaatijalle": N_("to the wellbeing services county")},
}

#: payee code → its part in the month's line (`maksujako.MAKSUNSAAJIEN_OSUUDET`)
SAAJALLE = {
    "vakuutettu": N_("to you %(maara)s"),
    "edunvalvoja": N_("to your guardian %(maara)s"),
    "edunvalvontavaltuutettu": N_("to the holder of your continuing power of attorney %(maara)s"),
    "valtakirja": N_("under a power of attorney %(maara)s"),
    "tyonantaja": N_("to the employer %(tyonantaja)s %(maara)s"),  # one part per employer
    "palkkaturvan_maksaja": N_("to the ELY Centre for pay security %(maara)s"),
    "kunta": N_("to the municipality %(maara)s"),
    "tyottomyyskassa": N_("to the unemployment fund %(maara)s"),
    "kela": N_("to Kela %(maara)s"),
    "ulosottoviranomainen": N_("to the bailiff %(maara)s"),
}
_HYVINVOINTIALUEELLE = N_("to the wellbeing services county %(maara)s")


def maarat(k: Kieli, kuukaudet: list[tuple[str, int]]) -> str:
    """'600,00 € syyskuussa 2024 ja 300,00 € lokakuussa 2024'."""
    return k.luettelo([k._("%(maara)s %(kuukausi)s", maara=k.eur(s), kuukausi=k.kuukaudessa(kk)) for kk, s in kuukaudet])


def _vaatija(s: Syy, k: Kieli) -> dict:
    return {avain: k._(teksti) for avain, teksti in _VAATIJA[bool(s.kentat.get("hyvinvointialue"))].items()}


def _jakso(k: Kieli, jakso) -> str:
    """A claim's period; the model refuses a claim without its dates (`maksujako.tuen_maksupaivat`)."""
    return k.jakso(jakso.alkaa, jakso.paattyy)


def _kela_netosta(s: Syy, k: Kieli, tapaus: Tapaus) -> str:
    osat = []
    if "kelan_kulukorvausvaatimus" in s.kentat["vaatimukset"]:
        osat.append(k._("expense compensation"))
    if "kelan_toimeentulotukivaatimus" in s.kentat["vaatimukset"]:
        osat.append(k._("basic social assistance in advance for %(jakso)s", jakso=_jakso(k, tapaus.kelan_toimeentulotuki)))
    return k._("Kela paid you %(mita)s for the same time. Part of your allowance after tax is paid to Kela for it: %(maarat)s.",
               mita=k.luettelo(osat), maarat=maarat(k, s.kentat["kuukaudet"]))


def _kunta_netosta(s: Syy, k: Kieli, tapaus: Tapaus) -> str:
    v = _vaatija(s, k)
    tt = "kunnan_toimeentulotukivaatimus" in s.kentat["vaatimukset"]
    hoito = "kunnan_asiakasmaksuvaatimus" in s.kentat["vaatimukset"]
    summa = maarat(k, s.kentat["kuukaudet"])
    if tt and hoito:
        return k._("%(vaatija)s paid you social assistance in advance for %(jakso)s, and you were in %(vaatijan)s institutional or family care %(hoito)s. Its claims arrived at Kela at least two weeks before the payment day, so part of your allowance after tax is paid %(vaatijalle)s: %(maarat)s.",
                   jakso=_jakso(k, tapaus.kunnan_toimeentulotuki), hoito=_jakso(k, tapaus.kunnan_hoito), maarat=summa, **v)
    if hoito:
        return k._("You were in %(vaatijan)s institutional or family care %(hoito)s. The claim for its client fee arrived at Kela at least two weeks before the payment day, so part of your allowance after tax is paid %(vaatijalle)s: %(maarat)s.",
                   hoito=_jakso(k, tapaus.kunnan_hoito), maarat=summa, **{x: v[x] for x in ("vaatijan", "vaatijalle")})
    return k._("%(vaatija)s paid you social assistance in advance for %(jakso)s. Its claim arrived at Kela at least two weeks before the payment day, so part of your allowance after tax is paid %(vaatijalle)s: %(maarat)s.",
               jakso=_jakso(k, tapaus.kunnan_toimeentulotuki), maarat=summa, **{x: v[x] for x in ("vaatija", "vaatijalle")})


def _elamantavat(s: Syy, k: Kieli, tapaus: Tapaus) -> str:
    return k._("On the written application of %(vaatijan)s social welfare body, part of your allowance is paid to that body for the maintenance of you and your family, because paying it to you would endanger the livelihood of you, your family or the children you support because of your way of life. Paid to the body: %(maarat)s.",
               maarat=maarat(k, s.kentat["kuukaudet"]), vaatijan=_vaatija(s, k)["vaatijan"])


def _edustajalle(s: Syy, k: Kieli, tapaus: Tapaus, rooli: str, viesti: str, nimella: str) -> str:
    """The net to a representative's account, naming the representative the case system gave (1.9.2.4)."""
    nimet = [e.nimi for e in tapaus.edustajat if e.rooli == rooli]
    if len(nimet) == 1:
        return k._(nimella, nimi=nimet[0], maarat=maarat(k, s.kentat["kuukaudet"]))
    return k._(viesti, maarat=maarat(k, s.kentat["kuukaudet"]))


def _maarin(viesti: str):
    return lambda s, k, tapaus: k._(viesti, maarat=maarat(k, s.kentat["kuukaudet"]))


#: code → (guideline sections, citation ids, writer(syy, kieli, tapaus))
PERUSTELUT = {
    "palkkaturvan_maksajalle": (["1.3.2.7", "1.9.2.3"], ["palkkaturvalaki_16", "svl_7_4"], lambda s, k, tapaus: k._(
        "Your wages for the time of the absence from %(tyonantaja)s were paid as pay security. The allowance up to those wages is paid to the ELY Centre, which paid the pay security: %(maarat)s.",
        tyonantaja=", ".join(s.kentat["tunnukset"]), maarat=maarat(k, s.kentat["kuukaudet"]))),
    "kelalle_regressina": (["1.9.2.7", "1.9.2.11", "1.9.3.7"], ["ttl_11_14", "svl_15_11"], _maarin(N_(
        "For the same days Kela paid you a benefit that is secondary to the infectious disease allowance (such as labour market subsidy, basic unemployment allowance or another daily allowance under the Health Insurance Act). Part of your allowance is set off against it, gross and tax-free: %(maarat)s."))),
    "tyottomyyskassalle_regressina": (["1.9.2.6", "1.9.2.10", "1.9.3.7"], ["ttl_11_14", "svl_15_11"], _maarin(N_(
        "Your unemployment fund paid you unemployment benefit for the same days. On the fund's claim, part of your allowance is paid to the fund, gross and tax-free: %(maarat)s."))),
    "kelalle_netosta": (["1.9.2.7"], ["toimeentulotukilaki_23", "ttl_11_14"], _kela_netosta),
    "tyottomyyskassalle_netosta": (["1.9.2.6"], ["ttl_11_14"], _maarin(N_(
        "Your unemployment fund paid you expense compensation for the same days. On the fund's claim, part of your allowance after tax is paid to the fund: %(maarat)s."))),
    "kunnalle_netosta": (["1.9.2.5", "1.9.2.9"], ["toimeentulotukilaki_23", "asiakasmaksulaki_14"], _kunta_netosta),
    "kunnalle_elamantapojen_vuoksi": (["1.9.2.5", "1.9.2.9"], ["svl_15_12_3"], _elamantavat),
    "netto_edunvalvoja": (["1.9.2.4"], ["holhoustoimilaki_4"], lambda s, k, tapaus: _edustajalle(s, k, tapaus, "edunvalvoja", N_(
        "The rest of your allowance is paid to your guardian or to your account that the guardian has named: %(maarat)s."), N_(
        "The rest of your allowance is paid to your guardian %(nimi)s or to your account that the guardian has named: %(maarat)s."))),
    "netto_edunvalvontavaltuutettu": (["1.9.2.4"], ["edunvalvontavaltuutuslaki_2"], lambda s, k, tapaus: _edustajalle(
        s, k, tapaus, "valtuutettu", N_(
            "The rest of your allowance is paid to the account named by the holder of your confirmed continuing power of attorney: %(maarat)s."), N_(
            "The rest of your allowance is paid to the account named by %(nimi)s, the holder of your confirmed continuing power of attorney: %(maarat)s."))),
    "netto_valtakirja": (["1.9.2.8"], ["ulosottokaari_4"], _maarin(N_(
        "The rest of your allowance is paid under a power of attorney, so that the bailiff's payment prohibition can be carried out: %(maarat)s."))),
}


def kuukauden_saajat(k: Kieli, kk: KuukaudenLuvut) -> str:
    """'Maksetaan syyskuussa 2024: sinulle 1 117,87 €, kunnalle 600,00 € …; ennakonpidätys 500,00 €.'"""
    osat = []
    for koodi, senttia in kk.maksut.items():
        if koodi == "tyonantaja":  # each employer's own share (the rows' maksetaan_tyonantajalle)
            osuudet: dict[str, int] = {}
            for t in kk.tyot:
                if t.itselleen_senttia:
                    avain = t.tyonantajan_tunnus or t.ansiotyo
                    osuudet[avain] = osuudet.get(avain, 0) + t.itselleen_senttia
            osat.extend(k._(SAAJALLE[koodi], tyonantaja=x, maara=k.eur(s)) for x, s in osuudet.items())
            continue
        viesti = _HYVINVOINTIALUEELLE if koodi == "kunta" and kk.hyvinvointialue else SAAJALLE[koodi]
        osat.append(k._(viesti, maara=k.eur(senttia)))
    if kk.ennakonpidatys:
        return k._("Paid %(kuukausi)s: %(osat)s; tax withheld %(vero)s.", kuukausi=k.kuukaudessa(kk.kuukausi),
                   osat=k.luettelo(osat), vero=k.eur(kk.ennakonpidatys))
    return k._("Paid %(kuukausi)s: %(osat)s.", kuukausi=k.kuukaudessa(kk.kuukausi), osat=k.luettelo(osat))


def nimetaanko(tapaus: Tapaus) -> bool:
    """Whether the decision needs the per-month payee lines: someone besides the insured is paid."""
    return any(set(kk.maksut) - {"vakuutettu"} for kk in tapaus.kuukaudet)
