"""Reform: a maximum daily amount.

Today there is no maximum: the allowance "korvaa ansionmenetyksen
täysimääräisenä" and no minimum amount is used (guideline 1.6).  This reform
caps the daily amount at the new parameter `paivaraha.enimmaismaara_paivalta`
(€).  Where the cap bites, each earning activity's part is reduced in the same
proportion, so the employers' part (from the employment rows' parts) stays
consistent with the capped amount.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.raha import euroina
from openfisca_tartunta.reforms.apu import arvot_alkaen, lisaa_parametri, peruskaava

#: Illustrative default (€ a day, i.e. a monthly pay of 6 250 €): a what-if value, not law.
ENIMMAISMAARA = 250.0
ALKAEN = "2017-01-01"


def _parametri(maara: float, alkaen: str) -> dict:
    return {
        "description": "Highest daily amount of the allowance (reform)",
        "metadata": {
            "unit": "currency-EUR",
            "label": "Tartuntatautipäivärahan enimmäismäärä päivältä (lakimuutosehdotus)",
            "reference": [
                {"title": "Reformi openfisca_tartunta.reforms.enimmaismaara (ei voimassa olevaa lakia)"},
                {"title": "Kelan etuusohje Tartuntatautipäiväraha 1.6 Määrä (voimassa: ei enimmäismäärää)"},
            ],
        },
        "documentation": "What-if, not law: guideline 1.6 sets no maximum (full compensation). The default 250 € is illustrative only.",
        # before the reform: no maximum (∞)
        "values": arvot_alkaen(alkaen, float(maara), float("inf")),
    }


class Enimmaismaara(Reform):
    """The daily amount is at most `paivaraha.enimmaismaara_paivalta`."""

    name = "Tartuntatautipäivärahan enimmäismäärä"
    enimmaismaara = ENIMMAISMAARA
    alkaen = ALKAEN

    def apply(self):
        maara, alkaen = self.enimmaismaara, self.alkaen
        self.modify_parameters(
            lambda p: lisaa_parametri(p, "paivaraha.enimmaismaara_paivalta", _parametri(maara, alkaen))
        )
        perus_paivaraha = peruskaava(self.baseline, "laskennallinen_paivaraha")
        perus_osuus = peruskaava(self.baseline, "paivarahan_osuus")

        class rajoittamaton_paivaraha(Variable):
            value_type = float
            entity = Vakuutettu
            definition_period = MONTH
            unit = "currency-EUR"
            label = "Laskennallinen päiväraha ennen enimmäismäärää (reformi)"
            reference = ["Kelan etuusohje 1.6, 1.7"]

            def formula(vakuutettu, period, parameters):
                return perus_paivaraha(vakuutettu, period, parameters)

        class enimmaismaaran_kerroin(Variable):
            value_type = float
            default_value = 1.0
            entity = Vakuutettu
            definition_period = MONTH
            label = "Enimmäismäärän vuoksi osuuksiin sovellettava kerroin (reformi)"
            reference = ["Kelan etuusohje 1.6"]
            documentation = "min(1, maximum / daily amount before the cap): 1 where the cap does not bite."

            def formula(vakuutettu, period, parameters):
                ennen = euroina(vakuutettu("rajoittamaton_paivaraha", period))
                enintaan = parameters(period).paivaraha.enimmaismaara_paivalta
                return np.where(ennen > enintaan, enintaan / np.where(ennen > 0, ennen, 1.0), 1.0)

        class laskennallinen_paivaraha(Variable):
            documentation = "Reform (maximum daily amount): the baseline amount, at most paivaraha.enimmaismaara_paivalta."

            def formula(vakuutettu, period, parameters):
                ennen = euroina(vakuutettu("rajoittamaton_paivaraha", period))
                return np.minimum(ennen, parameters(period).paivaraha.enimmaismaara_paivalta)

        class paivarahan_osuus(Variable):
            documentation = "Reform (maximum daily amount): the baseline part × the insured's cap factor. Not rounded."

            def formula(ansiotyo, period, parameters):
                kerroin = ansiotyo.vakuutettu("enimmaismaaran_kerroin", period)
                return perus_osuus(ansiotyo, period, parameters) * kerroin

        self.add_variable(rajoittamaton_paivaraha)
        self.add_variable(enimmaismaaran_kerroin)
        self.update_variable(laskennallinen_paivaraha)
        self.update_variable(paivarahan_osuus)


def enimmaismaara(maara: float, alkaen: str = ALKAEN) -> type[Enimmaismaara]:
    """An `Enimmaismaara` reform with the given cap (€ a day) from `alkaen`."""
    if not maara > 0:
        raise ValueError(f"enimmaismaara: the maximum must be positive, got {maara!r}")
    return type(f"Enimmaismaara{round(maara)}", (Enimmaismaara,), {"enimmaismaara": float(maara), "alkaen": alkaen})
