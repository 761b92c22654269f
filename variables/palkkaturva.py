"""The pay-security payer in the employer's place (guideline 1.3.2.7, 1.9.2.3).

When an insolvent employer did not pay the absence-time pay and the state paid
it as pay security (palkkaturva), the claims pass to the state on the day of the
pay-security decision (Palkkaturvalaki 866/1998 16 §), and the allowance that
corresponds to that pay is paid to the pay-security authority "palkan määrään
saakka" (1.3.2.7) — the employer's share of the row, computed by the same rule
(SVL 7:4, RULES.md §5).  The rest goes to the insured.  The share is, like an
employer's, neither taxed by Kela nor distrained (1.9.2.9).

The payer is the ELY centre in the guideline; from 1.1.2025 the pay-security
decisions are made by the ELY centres' development and administration centre
(KEHA-keskus, Palkkaturvalaki 3 § as amended by L 395/2023).  The payee code is
therefore the guideline's heading, `palkkaturvan_maksaja`.
"""

import numpy as np
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.parametrit import ryhman_summa
from openfisca_tartunta.raha import euroina, senteiksi
from openfisca_tartunta.tarkistukset import vaadi

_VIITE = [
    "Kelan etuusohje 1.3.2.7, 1.9.2.3",
    "Palkkaturvalaki 866/1998 16 § (https://www.finlex.fi/fi/laki/ajantasa/1998/19980866)",
    "SVL 1224/2004 7 luku 4 §",
]


class palkkaturvana_maksettu(Variable):
    value_type = bool
    entity = Ansiotyo
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Poissaoloajan palkka maksettu palkkaturvana"
    reference = _VIITE
    documentation = (
        "The row's absence-time pay of the month (`tyonantajan_maksama_palkka`, with its reported paid "
        "leave) was paid as pay security under a pay-security decision or notice: the row's share goes "
        "to the pay-security payer (ELY centre), not to the employer (1.3.2.7, 1.9.2.3). Employment rows only."
    )


class tartuntatautipaivaraha_palkkaturvan_maksajalle(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ansiotyön osuus, joka maksetaan palkkaturvan maksajalle (ELY-keskus)"
    reference = _VIITE + ["Kelan etuusohje 1.8.4.1"]
    documentation = (
        "`tartuntatautipaivaraha_tyonantajalle` of a row whose pay was paid as pay security "
        "(`palkkaturvana_maksettu`), else 0: the allowance up to the pay (1.3.2.7). Its decision states it per "
        "row, like an employer's (RULES.md §12); over the rows the sum is `maksetaan_palkkaturvan_maksajalle`."
    )

    def formula(ansiotyo, period):
        turva = ansiotyo("palkkaturvana_maksettu", period)
        vaadi(
            ~turva | ansiotyo("on_palkkatyo", period),
            "palkkaturvana_maksettu",
            turva,
            "true on a self-employment row; pay security replaces an employer's pay, so only an employment row can have it (1.3.2.7)",
        )
        return np.where(turva, ansiotyo("tartuntatautipaivaraha_tyonantajalle", period), 0.0)


class maksetaan_palkkaturvan_maksajalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Palkkaturvan maksajalle (ELY-keskus) maksettava osa"
    reference = _VIITE
    documentation = (
        "Σ `tartuntatautipaivaraha_palkkaturvan_maksajalle` of the insured's rows: the allowance up to the pay "
        "(1.3.2.7). Part of `tartuntatautipaivaraha_tyonantajille`; not taxed, not distrained."
    )

    def formula(vakuutettu, period):
        osuus = euroina(vakuutettu.members("tartuntatautipaivaraha_palkkaturvan_maksajalle", period))
        return senteiksi(ryhman_summa(vakuutettu, osuus))


class maksetaan_tyonantajille(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työnantajille maksettava osa (palkkaturvan maksajan osa pois lukien)"
    reference = ["Kelan etuusohje 1.3.2, 1.9.2.2, 1.9.2.3"]
    documentation = (
        "`tartuntatautipaivaraha_tyonantajille` − `maksetaan_palkkaturvan_maksajalle`: what the employers "
        "themselves (or a bankruptcy estate or foreign employer in their place, 1.3.2.6, 1.3.2.8) receive."
    )

    def formula(vakuutettu, period):
        kaikki = euroina(vakuutettu("tartuntatautipaivaraha_tyonantajille", period))
        turva = euroina(vakuutettu("maksetaan_palkkaturvan_maksajalle", period))
        return senteiksi(np.maximum(kaikki - turva, 0.0))
