"""Annual leave, payment restrictions and blocking benefits as date ranges (1.3.2.4, 1.9.4, 1.4).

Each kind has a few numbered slots of ETERNITY inputs (a start and an inclusive
end; a blocking benefit also its type and, when it ends, its end): annual leave
`vuosiloma_1…3`, payment restrictions `maksueste_1…2`, blocking benefits
`estava_etuus_1…3`.  The counting rules are in `openfisca_tartunta.jaksot`; the
days they take out of each month are in `variables/maksupaivat.py` and
`variables/estavat_etuudet.py`.  The slots are written out (not generated) so
that OpenFisca can show each variable's source.
"""

from datetime import date

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from openfisca_tartunta import jaksojen_tarkistus, kalenteri
from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.luettelot import EstavaEtuus

_LOMA = ["Kelan etuusohje 1.3.2.4, 1.9"]
_ESTE = ["Kelan etuusohje 1.9.4", "SVL 1224/2004 8 luku 5 §"]
_ESTO = ["Kelan etuusohje 1.4, 1.4.4, 1.4.5, 1.4.7, 1.4.8", "SVL 1224/2004 8 luku 6 § 1 mom."]
_LOMAN_ALKU = "First day of an annual leave: not paid, no loss of earnings (1.3.2.4). 9999-12-31 (default): none."
_LOMAN_LOPPU = "Last day of the annual leave, inclusive; required with the start. 1970-01-01 (default): not given."
_ESTEEN_ALKU = (
    "First day in prison (not a fine conversion sentence) or in military, voluntary military, reserve or "
    "civil service: the days are granted but not paid (1.9.4). 9999-12-31 (default): none."
)
_ESTEEN_LOPPU = "Last day of the payment restriction, inclusive; required with the start. 1970-01-01 (default): not given."
_ETUUS = "Which benefit blocks the allowance (1.4); required with the start, `ei_etuutta` (default) otherwise."
_ESTON_ALKU = (
    "First day of the blocking benefit; an old-age pension (and an MP's adaptation pension) starts on the "
    "first day of a month, another day is refused (1.4.5). 9999-12-31 (default): none."
)
_ESTON_LOPPU = (
    "Last day of the blocking benefit, inclusive; 9999-12-31 (default): it does not end (a pension). After "
    "it the allowance can be paid again, so the paid time need not be continuous."
)


class vuosiloma_1_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vuosiloman 1 ensimmäinen päivä"
    reference = _LOMA
    documentation = _LOMAN_ALKU


class vuosiloma_1_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vuosiloman 1 viimeinen päivä (mukaan lukien)"
    reference = _LOMA
    documentation = _LOMAN_LOPPU


class vuosiloma_2_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vuosiloman 2 ensimmäinen päivä"
    reference = _LOMA
    documentation = _LOMAN_ALKU


class vuosiloma_2_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vuosiloman 2 viimeinen päivä (mukaan lukien)"
    reference = _LOMA
    documentation = _LOMAN_LOPPU


class vuosiloma_3_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vuosiloman 3 ensimmäinen päivä"
    reference = _LOMA
    documentation = _LOMAN_ALKU


class vuosiloma_3_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vuosiloman 3 viimeinen päivä (mukaan lukien)"
    reference = _LOMA
    documentation = _LOMAN_LOPPU


class maksueste_1_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Maksamisen rajoituksen 1 ensimmäinen päivä"
    reference = _ESTE
    documentation = _ESTEEN_ALKU


class maksueste_1_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Maksamisen rajoituksen 1 viimeinen päivä (mukaan lukien)"
    reference = _ESTE
    documentation = _ESTEEN_LOPPU


class maksueste_2_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Maksamisen rajoituksen 2 ensimmäinen päivä"
    reference = _ESTE
    documentation = _ESTEEN_ALKU


class maksueste_2_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Maksamisen rajoituksen 2 viimeinen päivä (mukaan lukien)"
    reference = _ESTE
    documentation = _ESTEEN_LOPPU


class estava_etuus_1(Variable):
    value_type = Enum
    possible_values = EstavaEtuus
    default_value = EstavaEtuus.ei_etuutta
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Estävä etuus 1"
    reference = _ESTO
    documentation = _ETUUS


class estava_etuus_1_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Estävän etuuden 1 ensimmäinen päivä"
    reference = _ESTO
    documentation = _ESTON_ALKU


class estava_etuus_1_paattyy(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Estävän etuuden 1 viimeinen päivä (mukaan lukien)"
    reference = _ESTO
    documentation = _ESTON_LOPPU


class estava_etuus_2(Variable):
    value_type = Enum
    possible_values = EstavaEtuus
    default_value = EstavaEtuus.ei_etuutta
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Estävä etuus 2"
    reference = _ESTO
    documentation = _ETUUS


class estava_etuus_2_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Estävän etuuden 2 ensimmäinen päivä"
    reference = _ESTO
    documentation = _ESTON_ALKU


class estava_etuus_2_paattyy(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Estävän etuuden 2 viimeinen päivä (mukaan lukien)"
    reference = _ESTO
    documentation = _ESTON_LOPPU


class estava_etuus_3(Variable):
    value_type = Enum
    possible_values = EstavaEtuus
    default_value = EstavaEtuus.ei_etuutta
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Estävä etuus 3"
    reference = _ESTO
    documentation = _ETUUS


class estava_etuus_3_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Estävän etuuden 3 ensimmäinen päivä"
    reference = _ESTO
    documentation = _ESTON_ALKU


class estava_etuus_3_paattyy(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Estävän etuuden 3 viimeinen päivä (mukaan lukien)"
    reference = _ESTO
    documentation = _ESTON_LOPPU


class ajanjaksoja_annettu(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vakuutetulle on annettu vuosiloma, maksamisen rajoitus tai estävä etuus"
    reference = ["Kelan etuusohje 1.3.2.4, 1.4, 1.9.4"]
    documentation = (
        "True when any range slot is given. Computing it checks every range once per simulation: an end "
        "without a start, an end before the start, overlapping ranges of one kind or of annual leave and a "
        "payment restriction, a blocking benefit without its type, an old-age pension not starting on the "
        "first of a month (1.4.5), a part-time pension from 2017 (1.4.7)."
    )

    def formula(vakuutettu, period):
        annettu = np.zeros(vakuutettu.count, dtype=bool)
        annettu[jaksojen_tarkistus.tarkista(vakuutettu, period)] = True
        return annettu
