"""Reading (c) of 1.9.3.6 / SVL 15 luku, the non-default one: offset only against the retroactive part.

The model's default (RULES.md, "Revision") offsets a payee's overpayment
against everything the same revision pays it, the months not paid yet — the
next payments — included (1.9.3.6: "periä takaisin ja kuitata").  This reform
reads the offset as limited to what is already due when the revision is
decided: only months that begin before `tarkistuspaatoksen_paiva` (the
retroactive amounts) are offset; the later payments are paid whole and the rest
of the overpayment is recovered.  (SVL 15 luku limits the share of an ongoing
instalment that may be offset without the recipient's consent; the model has
no sourced value for that limit, so it is either all or, here, nothing.)
"""

from __future__ import annotations

import numpy as np
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri


class KuittausVainTakautuvista(Reform):
    """Offset only against the months that begin before the revision decision (reading c)."""

    name = "Kuittaus vain takautuvista maksuista (tulkinta)"

    def apply(self):
        class kuittaus_sallittu_kuukaudelta(Variable):
            documentation = "Reading (c), non-default: only a month that begins before `tarkistuspaatoksen_paiva`."

            def formula(vakuutettu, period):
                paiva = kalenteri.paivina(vakuutettu("tarkistuspaatoksen_paiva", period))
                alku, _ = kalenteri.kuukauden_rajat(period)
                return np.where(paiva == kalenteri.AINA, True, alku < paiva)

        self.update_variable(kuittaus_sallittu_kuukaudelta)
