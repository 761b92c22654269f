"""The two tax-benefit systems a comparison runs: `tartunta vertaa`'s three ways to get them.

- `git_revisio`: the whole tree of a git revision, exported with `git archive`
  into a temporary folder; its parameters are read here, its formulas and YAML
  case outputs by the revision's own package in a child process (`revisio.py`);
- `reformin_jarjestelma`: the baseline with reforms applied (named as
  `tartunta simuloi --reformi` takes them, `openfisca_tartunta.reforms.hae_reformi`);
- `paivan_laki`: one system frozen at a date — every parameter keeps the value in
  force that day and every variable the formula in force that day, for all
  periods — so that two dates give "the law of day A" and "the law of day B"
  applied to the same cases.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
import datetime
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from openfisca_core.parameters import Parameter, ParameterNode
from openfisca_core.reforms import Reform
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_tartunta import entities
from openfisca_tartunta.sijainnit import JUURI_DIR

#: the start of "all periods" in a frozen system
ALUSTA = "1900-01-01"


class Vertailuvirhe(ValueError):
    """Bad input to a comparison (revision, reform, date, folder): names it and what was expected."""


def kansiosta(juuri: Path) -> TaxBenefitSystem:
    """A tax-benefit system from `juuri/variables` and `juuri/parameters` (the package's layout)."""
    for kansio in ("variables", "parameters"):
        if not (Path(juuri) / kansio).is_dir():
            raise Vertailuvirhe(f"{juuri}: no {kansio}/ folder")
    tbs = TaxBenefitSystem(entities.entities)
    tbs.add_variables_from_directory(str(Path(juuri) / "variables"))
    tbs.load_parameters(str(Path(juuri) / "parameters"))
    return tbs


def _git(repo: Path, *argumentit: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(repo), *argumentit], capture_output=True, timeout=60)
    except FileNotFoundError:
        raise Vertailuvirhe("--git needs the git program, which is not installed") from None


def git_juuri(polku: Path = JUURI_DIR) -> Path:
    """The top folder of the git repository holding `polku`."""
    tulos = _git(polku, "rev-parse", "--show-toplevel")
    if tulos.returncode != 0:
        raise Vertailuvirhe(f"--git: {polku} is not inside a git repository")
    return Path(tulos.stdout.decode().strip())


@dataclass
class GitRevisio:
    """A git revision's rules as the comparison needs them.

    `parameters`: its parameter tree (plain YAML, read here); `kaavat`: its formula
    sources (`kaavat.kaavalahteet`) and `tapaukset`: its YAML case outputs, both
    computed by the revision's own package (`revisio.tilannekuva`).
    """

    commit: str
    parameters: ParameterNode
    kaavat: dict
    tapaukset: list


def git_revisio(revisio: str, repo: Path, kohde: Path, tapauskansio: Path | None) -> GitRevisio:
    """The rules at `revisio` of `repo` (exported under `kohde`), run on the cases of `tapauskansio`."""
    from openfisca_tartunta.vertailu.revisio import Revisiovirhe, tilannekuva

    if not revisio or revisio.startswith("-"):
        raise Vertailuvirhe(f"--git: {revisio!r} is not a git revision")
    tulos = _git(repo, "rev-parse", "--verify", "--quiet", f"{revisio}^{{commit}}")
    if tulos.returncode != 0:
        raise Vertailuvirhe(f"--git: unknown revision {revisio!r} in {repo}")
    commit = tulos.stdout.decode().strip()
    arkisto = _git(repo, "archive", "--format=tar", commit)
    if arkisto.returncode != 0:
        raise Vertailuvirhe(f"--git: could not export revision {revisio}")
    puu = Path(kohde) / "puu"
    with tarfile.open(fileobj=io.BytesIO(arkisto.stdout)) as tar:
        tar.extractall(puu, filter="data")
    for kansio in ("variables", "parameters", "openfisca_tartunta"):
        if not (puu / kansio).is_dir():
            raise Vertailuvirhe(f"--git: revision {revisio} has no {kansio}/ folder")
    try:
        kuva = tilannekuva(puu, tapauskansio)
    except Revisiovirhe as virhe:
        raise Vertailuvirhe(f"--git: the rules of {revisio} ({commit[:12]}) could not be run by its own package: {virhe}") from None
    parametrit = ParameterNode("", directory_path=str(puu / "parameters"))
    return GitRevisio(commit, parametrit, kuva["kaavat"], kuva["tapaukset"])


def reformin_jarjestelma(perus: TaxBenefitSystem, reformit) -> TaxBenefitSystem:
    """`perus` with the named reforms applied in order (unknown names raise Vertailuvirhe)."""
    from openfisca_tartunta.reforms import Reformivirhe, sovella_reformit

    try:
        return sovella_reformit(perus, list(reformit))
    except Reformivirhe as virhe:
        raise Vertailuvirhe(f"--reformi: {virhe}") from None


def tarkista_paiva(teksti: str) -> str:
    """`teksti` as YYYY-MM-DD, or Vertailuvirhe naming it."""
    try:
        paiva = datetime.date.fromisoformat(str(teksti))
    except ValueError:
        raise Vertailuvirhe(f"--paivat: {teksti!r} is not a date YYYY-MM-DD") from None
    if len(str(teksti)) != 10:
        raise Vertailuvirhe(f"--paivat: {teksti!r} is not a date YYYY-MM-DD")
    return paiva.isoformat()


def voimassa(parametri: Parameter, paiva: str):
    """The `ParameterAtInstant` of `parametri` in force on `paiva` (None before its first value)."""
    for arvo in parametri.values_list:  # newest first
        if arvo.instant_str <= paiva:
            return arvo
    return None


def paivan_laki(perus: TaxBenefitSystem, paiva: str) -> TaxBenefitSystem:
    """`perus` with the law of `paiva` in force for every period (see the module docstring)."""
    paiva = tarkista_paiva(paiva)

    class PaivanLaki(Reform):
        name = f"laki {paiva}"

        def apply(self):
            def jaadyta(parametrit):
                for parametri in parametrit.get_descendants():
                    if isinstance(parametri, Parameter):
                        arvo = voimassa(parametri, paiva)
                        if arvo is not None and arvo.value is not None:
                            kopio = arvo.clone()
                            kopio.instant_str = ALUSTA
                            parametri.values_list = [kopio]
                return parametrit

            self.modify_parameters(jaadyta)
            for nimi, muuttuja in list(self.variables.items()):
                kaava = muuttuja.get_formula(paiva)
                if kaava is not None and len(muuttuja.formulas) > 1:
                    kopio = copy.copy(muuttuja)
                    kopio.formulas = type(muuttuja.formulas)({"0001-01-01": kaava})
                    self.variables[nimi] = kopio

    return PaivanLaki(perus)


def valiaikaiskansio() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="tartunta-vertaa-")
