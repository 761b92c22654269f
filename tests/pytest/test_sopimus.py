"""Every name in docs/CONTRACT.md exists in the tax-benefit system with the documented
entity, period and type (the contract and the model cannot drift apart)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from openfisca_core.indexed_enums import Enum

from openfisca_tartunta.sijainnit import JUURI_DIR
from openfisca_tartunta.sopimus import ANSIOTYON_TULOKSET, VAKUUTETUN_TULOKSET

SOPIMUS = JUURI_DIR / "docs" / "CONTRACT.md"
TYYPIT = {"bool": bool, "int": int, "float": float, "date": date, "str": str, "enum": Enum}


def _nimet(solu: str) -> list[str]:
    """`a_1_x` … `a_3_x` → a_1_x, a_2_x, a_3_x; `a`, `b` → a, b."""
    nimet = re.findall(r"`([a-z0-9_]+)`", solu)
    if "…" in solu and len(nimet) == 2:
        a, b = (re.fullmatch(r"(.*?_)(\d+)(.*)", n) for n in nimet)
        return [f"{a[1]}{i}{a[3]}" for i in range(int(a[2]), int(b[2]) + 1)]
    return nimet


def sopimuksen_rivit() -> list[tuple[str, str, str | None, str]]:
    """(name, entity, period or None, type word) for each row of the variable tables."""
    rivit, entiteetti, otsikko, kaikki_kk = [], None, None, False
    for rivi in SOPIMUS.read_text(encoding="utf-8").splitlines():
        if not rivi.startswith("|"):
            if "`vakuutettu`" in rivi or "`ansiotyo`" in rivi:
                entiteetti = "vakuutettu" if "`vakuutettu`" in rivi else "ansiotyo"
                kaikki_kk = "MONTH" in rivi
            otsikko = None
            continue
        solut = [s.strip() for s in rivi.strip("|").split("|")]
        if otsikko is None:
            otsikko = solut
            continue
        if set(solut[0]) <= set("-: ") or otsikko[0] != "name":
            continue
        tyyppi = solut[otsikko.index("type")].split()[0]
        jakso = solut[otsikko.index("period")] if "period" in otsikko else ("MONTH" if kaikki_kk else None)
        for nimi in _nimet(solut[0]):
            rivit.append((nimi, entiteetti, jakso, tyyppi))
    return rivit


RIVIT = sopimuksen_rivit()


def test_sopimuksessa_on_rivit():
    nimet = {r[0] for r in RIVIT}
    assert len(RIVIT) > 80
    assert {"vuosiloma_3_paattyy", "estava_etuus_2", "maksueste_1_alkaa", "tyonantajan_tunnus_puuttuu"} <= nimet
    assert set(VAKUUTETUN_TULOKSET) | set(ANSIOTYON_TULOKSET) <= nimet


@pytest.mark.parametrize("nimi,entiteetti,jakso,tyyppi", RIVIT, ids=[r[0] for r in RIVIT])
def test_sopimuksen_nimi_mallissa(tbs, nimi, entiteetti, jakso, tyyppi):
    muuttuja = tbs.variables.get(nimi)
    assert muuttuja is not None, f"{nimi} is in CONTRACT.md but not in the model"
    assert muuttuja.entity.key == entiteetti
    assert jakso is not None and str(muuttuja.definition_period).upper() == jakso
    assert muuttuja.value_type is TYYPIT[tyyppi], f"{nimi}: {muuttuja.value_type} ≠ {tyyppi}"
