"""Shared tools for the reforms: new parameters, baseline formulas, errors.

A reform that changes how a variable is computed usually wants "the baseline
result, then something more".  `peruskaava` gives the formula the baseline
system uses for a period, so reforms stack (a cap on top of a replacement
rate applies to the already reduced amount) without copying formulas.
"""

from __future__ import annotations

from collections.abc import Callable

from openfisca_core.parameters import Parameter, ParameterNode

#: The first day of the model's parameters: a reform's new parameter covers time from here.
ALKU = "2017-01-01"


class Reformivirhe(ValueError):
    """A reform that cannot be found or applied: names the reform or the parameter and why."""


def arvot_alkaen(alkaen: str, arvo, nykyinen) -> dict:
    """Parameter `values` for a reform from `alkaen`, with today's rule (`nykyinen`) before it."""
    arvot = {alkaen: {"value": arvo}}
    if str(alkaen) > ALKU:
        arvot[ALKU] = {"value": nykyinen, "metadata": {"reference": "voimassa oleva laki (ennen reformia)"}}
    return arvot


def lisaa_parametri(parametrit: ParameterNode, polku: str, data: dict) -> ParameterNode:
    """Add a new dated parameter at dotted `polku` (e.g. `paivaraha.odotusaika`).

    `data` is what a parameter YAML file would hold (`description`, `metadata`,
    `documentation`, `values`).  Fails if the parameter already exists.
    """
    *solmut, nimi = polku.split(".")
    solmu = parametrit
    for osa in solmut:
        solmu = solmu.children[osa]
    solmu.add_child(nimi, Parameter(polku, data=data))
    return parametrit


def peruskaava(baseline, muuttuja: str) -> Callable:
    """A callable `(entity, period, parameters)` running the baseline formula of `muuttuja`."""
    perusmuuttuja = baseline.get_variable(muuttuja, check_existence=True)

    def laske(entiteetti, period, parameters):
        kaava = perusmuuttuja.get_formula(period)
        if kaava is None:  # an input in the baseline: its value as given
            return entiteetti(muuttuja, period)
        if kaava.__code__.co_argcount == 2:
            return kaava(entiteetti, period)
        return kaava(entiteetti, period, parameters)

    return laske


