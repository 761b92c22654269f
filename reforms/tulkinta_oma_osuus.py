"""Reading (b) of 1.3.2.1 / 1.6, the non-default one: an employer takes only its own job's part.

Two jobs, only one employer pays absence-time pay.  The model's default
(RULES.md §5) follows 1.3.2.1 — "Työntekijän saamaa palkkaa verrataan …
samalta ajalta maksettavan päivärahaetuuden määrään" — and SVL 7:4: the
employer receives the allowance, at most the pay it paid, from the whole
employment part of the daily amount, the other job's part included.

This reform reads SVL 8:1 a § 2 mom. and 1.6 (the daily amount is built job by
job from the earnings each job loses), as 1.3.2.2 ring-fences an entrepreneur's
part: each paying employer receives at most its own row's part of the daily
amount × its paid days, and at most its pay for the same period.  The rest goes
to the insured.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_tartunta.raha import euroina, jaa_suurimmin_jaannoksin, senteiksi, sentteina


def _rivien_osuudet(ansiotyo, period) -> np.ndarray:
    """Each row's share in cents: min(own part × own paid-leave days, pay for the same period)."""
    osa = np.asarray(ansiotyo("paivarahan_osuus", period), dtype=np.float64)
    paivat = ansiotyo("palkallisen_vapaan_maksetut_paivat", period)
    palkka = sentteina(ansiotyo("tyonantajan_palkka_jakoperusteena", period))
    return np.where(palkka > 0, np.minimum(sentteina(senteiksi(osa * paivat)), palkka), 0)


class TyonantajanOmaOsuus(Reform):
    """An employer receives at most its own job's part of the daily amount (reading b)."""

    name = "Työnantajalle vain oman työsuhteen osuus (tulkinta)"

    def apply(self):
        class tartuntatautipaivaraha_tyonantajille(Variable):
            documentation = "Reading (b), non-default: Σ over paying rows of min(own part × own paid days, own pay), at most the gross."

            def formula(vakuutettu, period):
                vakuutettu.members("tyonantajan_tunnus_kelpaa", period)
                osuudet = _rivien_osuudet(vakuutettu.members, period)
                summa = np.bincount(vakuutettu.members_entity_id, weights=osuudet, minlength=vakuutettu.count)
                brutto = sentteina(euroina(vakuutettu("tartuntatautipaivaraha", period)))
                return np.minimum(np.rint(summa).astype(np.int64), brutto) / 100.0

        class tartuntatautipaivaraha_tyonantajalle(Variable):
            documentation = "Reading (b), non-default: the row's own share (scaled by largest remainder if the gross caps the total)."

            def formula(ansiotyo, period):
                ryhmat = ansiotyo.simulation.populations["vakuutettu"]
                osuudet = _rivien_osuudet(ansiotyo, period)
                t = sentteina(ryhmat("tartuntatautipaivaraha_tyonantajille", period))
                return jaa_suurimmin_jaannoksin(ryhmat.members_entity_id, osuudet, t) / 100.0

        self.update_variable(tartuntatautipaivaraha_tyonantajille)
        self.update_variable(tartuntatautipaivaraha_tyonantajalle)
