"""The employer's identifier (guideline 1.3.2.8).

Amounts and the split never need the id.  A given id must be a valid Y-tunnus or
Kela's 999-id (checked once per simulation, per distinct value); a row that is
paid a share but has no id is flagged for a note to the handler.
"""

from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Ansiotyo
from openfisca_tartunta.tekijat import tekijoihin
from openfisca_tartunta.tunnukset import annetut_tunnukset, vaadi_tyonantajan_tunnus


class tyonantajan_tunnus(Variable):
    value_type = str
    default_value = ""
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Työnantajan Y-tunnus tai Kelan tekninen tunnus"
    reference = ["Kelan etuusohje 1.3.2.8"]
    documentation = (
        "Y-tunnus (NNNNNNN-C, check digit validated), or for a foreign employer without one Kela's "
        "technical id: 9 digits starting with 999. Not needed for the amounts or the split; a given id "
        "that is malformed is an input error, a paid row without one is flagged (`tyonantajan_tunnus_puuttuu`)."
    )


class tyonantajan_tunnus_kelpaa(Variable):
    value_type = bool
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Työnantajan tunnus on annettu ja kelvollinen"
    reference = ["Kelan etuusohje 1.3.2.8"]
    documentation = (
        "True for a valid Y-tunnus or Kela's 999-id; false for an empty one. A given id that is "
        "malformed is an input error (checked once per simulation)."
    )

    def formula(ansiotyo, period):
        koodit, erilliset = tekijoihin(ansiotyo, "tyonantajan_tunnus", period)  # a few distinct ids
        annettu = annetut_tunnukset(erilliset)
        vaadi_tyonantajan_tunnus(erilliset, annettu)  # each distinct given id checked once
        return annettu[koodit]


class tyonantajan_tunnus_puuttuu(Variable):
    value_type = bool
    entity = Ansiotyo
    definition_period = MONTH
    label = "Työnantajalle maksettavalta riviltä puuttuu työnantajan tunnus"
    reference = ["Kelan etuusohje 1.3.2.8"]
    documentation = (
        "The row is paid a share of the allowance but has no `tyonantajan_tunnus`: amounts and the split "
        "are computed all the same; the decision shows a note to the handler that the payment to the "
        "employer needs its Y-tunnus or Kela's 999-id (1.3.2.8)."
    )

    def formula(ansiotyo, period):
        saa = ansiotyo("tartuntatautipaivaraha_tyonantajalle", period) > 0
        return saa & ~ansiotyo("tyonantajan_tunnus_kelpaa", period)
