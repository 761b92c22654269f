"""pytest collects the OpenFisca YAML cases under tests/yaml/ as ordinary tests.

`make test` thus runs YAML cases, property tests, HTTP tests, notebooks and the
wheel test in one pytest run.  A single YAML file also runs with
`openfisca test tests/yaml/<file>.yaml -c openfisca_tartunta`.
"""

from __future__ import annotations

import pytest
from openfisca_core.tools.test_runner import YamlFile

from openfisca_tartunta import CountryTaxBenefitSystem

_TBS = None


def tax_benefit_system():
    global _TBS
    if _TBS is None:
        _TBS = CountryTaxBenefitSystem()
    return _TBS


def _openfisca_runner_active(config) -> bool:
    """`openfisca test` registers its own YAML collector; do not collect twice."""
    return any(type(p).__name__ == "OpenFiscaPlugin" for p in config.pluginmanager.get_plugins())


def pytest_collect_file(parent, file_path):
    if (
        file_path.suffix in (".yaml", ".yml")
        and "yaml" in file_path.parts
        and not _openfisca_runner_active(parent.config)
    ):
        return YamlFile.from_parent(
            parent, path=file_path, tax_benefit_system=tax_benefit_system(), options={}
        )
    return None


@pytest.fixture(scope="session")
def tbs():
    return tax_benefit_system()
