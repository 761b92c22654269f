"""The input schema: what an input value may be, read from the variables' own metadata.

One module for every way inputs arrive — a `/calculate` situation, `/eraajo`
columns, Parquet tables and column simulations (`simulaatio.py`).  Nothing here
names a variable of the model: `value_type`, `definition_period`, `entity`,
`unit`, `possible_values` and "has a formula" decide.  A value is read exactly
or refused with `Syotevirhe` (field, value, what is expected):

- booleans only as JSON `true`/`false` (never `"false"`, `"0"`, `"no"`);
- one value per period (no lists, no objects);
- dates only as `YYYY-MM-DD` (no `""`, `"NaT"`, `"2024-03"`, `"2024"`, no time);
- amounts as numbers (never `true`), finite, at most two decimals, and only
  where 32-bit storage gives them back to the cent (below 131 072 € any cent
  amount; whole euros below 16 777 216 €) — `euroina` then reads them exactly;
- counts (int variables) whole;
- a MONTH input keyed by a month `YYYY-MM` (a year only for variables that
  spread a year over its months), never by a day or a week; a DAY input by a
  day; any period inside the parameters' range (`kuukausien_rajat`);
- a computed variable (one with a formula) as input only where OpenFisca's
  semantics allow it (`/calculate`, `/trace`); elsewhere refused.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from functools import lru_cache

import numpy as np
from openfisca_core import periods
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit

from openfisca_tartunta.raha import sentin_tarkkuudella

#: 32-bit floats hold every cent below 2**17 € and every whole euro below 2**24 €.
SENTIT_TARKASTI = 2.0**17
EUROT_TARKASTI = 2.0**24
PAIVAMAARA = re.compile(r"\d{4}-\d{2}-\d{2}")
_KAUSIMUODOT = {
    DateUnit.MONTH: (re.compile(r"\d{4}-\d{2}"), "a month YYYY-MM (e.g. 2024-03)"),
    DateUnit.DAY: (re.compile(r"\d{4}-\d{2}-\d{2}"), "a day YYYY-MM-DD (e.g. 2024-03-04)"),
    DateUnit.YEAR: (re.compile(r"\d{4}"), "a year YYYY (e.g. 2024)"),
}


class Syotevirhe(ValueError):
    """An input that cannot be read exactly: the field, the value and what is expected."""

    def __init__(self, kentta: str, viesti: str, arvo=None, koodi: str = "virheellinen_arvo") -> None:
        super().__init__(f"{kentta}: {viesti}")
        self.kentta = kentta
        self.syy = viesti
        self.viesti = f"{kentta}: {viesti}"
        self.arvo = arvo if isinstance(arvo, (str, int, float, bool)) or arvo is None else str(arvo)[:80]
        self.koodi = koodi


# --- the parameters' range ------------------------------------------------------------------


@lru_cache(maxsize=8)
def _parametrien_vuodet(tbs) -> tuple[int, int]:
    """First year any parameter has a value and the last year a parameter changes."""
    alut = [arvo.instant_str for solmu in tbs.parameters.get_descendants() for arvo in getattr(solmu, "values_list", ())]
    return int(min(alut)[:4]), int(max(alut)[:4])


def kuukausien_rajat(tbs) -> tuple[str, str]:
    """The months the parameters cover: January of the first year to December of the last."""
    eka, vika = _parametrien_vuodet(tbs)
    return f"{eka:04d}-01", f"{vika:04d}-12"


@lru_cache(maxsize=1024)
def kausi(teksti: str):
    """`periods.period(teksti)`, parsed once per distinct text (periods are immutable); its errors as they are."""
    return periods.period(teksti)


@lru_cache(maxsize=1024)
def _kauden_kuukaudet(kausi) -> tuple[str, str]:
    try:
        return str(kausi.start)[:7], str(kausi.stop)[:7]
    except (ValueError, OverflowError):  # a period running past year 9999
        return str(kausi.start)[:7], "9999-99"


def tarkista_rajat(tbs, kausi, kentta: str) -> None:
    """A period must lie inside the parameters' range (else the model would reuse the last values)."""
    if kausi.unit == DateUnit.ETERNITY:
        return
    eka, vika = kuukausien_rajat(tbs)
    alku, loppu = _kauden_kuukaudet(kausi)
    if alku < eka or loppu > vika:
        raise Syotevirhe(
            kentta, f"period {kausi} is outside the parameters' range {eka} … {vika}", str(kausi), "virheellinen_kausi"
        )


# --- names -----------------------------------------------------------------------------------


def ehdotus(nimi: str, ehdokkaat) -> str:
    """' (did you mean 'x'?)' for the closest of `ehdokkaat`, or ''."""
    osumat = difflib.get_close_matches(str(nimi), list(ehdokkaat), n=1)
    return f" (did you mean '{osumat[0]}'?)" if osumat else ""


def syotemuuttujat(tbs, entiteetti: str) -> list[str]:
    return sorted(n for n, v in tbs.variables.items() if v.entity.key == entiteetti and not v.formulas)


def on_laskettu(muuttuja) -> bool:
    return bool(muuttuja.formulas)


# --- one JSON value -------------------------------------------------------------------------


def _rahaa(muuttuja) -> bool:
    return str(muuttuja.unit or "").startswith("currency")


def tarkista_kausiavain(tbs, muuttuja, avain, kentta: str):
    """The period an input value is keyed by, as OpenFisca will store it, or `Syotevirhe`."""
    maarittely = muuttuja.definition_period
    teksti = str(avain)
    if maarittely == DateUnit.ETERNITY:
        if teksti.upper() != "ETERNITY":
            raise Syotevirhe(kentta, f"'{muuttuja.name}' does not vary in time: key its value by ETERNITY", teksti, "virheellinen_kausi")
        return kausi("eternity")
    muoto, selite = _KAUSIMUODOT.get(maarittely, (None, str(maarittely)))
    vuosi_kelpaa = maarittely == DateUnit.MONTH and muuttuja.set_input is not None
    if not (muoto and muoto.fullmatch(teksti)) and not (vuosi_kelpaa and re.fullmatch(r"\d{4}", teksti)):
        raise Syotevirhe(
            kentta,
            f"'{muuttuja.name}' is defined per {maarittely}: key its value by {selite}"
            + (" or a year YYYY" if vuosi_kelpaa else "")
            + f", not '{teksti[:40]}'",
            teksti[:40],
            "virheellinen_kausi",
        )
    try:
        jakso = kausi(teksti)
    except ValueError:
        raise Syotevirhe(kentta, f"'{teksti[:40]}' is not a valid period ({selite})", teksti[:40], "virheellinen_kausi") from None
    tarkista_rajat(tbs, jakso, kentta)
    return jakso


def tarkista_arvo(muuttuja, arvo, kentta: str) -> None:
    """One input value of a JSON situation: the variable's type, read exactly, or `Syotevirhe`."""
    tyyppi = muuttuja.value_type
    if isinstance(arvo, (list, dict)):
        raise Syotevirhe(kentta, "expected one value for this period, got a list or an object", str(arvo)[:80])
    if tyyppi is bool:
        if not isinstance(arvo, bool):
            raise Syotevirhe(kentta, "expected JSON true or false", arvo)
    elif tyyppi is float:
        if isinstance(arvo, bool) or not isinstance(arvo, (int, float)):
            raise Syotevirhe(kentta, "expected a number", arvo)
        if not _tarkka_maara(muuttuja, float(arvo)):  # the scalar path of `tarkista_maarat`
            tarkista_maarat(muuttuja, np.array([arvo], dtype=np.float64), kentta, sarake=False)
    elif tyyppi is int:
        if isinstance(arvo, bool) or not isinstance(arvo, (int, float)) or arvo != int(arvo) or not -(2**31) <= arvo < 2**31:
            raise Syotevirhe(kentta, "expected a whole number (a count, e.g. 3)", arvo)
    elif tyyppi is dt.date:
        tarkista_paivat(np.array([arvo], dtype=object), kentta, sarake=False)
    elif tyyppi is Enum:
        nimet = [item.name for item in muuttuja.possible_values]
        if not isinstance(arvo, str) or arvo not in nimet:
            raise Syotevirhe(kentta, f"expected one of {', '.join(nimet)}", arvo)
    elif not isinstance(arvo, str):
        raise Syotevirhe(kentta, "expected a string", arvo)


def _tarkka_maara(muuttuja, x: float) -> bool:
    """One amount as `tarkista_maarat` reads it, without numpy (the common case of /calculate)."""
    if not math.isfinite(x):
        return False
    if not _rahaa(muuttuja):
        return abs(x) < 1e12
    if abs(x) >= EUROT_TARKASTI:
        return False
    sentit = round(x * 100.0)
    return abs(x * 100.0 - sentit) <= 1e-6 * max(1.0, abs(x)) and round(float(np.float32(x)), 2) == round(x, 2)


# --- whole columns --------------------------------------------------------------------------


def tarkista_maarat(muuttuja, arvot: np.ndarray, kentta: str, sarake: bool = True) -> None:
    """Numbers of a float variable: finite and, for money, exact to the cent in 32-bit storage."""
    x = np.asarray(arvot, dtype=np.float64)
    huono = ~np.isfinite(x)
    if _rahaa(muuttuja) and x.size:
        sentit = np.round(x * 100.0)
        with np.errstate(invalid="ignore", over="ignore"):
            huono |= np.abs(x * 100.0 - sentit) > 1e-6 * np.maximum(1.0, np.abs(x))
            takaisin = sentin_tarkkuudella(x.astype(np.float32))
            huono |= takaisin != sentin_tarkkuudella(x)
    elif x.size:
        huono |= np.abs(x) >= 1e12
    if huono.any():
        rivi = int(np.flatnonzero(huono)[0])
        raise Syotevirhe(
            _rivi(kentta, rivi, sarake),
            "expected a finite amount with at most two decimals that 32-bit storage holds exactly "
            f"(any cent amount below {SENTIT_TARKASTI:,.0f} €, whole euros below {EUROT_TARKASTI:,.0f} €)"
            if _rahaa(muuttuja)
            else "expected a finite number below 10^12 in absolute value",
            float(x[rivi]) if np.isfinite(x[rivi]) else str(x[rivi]),
        )


def tarkista_paivat(arvot: np.ndarray, kentta: str, sarake: bool = True) -> np.ndarray:
    """ISO date strings `YYYY-MM-DD` as datetime64[D]; anything else (``""``, NaT, a month, a time) refused."""
    arvot = np.asarray(arvot, dtype=object)
    paivat = _iso_paivat(arvot) if arvot.size >= 32 else None  # a column; a few values are quicker one by one
    if paivat is not None:
        return paivat
    ok = np.fromiter((isinstance(a, str) and PAIVAMAARA.fullmatch(a) is not None for a in arvot), bool, arvot.size)
    if ok.all():
        try:
            return arvot.astype(str).astype("datetime64[D]")
        except ValueError:
            ok = np.fromiter((_on_paiva(a) for a in arvot), bool, arvot.size)
    rivi = int(np.flatnonzero(~ok)[0])
    raise Syotevirhe(_rivi(kentta, rivi, sarake), "expected a date YYYY-MM-DD (e.g. 2024-03-04)", arvot[rivi])


def _iso_paivat(arvot: np.ndarray) -> np.ndarray | None:
    """The days, when every value is a `str` of ten ASCII characters `dddd-dd-dd` naming a real
    day (vectorised over the characters' UCS-4 codes); else None, and the exact per-value path
    decides.  It accepts a subset of what that path accepts, and gives the same days."""
    if arvot.size == 0 or set(map(type, arvot)) != {str}:
        return None
    merkit = arvot.astype(str)
    if merkit.dtype.itemsize != 40:  # the longest value is not ten characters
        return None
    k = merkit.view(np.uint32).reshape(-1, 10).astype(np.int64) - 48  # '0' … '9' → 0 … 9, '-' → -3
    n = k[:, [0, 1, 2, 3, 5, 6, 8, 9]]
    if not (((n >= 0) & (n <= 9)).all() and (k[:, 4] == -3).all() and (k[:, 7] == -3).all()):
        return None
    vuosi = n[:, 0] * 1000 + n[:, 1] * 100 + n[:, 2] * 10 + n[:, 3]
    kuukausi = n[:, 4] * 10 + n[:, 5]
    paiva = n[:, 6] * 10 + n[:, 7]
    if not ((kuukausi >= 1) & (kuukausi <= 12)).all():
        return None
    kuut = ((vuosi - 1970) * 12 + kuukausi - 1).astype("datetime64[M]")
    alut = kuut.astype("datetime64[D]")
    pituus = ((kuut + 1).astype("datetime64[D]") - alut).astype(np.int64)
    if not ((paiva >= 1) & (paiva <= pituus)).all():
        return None
    return alut + (paiva - 1)


def _on_paiva(teksti: str) -> bool:
    try:
        dt.date.fromisoformat(teksti)
    except ValueError:
        return False
    return True


def _rivi(kentta: str, rivi: int, sarake: bool) -> str:
    return f"{kentta}/{rivi}" if sarake else kentta


#: JSON column types each value type accepts.
_JSON_TYYPIT = {
    bool: ({bool}, "JSON true/false"),
    int: ({int}, "whole numbers"),
    float: ({int, float}, "numbers"),
    dt.date: ({str}, "dates YYYY-MM-DD"),
    str: ({str}, "strings"),
}


def json_sarake(muuttuja, arvot: list, kentta: str) -> np.ndarray:
    """One `/eraajo` column (a JSON list) read exactly as the variable's values, or `Syotevirhe` naming the row."""
    tyyppi = muuttuja.value_type
    if tyyppi is Enum:
        sallitut, selite = {str}, "item names (" + ", ".join(i.name for i in muuttuja.possible_values) + ")"
    else:
        sallitut, selite = _JSON_TYYPIT.get(tyyppi, ({str}, "strings"))
    tyypit = set(map(type, arvot))
    if not tyypit <= sallitut:
        rivi = next(i for i, a in enumerate(arvot) if type(a) not in sallitut)
        raise Syotevirhe(f"{kentta}/{rivi}", f"expected {selite}", arvot[rivi] if not isinstance(arvot[rivi], (list, dict)) else str(arvot[rivi])[:80])
    if tyyppi is dt.date:
        return tarkista_paivat(np.array(arvot, dtype=object), kentta) if arvot else np.zeros(0, "datetime64[D]")
    if tyyppi in (int, float) and int in tyypit:  # a JSON integer has no size limit; numpy would overflow before any check
        rivi = next((i for i, a in enumerate(arvot) if type(a) is int and abs(a) >= 2**53), None)
        if rivi is not None:
            raise Syotevirhe(f"{kentta}/{rivi}", f"expected {selite} of a plausible size", str(arvot[rivi])[:40])
    if tyyppi is float:
        taulukko = np.array(arvot, dtype=np.float64)
        tarkista_maarat(muuttuja, taulukko, kentta)
        return taulukko
    if tyyppi is int:
        taulukko = np.array(arvot, dtype=np.int64)
        if taulukko.size and (taulukko.min() < -(2**31) or taulukko.max() >= 2**31):
            raise Syotevirhe(kentta, "integers must fit in 32 bits")
        return taulukko
    if tyyppi is bool:
        return np.array(arvot, dtype=bool)
    return np.array(arvot, dtype=str)


def kiella_lasketut(tbs, data: dict) -> None:
    """Refuse a computed variable given a value in a JSON situation (`/paatosehdotus`).

    OpenFisca lets a caller set any variable, which skips its formula; an official
    decision proposal must come from real inputs only.
    """
    monikot = {e.plural for e in tbs.entities}
    for monikko, instanssit in data.items():
        if monikko not in monikot or not isinstance(instanssit, dict):
            continue
        for tunnus, instanssi in instanssit.items():
            if not isinstance(instanssi, dict):
                continue
            for nimi, arvot in instanssi.items():
                muuttuja = tbs.variables.get(nimi)
                if muuttuja is None or not on_laskettu(muuttuja) or not isinstance(arvot, dict):
                    continue
                if any(arvo is not None for arvo in arvot.values()):
                    raise Syotevirhe(
                        f"{monikko}/{tunnus}/{nimi}",
                        "is computed by the model, not an input; a decision proposal is made from inputs only "
                        "(/calculate accepts it as an override)",
                        None,
                        "ei_syote",
                    )


#: Separates a variable name from the month a column is for (`ansionmenetys@2024-04`).
KUUKAUSIEROTIN = "@"


def sarakkeen_muuttuja(tbs, entiteetti: str, sarake: str, kentta: str | None = None, *muut):
    """The input variable a table column sets (`nimi` or `nimi@YYYY-MM`), or `Syotevirhe`.

    `muut`: further systems (reforms) whose variables a column may also name.
    """
    kentta = kentta or sarake
    nimi, _, kuukausi = str(sarake).partition(KUUKAUSIEROTIN)
    muuttuja = next((j.variables[nimi] for j in (tbs, *muut) if nimi in j.variables), None)
    if muuttuja is None:
        raise Syotevirhe(
            kentta,
            f"not an input variable of '{entiteetti}'{ehdotus(nimi, syotemuuttujat(tbs, entiteetti))}",
            None,
            "tuntematon_muuttuja",
        )
    if muuttuja.entity.key != entiteetti:
        raise Syotevirhe(
            kentta, f"is a variable of {muuttuja.entity.key}; put it in the {muuttuja.entity.plural} table", None, "virheellinen_taulu"
        )
    if on_laskettu(muuttuja):
        raise Syotevirhe(kentta, "is computed by the model (it has a formula), not an input", None, "ei_syote")
    if KUUKAUSIEROTIN in str(sarake):
        if muuttuja.definition_period != DateUnit.MONTH:
            raise Syotevirhe(kentta, "a month-specific column (name@YYYY-MM) needs a MONTH variable", None, "virheellinen_kausi")
        if not re.fullmatch(r"\d{4}-\d{2}", kuukausi) or not 1 <= int(kuukausi[5:]) <= 12:
            raise Syotevirhe(kentta, "the part after '@' must be a month YYYY-MM (e.g. 2024-03)", kuukausi[:40], "virheellinen_kausi")
        tarkista_rajat(tbs, periods.period(kuukausi), kentta)
    return muuttuja


def tarkista_avaimet(data: dict, sallitut: list[str], muualla: tuple[str, ...] = ()) -> None:
    """An unknown top-level key of a request, named with every allowed key and a did-you-mean.

    `muualla`: keys refused later with a message of their own (`axes` in a decision proposal).
    """
    for avain in data:
        if avain not in sallitut and avain not in muualla:
            raise Syotevirhe(
                str(avain)[:80],
                f"unknown key{ehdotus(avain, sallitut)}; the keys are {', '.join(sorted(sallitut))}",
                None,
                "virheellinen_tilanne",
            )
