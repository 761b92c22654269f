"""One language of the decision documents: gettext catalogs and Babel formatting (guideline 1.8.4).

Texts are English msgids translated in `locale/<kieli>/LC_MESSAGES/asiakirjat.po` — plain
gettext catalogs a translator edits (`pybabel update -i asiakirjat.pot -d locale -D asiakirjat`).
They are compiled in memory when first used, so no `.mo` build step is needed.  Numbers, money
and dates go through Babel with the locale of the language (fi_FI, sv_FI, en_GB).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal
from babel.support import NullTranslations, Translations

KIELET = ("fi", "sv", "en")
LOKAALIT = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
#: Dates: 4.3.2024 in Finnish and Finland-Swedish, 4 March 2024 in English.
_PAIVAMUOTO = {"fi": "short", "sv": "short", "en": "long"}
HAKEMISTO = Path(__file__).with_name("locale")
TOIMIALUE = "asiakirjat"


@functools.lru_cache(maxsize=None)
def kaannokset(kieli: str, toimialue: str = TOIMIALUE) -> NullTranslations:
    """The compiled catalog of `kieli` in the gettext domain `toimialue` (English: the msgids themselves)."""
    polku = HAKEMISTO / kieli / "LC_MESSAGES" / f"{toimialue}.po"
    if not polku.exists():
        return NullTranslations()
    with polku.open("rb") as f:
        luettelo = read_po(f, locale=kieli, domain=toimialue)
    puskuri = io.BytesIO()
    write_mo(puskuri, luettelo, use_fuzzy=False)
    puskuri.seek(0)
    return Translations(puskuri, domain=toimialue)


def N_(viesti: str) -> str:
    """Marks a msgid for extraction (`pybabel extract -k N_`) without translating it here."""
    return viesti


# Month phrases "in <month> <year>", one msgid per month so that a translator can give the
# case the language needs (Finnish inessive: syyskuussa 2024).
_KUUKAUDESSA = (
    N_("in January %(vuosi)s"), N_("in February %(vuosi)s"), N_("in March %(vuosi)s"),
    N_("in April %(vuosi)s"), N_("in May %(vuosi)s"), N_("in June %(vuosi)s"),
    N_("in July %(vuosi)s"), N_("in August %(vuosi)s"), N_("in September %(vuosi)s"),
    N_("in October %(vuosi)s"), N_("in November %(vuosi)s"), N_("in December %(vuosi)s"),
)


# Babel's formatting, memoised: a decision repeats the same amounts, counts and dates, and the
# result depends only on the value and the locale.
@functools.lru_cache(maxsize=4096)
def _luku(n, lokaali: str) -> str:
    return format_decimal(n, locale=lokaali)


@functools.lru_cache(maxsize=16384)
def _eur(senttia: int, lokaali: str) -> str:
    return format_currency(senttia / 100, "EUR", locale=lokaali)


@functools.lru_cache(maxsize=16384)
def _pv(paiva: dt.date, muoto: str, lokaali: str) -> str:
    return format_date(paiva, muoto, locale=lokaali)


class Kieli:
    """Texts and formats of one language."""

    def __init__(self, kieli: str) -> None:
        if kieli not in KIELET:
            raise ValueError(f"kieli must be one of {', '.join(KIELET)}, not {kieli!r}")
        self.kieli = kieli
        self.lokaali = LOKAALIT[kieli]
        self._k = kaannokset(kieli)

    def _(self, viesti: str, **kentat) -> str:
        teksti = self._k.gettext(viesti)
        return teksti % kentat if kentat else teksti

    def n_(self, yksikko: str, monikko: str, n: int, **kentat) -> str:
        """A plural message; `n` is also available to the text as %(n)s."""
        return self._k.ngettext(yksikko, monikko, n) % {"n": self.luku(n), **kentat}

    def luku(self, n) -> str:
        return _luku(n, self.lokaali)

    def eur(self, senttia: int) -> str:
        """Whole cents as money of the locale: 1 320,00 € (fi, sv), €1,320.00 (en)."""
        return _eur(int(senttia), self.lokaali)

    def pv(self, paiva: dt.date) -> str:
        return _pv(paiva, _PAIVAMUOTO[self.kieli], self.lokaali)

    def jakso(self, alku: dt.date, loppu: dt.date) -> str:
        """'4.3.2024–5.3.2024'; one day as '9.3.2024'."""
        return self.pv(alku) if alku == loppu else f"{self.pv(alku)}–{self.pv(loppu)}"

    def kuukaudessa(self, kuukausi: str) -> str:
        """'2024-09' as 'syyskuussa 2024' / 'i september 2024' / 'in September 2024'."""
        vuosi, kk = kuukausi.split("-")
        return self._(_KUUKAUDESSA[int(kk) - 1], vuosi=vuosi)

    def luettelo(self, osat: list[str]) -> str:
        if len(osat) <= 1:
            return "".join(osat)
        return self._("%(alku)s and %(viimeinen)s", alku=", ".join(osat[:-1]), viimeinen=osat[-1])

    def kuukausina(self, kuukaudet: list[str]) -> str:
        return self.luettelo([self.kuukaudessa(k) for k in kuukaudet])

    def paivia(self, n: int) -> str:
        """'1 arkipäivä' / '3 arkipäivää' (Mon–Sat except public holidays)."""
        return self.n_("%(n)s weekday", "%(n)s weekdays", n)
