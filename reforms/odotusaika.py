"""Reform: a waiting period (omavastuuaika) as in the sickness allowance.

Today the allowance has no waiting period: it is paid from the first day of the
decision (guideline 1.3.4).  The sickness allowance has one: the day of onset
and the 9 arkipäivät after it are not paid (SVL 1224/2004 8 luku 7 §).  This
reform leaves the first N arkipäivät of each decision unpaid; N is the new
parameter `paivaraha.odotusaika`, taken at the decision's first day.

Model: the waiting period is the decision's first N arkipäivät by the calendar.
Days it covers are not granted; days already not granted for a late
application are not counted twice.  Model: the waiting period counts the
decision's arkipäivät by the calendar; blocked, annual-leave and restricted
days inside it are counted out in the baseline's window after it.
A decision with no more than N arkipäivät gives no allowance at all.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.paatoksen_ajanjakso import paatoksen_paivat
from openfisca_tartunta.parametrit import paivan_arvot
from openfisca_tartunta.reforms.apu import arvot_alkaen, lisaa_parametri, peruskaava

#: Default N: the sickness allowance's waiting period is the day of onset plus
#: 9 arkipäivät (SVL 8:7 §), i.e. 10 arkipäivät when the decision starts on one.
PAIVIA = 10
ALKAEN = "2017-01-01"


def _parametri(paivia: int, alkaen: str) -> dict:
    return {
        "description": "Waiting period: the first arkipäivät of a decision that are not paid (reform)",
        "metadata": {
            "unit": "day",
            "label": "Tartuntatautipäivärahan omavastuuaika (arkipäivää, lakimuutosehdotus)",
            "reference": [
                {"title": "Reformi openfisca_tartunta.reforms.odotusaika (ei voimassa olevaa lakia)"},
                {"title": "Vertailukohta: SVL 1224/2004 8 luku 7 § (sairauspäivärahan omavastuuaika)"},
                {"title": "Kelan etuusohje Tartuntatautipäiväraha 1.3.4 Omavastuuaika"},
            ],
        },
        "documentation": (
            "What-if, not law: guideline 1.3.4 says the allowance has no waiting period. The default "
            "10 mirrors the sickness allowance (day of onset + 9 arkipäivät, SVL 8:7 §)."
        ),
        "values": arvot_alkaen(alkaen, int(paivia), 0),  # before the reform: no waiting period (1.3.4)
    }


class Odotusaika(Reform):
    """The first `paivaraha.odotusaika` arkipäivät of each decision are not paid."""

    name = "Omavastuuaika tartuntatautipäivärahaan"
    paivia = PAIVIA
    alkaen = ALKAEN

    def apply(self):
        paivia, alkaen = self.paivia, self.alkaen
        self.modify_parameters(lambda p: lisaa_parametri(p, "paivaraha.odotusaika", _parametri(paivia, alkaen)))
        perus_alku = peruskaava(self.baseline, "maksettavan_ajan_alku")

        class odotusajan_viimeinen_paiva(Variable):
            value_type = date
            default_value = kalenteri.AINA_PVM
            entity = Vakuutettu
            definition_period = MONTH
            label = "Omavastuuajan viimeinen päivä (reformi)"
            reference = ["Kelan etuusohje 1.3.4", "SVL 1224/2004 8 luku 7 § (vertailukohta)"]
            documentation = (
                "The N-th arkipäivä from the decision's first day (that day included if it is an "
                "arkipäivä), N = paivaraha.odotusaika at the first day; the day before the decision "
                "when N = 0; 1970-01-01 when there is no decision."
            )

            def formula(vakuutettu, period, parameters):
                alku, loppu = paatoksen_paivat(vakuutettu, period)
                on_paatos = alku <= loppu
                alku = np.where(on_paatos, alku, kalenteri.kuukauden_rajat(period)[0])  # a valid look-up date
                n = paivan_arvot(parameters, alku, lambda p: p.paivaraha.odotusaika).astype(np.int64)
                viimeinen = np.busday_offset(alku, np.maximum(n - 1, 0), roll="forward", busdaycal=kalenteri.ARKIKALENTERI)
                return np.where(on_paatos, np.where(n > 0, viimeinen, alku - 1), kalenteri.AINA)

        class odotusajan_paivat(Variable):
            value_type = int
            entity = Vakuutettu
            definition_period = MONTH
            label = "Omavastuuajan arkipäivät kuukaudessa (reformi)"
            reference = ["Kelan etuusohje 1.3.4, 1.9", "SVL 1224/2004 8 luku 7 § (vertailukohta)"]
            documentation = (
                "Arkipäivät of the month inside both the waiting period and the days otherwise "
                "granted (decision, application period, blocking benefit)."
            )

            def formula(vakuutettu, period, parameters):
                alku = kalenteri.paivina(perus_alku(vakuutettu, period, parameters))
                loppu = kalenteri.paivina(vakuutettu("maksettavan_ajan_loppu", period))
                viimeinen = kalenteri.paivina(vakuutettu("odotusajan_viimeinen_paiva", period))
                return kalenteri.arkipaivat(alku, np.minimum(loppu, viimeinen))

        self.add_variable(odotusajan_viimeinen_paiva)
        self.add_variable(odotusajan_paivat)

        # The paid time starts after the waiting period: granted days (`myonnetyt_paivat`),
        # the employers' paid-leave days (1.3.2.3) and the partial-month rules all follow it.
        class maksettavan_ajan_alku(Variable):
            documentation = "Reform (waiting period): the baseline first day, at the earliest the day after the waiting period."

            def formula(vakuutettu, period, parameters):
                alku = kalenteri.paivina(perus_alku(vakuutettu, period, parameters))
                viimeinen = kalenteri.paivina(vakuutettu("odotusajan_viimeinen_paiva", period))
                return np.maximum(alku, viimeinen + 1)

        self.update_variable(maksettavan_ajan_alku)


def odotusaika(paivia: int, alkaen: str = ALKAEN) -> type[Odotusaika]:
    """An `Odotusaika` reform with N = `paivia` arkipäivät from `alkaen`."""
    if int(paivia) != paivia or paivia < 0:
        raise ValueError(f"odotusaika: the number of days must be a whole number ≥ 0, got {paivia!r}")
    return type(f"Odotusaika{int(paivia)}", (Odotusaika,), {"paivia": int(paivia), "alkaen": alkaen})
