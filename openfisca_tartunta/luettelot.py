"""Enumerations shared by variables, reforms and the web service."""

from openfisca_core.indexed_enums import Enum


class PoissaolonPeruste(Enum):
    """The communicable-disease doctor's decision (1.3.3, 1.3.3.3; TTL 1227/2016), or in 2022 a
    certificate of a reliably confirmed covid-19 infection (SVL 8:1 a § 4 mom., L 139/2022)."""

    ei_paatosta = "Ei päätöstä"
    tyosta_poissaolo = "Päätös työstä poissaolosta"
    karanteeni = "Karanteeni"
    eristaminen = "Eristäminen"
    lapsen_kotona_pito = "Alle 16-vuotiaan lapsen kotona pitäminen"
    covid19_tartunta = "Luotettavasti todettu covid-19-tartunta (todistus; väliaikainen, L 139/2022)"
    lapsen_covid19_tartunta = "Alle 16-vuotiaan lapsen luotettavasti todettu covid-19-tartunta (todistus; väliaikainen, L 139/2022)"


class Yrittajavakuutus(Enum):
    """Entrepreneur's pension insurance (1.7.2)."""

    ei_vakuutusta = "Ei YEL- tai MYEL-vakuutusta"
    yel = "YEL-vakuutus (yrittäjän eläkelaki 1272/2006)"
    myel = "MYEL-vakuutus (maatalousyrittäjän eläkelaki 1280/2006)"
    vapaaehtoinen = "Vapaaehtoinen YEL- tai MYEL-vakuutus"


class Ennakonpidatysperuste(Enum):
    """The withholding basis Kela holds (1.9.3.1, 1.9.3.2, 1.9.3.4.1)."""

    ei_tietoja = "Ei ennakonpidätystietoja"
    palkan_verokortti = "Palkkaa varten annettu verokortti"
    etuuden_verokortti = "Etuutta varten annettu muutosverokortti"
    lahdeverokortti = "Lähdeverokortti"


class EstavaEtuus(Enum):
    """Benefits that block the allowance (1.4, SVL 1224/2004 8:6 § 1 mom.), plus "other"."""

    ei_etuutta = "Ei estävää etuutta"
    kelan_kuntoutusraha = "Kelan kuntoutusraha (KKRL 566/2005)"
    tyoelakelakien_kuntoutusraha = "Työeläkelakien mukainen kuntoutusraha, osakuntoutusraha tai kuntoutusavustus"
    kuntoutusajan_ansionmenetyskorvaus = "Kuntoutusajan ansionmenetyskorvaus (TyTAL, MATAL, liikennevakuutus, sotilasvamma)"
    vanhuuselake = "Vanhuuseläke tai varhennettu vanhuuseläke (KEL tai työeläkelait)"
    sopeutumiselake = "Kansanedustajan sopeutumiseläke tai sopeutumisraha"
    osa_aikaelake = "Ennen 1.1.2017 alkanut osa-aikaeläke"
    takuuelake = "Takuueläke vanhuuseläkkeen lisänä tai 65 vuotta täyttäneelle maahanmuuttajalle"
    muu = "Muu estävä etuus (esim. toinen sairausvakuutuslain mukainen etuus samalta ajalta)"


#: Benefits that start on the first day of a month (1.4.5: the allowance runs to the end of the
#: month before the pension starts).
KUUN_ALUSTA_ALKAVAT = (EstavaEtuus.vanhuuselake, EstavaEtuus.sopeutumiselake)
#: Pensions after which a working pensioner ordered away from that work is entitled
#: (1.4.5, 1.4.7, 1.4.8; SVL 8:6 § 3 mom.): the pension does not block.
TYOSSAKAYVAN_ELAKKEET = (EstavaEtuus.vanhuuselake, EstavaEtuus.osa_aikaelake, EstavaEtuus.takuuelake)
