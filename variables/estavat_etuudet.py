"""Benefits that block the allowance (guideline 1.4, 1.4.4, 1.4.5, 1.4.7, 1.4.8, 1.7.2.7).

Kela or earnings-related rehabilitation allowance, rehabilitation-time earnings
compensation, old-age or early old-age pension, MP adaptation pension, part-time
pension started before 2017 and guarantee pension with an old-age pension or to
an immigrant aged 65+ block the allowance for the time they are paid (SVL 8:6 §1).
They are given as date ranges with their type (`estava_etuus_1` …, see
`variables/jaksot.py`).  A pensioner who works and is ordered away from that
work is entitled (SVL 8:6 §3): the pensions of `luettelot.TYOSSAKAYVAN_ELAKKEET`
then do not block.  Partial early old-age pension, partial disability pension,
KEL disability pension with an income loss, other-law compensation and farmers'
retirement support do not block (1.4.1.2, 1.4.2, 1.4.6, 1.4.13, 1.4.15): they are
simply not inputs.
"""

import numpy as np
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import jaksot
from openfisca_tartunta.entities import Vakuutettu


class tyoskentelee_elakkeella(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Työssä käyvä eläkkeensaaja"
    reference = ["Kelan etuusohje 1.4.5, 1.4.7, 1.4.8, 1.7.2.7", "SVL 1224/2004 8 luku 6 § 3 mom."]
    documentation = (
        "A pensioner who actually worked and is ordered away from that work: an old-age, part-time or "
        "guarantee pension does not block (1.4.5, 1.4.7, 1.4.8). Rehabilitation benefits still block."
    )


def _estetyt(vakuutettu, period):
    return jaksot.kuukauden_erittely(vakuutettu, period)[0]


class estetyt_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Estävän etuuden vuoksi myöntämättä jäävät arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.4, 1.8.4.2", "SVL 1224/2004 8 luku 6 §"]
    documentation = (
        "Arkipäivät of the month's paid window (decision within the application period) on which a "
        "blocking benefit is paid: not granted (1.4). Each slot's share is `estava_etuus_N_arkipaivat`."
    )

    def formula(vakuutettu, period):
        return sum(_estetyt(vakuutettu, period), np.zeros(vakuutettu.count, dtype=np.int32))




class estava_etuus_1_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Estävän etuuden 1 vuoksi myöntämättä jäävät arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.4, 1.8.4.2"]
    documentation = "The part of `estetyt_arkipaivat` blocked by `estava_etuus_1` (its type names the benefit)."

    def formula(vakuutettu, period):
        return _estetyt(vakuutettu, period)[0]


class estava_etuus_2_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Estävän etuuden 2 vuoksi myöntämättä jäävät arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.4, 1.8.4.2"]
    documentation = "The part of `estetyt_arkipaivat` blocked by `estava_etuus_2` (its type names the benefit)."

    def formula(vakuutettu, period):
        return _estetyt(vakuutettu, period)[1]


class estava_etuus_3_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Estävän etuuden 3 vuoksi myöntämättä jäävät arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.4, 1.8.4.2"]
    documentation = "The part of `estetyt_arkipaivat` blocked by `estava_etuus_3` (its type names the benefit)."

    def formula(vakuutettu, period):
        return _estetyt(vakuutettu, period)[2]
