"""Reform: a replacement rate below 100 %.

Today the allowance replaces the whole loss of earnings: 1/25 of the lost
monthly pay, 1/300 of the entrepreneur's annual income; it "korvaa
ansionmenetyksen täysimääräisenä" (guideline 1.6).  This reform pays the new parameter `paivaraha.korvausaste`
of it.  The rate applies to each earning activity's part, so the daily amount
is rate × Σ parts, rounded once to the cent as before (the parts in float64,
straight from the baseline formula), and the employers' and the insured's
parts shrink in the same proportion.
"""

from __future__ import annotations

from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_tartunta.raha import senteiksi
from openfisca_tartunta.parametrit import ryhman_summa
from openfisca_tartunta.reforms.apu import arvot_alkaen, lisaa_parametri, peruskaava

#: Illustrative default: a what-if value, not law.
KORVAUSASTE = 0.7
ALKAEN = "2017-01-01"


def _parametri(korvausaste: float, alkaen: str) -> dict:
    return {
        "description": "Share of the lost earnings the allowance replaces (reform)",
        "metadata": {
            "unit": "/1",
            "label": "Tartuntatautipäivärahan korvausaste (lakimuutosehdotus)",
            "reference": [
                {"title": "Reformi openfisca_tartunta.reforms.korvausaste (ei voimassa olevaa lakia)"},
                {"title": "Kelan etuusohje Tartuntatautipäiväraha 1.6 Määrä (voimassa: täysi ansionmenetys)"},
            ],
        },
        "documentation": (
            "What-if, not law: under SVL 11:13 § the allowance is the full loss (rate 1). The default "
            "0.7 is illustrative only."
        ),
        "values": arvot_alkaen(alkaen, float(korvausaste), 1.0),  # before the reform: the whole loss
    }


class Korvausaste(Reform):
    """Each activity's part of the daily amount × `paivaraha.korvausaste`."""

    name = "Tartuntatautipäivärahan korvausaste alle 100 %"
    korvausaste = KORVAUSASTE
    alkaen = ALKAEN

    def apply(self):
        aste, alkaen = self.korvausaste, self.alkaen
        self.modify_parameters(lambda p: lisaa_parametri(p, "paivaraha.korvausaste", _parametri(aste, alkaen)))
        perus = peruskaava(self.baseline, "paivarahan_osuus")

        class paivarahan_osuus(Variable):
            documentation = "Reform (replacement rate): the baseline part × paivaraha.korvausaste. Not rounded."

            def formula(ansiotyo, period, parameters):
                return perus(ansiotyo, period, parameters) * parameters(period).paivaraha.korvausaste

        class laskennallinen_paivaraha(Variable):
            documentation = (
                "Reform (replacement rate): Σ of the rows' baseline parts × paivaraha.korvausaste, "
                "summed in float64 and rounded half up to the cent once."
            )

            def formula(vakuutettu, period, parameters):
                osat = perus(vakuutettu.members, period, parameters)
                aste = parameters(period).paivaraha.korvausaste
                return senteiksi(ryhman_summa(vakuutettu, osat) * aste)

        self.update_variable(paivarahan_osuus)
        self.update_variable(laskennallinen_paivaraha)


def korvausaste(aste: float, alkaen: str = ALKAEN) -> type[Korvausaste]:
    """A `Korvausaste` reform with the given rate (0 < rate ≤ 1) from `alkaen`."""
    if not 0 < aste <= 1:
        raise ValueError(f"korvausaste: the rate must be in (0, 1], got {aste!r}")
    return type(f"Korvausaste{round(aste * 100)}", (Korvausaste,), {"korvausaste": float(aste), "alkaen": alkaen})
