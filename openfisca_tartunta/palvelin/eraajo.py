"""`POST /eraajo`: many cases in one request, computed vectorised in ONE simulation.

Columnar JSON, one list per variable (every list of a table has the same length)::

    {
      "kuukaudet": ["2024-03", "2024-04"],
      "vakuutetut": {
        "poissaolon_peruste": ["karanteeni", "eristaminen"],
        "poissaolo_alkaa":    ["2024-03-04", "2024-03-25"],
        "poissaolo_paattyy":  ["2024-03-15", "2024-04-05"]
      },
      "ansiotyot": {
        "vakuutettu":         [0, 1, 1],
        "rooli":              ["palkkatyo", "palkkatyo", "yritystoiminta"],
        "ansionmenetys":      [3000, 2500, 0],
        "yrittajavakuutus":   ["ei_vakuutusta", "ei_vakuutusta", "yel"],
        "yrittajan_tyotulo":  [0, 0, 30000]
      },
      "tulokset": ["tartuntatautipaivaraha", "tartuntatautipaivaraha_netto"]
    }

`vakuutettu` is the 0-based row of the insured person in `vakuutetut`; `rooli`
is `palkkatyo` or `yritystoiminta`.  Every other column is an input variable of
its table: an ETERNITY variable is set once, a MONTH variable gets the same
value in every month of `kuukaudet`.  Dates are `YYYY-MM-DD` strings, enums
their item names.  `tulokset` (optional) lists the output variables; by default
the contract's outputs.  The answer::

    {"kuukaudet": [...], "rivit": {"vakuutetut": 2, "ansiotyot": 3},
     "vakuutetut": {"tartuntatautipaivaraha": {"2024-03": [1320.0, 500.0], "2024-04": [0.0, 500.0]}, ...},
     "ansiotyot": {"tartuntatautipaivaraha_tyonantajalle": {"2024-03": [...], ...}}}
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import orjson
from openfisca_core.errors import ParameterNotFoundError
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit

from openfisca_tartunta import syotteet
from openfisca_tartunta.palvelin.tapauksen_simulaatio import tarkista_aarellisyys
from openfisca_tartunta.palvelin.tilanne import kausi_kelpaa
from openfisca_tartunta.palvelin.virheet import Asiakasvirhe
from openfisca_tartunta.raha import sentin_tarkkuudella
from openfisca_tartunta.sopimus import ANSIOTYON_TULOKSET, VAKUUTETUN_TULOKSET
from openfisca_tartunta.simulaatio import KUUKAUSIEROTIN, RAKENNESARAKKEET, ROOLIT, rakenna_simulaatio
from openfisca_tartunta.tarkistukset import Syottovirhe

#: Default outputs: the contract's outputs (CONTRACT.md), those this build has.
OLETUSTULOKSET = VAKUUTETUN_TULOKSET + ANSIOTYON_TULOKSET
TAULUT = {"vakuutetut": "vakuutettu", "ansiotyot": "ansiotyo"}
_AVAIMET = {"kuukaudet", "vakuutetut", "ansiotyot", "tulokset"}


def _kuukaudet(tbs, arvo, max_kuukaudet: int) -> list[str]:
    if not isinstance(arvo, list) or not arvo:
        raise Asiakasvirhe(400, "virheellinen_eraajo", "kuukaudet must be a non-empty list of months like \"2024-03\"", "kuukaudet")
    if len(arvo) > max_kuukaudet:
        raise Asiakasvirhe(
            413, "liian_monta_kuukautta", f"{len(arvo)} months; the limit is {max_kuukaudet} (--max-months)", "kuukaudet"
        )
    tulos = []
    for i, kuukausi in enumerate(arvo):
        try:
            kausi = syotteet.kausi(kuukausi) if isinstance(kuukausi, str) else None
        except ValueError:
            kausi = None
        if kausi is None or kausi.unit != DateUnit.MONTH or kausi.size != 1 or not kausi_kelpaa(kausi):
            raise Asiakasvirhe(400, "virheellinen_kausi", f"not a month like \"2024-03\": {str(kuukausi)[:40]!r}", f"kuukaudet/{i}")
        syotteet.tarkista_rajat(tbs, kausi, f"kuukaudet/{i}")
        tulos.append(str(kausi))
    if len(set(tulos)) != len(tulos):
        raise Asiakasvirhe(400, "virheellinen_kausi", "a month is listed twice", "kuukaudet")
    return tulos


def _sarake(tbs, taulu: str, nimi: str, arvot, kuukaudet: list[str]) -> np.ndarray:
    """One column as a typed numpy array, read exactly (`syotteet.json_sarake`) or refused naming the row."""
    polku = f"{taulu}/{nimi}"
    if not isinstance(arvot, list):
        raise Asiakasvirhe(400, "virheellinen_eraajo", "a column must be a list of values", polku)
    if taulu == "ansiotyot" and nimi in RAKENNESARAKKEET:
        if nimi == "vakuutettu":
            if not set(map(type, arvot)) <= {int}:
                rivi = next(i for i, a in enumerate(arvot) if type(a) is not int)
                raise Asiakasvirhe(400, "virheellinen_eraajo", "expected row numbers of vakuutetut (integers from 0)", f"{polku}/{rivi}")
            return np.array(arvot, dtype=np.int64)
        if not set(map(type, arvot)) <= {str}:
            rivi = next(i for i, a in enumerate(arvot) if type(a) is not str)
            raise Asiakasvirhe(400, "virheellinen_eraajo", f"expected one of {', '.join(ROOLIT)}", f"{polku}/{rivi}")
        return np.array(arvot, dtype=str)
    muuttuja = syotteet.sarakkeen_muuttuja(tbs, TAULUT[taulu], nimi, polku)
    _, _, kuukausi = nimi.partition(KUUKAUSIEROTIN)
    if kuukausi and kuukausi not in kuukaudet:
        raise Asiakasvirhe(400, "virheellinen_kausi", f"month {kuukausi} is not in kuukaudet", polku)
    return syotteet.json_sarake(muuttuja, arvot, polku)


def _taulu(tbs, data: dict, taulu: str, kuukaudet: list[str]) -> tuple[dict[str, np.ndarray], int]:
    sarakkeet = data.get(taulu)
    if not isinstance(sarakkeet, dict):
        raise Asiakasvirhe(400, "virheellinen_eraajo", f"{taulu} must be an object of columns {{variable: [values]}}", taulu)
    tulos = {str(nimi): _sarake(tbs, taulu, str(nimi), arvot, kuukaudet) for nimi, arvot in sarakkeet.items()}
    pituudet = {nimi: len(arvot) for nimi, arvot in tulos.items()}
    if len(set(pituudet.values())) > 1:
        ensimmainen = next(iter(pituudet))
        eri = next(n for n, p in pituudet.items() if p != pituudet[ensimmainen])
        raise Asiakasvirhe(
            400,
            "virheellinen_eraajo",
            f"columns have different lengths: {ensimmainen} has {pituudet[ensimmainen]} rows, {eri} has {pituudet[eri]}",
            f"{taulu}/{eri}",
        )
    return tulos, (next(iter(pituudet.values())) if pituudet else 0)


def _tulokset(tbs, arvo) -> list[str]:
    if arvo is None:
        return [n for n in OLETUSTULOKSET if n in tbs.variables]
    if not isinstance(arvo, list) or not arvo or not all(isinstance(n, str) for n in arvo):
        raise Asiakasvirhe(400, "virheellinen_eraajo", "tulokset must be a non-empty list of variable names", "tulokset")
    for i, nimi in enumerate(arvo):
        muuttuja = tbs.variables.get(nimi)
        if muuttuja is None:
            raise Asiakasvirhe(
                404,
                "tuntematon_muuttuja",
                f"'{nimi[:80]}' is not a variable of this model{syotteet.ehdotus(nimi, tbs.variables)}; see /variables",
                f"tulokset/{i}",
            )
        if muuttuja.definition_period not in (DateUnit.MONTH, DateUnit.ETERNITY):
            raise Asiakasvirhe(400, "virheellinen_kausi", f"'{nimi}' is defined per {muuttuja.definition_period}; only MONTH and ETERNITY variables can be listed", f"tulokset/{i}")
    return list(dict.fromkeys(arvo))


def _jsoniksi(muuttuja, taulukko):
    """A result column for the JSON answer (money to the cent, dates ISO, enums by name): numbers
    and booleans as a numpy array (`json_runko` writes it), dates and enums as a list of strings."""
    tyyppi = muuttuja.value_type
    if tyyppi is float:
        if not np.all(np.isfinite(taulukko)):
            raise Asiakasvirhe(400, "ei_aarellinen", f"'{muuttuja.name}' is not a finite number: an input amount is out of range", muuttuja.name)
        if (muuttuja.unit or "").startswith("currency"):
            return sentin_tarkkuudella(taulukko)
        return np.asarray(taulukko).astype(str).astype(np.float64)
    if tyyppi is Enum:
        nimet = np.array(muuttuja.possible_values._member_names_)
        return nimet[np.asarray(taulukko.view(np.ndarray), dtype=np.int64)].tolist()
    if tyyppi is dt.date:
        return np.asarray(taulukko).astype("datetime64[D]").astype(str).tolist()
    return np.ascontiguousarray(taulukko)


def json_runko(vastaus: dict) -> bytes:
    """The answer as JSON bytes.  orjson writes the result arrays straight from numpy, each float
    in its shortest round-trip form as Python's `json` does (`_jsoniksi` has refused non-finite
    values), about ten times faster than lists of Python floats."""
    return orjson.dumps(vastaus, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)  # months are str subclasses


#: Peak memory per row and month with the default outputs, measured (about 330 bytes in
#: `benchmarks/kuormitus.py`), with a margin; more outputs scale it.
TAVUT_RIVIKUUKAUDELTA = 400


def muistiarvio(rivit: int, kuukaudet: int, tulokset: int) -> int:
    """Estimated peak bytes of one batch: rows × months × outputs."""
    return rivit * kuukaudet * TAVUT_RIVIKUUKAUDELTA * max(1.0, tulokset / max(len(OLETUSTULOKSET), 1))


def laske_eraajo(tbs, data: dict, max_rivit: int, max_kuukaudet: int, max_muisti_mib: int = 10**6) -> dict:
    """Compute a batch request (see the module docstring); `json_runko` writes the answer."""
    tuntemattomat = sorted(set(data) - _AVAIMET)
    if tuntemattomat:
        raise Asiakasvirhe(
            400,
            "virheellinen_eraajo",
            f"unknown key '{tuntemattomat[0][:80]}'{syotteet.ehdotus(tuntemattomat[0], _AVAIMET)}; "
            f"the keys are {', '.join(sorted(_AVAIMET))}",
            tuntemattomat[0][:80],
        )
    kuukaudet = _kuukaudet(tbs, data.get("kuukaudet"), max_kuukaudet)
    tulokset = _tulokset(tbs, data.get("tulokset"))
    # Size first, before converting anything.
    rivit = {}
    for taulu in TAULUT:
        sarakkeet = data.get(taulu)
        rivit[taulu] = max((len(v) for v in sarakkeet.values() if isinstance(v, list)), default=0) if isinstance(sarakkeet, dict) else 0
    if sum(rivit.values()) > max_rivit:
        raise Asiakasvirhe(
            413,
            "liian_monta_rivia",
            f"{rivit['vakuutetut']} + {rivit['ansiotyot']} rows; the limit is {max_rivit} (--max-batch-rows); split the batch",
            None,
        )
    arvio = muistiarvio(sum(rivit.values()), len(kuukaudet), len(tulokset))
    if arvio > max_muisti_mib * 2**20:
        raise Asiakasvirhe(
            413,
            "muistibudjetti_ylittyy",
            f"{sum(rivit.values())} rows × {len(kuukaudet)} months × {len(tulokset)} outputs would take about "
            f"{arvio / 2**20:.0f} MiB; the limit is {max_muisti_mib} MiB per request (--max-memory-mib); "
            "split the batch or ask for fewer months",
            None,
        )
    vakuutetut, n_vak = _taulu(tbs, data, "vakuutetut", kuukaudet)
    ansiotyot, n_tyo = _taulu(tbs, data, "ansiotyot", kuukaudet)
    if n_vak == 0:
        raise Asiakasvirhe(400, "virheellinen_eraajo", "vakuutetut needs at least one column with at least one row", "vakuutetut")
    for sarake in RAKENNESARAKKEET:
        if sarake not in ansiotyot:
            raise Asiakasvirhe(400, "virheellinen_eraajo", f"required column '{sarake}' is missing", f"ansiotyot/{sarake}")
    kuuluu = ansiotyot["vakuutettu"]
    if n_tyo and (kuuluu.min() < 0 or kuuluu.max() >= n_vak):
        rivi = int(np.flatnonzero((kuuluu < 0) | (kuuluu >= n_vak))[0])
        raise Asiakasvirhe(
            400, "virheellinen_eraajo", f"row numbers must be 0…{n_vak - 1} (the rows of vakuutetut)", f"ansiotyot/vakuutettu/{rivi}"
        )
    try:
        simulaatio = rakenna_simulaatio(tbs, vakuutetut, ansiotyot, kuukaudet)
        vastaus = {"kuukaudet": kuukaudet, "rivit": {"vakuutetut": n_vak, "ansiotyot": n_tyo}, "vakuutetut": {}, "ansiotyot": {}}
        laskettu = {}
        for nimi in tulokset:
            muuttuja = tbs.variables[nimi]
            kaudet = ["ETERNITY"] if muuttuja.definition_period == DateUnit.ETERNITY else kuukaudet
            laskettu[nimi] = {k: simulaatio.calculate(nimi, kuukaudet[0] if k == "ETERNITY" else k) for k in kaudet}
        tarkista_aarellisyys(simulaatio, tbs)
        for nimi, arvot in laskettu.items():
            muuttuja = tbs.variables[nimi]
            vastaus[muuttuja.entity.plural][nimi] = {k: _jsoniksi(muuttuja, a) for k, a in arvot.items()}
    except Syottovirhe as virhe:
        raise Asiakasvirhe(
            400,
            "syottovirhe",
            str(virhe),
            virhe.muuttuja,
            muuttuja=virhe.muuttuja,
            arvo=virhe.arvo,
            rivit=virhe.rivit,
        ) from None
    except ParameterNotFoundError:
        raise Asiakasvirhe(400, "virheellinen_kausi", "the model's parameters do not cover these months; they start in 2017", "kuukaudet") from None
    return vastaus
