"""Enumerations shared by variables, reforms and the web service."""

from openfisca_core.indexed_enums import Enum


class PoissaolonPeruste(Enum):
    """The communicable-disease doctor's decision (1.3.3, 1.3.3.3; TTL 1227/2016)."""

    ei_paatosta = "Ei päätöstä"
    tyosta_poissaolo = "Päätös työstä poissaolosta"
    karanteeni = "Karanteeni"
    eristaminen = "Eristäminen"
    lapsen_kotona_pito = "Alle 16-vuotiaan lapsen kotona pitäminen"


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
