"""The revision's current amount per payee (guideline 1.9.2, 1.9.2.1–1.9.2.11, 1.10, 1.13).

The payees' current amounts (`maksunsaajat.MAKSUNSAAJAT` `nykyinen`) add up to the gross
allowance `tartuntatautipaivaraha`: the insured's (`tartuntatautipaivaraha_vakuutetun_hyvaksi`:
tax, distraint and the net to whoever receives it), each employer row's
(`maksetaan_tyonantajalle`: its share unless paid as pay security), and the pay-security
payer's, the municipality's, the fund's and Kela's (`maksetaan_*`, `variables/maksunsaajat.py`,
`variables/palkkaturva.py`).  Also the reading of whom the municipality's overpayment is
recovered from (1.10).
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.raha import euroina, senteiksi

_VIITE = ["Kelan etuusohje 1.9.2, 1.10, 1.13"]


class tartuntatautipaivaraha_vakuutetun_hyvaksi(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetun hyväksi maksettava osa kuukaudelta (ennakonpidätys, ulosotto ja nettomäärä)"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.1, 1.9.2.4, 1.9.2.8, 1.9.3"]
    documentation = (
        "`ennakonpidatys` + `ulosottopidatys` + `tartuntatautipaivaraha_netto`: the insured's part less what "
        "Kela, the unemployment fund and the municipality take (regress, their claims, the way-of-life "
        "payment). The revision's current amount for the insured; the net goes to the insured or to the "
        "guardian or representative, whose receipt is the insured's overpayment (1.10)."
    )

    def formula(vakuutettu, period):
        osat = ("ennakonpidatys", "ulosottopidatys", "tartuntatautipaivaraha_netto")
        return senteiksi(sum(euroina(vakuutettu(n, period)) for n in osat))


class maksetaan_tyonantajalle(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Rivin työnantajalle maksettava osa (ei palkkaturvana maksettua)"
    reference = ["Kelan etuusohje 1.3.2.3, 1.3.2.7, 1.9.2.2, 1.9.2.3"]
    documentation = (
        "`tartuntatautipaivaraha_tyonantajalle`, or 0 when the row's pay was paid as pay security "
        "(`palkkaturvana_maksettu`: that share goes to the pay-security payer). Σ over the rows = "
        "`maksetaan_tyonantajille`."
    )

    def formula(ansiotyo, period):
        osuus = euroina(ansiotyo("tartuntatautipaivaraha_tyonantajalle", period))
        return np.where(ansiotyo("palkkaturvana_maksettu", period), 0.0, osuus)


class kunnan_liikamaksu_peritaan_vakuutetulta(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    label = "Kunnalle maksettu liikamaksu käsitellään vakuutetun liikamaksuna"
    reference = ["Kelan etuusohje 1.10, 1.9.2.5", "Laki toimeentulotuesta 1412/1997 23 §"]
    documentation = (
        "Default reading (RULES.md §10): true. 1.10 lists whom an overpayment is recovered from (the insured, an "
        "insurance institution, the employer, the fund, Kela), not the municipality; the municipality draws the "
        "insured's allowance in the insured's place (TOTUL 23 § 'periä ja nostaa'), from the insured's taxed net, "
        "and a social-welfare body's receipt is the insured's overpayment (1.10). Reform "
        "`tulkinta_kunnan_liikamaksu`: false, recovered from the municipality."
    )

    def formula(vakuutettu, period):
        return np.ones(vakuutettu.count, dtype=bool)


class kunnan_liikamaksu_vakuutetulta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kunnalle maksetusta liikamaksusta vakuutetulta perittävä osa kuukaudelta"
    reference = ["Kelan etuusohje 1.10, 1.9.2.5, 1.9.3.6"]
    documentation = (
        "`liikamaksu_kunnalle` when `kunnan_liikamaksu_peritaan_vakuutetulta`, else 0. Added to "
        "`takaisinperittava_vakuutetulta` as it is (paid from the insured's net: the tax on it is in the "
        "insured's own overpayment)."
    )

    def formula(vakuutettu, period):
        liika = euroina(vakuutettu("liikamaksu_kunnalle", period))
        return np.where(vakuutettu("kunnan_liikamaksu_peritaan_vakuutetulta", period), liika, 0.0)

