"""pytest collects the OpenFisca YAML cases under tests/yaml/ as ordinary tests.

`make test` thus runs YAML cases, property tests, HTTP tests, notebooks and the
wheel test in one pytest run.  Each case's pytest id is its `name`, so
`pytest tests/yaml -k "Pitkäperjantai"` selects cases by name; a failing case
names itself and lists every mismatched output (OpenFisca's own item stops at
the first).  A YAML file also runs with
`openfisca test tests/yaml/<file>.yaml -c openfisca_tartunta`.
"""

from __future__ import annotations

import os

import pytest
from openfisca_core.tools.test_runner import Loader, YamlFile, YamlItem, yaml

from openfisca_tartunta import CountryTaxBenefitSystem

_TBS = None


def tax_benefit_system():
    global _TBS
    if _TBS is None:
        _TBS = CountryTaxBenefitSystem()
    return _TBS


class TapausKohde(YamlItem):
    """One YAML case: checks every expected output and reports all mismatches together."""

    def check_output(self) -> None:
        self._poikkeamat: list[str] = []
        super().check_output()
        if self._poikkeamat:
            raise AssertionError(
                f"{len(self._poikkeamat)} output(s) differ from the hand-worked values:"
                + os.linesep
                + os.linesep.join(self._poikkeamat)
            )

    def check_variable(self, variable_name, expected_value, period, entity_index=None):
        if isinstance(expected_value, dict):  # one call per period, each collected below
            return super().check_variable(variable_name, expected_value, period, entity_index)
        try:
            return super().check_variable(variable_name, expected_value, period, entity_index)
        except AssertionError as virhe:
            kohde = "" if entity_index is None else f" [entity #{entity_index}]"
            self._poikkeamat.append(f"- {virhe}{kohde}")
            return None

    def reportinfo(self):
        return self.path, None, f"{self.path.name}: {self.name}"


class TapausTiedosto(YamlFile):
    """A YAML file whose cases are pytest items named after the cases' `name`."""

    def collect(self):
        try:
            with open(self.path, encoding="utf-8") as tiedosto:
                tapaukset = yaml.load(tiedosto, Loader=Loader)
        except yaml.YAMLError as virhe:
            raise ValueError(f"{self.path}: not a valid YAML file: {virhe}") from None
        if not isinstance(tapaukset, list):
            tapaukset = [tapaukset]
        nahdyt: dict[str, int] = {}
        for numero, tapaus in enumerate(tapaukset, 1):
            nimi = str((tapaus or {}).get("name") or f"tapaus {numero}")
            nahdyt[nimi] = nahdyt.get(nimi, 0) + 1
            if nahdyt[nimi] > 1:  # pytest needs unique ids
                nimi = f"{nimi} ({nahdyt[nimi]})"
            yield TapausKohde.from_parent(
                self,
                name=nimi,
                baseline_tax_benefit_system=self.tax_benefit_system,
                test=tapaus,
                options=self.options,
            )


def _openfisca_runner_active(config) -> bool:
    """`openfisca test` registers its own YAML collector; do not collect twice."""
    return any(type(p).__name__ == "OpenFiscaPlugin" for p in config.pluginmanager.get_plugins())


def pytest_collect_file(parent, file_path):
    if (
        file_path.suffix in (".yaml", ".yml")
        and "yaml" in file_path.parts
        and not _openfisca_runner_active(parent.config)
    ):
        return TapausTiedosto.from_parent(
            parent, path=file_path, tax_benefit_system=tax_benefit_system(), options={}
        )
    return None


@pytest.fixture(scope="session")
def tbs():
    return tax_benefit_system()
