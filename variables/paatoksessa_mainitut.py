"""Values in force that a decision states in its text (guideline 1.3.3.1, 1.5.3, 1.9, 1.15).

The decision documents read these variables instead of looking the parameters up themselves
(one source of truth: a reform that changes a parameter changes the decision's text too).
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu


class lapsen_ikaraja_voimassa(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Lapsen ikäraja (vuotta), päätöksessä mainittu"
    reference = ["Kelan etuusohje 1.3.3.1"]
    documentation = "Parameter `oikeus.lapsen_ikaraja` in force in the month, as the decision states it."

    def formula(vakuutettu, period, parameters):
        lapsen_ikaraja = parameters(period).oikeus.lapsen_ikaraja
        return np.full(vakuutettu.count, lapsen_ikaraja, dtype=np.int32)


class hakuaika_kuukausina_voimassa(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Hakuaika (kuukautta), päätöksessä mainittu"
    reference = ["Kelan etuusohje 1.5.3", "SVL 1224/2004 15 luku 4 § 1 mom. 1 k."]
    documentation = (
        "`hakuaika_kuukausina`: parameter `hakeminen.hakuaika_kuukausina` in force on the decision's "
        "first day, as the decision states it."
    )

    def formula(vakuutettu, period):
        return vakuutettu("hakuaika_kuukausina", period)


class valitusaika_paivia_voimassa(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Valitusaika (päivää), päätöksen muutoksenhakuohjeessa"
    reference = ["Kelan etuusohje 1.15", "SVL 1224/2004 17 luku"]
    documentation = "Parameter `muutoksenhaku.valitusaika_paivia` in force in the month, as the decision states it."

    def formula(vakuutettu, period, parameters):
        valitusaika_paivia = parameters(period).muutoksenhaku.valitusaika_paivia
        return np.full(vakuutettu.count, valitusaika_paivia, dtype=np.int32)


class tiedoksisaanti_paivia_voimassa(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Tiedoksisaanti postituksesta (päivää), päätöksen muutoksenhakuohjeessa"
    reference = ["Kelan etuusohje 1.15"]
    documentation = "Parameter `muutoksenhaku.tiedoksisaanti_paivia` in force in the month, as the decision states it."

    def formula(vakuutettu, period, parameters):
        tiedoksisaanti_paivia = parameters(period).muutoksenhaku.tiedoksisaanti_paivia
        return np.full(vakuutettu.count, tiedoksisaanti_paivia, dtype=np.int32)


class ensimmainen_maksukausi_voimassa(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Ensimmäisen maksukauden pituus (arkipäivää), päätöksessä mainittu"
    reference = ["Kelan etuusohje 1.9", "VNA 1335/2004 2 luku 3 §"]
    documentation = "Parameter `maksaminen.ensimmainen_maksukausi` in force in the month, as the decision states it."

    def formula(vakuutettu, period, parameters):
        ensimmainen_maksukausi = parameters(period).maksaminen.ensimmainen_maksukausi
        return np.full(vakuutettu.count, ensimmainen_maksukausi, dtype=np.int32)


class maksukausi_voimassa(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksukauden pituus (arkipäivää), päätöksessä mainittu"
    reference = ["Kelan etuusohje 1.9", "VNA 1335/2004 2 luku 3 §"]
    documentation = "Parameter `maksaminen.maksukausi` in force in the month, as the decision states it."

    def formula(vakuutettu, period, parameters):
        maksukausi = parameters(period).maksaminen.maksukausi
        return np.full(vakuutettu.count, maksukausi, dtype=np.int32)
