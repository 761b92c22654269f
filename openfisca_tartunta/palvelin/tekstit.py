"""Texts of the decision proposal in Finnish, Swedish and English (guideline 1.8.4, 1.8.4.2).

Decisions are given in Finnish or Swedish by the customer's language (1.8.4);
English is offered for case workers and integrators.  Each reason names the
guideline sections (`ohjeen_kohdat`) and the statutes (`saadokset`) it rests on;
those are the same in every language.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

KIELET = ("fi", "sv", "en")

ETUUS = {
    "fi": "Tartuntatautipäiväraha",
    "sv": "Dagpenning enligt lagen om smittsamma sjukdomar",
    "en": "Infectious disease allowance",
}

RATKAISU = {
    "myonteinen": {"fi": "Myönteinen päätös", "sv": "Bifall", "en": "Granted"},
    "osittain_myonteinen": {"fi": "Osittain myönteinen päätös", "sv": "Delvis bifall", "en": "Partly granted"},
    "kielteinen": {"fi": "Kielteinen päätös", "sv": "Avslag", "en": "Rejected"},
}

#: The doctor's decision, as the start of a sentence (1.3.3, 1.3.3.3).
PERUSTE = {
    "tyosta_poissaolo": {
        "fi": "Tartuntataudeista vastaava lääkäri on määrännyt sinut olemaan poissa työstä tartuntataudin leviämisen estämiseksi",
        "sv": "Den läkare som ansvarar för smittsamma sjukdomar har beslutat att du ska avstå från arbete för att förhindra spridning av en smittsam sjukdom",
        "en": "The physician responsible for communicable diseases has ordered you to stay away from work to prevent the spread of a communicable disease",
    },
    "karanteeni": {
        "fi": "Tartuntataudeista vastaava lääkäri on määrännyt sinut karanteeniin tartuntataudin leviämisen estämiseksi",
        "sv": "Den läkare som ansvarar för smittsamma sjukdomar har beslutat att du ska försättas i karantän för att förhindra spridning av en smittsam sjukdom",
        "en": "The physician responsible for communicable diseases has placed you in quarantine to prevent the spread of a communicable disease",
    },
    "eristaminen": {
        "fi": "Tartuntataudeista vastaava lääkäri on määrännyt sinut eristettäväksi tartuntataudin leviämisen estämiseksi",
        "sv": "Den läkare som ansvarar för smittsamma sjukdomar har beslutat att du ska isoleras för att förhindra spridning av en smittsam sjukdom",
        "en": "The physician responsible for communicable diseases has ordered you into isolation to prevent the spread of a communicable disease",
    },
    "lapsen_kotona_pito": {
        "fi": "Tartuntataudeista vastaava lääkäri on määrännyt lapsesi pidettäväksi kotona tartuntataudin leviämisen estämiseksi, ja olet sen vuoksi estynyt tekemästä ansiotyötä",
        "sv": "Den läkare som ansvarar för smittsamma sjukdomar har beslutat att ditt barn ska hållas hemma för att förhindra spridning av en smittsam sjukdom, och du är därför förhindrad att förvärvsarbeta",
        "en": "The physician responsible for communicable diseases has ordered your child to be kept at home to prevent the spread of a communicable disease, and you are therefore prevented from working",
    },
    "ei_paatosta": {"fi": "Ei päätöstä", "sv": "Inget beslut", "en": "No decision"},
}

ROOLI = {
    "palkkatyo": {"fi": "palkkatyö", "sv": "anställning", "en": "employment"},
    "yritystoiminta": {"fi": "yritystoiminta", "sv": "företagsverksamhet", "en": "self-employment"},
}

#: What a row's daily-amount basis is (1.6, 1.7, 1.7.2).
PERUSTE_TULO = {
    "ansionmenetys": {"fi": "työnantajan arvio menetetystä kuukausipalkasta", "sv": "arbetsgivarens uppskattning av den förlorade månadslönen", "en": "the employer's estimate of the lost monthly pay"},
    "edeltava_palkka": {"fi": "poissaoloa välittömästi edeltänyt kuukausipalkka", "sv": "månadslönen omedelbart före frånvaron", "en": "the monthly pay just before the absence"},
    "yel": {"fi": "YEL-vuosityötulo", "sv": "FöPL-arbetsinkomst per år", "en": "YEL annual work income"},
    "myel": {"fi": "MYEL-vuosityötulo", "sv": "LFöPL-arbetsinkomst per år", "en": "MYEL annual work income"},
    "vapaaehtoinen": {"fi": "vapaaehtoisen vakuutuksen vuosityötulo", "sv": "arbetsinkomst per år i frivillig försäkring", "en": "annual work income of the voluntary insurance"},
    "ei_vakuutusta": {"fi": "verotuksessa todettu elinkeinotoiminnan ansiotulo", "sv": "förvärvsinkomst av näringsverksamhet enligt beskattningen", "en": "the taxed business earned income"},
}

SAAJA = {
    "vakuutettu": {"fi": "Vakuutettu", "sv": "Den försäkrade", "en": "The insured"},
    "tyonantaja": {"fi": "Työnantaja", "sv": "Arbetsgivaren", "en": "The employer"},
}

#: Reason code → (guideline sections, statutes, text per language).  Texts are
#: `str.format` templates; the fields are filled by `paatosehdotus.py`.
PERUSTELUT: dict[str, tuple[list[str], list[str], dict[str, str]]] = {
    "myonnetty": (
        ["1.3", "1.3.3", "1.3.3.3", "1.3.4"],
        ["TTL 1227/2016 8 luku 82 §", "SVL 1224/2004 8 luku 1 a §"],
        {
            "fi": "{peruste}. Sinulle aiheutuu ansionmenetystä, joten sinulla on oikeus tartuntatautipäivärahaan ajalta {alku}–{loppu}: {paivat} arkipäivää myönnetään.",
            "sv": "{peruste}. Du förlorar förvärvsinkomst och har därför rätt till dagpenning enligt lagen om smittsamma sjukdomar för tiden {alku}–{loppu}: {paivat} vardagar beviljas.",
            "en": "{peruste}. You lose earnings and are therefore entitled to the infectious disease allowance for {alku}–{loppu}: {paivat} days (Mon–Sat) are granted.",
        },
    ),
    "paivarahan_maara": (
        ["1.6", "1.7", "1.7.1", "1.7.2"],
        ["SVL 1224/2004 11 luku 13 §"],
        {
            "fi": "Päivärahasi on {maara} päivältä{kuukausi}. Se lasketaan ansiotyöstä, jota päätös koskee: {erittely}.",
            "sv": "Din dagpenning är {maara} per dag{kuukausi}. Den beräknas på det förvärvsarbete som beslutet gäller: {erittely}.",
            "en": "Your allowance is {maara} a day{kuukausi}. It is computed from the work the decision concerns: {erittely}.",
        },
    ),
    "ei_paatosta": (
        ["1.3.3", "1.3.3.3"],
        ["TTL 1227/2016 8 luku 82 §", "SVL 1224/2004 8 luku 1 a §"],
        {
            "fi": "Tartuntataudeista vastaava lääkäri ei ole tehnyt päätöstä työstä poissaolosta, karanteenista tai eristämisestä. Tartuntatautipäivärahaa ei voida myöntää ilman tällaista päätöstä.",
            "sv": "Den läkare som ansvarar för smittsamma sjukdomar har inte fattat beslut om frånvaro från arbetet, karantän eller isolering. Dagpenning kan inte beviljas utan ett sådant beslut.",
            "en": "The physician responsible for communicable diseases has not decided on absence from work, quarantine or isolation. The allowance cannot be granted without such a decision.",
        },
    ),
    "lapsi_yli_ikarajan": (
        ["1.3.3", "1.3.3.1"],
        ["TTL 1227/2016 8 luku 82 §"],
        {
            "fi": "Lapsen kotona pitämisen perusteella tartuntatautipäivärahaa maksetaan vain alle {raja}-vuotiaan lapsen huoltajalle. Lapsesi on {ika}-vuotias, joten sinulla ei ole oikeutta päivärahaan ajalta {alku}–{loppu} ({paivat} arkipäivää).",
            "sv": "När ett barn ska hållas hemma betalas dagpenning endast till vårdnadshavare för barn under {raja} år. Ditt barn är {ika} år, och du har därför inte rätt till dagpenning för tiden {alku}–{loppu} ({paivat} vardagar).",
            "en": "When a child is to be kept at home, the allowance is paid only to the guardian of a child under {raja}. Your child is {ika}, so you are not entitled to the allowance for {alku}–{loppu} ({paivat} days).",
        },
    ),
    "ei_vakuutettu": (
        ["1.3", "1.3.1"],
        ["SVL 1224/2004 1 luku 2 §", "TTL 1227/2016 8 luku 82 §"],
        {
            "fi": "Tartuntatautipäivärahaan on oikeus vain sairausvakuutuslain mukaan vakuutetulla. Et ole ollut vakuutettu kuukausina {kuukaudet}, joten päivärahaa ei myönnetä {paivat} arkipäivältä.",
            "sv": "Endast den som är försäkrad enligt sjukförsäkringslagen har rätt till dagpenning. Du har inte varit försäkrad under {kuukaudet}, och dagpenning beviljas därför inte för {paivat} vardagar.",
            "en": "Only a person insured under the Health Insurance Act is entitled to the allowance. You were not insured in {kuukaudet}, so the allowance is not granted for {paivat} days.",
        },
    ),
    "ei_ansionmenetysta": (
        ["1.3.3", "1.3.3.2.2", "1.6"],
        ["TTL 1227/2016 8 luku 82 §", "SVL 1224/2004 8 luku 1 a §"],
        {
            "fi": "Tartuntatautipäiväraha korvaa menetettyä työansiota. Sinulle ei aiheudu ansionmenetystä kuukausina {kuukaudet}, joten päivärahaa ei myönnetä {paivat} arkipäivältä. Työtön, opiskelija tai omaa talouttaan hoitava ei saa päivärahaa ilman ansiotyötä, josta hän menettää ansiota.",
            "sv": "Dagpenningen ersätter förlorad arbetsinkomst. Du förlorar ingen förvärvsinkomst under {kuukaudet}, och dagpenning beviljas därför inte för {paivat} vardagar. En arbetslös, en studerande eller den som sköter sitt eget hushåll får inte dagpenning utan ett förvärvsarbete som ger inkomstbortfall.",
            "en": "The allowance compensates lost earnings. You lose no earnings in {kuukaudet}, so the allowance is not granted for {paivat} days. The unemployed, students and homemakers get no allowance without work that loses earnings.",
        },
    ),
    "hakemus_myohassa": (
        ["1.5.3"],
        ["SVL 1224/2004 15 luku 2 §"],
        {
            "fi": "Tartuntatautipäivärahaa on haettava {kk} kuukauden kuluessa siitä päivästä, josta alkaen sitä halutaan saada. Hakemuksesi saapui {saapunut}, joten päivärahaa ei voida maksaa ajalta {alku}–{loppu} ({paivat} arkipäivää).",
            "sv": "Dagpenning ska sökas inom {kk} månader från den dag från vilken den önskas. Din ansökan kom in {saapunut}, och dagpenning kan därför inte betalas för tiden {alku}–{loppu} ({paivat} vardagar).",
            "en": "The allowance must be applied for within {kk} months of the day from which it is wanted. Your application arrived on {saapunut}, so the allowance cannot be paid for {alku}–{loppu} ({paivat} days).",
        },
    ),
    "estava_etuus": (
        ["1.4"],
        ["SVL 1224/2004 8 luku 6 § 1 mom."],
        {
            "fi": "Sinulle maksetaan {alkaa} alkaen etuutta, joka estää tartuntatautipäivärahan saamisen (esimerkiksi vanhuuseläke tai kuntoutusraha). Päivärahaa ei makseta ajalta {alku}–{loppu} ({paivat} arkipäivää).",
            "sv": "Från och med {alkaa} får du en förmån som hindrar dagpenning (till exempel ålderspension eller rehabiliteringspenning). Dagpenning betalas inte för tiden {alku}–{loppu} ({paivat} vardagar).",
            "en": "From {alkaa} you receive a benefit that blocks the allowance (e.g. an old-age pension or a rehabilitation allowance). The allowance is not paid for {alku}–{loppu} ({paivat} days).",
        },
    ),
    "vuosiloma": (
        ["1.3.2.4", "1.9"],
        ["TTL 1227/2016 8 luku 82 §"],
        {
            "fi": "Tartuntatautipäivärahaa ei makseta vuosiloman ajalta, koska vuosiloman ajalta ei synny ansionmenetystä: {paivat} arkipäivää jää maksamatta.",
            "sv": "Dagpenning betalas inte för semester, eftersom semestern inte orsakar inkomstbortfall: {paivat} vardagar betalas inte.",
            "en": "The allowance is not paid for annual leave, as annual leave causes no loss of earnings: {paivat} days are not paid.",
        },
    ),
    "maksamisen_rajoitus": (
        ["1.9.4"],
        ["SVL 1224/2004 8 luku 5 §"],
        {
            "fi": "Päiväraha myönnetään, mutta sitä ei makseta {paivat} arkipäivältä, joina suoritat vankeusrangaistusta tai olet varusmies-, reservi- tai siviilipalveluksessa.",
            "sv": "Dagpenningen beviljas men betalas inte för {paivat} vardagar då du avtjänar fängelsestraff eller fullgör beväringstjänst, reservtjänst eller civiltjänst.",
            "en": "The allowance is granted but not paid for {paivat} days on which you serve a prison sentence or are in military, reserve or non-military service.",
        },
    ),
    "ei_arkipaivia": (
        ["1.9"],
        ["SVL 1224/2004 1 luku 4 §"],
        {
            "fi": "Päätöksen ajalle {alku}–{loppu} ei osu yhtään arkipäivää, joilta päivärahaa maksetaan (maanantai–lauantai arkipyhiä lukuun ottamatta).",
            "sv": "Beslutstiden {alku}–{loppu} innehåller inga vardagar för vilka dagpenning betalas (måndag–lördag utom helgdagar).",
            "en": "The decision's period {alku}–{loppu} has no day for which the allowance is paid (Monday–Saturday except public holidays).",
        },
    ),
    "tyonantajalle": (
        ["1.3.2", "1.3.2.3", "1.9.2.2", "1.8.4.1"],
        ["SVL 1224/2004 7 luku 4 §"],
        {
            "fi": "Työnantaja {tunnus} on maksanut sinulle palkkaa poissaolon ajalta. Päivärahaa maksetaan työnantajalle {maara}, enintään maksetun palkan määrä; päätös annetaan myös työnantajalle.",
            "sv": "Arbetsgivaren {tunnus} har betalat dig lön för frånvarotiden. Till arbetsgivaren betalas {maara} av dagpenningen, högst den betalda lönen; beslutet ges även till arbetsgivaren.",
            "en": "Employer {tunnus} paid you wages for the absence. {maara} of the allowance is paid to the employer, at most the wages it paid; the decision is also given to the employer.",
        },
    ),
    "ennakonpidatys": (
        ["1.9.3", "1.9.3.4.1"],
        ["Ennakkoperintälaki 1118/1996"],
        {
            "fi": "Sinulle maksettavasta osasta toimitetaan ennakonpidätys, yhteensä {maara}.",
            "sv": "Förskottsinnehållning verkställs på den del som betalas till dig, sammanlagt {maara}.",
            "en": "Tax of {maara} in total is withheld from the part paid to you.",
        },
    ),
    "ulosotto": (
        ["1.9.2.9"],
        ["Ulosottokaari 705/2007 4 luku"],
        {
            "fi": "Ulosottomiehen maksukiellon perusteella sinulle maksettavasta osasta pidätetään ulosottoon yhteensä {maara}.",
            "sv": "På grund av utmätningsmannens betalningsförbud innehålls sammanlagt {maara} av den del som betalas till dig för utsökning.",
            "en": "Under the bailiff's payment prohibition, {maara} in total is withheld from the part paid to you for enforcement.",
        },
    ),
    "maksukaudet": (
        ["1.9"],
        ["SVL 1224/2004 16 luku 1 §"],
        {
            "fi": "Päiväraha maksetaan jälkikäteen maksukausittain: ensimmäinen maksukausi on {ensimmainen} ensimmäistä arkipäivää ja seuraavat kukin {seuraava} arkipäivää. Maksukausia on {lkm}.",
            "sv": "Dagpenningen betalas i efterskott per betalningsperiod: den första perioden är de {ensimmainen} första vardagarna och de följande {seuraava} vardagar vardera. Betalningsperioderna är {lkm}.",
            "en": "The allowance is paid afterwards by payment period: the first period is the first {ensimmainen} days and each following one {seuraava} days. There are {lkm} payment periods.",
        },
    ),
    "vakuuttamisvelvollisuus": (
        ["1.7.2.3"],
        ["YEL 1272/2006", "MYEL 1280/2006"],
        {
            "fi": "Huomio käsittelijälle: yrittäjällä ei ole YEL- tai MYEL-vakuutusta, vaikka verotettu tulo ylittää vähimmäistyötulon. Vakuuttamisvelvollisuus on selvitettävä.",
            "sv": "Observera: företagaren saknar FöPL- eller LFöPL-försäkring trots att den beskattade inkomsten överstiger minimiarbetsinkomsten. Försäkringsskyldigheten ska utredas.",
            "en": "Note for the case worker: the entrepreneur has no YEL or MYEL insurance although the taxed income exceeds the minimum work income. The obligation to insure must be reviewed.",
        },
    ),
}

_KUUT_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def paiva(paiva: dt.date | str, kieli: str) -> str:
    """A date as the language writes it: 4.3.2024 (fi, sv) or 4 Mar 2024 (en)."""
    if isinstance(paiva, str):
        paiva = dt.date.fromisoformat(paiva)
    if kieli == "en":
        return f"{paiva.day} {_KUUT_EN[paiva.month - 1]} {paiva.year}"
    return f"{paiva.day}.{paiva.month}.{paiva.year}"


def kuukausi(kuukausi: str, kieli: str) -> str:
    vuosi, kk = kuukausi.split("-")
    if kieli == "en":
        return f"{_KUUT_EN[int(kk) - 1]} {vuosi}"
    return f"{int(kk)}/{vuosi}"


def euroa(maara: float, kieli: str) -> str:
    """1 320,00 € (fi, sv) or €1,320.00 (en)."""
    teksti = f"{maara:,.2f}"
    if kieli == "en":
        return f"€{teksti}"
    return teksti.replace(",", "\u00a0").replace(".", ",") + "\u00a0€"


def luettelo(osat: list[str], kieli: str) -> str:
    if len(osat) <= 1:
        return "".join(osat)
    ja = {"fi": "ja", "sv": "och", "en": "and"}[kieli]
    return f"{', '.join(osat[:-1])} {ja} {osat[-1]}"


class Tekstit:
    """The proposal's texts in one language."""

    def __init__(self, kieli: str) -> None:
        self.kieli = kieli

    def pv(self, paiva_) -> str:
        return paiva(np.datetime64(paiva_, "D").astype(dt.date), self.kieli)

    def eur(self, senttia: int) -> str:
        return euroa(senttia / 100.0, self.kieli)

    def kuukaudet(self, kuukaudet: list[str]) -> str:
        return luettelo([kuukausi(k, self.kieli) for k in kuukaudet], self.kieli)

    def perustelu(self, koodi: str, vaikutus: str, paivat: int | None = None, **kentat) -> dict:
        kohdat, saadokset, teksti = PERUSTELUT[koodi]
        return {
            "koodi": koodi,
            "vaikutus": vaikutus,
            "paivat": paivat,
            "teksti": teksti[self.kieli].format(paivat=paivat, **kentat),
            "ohjeen_kohdat": list(kohdat),
            "saadokset": list(saadokset),
        }
