"""The population's input columns as numpy arrays, with the defaults of CONTRACT.md.

Reads pandas DataFrames (or dicts of arrays) in the layout of `tartunta populaatio`:
one row per insured, one row per earning activity with its insured's row number
(`vakuutettu`) and `rooli`.  A MONTH input may be given for one month as
`name@YYYY-MM`; that column wins over the plain one.  Dates that are null are
"not given".  The reference assumes valid input (the model refuses the rest).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import kalenteri

PERUSTEET = ("ei_paatosta", "tyosta_poissaolo", "karanteeni", "eristaminen", "lapsen_kotona_pito")
ETUUDET = (
    "ei_etuutta", "kelan_kuntoutusraha", "tyoelakelakien_kuntoutusraha", "kuntoutusajan_ansionmenetyskorvaus",
    "vanhuuselake", "sopeutumiselake", "osa_aikaelake", "takuuelake", "muu",
)
VAKUUTUKSET = ("ei_vakuutusta", "yel", "myel", "vapaaehtoinen")
PIDATYSPERUSTEET = ("ei_tietoja", "palkan_verokortti", "etuuden_verokortti", "lahdeverokortti")
ROOLIT = ("palkkatyo", "yritystoiminta")


@dataclass
class Sarakkeet:
    """The columns of one table for one month."""

    taulu: object
    kuukausi: str
    n: int

    def _sarake(self, nimi: str):
        for avain in (f"{nimi}@{self.kuukausi}", nimi):
            if avain in self.taulu:
                return self.taulu[avain]
        return None

    def luku(self, nimi: str, oletus=0.0) -> np.ndarray:
        arvot = self._sarake(nimi)
        if arvot is None:
            return np.full(self.n, oletus, dtype=np.float64)
        return np.asarray(arvot, dtype=np.float64)

    def sentit(self, nimi: str) -> np.ndarray:
        """A money column in whole cents (int64)."""
        return np.rint(self.luku(nimi) * 100.0).astype(np.int64)

    def kokonaisluku(self, nimi: str, oletus=0) -> np.ndarray:
        return np.rint(self.luku(nimi, oletus)).astype(np.int64)

    def tosi(self, nimi: str, oletus: bool = False) -> np.ndarray:
        arvot = self._sarake(nimi)
        if arvot is None:
            return np.full(self.n, oletus)
        return np.asarray(arvot, dtype=bool)

    def paiva(self, nimi: str, puuttuu: np.datetime64) -> np.ndarray:
        """A date column as datetime64[D]; null = `puuttuu`."""
        arvot = self._sarake(nimi)
        if arvot is None:
            return np.full(self.n, puuttuu)
        paivat = np.asarray(arvot)
        if paivat.dtype.kind != "M":  # dates as objects or strings
            paivat = np.asarray(pd.to_datetime(pd.Series(paivat)))
        paivat = paivat.astype("datetime64[D]")
        return np.where(np.isnat(paivat), puuttuu, paivat)

    def luokka(self, nimi: str, nimet: tuple[str, ...]) -> np.ndarray:
        """An enum column as the index of its name in `nimet` (null or absent = the first)."""
        arvot = self._sarake(nimi)
        if arvot is None:
            return np.zeros(self.n, dtype=np.int64)
        sarja = pd.Series(arvot) if not isinstance(arvot, pd.Series) else arvot
        if not isinstance(sarja.dtype, pd.CategoricalDtype):
            sarja = sarja.astype("category")
        luokat = [str(c) for c in sarja.cat.categories]
        kartta = np.array([nimet.index(c) if c in nimet else -1 for c in luokat] + [0], dtype=np.int64)
        koodit = kartta[sarja.cat.codes.to_numpy()]  # code -1 (null) takes the last entry: the default
        if (koodit < 0).any():  # a value the reference does not cover (a category may be unused)
            tuntematon = luokat[int(sarja.cat.codes.to_numpy()[np.argmax(koodit < 0)])]
            raise ValueError(f"{nimi}: the value {tuntematon!r} is not covered by the reference (expected one of {', '.join(nimet)})")
        return koodit

    def on(self, nimi: str) -> bool:
        return self._sarake(nimi) is not None

    def valit(self, nimi: str, paikkoja: int, loppu_puuttuu: np.datetime64) -> list[tuple[np.ndarray, np.ndarray]]:
        """The given slots `nimi_K_alkaa` … `nimi_K_paattyy` (K = 1 … paikkoja) as (start, end) pairs."""
        return [
            (self.paiva(f"{nimi}_{k}_alkaa", kalenteri.EI_PAIVAA), self.paiva(f"{nimi}_{k}_paattyy", loppu_puuttuu))
            for k in range(1, paikkoja + 1)
            if self.on(f"{nimi}_{k}_alkaa")
        ]


@dataclass
class Syote:
    """Every input the chain reads, for one month (V: per insured, A: per earning activity)."""

    kuukausi: str
    # V: the decision and the ranges
    peruste: np.ndarray
    alkaa: np.ndarray
    paattyy: np.ndarray
    lapsen_ika: np.ndarray
    sairausvakuutettu: np.ndarray
    tyoskentelee_elakkeella: np.ndarray
    hakemus_saapunut: np.ndarray
    myohastyminen_hyvaksytty: np.ndarray
    lomat: list
    esteet: list
    estot: list  # (type, start, end)
    # V: tax and distraint
    pidatysperuste: np.ndarray
    prosentti: np.ndarray  # percent inputs in units of 0.001 %
    lisaprosentti: np.ndarray
    oma_prosentti: np.ndarray
    tuloraja: np.ndarray  # cents
    tulokertyma: np.ndarray
    edelliseen_vuoteen: np.ndarray
    maksukielto: np.ndarray
    huollettavat: np.ndarray
    muut_nettotulot: np.ndarray
    vakiomaara: np.ndarray
    vapaakuukausi: np.ndarray
    # A
    kuuluu: np.ndarray
    palkkatyo: np.ndarray
    ansionmenetys: np.ndarray  # cents
    selvitetty: np.ndarray
    edeltava_palkka: np.ndarray
    korvaava_palkka: np.ndarray
    maksettu_palkka: np.ndarray
    koko_vapaalta: np.ndarray
    vapaa_alkaa: np.ndarray
    vapaa_paattyy: np.ndarray
    vakuutus: np.ndarray
    tyotulo: np.ndarray  # cents a year
    verotettu_tulo: np.ndarray
    laiminlyonti: np.ndarray


def _prosentti(s: Sarakkeet, nimi: str) -> np.ndarray:
    return np.rint(s.luku(nimi) * 1000).astype(np.int64)


def lue(vakuutetut, ansiotyot, kuukausi: str) -> Syote:
    """The inputs of `kuukausi` (YYYY-MM) from the two tables."""
    v = Sarakkeet(vakuutetut, kuukausi, len(vakuutetut["poissaolo_alkaa"]))
    a = Sarakkeet(ansiotyot, kuukausi, len(ansiotyot["vakuutettu"]))
    return Syote(
        kuukausi=kuukausi,
        peruste=v.luokka("poissaolon_peruste", PERUSTEET),
        alkaa=v.paiva("poissaolo_alkaa", kalenteri.EI_PAIVAA),
        paattyy=v.paiva("poissaolo_paattyy", kalenteri.AINA),
        lapsen_ika=v.kokonaisluku("lapsen_ika", -1),
        sairausvakuutettu=v.tosi("sairausvakuutettu", True),
        tyoskentelee_elakkeella=v.tosi("tyoskentelee_elakkeella"),
        hakemus_saapunut=v.paiva("hakemus_saapunut", kalenteri.AINA),
        myohastyminen_hyvaksytty=v.tosi("myohastyminen_hyvaksytty"),
        lomat=v.valit("vuosiloma", 3, kalenteri.AINA),
        esteet=v.valit("maksueste", 2, kalenteri.AINA),
        estot=[
            (
                v.luokka(f"estava_etuus_{k}", ETUUDET),
                v.paiva(f"estava_etuus_{k}_alkaa", kalenteri.EI_PAIVAA),
                v.paiva(f"estava_etuus_{k}_paattyy", kalenteri.EI_PAIVAA),
            )
            for k in range(1, 4)
            if v.on(f"estava_etuus_{k}_alkaa")
        ],
        pidatysperuste=v.luokka("ennakonpidatysperuste", PIDATYSPERUSTEET),
        prosentti=_prosentti(v, "ennakonpidatysprosentti"),
        lisaprosentti=_prosentti(v, "ennakonpidatys_lisaprosentti"),
        oma_prosentti=_prosentti(v, "ennakonpidatys_oma_prosentti"),
        tuloraja=v.sentit("ennakonpidatys_tuloraja"),
        tulokertyma=v.sentit("ennakonpidatys_tulokertyma"),
        edelliseen_vuoteen=v.tosi("kohdistuu_edelliseen_vuoteen"),
        maksukielto=v.tosi("ulosotto_maksukielto"),
        huollettavat=v.kokonaisluku("ulosotto_huollettavat"),
        muut_nettotulot=v.sentit("ulosotto_muut_nettotulot"),
        vakiomaara=v.sentit("ulosotto_vakiomaara"),
        vapaakuukausi=v.tosi("ulosotto_vapaakuukausi"),
        kuuluu=np.asarray(ansiotyot["vakuutettu"], dtype=np.int64),
        palkkatyo=a.luokka("rooli", ROOLIT) == 0,
        ansionmenetys=a.sentit("ansionmenetys"),
        selvitetty=a.tosi("ansionmenetys_selvitetty", True),
        edeltava_palkka=a.sentit("edeltava_palkka"),
        korvaava_palkka=a.sentit("korvaavan_tyon_palkka"),
        maksettu_palkka=a.sentit("tyonantajan_maksama_palkka"),
        koko_vapaalta=a.tosi("palkka_koko_vapaalta", True),
        vapaa_alkaa=a.paiva("palkallinen_vapaa_alkaa", kalenteri.EI_PAIVAA),
        vapaa_paattyy=a.paiva("palkallinen_vapaa_paattyy", kalenteri.AINA),
        vakuutus=a.luokka("yrittajavakuutus", VAKUUTUKSET),
        tyotulo=a.sentit("yrittajan_tyotulo"),
        verotettu_tulo=a.sentit("yrittajan_verotettu_tulo"),
        laiminlyonti=a.tosi("vakuuttamisen_laiminlyonti"),
    )
