"""Code health, enforced (issue 13, item 5): every variable has a label and a reference, every
amount a unit; every parameter leaf a label, unit and reference and is read by some formula (so
that the Legislation Explorer links it); every guideline section cited exists among the
guideline's headings; every name of docs/CONTRACT.md exists."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import yaml
from openfisca_core.indexed_enums import Enum
from openfisca_core.parameters import Parameter

from lakiselain import linkitetyt_parametrit
from openfisca_tartunta import CountryTaxBenefitSystem

JUURI = Path(__file__).resolve().parents[2]
OTSIKOT = JUURI / "tests" / "data" / "ohjeen_otsikot.txt"
OHJE = JUURI.parent / "shared" / "seeds" / "003_00474e79f2809f58.txt"  # beside the checkout (CI has it)
OTSIKKORIVI = re.compile(r"^(1(?:\.\d+)*)\. \S")
KOHTA = re.compile(r"(?<![\d.])1(?:\.\d+)+(?![\d])")


@pytest.fixture(scope="module")
def jarjestelma():
    return CountryTaxBenefitSystem()


def _otsikot() -> set[str]:
    rivit = [r for r in OTSIKOT.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    return {OTSIKKORIVI.match(r)[1] for r in rivit}


def _ohjeen_kohdat(teksti: str) -> set[str]:
    """Sections cited in a text after "etuusohje" (up to the next ';')."""
    kohdat = set()
    for osa in re.split(r"[;]", teksti):
        if "etuusohje" in osa:
            kohdat |= set(KOHTA.findall(osa.split("etuusohje", 1)[1]))
    return kohdat


def test_muuttujilla_nimike_ja_viite(jarjestelma):
    for nimi, muuttuja in jarjestelma.variables.items():
        assert muuttuja.label, nimi
        assert getattr(muuttuja, "lahteet", None), f"{nimi}: no reference (a citation text)"
        assert muuttuja.reference and all(r.startswith("https://") for r in muuttuja.reference), nimi


def test_maarilla_yksikko(jarjestelma):
    for nimi, muuttuja in jarjestelma.variables.items():
        if muuttuja.value_type is float:
            assert muuttuja.unit, f"{nimi}: a float (amount, divisor, rate) needs a unit"
        if muuttuja.unit == "currency-EUR":
            assert muuttuja.value_type is float, nimi


def _lehdet_yamlista():
    for tiedosto in sorted((JUURI / "parameters").rglob("*.yaml")):
        def kay(solmu, polku):
            if "values" in solmu:
                yield polku, solmu
                return
            for avain, lapsi in solmu.items():
                if isinstance(lapsi, dict) and avain != "metadata":
                    yield from kay(lapsi, f"{polku}.{avain}")

        polku = ".".join(tiedosto.relative_to(JUURI / "parameters").with_suffix("").parts)
        yield from kay(yaml.safe_load(tiedosto.read_text(encoding="utf-8")), polku)


def test_parametrin_lehdella_nimike_yksikko_ja_viite():
    lehdet = list(_lehdet_yamlista())
    assert len(lehdet) >= 25
    for polku, lehti in lehdet:
        metatiedot = lehti.get("metadata") or {}
        for avain in ("label", "unit", "reference"):
            assert metatiedot.get(avain), f"{polku}: metadata.{avain} missing"
        assert lehti.get("description"), polku


def test_jokainen_parametri_luetaan_kaavassa(jarjestelma):
    lehdet = {p.name for p in jarjestelma.parameters.get_descendants() if isinstance(p, Parameter)}
    luetut = set()
    for muuttuja in jarjestelma.variables.values():
        for kaava in muuttuja.formulas.values():
            luetut |= linkitetyt_parametrit(inspect.getsource(kaava), lehdet)
    assert lehdet - luetut == set(), "read by no formula's own source (or only through a helper)"


def test_otsikkoluettelo_vastaa_ohjetta():
    if not OHJE.is_file():
        pytest.skip(f"the guideline is not beside the checkout ({OHJE})")
    ohjeesta = {OTSIKKORIVI.match(r)[1] for r in OHJE.read_text(encoding="utf-8").splitlines() if OTSIKKORIVI.match(r)}
    assert ohjeesta == _otsikot()


def test_viitatut_ohjeen_kohdat_ovat_olemassa(jarjestelma):
    otsikot = _otsikot()
    assert {"1.5.3", "1.9.3.2", "1.3.3.2.2"} <= otsikot
    viitteet = []
    for nimi, muuttuja in jarjestelma.variables.items():
        viitteet += [(nimi, t) for t in muuttuja.lahteet]
    for lehti in jarjestelma.parameters.get_descendants():
        for paivat in [lehti.metadata.get("reference")] if isinstance(lehti, Parameter) else []:
            for lista in paivat.values():
                viitteet += [(lehti.name, v["title"]) for v in lista]
    kohtia = 0
    for nimi, teksti in viitteet:
        for kohta in _ohjeen_kohdat(teksti):
            kohtia += 1
            assert kohta in otsikot, f"{nimi}: '{teksti}' cites {kohta}, not a heading of the guideline"
    assert kohtia > 200


def _sopimuksen_rivit():
    for rivi in (JUURI / "docs" / "CONTRACT.md").read_text(encoding="utf-8").splitlines():
        if rivi.startswith("| `"):
            yield [solu.strip() for solu in rivi.strip("|").split("|")]


def test_sopimuksen_nimet_ovat_olemassa(jarjestelma):
    entiteetit = {e.key: e for e in jarjestelma.entities}
    tarkistettu = 0
    for solut in _sopimuksen_rivit():
        nimet = re.findall(r"`(\w+)`", solut[0])
        if nimet[0] in entiteetit:  # the entities table: key, plural, roles
            entiteetti = entiteetit[nimet[0]]
            assert f"`{entiteetti.plural}`" == solut[1]
            for rooli in re.findall(r"`(\w+)` / `(\w+)`", solut[3]):
                assert rooli in {(r.key, r.plural) for r in getattr(entiteetti, "roles", [])}, rooli
            continue
        for nimi in nimet:
            assert nimi in jarjestelma.variables, f"docs/CONTRACT.md names `{nimi}`: no such variable"
            tarkistettu += 1
            muuttuja = jarjestelma.variables[nimi]
            if solut[1].startswith("enum"):
                arvot = re.findall(r"`(\w+)`", solut[1])
                assert muuttuja.value_type is Enum and arvot == [e.name for e in muuttuja.possible_values], nimi
            for jakso in ("MONTH", "ETERNITY"):
                if jakso in solut[1:3]:
                    assert muuttuja.definition_period == jakso.lower(), nimi
    assert tarkistettu > 100
