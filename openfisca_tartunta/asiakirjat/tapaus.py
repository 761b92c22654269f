"""What the decision is made of: the model's outputs for one case, read once (`palvelin/paatosehdotus.py`).

Nothing here is computed: every count, date and amount is a model variable's value (named in the
comments), so that the decision states exactly what the model decided.  Money in whole cents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class TyonLuvut:
    """One earning activity in one month."""

    ansiotyo: str
    rooli: str  # palkkatyo / yritystoiminta
    tyonantajan_tunnus: Optional[str]
    peruste: str  # ansionmenetys / edeltava_palkka / yel / myel / vapaaehtoinen / ei_vakuutusta
    arvio_senttia: int  # kuukausiansion_peruste (employment) or yrittajan_paivarahan_tyotulo
    korvaava_senttia: int  # korvaavan_tyon_palkka
    peruste_senttia: int  # paivarahan_peruste
    jakaja: int  # paivarahan_jakaja
    osuus_senttia: int  # paivarahan_osuus, to the cent
    palkka_senttia: int  # tyonantajan_maksama_palkka
    tyonantajalle_senttia: int  # tartuntatautipaivaraha_tyonantajalle
    tyonantajan_paivat: int  # palkallisen_vapaan_maksetut_paivat
    tunnus_puuttuu: bool  # tyonantajan_tunnus_puuttuu


@dataclass
class KuukaudenLuvut:
    """The insured's figures of one month (MONTH variables)."""

    kuukausi: str
    ikkuna: tuple[dt.date, dt.date]  # maksettavan_ajan_alku, maksettavan_ajan_loppu
    paatos: int  # paatoksen_arkipaivat
    myohassa: int  # hakuajan_ulkopuoliset_arkipaivat
    ikkunan_ulkopuolella: int  # maksettavan_ajan_ulkopuoliset_arkipaivat (e.g. a reform's waiting period)
    estetyt: list[int]  # estava_etuus_N_arkipaivat, per slot
    oikeuttaa: bool  # paatos_oikeuttaa_paivarahaan
    vakuutettu: bool  # sairausvakuutettu
    myonnettavissa: int  # myonnetyt_paivat
    ansionmenetys: bool  # laskennallinen_paivaraha > 0
    oikeus: bool  # oikeus_tartuntatautipaivarahaan
    loma: int  # vuosiloman_arkipaivat
    este: int  # maksuesteen_arkipaivat
    maksupaivat: int  # tartuntatautipaivarahan_maksupaivat
    paivaraha: int  # tartuntatautipaivaraha_paivalta
    brutto: int  # tartuntatautipaivaraha
    vakuutetulle: int  # tartuntatautipaivaraha_vakuutetulle
    ennakonpidatys: int  # ennakonpidatys
    lahdevero: bool  # ennakonpidatysperuste == lahdeverokortti
    ulosotto: int  # ulosottopidatys
    netto: int  # tartuntatautipaivaraha_netto
    tyot: list[TyonLuvut] = field(default_factory=list)
    lomat: list[int] = field(default_factory=list)  # vuosiloma_N_arkipaivat, per slot (read when loma > 0)
    esteet: list[int] = field(default_factory=list)  # maksueste_N_arkipaivat, per slot (read when este > 0)

    @property
    def myonnetyt(self) -> int:
        return self.myonnettavissa if self.oikeus else 0

    @property
    def tyonantajille(self) -> int:
        return sum(t.tyonantajalle_senttia for t in self.tyot)


@dataclass
class Jaksotieto:
    """A date range the case gave (annual leave, payment restriction, blocking benefit)."""

    alkaa: dt.date
    paattyy: dt.date
    laji: Optional[str] = None  # the blocking benefit (EstavaEtuus name)


@dataclass
class Maksukaudenluvut:
    """A payment period (`maksukaudet.maksukaudet`) with its money split from the months."""

    numero: int
    alku: dt.date
    loppu: dt.date
    arkipaivat: int
    vajaa: bool
    maksupaivat: int = 0
    brutto: int = 0
    tyonantajille: dict = field(default_factory=dict)  # (ansiotyo, tunnus) -> cents
    vakuutetulle: int = 0
    ennakonpidatys: int = 0
    ulosotto: int = 0


@dataclass
class Edustaja:
    """A representative who gets the insured's copy (1.8.4.1)."""

    rooli: str  # edunvalvoja / valtuutettu
    tunnus: str
    nimi: str


@dataclass
class Tapaus:
    """One case as the model computed it, with what the case system told about the parties."""

    vakuutettu: str
    peruste: str  # poissaolon_peruste
    alku: Optional[dt.date]
    loppu: Optional[dt.date]
    saapunut: Optional[dt.date]  # hakemus_saapunut
    hakuaika: Optional[dt.date]  # hakuajan_ensimmainen_paiva
    maaraaika: Optional[dt.date]  # hakemuksen_maaraaika
    lapsen_ika: int
    lapsen_ikaraja: int  # parameter oikeus.lapsen_ikaraja
    hakuaika_kuukausina: int  # parameter hakeminen.hakuaika_kuukausina
    valitusaika_paivia: int  # parameter muutoksenhaku.valitusaika_paivia
    tiedoksisaanti_paivia: int  # parameter muutoksenhaku.tiedoksisaanti_paivia
    kuukaudet: list[KuukaudenLuvut]
    maksukaudet: list[Maksukaudenluvut]
    maksukausien_pituudet: tuple[int, int]  # parameters maksaminen.ensimmainen_maksukausi, maksukausi
    estavat_etuudet: list[Optional[Jaksotieto]]  # per slot, None when empty
    vuosilomat: list[Optional[Jaksotieto]]  # per slot, None when empty
    maksuesteet: list[Optional[Jaksotieto]]  # per slot, None when empty
    vakuuttaminen_selvitettava: bool  # vakuuttamisvelvollisuus_selvitettava
    jatko: Optional[dict] = None  # {"edellinen_kausi_paivia", "edellinen_kausi_pituus"}
    paatospaiva: Optional[dt.date] = None
    vakuutetun_nimi: Optional[str] = None
    vakuutetun_henkilotunnus: Optional[str] = None
    tyonantajien_nimet: dict = field(default_factory=dict)  # ansiotyo -> name given by the case system
    edustajat: list[Edustaja] = field(default_factory=list)
