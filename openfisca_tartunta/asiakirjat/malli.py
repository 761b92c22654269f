"""Typed data of a decision proposal (guideline 1.8.4, 1.8.4.1, 1.8.4.2, 1.9).

One schema: these dataclasses are what `/paatosehdotus` answers (serialised by pydantic) and
what `/spec` describes (`skeema.py` derives the JSON Schema from them).  Money is in euros with
cents exact (the model's cents divided by 100), dates are ISO dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Optional

from pydantic import Field


class Ratkaisu(str, Enum):
    """Outcome of the whole decision, counted in decision arkipäivät."""

    myonteinen = "myonteinen"
    osittain_myonteinen = "osittain_myonteinen"
    kielteinen = "kielteinen"


class JaksonRatkaisu(str, Enum):
    """Outcome of one period of the decision: granted, granted but not paid (1.9.4), rejected."""

    myonnetaan = "myonnetaan"
    ei_makseta = "ei_makseta"
    hylataan = "hylataan"


class Vaikutus(str, Enum):
    myonteinen = "myonteinen"
    kielteinen = "kielteinen"
    ei_makseta = "ei_makseta"
    tieto = "tieto"


class SaajanRooli(str, Enum):
    """Who gets a decision (1.8.4.1; the pay-security payer as the employer's successor, RULES.md §12)."""

    vakuutettu = "vakuutettu"
    tyonantaja = "tyonantaja"
    edunvalvoja = "edunvalvoja"
    valtuutettu = "valtuutettu"
    palkkaturvan_maksaja = "palkkaturvan_maksaja"
    kunta = "kunta"


class MaksunsaajanKoodi(str, Enum):
    """A payee of 1.9.2 (`maksujako.MAKSUNSAAJIEN_OSUUDET`)."""

    vakuutettu = "vakuutettu"
    edunvalvoja = "edunvalvoja"
    edunvalvontavaltuutettu = "edunvalvontavaltuutettu"
    valtakirja = "valtakirja"
    tyonantaja = "tyonantaja"
    palkkaturvan_maksaja = "palkkaturvan_maksaja"
    kunta = "kunta"
    tyottomyyskassa = "tyottomyyskassa"
    kela = "kela"
    ulosottoviranomainen = "ulosottoviranomainen"


class Kielikoodi(str, Enum):
    fi = "fi"
    sv = "sv"
    en = "en"


class AnsiotyonRooli(str, Enum):
    palkkatyo = "palkkatyo"
    yritystoiminta = "yritystoiminta"


Euroa = Annotated[float, Field(description="euros, cents exact")]


@dataclass
class Saados:
    """A provision as the document cites it, with the date its numbering is in force from."""

    tunnus: str
    nimi: str
    voimassa: dt.date
    lahde: str


@dataclass
class Perustelu:
    """One reason (1.8.4.2): what it decides, for how many arkipäivät, citing guideline and statute."""

    koodi: str
    vaikutus: Vaikutus
    paivat: Optional[int]
    teksti: str
    ohjeen_kohdat: list[str]
    saadokset: list[str]
    alkaa: Optional[dt.date] = None
    paattyy: Optional[dt.date] = None


@dataclass
class Jakso:
    """A period of the decision with one outcome ('hylätään ajalta …')."""

    alkaa: dt.date
    paattyy: dt.date
    ratkaisu: JaksonRatkaisu
    arkipaivat: Annotated[int, Field(description="arkipäivät of the period with this outcome (Mon–Sat except public holidays)")]
    syy: Annotated[str, Field(description="reason code (Perustelu.koodi) of the outcome")]


@dataclass
class AnsiotyonPeruste:
    """The daily amount's basis of one earning activity in one month (1.6, 1.7)."""

    ansiotyo: str
    rooli: AnsiotyonRooli
    tyonantajan_tunnus: Optional[str]
    peruste: str
    perusteen_maara: Euroa
    korvaavan_tyon_palkka: Euroa
    jakaja: int
    osuus_paivalta: Euroa
    teksti: str


@dataclass
class TyonantajanOsuus:
    ansiotyo: str
    tyonantajan_tunnus: Optional[str]
    maara: Euroa


@dataclass
class Kuukausi:
    """Days and money of one calendar month of the decision."""

    kuukausi: Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}$")]
    paatoksen_arkipaivat: int
    myonnetyt_paivat: int
    maksupaivat: int
    paivaraha: Euroa
    paivarahan_perusteet: list[AnsiotyonPeruste]
    brutto: Euroa
    tyonantajille: list[TyonantajanOsuus]
    tyonantajille_yhteensa: Euroa
    vakuutetulle_brutto: Euroa
    ennakonpidatys: Euroa
    ulosottopidatys: Euroa
    netto: Euroa
    palkkaturvan_maksajalle: Annotated[float, Field(description="€ to the pay-security payer (ELY Centre), not in tyonantajille")]
    muille_maksunsaajille: Annotated[float, Field(description="€ of the insured's part to Kela, the unemployment fund and the municipality")]


@dataclass
class Maksukausi:
    """One payment period (1.9) with the money of its days."""

    numero: int
    alku: dt.date
    loppu: dt.date
    arkipaivat: int
    vajaa: bool
    maksupaivat: int
    brutto: Euroa
    tyonantajille: list[TyonantajanOsuus]
    vakuutetulle_brutto: Euroa
    ennakonpidatys: Euroa
    ulosottopidatys: Euroa
    netto: Annotated[float, Field(description="€ of the insured's part left after tax, distraint and the other payees")]
    palkkaturvan_maksajalle: Euroa
    muille_maksunsaajille: Annotated[float, Field(description="€ to Kela, the unemployment fund and the municipality (their months' amounts over the periods by the insured's part)")]


@dataclass
class Yhteensa:
    paatoksen_arkipaivat: int
    myonnetyt_paivat: int
    maksupaivat: int
    brutto: Euroa
    tyonantajille: Euroa
    vakuutetulle_brutto: Euroa
    ennakonpidatys: Euroa
    ulosottopidatys: Euroa
    netto: Euroa
    palkkaturvan_maksajalle: Euroa
    muille_maksunsaajille: Euroa


@dataclass
class Maksunsaaja:
    """What one payee of 1.9.2 is paid for one month (RULES.md §11)."""

    kuukausi: Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}$")]
    saaja: MaksunsaajanKoodi
    maara: Annotated[float, Field(description="€ paid to the payee for the month")]


@dataclass
class Paivaraha:
    maara: Euroa
    kuukausi: str
    perusteet: list[AnsiotyonPeruste]


@dataclass
class Osio:
    """A section of a document: heading and paragraphs."""

    koodi: str
    otsikko: str
    kappaleet: list[str]


@dataclass
class Asiakirja:
    """One recipient's decision document in one language."""

    tunnus: str
    saaja: str
    rooli: SaajanRooli
    kieli: Kielikoodi
    otsikko: str
    paatospaiva: Optional[dt.date]
    osiot: list[Osio]


@dataclass
class Saaja:
    """A recipient of the decision (1.8.4.1) and the document it gets."""

    tunnus: Annotated[str, Field(description="recipient id: vakuutettu, tyonantaja:<ansiotyo>, palkkaturvan_maksaja, kunta, "
                                             "or <rooli>:<id> of a representative")]
    rooli: SaajanRooli
    nimi: str
    asiakirja: Annotated[str, Field(description="id of the document this recipient gets (Asiakirja.tunnus)")]
    tyonantajan_tunnus: Optional[str] = None
    ansiotyot: list[str] = field(default_factory=list)
    maara: Optional[Euroa] = None  # gross paid to this recipient; none for a representative
    netto: Optional[Euroa] = None


@dataclass
class Huomio:
    """A note for the benefits handler only — never in a customer's document."""

    koodi: str
    teksti: str
    ohjeen_kohdat: list[str]


@dataclass
class Paatos:
    peruste: str
    peruste_teksti: str
    alkaa: Optional[dt.date]
    paattyy: Optional[dt.date]
    arkipaivat: int
    hakemus_saapunut: Optional[dt.date] = None
    jatkopaatos: bool = False


@dataclass
class Paatosehdotus:
    """The answer of `/paatosehdotus`."""

    kieli: Kielikoodi
    etuus: str
    otsikko: str
    vakuutettu: str
    paatospaiva: Optional[dt.date]
    ratkaisu: Ratkaisu
    ratkaisu_teksti: str
    paatos: Paatos
    jaksot: list[Jakso]
    perustelut: list[Perustelu]
    paivaraha: Optional[Paivaraha]
    kuukaudet: list[Kuukausi]
    maksukaudet: list[Maksukausi]
    yhteensa: Yhteensa
    paatoksen_saajat: list[Saaja]
    asiakirjat: list[Asiakirja]
    kasittelijan_huomiot: list[Huomio]
    saadokset: list[Saados]
    maksunsaajat: Annotated[list[Maksunsaaja], Field(description="per month, each payee with a non-zero amount, in the order of "
                                                                  "MAKSUNSAAJIEN_OSUUDET; with the tax they add up to the gross")]
