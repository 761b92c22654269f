"""Each annual-leave and payment-restriction range's own arkipäivät in a month (1.3.2.4, 1.9.4, 1.8.4.2).

The decision names every range with its dates and its day count (1.8.4.2), also when
several ranges fall in one month, so the count of each slot is a variable like
`estava_etuus_N_arkipaivat`: the arkipäivät of the month's paid window inside the slot's
range and not blocked by a benefit (a blocked day is the blocking benefit's, 1.4).  The
slots of one kind add up to `vuosiloman_arkipaivat` / `maksuesteen_arkipaivat`, since
ranges of one kind never overlap (`jaksojen_tarkistus.tarkista`).  The slots are written out so that
OpenFisca can show each variable's source.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import jaksot
from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.paatoksen_ajanjakso import maksettava_ikkuna

_LOMA = ["Kelan etuusohje 1.3.2.4, 1.9, 1.8.4.2"]
_ESTE = ["Kelan etuusohje 1.9.4, 1.8.4.2", "SVL 1224/2004 8 luku 5 §"]


def _slotin_paivat(vakuutettu, period, laji: str, i: int) -> np.ndarray:
    """Arkipäivät of the paid window in slot `i` of `laji` ("lomat" / "rajoitukset"), not blocked."""
    tulos = np.zeros(vakuutettu.count, dtype=np.int32)
    esteet = jaksot.lue(vakuutettu, period)
    r = esteet.rivit
    if r.size == 0:  # nobody has a range
        return tulos
    alku, loppu = maksettava_ikkuna(vakuutettu, period)
    ikkuna = (alku[r], loppu[r])
    jakso = getattr(esteet, laji)[i]
    osa = jaksot.leikkauksen_paivat([ikkuna, jakso])
    for esto in esteet.estot:  # blocking benefits never overlap each other (jaksojen_tarkistus.tarkista)
        osa = osa - jaksot.leikkauksen_paivat([ikkuna, jakso, esto])
    tulos[r] = osa
    return tulos


class vuosiloma_1_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Vuosiloman 1 vuoksi myöntämättä jäävät arkipäivät kuukaudessa"
    reference = _LOMA
    documentation = "The part of `vuosiloman_arkipaivat` on annual leave `vuosiloma_1` (in the paid window, not blocked)."

    def formula(vakuutettu, period):
        return _slotin_paivat(vakuutettu, period, "lomat", 0)


class vuosiloma_2_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Vuosiloman 2 vuoksi myöntämättä jäävät arkipäivät kuukaudessa"
    reference = _LOMA
    documentation = "The part of `vuosiloman_arkipaivat` on annual leave `vuosiloma_2` (in the paid window, not blocked)."

    def formula(vakuutettu, period):
        return _slotin_paivat(vakuutettu, period, "lomat", 1)


class vuosiloma_3_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Vuosiloman 3 vuoksi myöntämättä jäävät arkipäivät kuukaudessa"
    reference = _LOMA
    documentation = "The part of `vuosiloman_arkipaivat` on annual leave `vuosiloma_3` (in the paid window, not blocked)."

    def formula(vakuutettu, period):
        return _slotin_paivat(vakuutettu, period, "lomat", 2)


class maksueste_1_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksamisen rajoituksen 1 arkipäivät kuukaudessa (myönnetään, ei makseta)"
    reference = _ESTE
    documentation = "The part of `maksuesteen_arkipaivat` in payment restriction `maksueste_1` (in the paid window, not blocked)."

    def formula(vakuutettu, period):
        return _slotin_paivat(vakuutettu, period, "rajoitukset", 0)


class maksueste_2_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksamisen rajoituksen 2 arkipäivät kuukaudessa (myönnetään, ei makseta)"
    reference = _ESTE
    documentation = "The part of `maksuesteen_arkipaivat` in payment restriction `maksueste_2` (in the paid window, not blocked)."

    def formula(vakuutettu, period):
        return _slotin_paivat(vakuutettu, period, "rajoitukset", 1)
