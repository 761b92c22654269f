"""One request's simulation: built from the checked situation (`tilanne.py`), computed, and the
builder's and the formulas' errors mapped to 4xx naming the field; every float it holds must be
finite.  The simulation takes the lean calculation path (`openfisca_tartunta/nopea_laskenta.py`).
"""

from __future__ import annotations

import numpy as np
from openfisca_core.errors import (
    ParameterNotFoundError,
    PeriodMismatchError,
    SituationParsingError,
    VariableNotFoundError,
)

from openfisca_tartunta import syotteet
from openfisca_tartunta.nopea_laskenta import NopeaRakentaja, nopeuta
from openfisca_tartunta.palvelin.tilanne import Tilanne
from openfisca_tartunta.palvelin.virheet import Asiakasvirhe
from openfisca_tartunta.tarkistukset import Syottovirhe


def tarkista_aarellisyys(simulaatio, tbs, polku: str | None = None) -> None:
    """Every float the simulation holds must be finite: an input amount beyond float32
    (~3.4e38) turns into inf, and inf turned into cents becomes garbage.  An input variable is
    named before a computed one."""
    loydetyt = []
    for populaatio in simulaatio.populations.values():
        for nimi, haltija in populaatio._holders.items():
            if haltija.variable.value_type is not float:
                continue
            for kausi in haltija.get_known_periods():
                taulukko = haltija.get_array(kausi)
                if taulukko is not None and not np.all(np.isfinite(taulukko)):
                    loydetyt.append((bool(haltija.variable.formulas), nimi))
                    break
    if loydetyt:
        _, nimi = min(loydetyt)
        raise Asiakasvirhe(
            400,
            "ei_aarellinen",
            f"'{nimi}' is not a finite number: an input amount is out of range (32-bit floats hold at most ~3.4e38)",
            polku or nimi,
            muuttuja=nimi,
        )


def _litistetty(virhe, polku: str = "") -> list[dict]:
    """openfisca-core's nested error as [{kentta, viesti}] (a list stands for a year key)."""
    if isinstance(virhe, dict):
        osat = virhe.items()
    elif isinstance(virhe, list):
        osat = [(i, v) for i, v in enumerate(virhe) if v is not None]
    else:
        return [{"kentta": polku or None, "viesti": str(virhe)}]
    tulos = []
    for avain, arvo in osat:
        tulos.extend(_litistetty(arvo, f"{polku}/{avain}" if polku else str(avain)))
    return tulos


def _palautettu(tilanne: Tilanne, virhe: dict) -> dict:
    """An error item with the client's ids in its path and message."""
    kentta = virhe["kentta"]
    if kentta:
        osat = kentta.split("/")
        if len(osat) > 1:
            osat[1] = tilanne.alkuperainen(osat[1])
        kentta = "/".join(osat)
    return {"kentta": kentta, "viesti": tilanne.palauta_tunnukset(virhe["viesti"])}


def rakenna(tbs, tilanne: Tilanne):
    """Build the simulation; builder errors become 4xx naming the field."""
    rakentaja = NopeaRakentaja()
    try:
        simulaatio = rakentaja.build_from_entities(tbs, tilanne.rakennettava)
    except SituationParsingError as virhe:
        virheet = [_palautettu(tilanne, v) for v in _litistetty(virhe.error)]
        tila = virhe.code if virhe.code in (400, 404) else 400
        koodi = "tuntematon_muuttuja" if tila == 404 else "virheellinen_tilanne"
        raise Asiakasvirhe(tila, koodi, virheet[0]["viesti"], virheet[0]["kentta"], virheet) from None
    except PeriodMismatchError as virhe:
        raise Asiakasvirhe(400, "virheellinen_kausi", virhe.message, virhe.variable_name) from None
    except VariableNotFoundError as virhe:
        raise Asiakasvirhe(404, "tuntematon_muuttuja", str(virhe).splitlines()[0], None) from None
    return nopeuta(simulaatio), rakentaja


def syottovirheen_kentta(tbs, tilanne: Tilanne | None, muuttuja: str) -> str:
    """The request path of a variable named by `Syottovirhe`, when one instance makes it unambiguous."""
    variable = tbs.variables.get(muuttuja)
    if variable is None or tilanne is None or tilanne.solut > 1:
        return muuttuja
    tunnukset = tilanne.tunnukset.get(variable.entity.plural) or []
    if len(tunnukset) == 1:
        return f"{variable.entity.plural}/{tunnukset[0]}/{muuttuja}"
    return muuttuja


def syottovirhe(tbs, tilanne: Tilanne | None, virhe: Syottovirhe) -> Asiakasvirhe:
    kentta = syottovirheen_kentta(tbs, tilanne, virhe.muuttuja)
    return Asiakasvirhe(
        400,
        "syottovirhe",
        str(virhe),
        kentta,
        muuttuja=virhe.muuttuja,
        arvo=virhe.arvo,
        rivit=virhe.rivit if virhe.rivit > 1 else None,
    )


def laske(simulaatio, tbs, tilanne: Tilanne | None, muuttuja: str, kausi, polku: str):
    """`simulation.calculate` with model errors mapped to 4xx (a period text parsed once per process)."""
    if str(kausi).upper() == "ETERNITY":
        # openfisca-core 46 cannot look up a formula for the ETERNITY period (it has no start date):
        # any month reads an ETERNITY variable.
        kausi = "2017-01"
    try:
        return simulaatio.calculate(muuttuja, syotteet.kausi(kausi) if isinstance(kausi, str) else kausi)
    except Syottovirhe as virhe:
        raise syottovirhe(tbs, tilanne, virhe) from None
    except ParameterNotFoundError as virhe:
        raise Asiakasvirhe(
            400,
            "virheellinen_kausi",
            f"the model's parameters do not cover {kausi} ({str(virhe).splitlines()[0][:200]}); "
            "they start in 2017",
            polku,
        ) from None
