"""What the decision is made of: the model's outputs for one case, read once (`palvelin/paatosehdotus.py`).

Nothing here is computed: every count, date and amount is a model variable's value (named in the
comments), so that the decision states exactly what the model decided.  Money in whole cents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

#: Payees that take part of the insured's part before the net (RULES.md §11), as in `MAKSUNSAAJIEN_OSUUDET`.
MUUT_VAATIJAT = ("kela", "tyottomyyskassa", "kunta")
#: Who may receive the insured's net (1.9.2.1, 1.9.2.4, 1.9.2.8).
NETON_SAAJAT = ("vakuutettu", "edunvalvoja", "edunvalvontavaltuutettu", "valtakirja")


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
    palkkaturva: bool = False  # palkkaturvana_maksettu (1.3.2.7)
    palkkaturvalle_senttia: int = 0  # tartuntatautipaivaraha_palkkaturvan_maksajalle
    itselleen_senttia: int = 0  # maksetaan_tyonantajalle


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
    #: payee code → cents (`maksujako.MAKSUNSAAJIEN_OSUUDET`, the non-zero ones)
    maksut: dict = field(default_factory=dict)
    #: the parts of Kela's, the fund's and the municipality's amount, read when that payee is paid:
    #: regressina_kelalle, kelalle_ennen_ulosottoa, regressina_tyottomyyskassalle,
    #: tyottomyyskassalle_ennen_ulosottoa, kunnalle_ennen_ulosottoa, kunnalle_elamantapojen_vuoksi
    osat: dict = field(default_factory=dict)
    #: the claim inputs given for the month (> 0), read when their payee is paid
    vaatimukset: frozenset = frozenset()
    kunnan_vaatimus_myohassa: bool = False  # a municipality's claim given, kunnan_vaatimus_ajoissa false
    hyvinvointialue: bool = False  # kunnan_vaatija_on_hyvinvointialue, read when the municipality is paid

    @property
    def myonnetyt(self) -> int:
        return self.myonnettavissa if self.oikeus else 0

    @property
    def tyonantajille(self) -> int:
        """The employers' own shares (`maksetaan_tyonantajille`; the pay-security payer's excluded)."""
        return sum(t.itselleen_senttia for t in self.tyot)

    @property
    def palkkaturvalle(self) -> int:
        return sum(t.palkkaturvalle_senttia for t in self.tyot)

    @property
    def muille(self) -> int:
        """What Kela, the unemployment fund and the municipality take of the insured's part."""
        return sum(self.maksut.get(k, 0) for k in MUUT_VAATIJAT)


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
    tyonantajille: dict = field(default_factory=dict)  # (ansiotyo, tunnus) -> cents, the employers' own
    vakuutetulle: int = 0
    ennakonpidatys: int = 0
    ulosotto: int = 0
    palkkaturvalle: dict = field(default_factory=dict)  # (ansiotyo, tunnus) -> cents, the pay-security payer's
    muille: int = 0  # Kela's, the fund's and the municipality's part (KuukaudenLuvut.muille)

    @property
    def netto(self) -> int:
        return self.vakuutetulle - self.ennakonpidatys - self.ulosotto - self.muille


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
    #: the claim periods the case gave (1.9.2.5, 1.9.2.7), read when such a claim is paid
    kunnan_toimeentulotuki: Optional[Jaksotieto] = None  # kunnan_toimeentulotuki_alkaa … _paattyy
    kunnan_hoito: Optional[Jaksotieto] = None  # kunnan_hoito_alkaa … _paattyy
    kelan_toimeentulotuki: Optional[Jaksotieto] = None  # kelan_toimeentulotuki_alkaa … _paattyy
