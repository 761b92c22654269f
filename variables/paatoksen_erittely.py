"""Days of the decision outside the paid window for a reason other than the application period
(guideline 1.8.4.2: the reasons account for every arkipäivä of the decision)."""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu


class maksettavan_ajan_ulkopuoliset_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Päätöksen arkipäivät, jotka jäävät maksettavan ajan ulkopuolelle muusta syystä kuin hakuajan vuoksi"
    reference = ["Kelan etuusohje 1.8.4.2, 1.9"]
    documentation = (
        "`paatoksen_arkipaivat` less `hakuajan_ulkopuoliset_arkipaivat` less the arkipäivät of the month's paid "
        "window (`maksettavan_ajan_arkipaivat`). 0 under the baseline rules; a reform that moves the "
        "window (e.g. a waiting period) makes it positive, and the decision must say why those days are unpaid."
    )

    def formula(vakuutettu, period):
        ikkuna = vakuutettu("maksettavan_ajan_arkipaivat", period)
        paatos = vakuutettu("paatoksen_arkipaivat", period)
        myohassa = vakuutettu("hakuajan_ulkopuoliset_arkipaivat", period)
        return np.maximum(paatos - myohassa - ikkuna, 0)
