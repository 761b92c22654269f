"""Reading (a) of 1.9.3.2, the non-default one: only days paid to the insured count.

"Jos Kela maksaa etuutta vajaalta kuukaudelta, etuudesta vähennetään maksun
yhteydessä ohjelmallisesti 17 euroa/päivä (kalenteripäivä). Jos Kela maksaa
etuutta kokonaiselta kuukaudelta, etuudesta vähennetään ohjelmallisesti 510
euroa/kuukausi." (1.9.3.2)

The model's default (RULES.md §7) counts every day Kela pays the allowance for,
to whichever payee.  This reform reads "Kela maksaa" as "Kela pays the insured":
the calendar days inside a paying employer's reported paid leave (1.3.2.3, the
days whose allowance goes to the employer) are left out, and a month is whole
only when no day of it goes to an employer.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_tartunta import jaksot, kalenteri
from openfisca_tartunta.paatoksen_ajanjakso import maksettava_ikkuna, maksetun_ajan_kalenteripaivat


def tyonantajien_kalenteripaivat(vakuutettu, period) -> np.ndarray:
    """Calendar days of the paid time inside some paying employer's reported paid leave."""
    tyot = vakuutettu.members
    ryhma = vakuutettu.members_entity_id
    rivit = np.flatnonzero(tyot("tyonantajan_palkka_jakoperusteena", period) > 0)
    tulos = np.zeros(vakuutettu.count, dtype=np.int64)
    if rivit.size == 0:
        return tulos
    alkaa = kalenteri.paivina(tyot("palkallinen_vapaa_alkaa", period))[rivit]
    paattyy = kalenteri.paivina(tyot("palkallinen_vapaa_paattyy", period))[rivit]
    ikkuna_alku, ikkuna_loppu = (x[ryhma[rivit]] for x in maksettava_ikkuna(vakuutettu, period))
    alku, loppu = jaksot.yhdisteen_palat(ryhma[rivit], np.maximum(alkaa, ikkuna_alku), np.minimum(paattyy, ikkuna_loppu))
    esteet = jaksot.lue(vakuutettu, period).jasenille(ryhma[rivit], vakuutettu.count)
    paivat = jaksot.maksetut_paivat(alku, loppu, esteet, jaksot.kalenteripaivat)
    return np.bincount(ryhma[rivit], weights=paivat, minlength=vakuutettu.count).round().astype(np.int64)


class LahdeveroVakuutetunPaivilta(Reform):
    """1.9.3.2 read as days paid to the insured: employer days give no source-tax deduction."""

    name = "Lähdeverovähennys vain vakuutetulle maksetuilta päiviltä (tulkinta)"

    def apply(self):
        class lahdeveron_vahennys(Variable):
            documentation = (
                "Reading (a), non-default (RULES.md §7): the monthly deduction only when Kela pays the "
                "insured for the whole month; otherwise the daily deduction × the calendar days of the "
                "paid time outside the paying employers' reported paid leave."
            )

            def formula(vakuutettu, period, parameters):
                p = parameters(period).verotus.lahdevero
                paivat, kokonainen = maksetun_ajan_kalenteripaivat(vakuutettu, period)
                tyonantajan = tyonantajien_kalenteripaivat(vakuutettu, period)
                omat = np.maximum(paivat - tyonantajan, 0)
                return np.where(kokonainen & (tyonantajan == 0), p.vahennys_kuukaudelta, p.vahennys_paivalta * omat)

        self.update_variable(lahdeveron_vahennys)
