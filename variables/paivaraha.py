"""The gross allowance of a month (guideline 1.6, 1.9)."""

from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.raha import senteiksi


class tartuntatautipaivaraha(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tartuntatautipäiväraha kuukaudelta (brutto)"
    reference = ["Kelan etuusohje 1.6, 1.9", "SVL 1224/2004 11 luku 15 §"]
    documentation = "Daily amount × paid days of the month, rounded to the cent; before the split, tax and distraint."

    def formula(vakuutettu, period):
        return senteiksi(
            vakuutettu("tartuntatautipaivaraha_paivalta", period)
            * vakuutettu("tartuntatautipaivarahan_maksupaivat", period)
        )
