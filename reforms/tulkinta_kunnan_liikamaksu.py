"""Reading of 1.10, the non-default one: the municipality's overpayment is recovered from the municipality.

The model's default (RULES.md §10) treats what the municipality received for its
income support paid in advance or its client fee (1.9.2.5, TOTUL 23 §, asiakasmaksulaki
14 §) and no longer gets as the insured's overpayment: 1.10 lists whom an
overpayment is recovered from — the insured, an insurance institution, the
employer, the unemployment fund, Kela — and not the municipality.  This reform
reads that list as not closed: the municipality is recovered from for what it
received, gross (it was not taxed in its hands, 1.10).  A way-of-life payment to
the social-welfare body stays the insured's overpayment (1.10, explicit); since the
previous payment to the municipality is one amount, a month where the
municipality is overpaid and the corrected month has a way-of-life payment is
refused under this reading (revise it by hand).
"""

from __future__ import annotations

import numpy as np
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_tartunta.raha import euroina
from openfisca_tartunta.tarkistukset import vaadi


class KunnanLiikamaksuKunnalta(Reform):
    """The municipality's overpayment is recovered from the municipality (reading of 1.10)."""

    name = "Kunnan liikamaksu peritään kunnalta (tulkinta)"

    def apply(self):
        class kunnan_liikamaksu_peritaan_vakuutetulta(Variable):
            documentation = "Reading of 1.10, non-default: false, the municipality is recovered from."

            def formula(vakuutettu, period):
                liika = euroina(vakuutettu("liikamaksu_kunnalle", period)) > 0
                elama = euroina(vakuutettu("kunnalle_elamantapojen_vuoksi", period)) > 0
                vaadi(
                    ~(liika & elama), "maksettu_kunnalle", euroina(vakuutettu("maksettu_kunnalle", period)),
                    f"{period}: the municipality is overpaid in a month with a way-of-life payment, which 1.10 "
                    "makes the insured's overpayment; under the reading tulkinta_kunnan_liikamaksu revise it by hand",
                )
                return np.zeros(vakuutettu.count, dtype=bool)

        self.update_variable(kunnan_liikamaksu_peritaan_vakuutetulta)
