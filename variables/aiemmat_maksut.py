"""Previous payments as data: what a case system already decided and paid (guideline 1.12, 1.13, 1.14).

A revision compares the corrected decision — the model computed on the case's
current facts — with what was paid, month by month and payee by payee
(`openfisca_tartunta/maksunsaajat.py`).  These inputs are what was paid: the
gross amounts, the insured's tax and distraint withheld, the net paid, and the
year of payment (1.9.3.6).  A month given here belongs to the revision even when
the corrected decision no longer covers it (an earlier end, 1.14).  The
revision's date and the hearing and cause inputs are ETERNITY.
"""

from datetime import date

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Ansiotyo, Vakuutettu

_VIITE = ["Kelan etuusohje 1.12, 1.13, 1.14"]


class maksettu_vakuutetulle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetun hyväksi aiemmin maksettu tartuntatautipäiväraha kuukaudelta (brutto)"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.1"]
    documentation = (
        "What was already paid for the insured for the month, before tax and distraint: the insured's part "
        "less what went to Kela, the unemployment fund and the municipality (`maksettu_kelalle`, "
        "`maksettu_tyottomyyskassalle`, `maksettu_kunnalle`); compared with "
        "`tartuntatautipaivaraha_vakuutetun_hyvaksi`. "
        "0 (the default) for a month not paid yet. A month given for any previous-payment input is a "
        "month of the revision."
    )


class maksettu_ennakonpidatys(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Aiemmin toimitettu ennakonpidätys kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.9.3, 1.9.3.6"]
    documentation = "Tax withheld from `maksettu_vakuutetulle`; at most that amount less the distraint."


class maksettu_ulosottopidatys(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Aiemmin toimitettu ulosottopidätys kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.9"]
    documentation = "Distraint withheld from `maksettu_vakuutetulle` and paid to the bailiff."


class maksettu_vakuutetulle_netto(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetulle aiemmin maksettu nettomäärä kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.1, 1.9.3"]
    documentation = (
        "Optional check: the net paid to the insured. When given for a month it must equal "
        "`maksettu_vakuutetulle` − `maksettu_ennakonpidatys` − `maksettu_ulosottopidatys` to the cent, "
        "else the input is refused (the previous payment is inconsistent)."
    )


class maksuvuosi(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Kalenterivuosi, jona kuukauden aiempi maksu maksettiin"
    reference = ["Kelan etuusohje 1.9.3.6, 1.10", "Tuloverolaki 1535/1992 112 a §"]
    documentation = (
        "The year the month's previous payment was paid (a December is often paid in January). It "
        "decides whether the insured's overpayment is recovered net or gross of tax (1.9.3.6). "
        "0 (the default) = not given: required for a month with an overpayment to the insured; "
        "never before the month's own year nor after the revision's date."
    )


class tarkistuspaatoksen_paiva(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Tarkistus- tai oikaisupäätöksen päivä"
    reference = ["Kelan etuusohje 1.9.3.6, 1.10, 1.13"]
    documentation = (
        "The date of the revision decision that recovers and offsets. Net recovery is possible until "
        "the end of `takaisinperinta.nettoperinnan_viimeinen_kuukausi` of the year after the payment "
        "year (1.9.3.6); the model compares this date with it. 1970-01-01 (the default) = not given: "
        "required when the insured has an overpayment."
    )


class TarkistuksenPeruste(Enum):
    """Why the decision is changed (1.12, 1.13, 1.14)."""

    tarkistus = "Tarkistaminen: olosuhteet muuttuivat päätöksen jälkeen (1.13, 1.14)"
    oikaisu = "Oikaisu: päätös oli alun perin virheellinen (1.12)"
    estava_etuus_takautuvasti = "Takautuvasti myönnetty estävä etuus (1.13; SVL 17:3 a)"


class tarkistuksen_peruste(Variable):
    value_type = Enum
    possible_values = TarkistuksenPeruste
    default_value = TarkistuksenPeruste.tarkistus
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Päätöksen muuttamisen peruste"
    reference = ["Kelan etuusohje 1.12, 1.12.1, 1.13", "SVL 1224/2004 17 luku 3 a §"]
    documentation = (
        "`tarkistus` (default): circumstances changed after the decision (1.13), from the change on. "
        "`oikaisu`: the decision was wrong from the start (1.12); a change to a party's detriment then "
        "needs its written consent or a request to remove the decision (1.12.1). "
        "`estava_etuus_takautuvasti`: a blocking benefit granted retroactively: decided without consent "
        "(SVL 17:3 a, 1.13)."
    )


class vakuutettua_kuultu_liikamaksusta(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vakuutettua on jo kuultu liikamaksusta"
    reference = ["Kelan etuusohje 1.10, 1.14"]
    documentation = "True when the insured was already heard on this overpayment: no hearing letter is sent (1.10)."


class maksettu_tyonantajalle(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työnantajalle aiemmin maksettu tartuntatautipäiväraha kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.3.2.3, 1.9.2.2"]
    documentation = "What this row's employer was already paid for the month (not taxed, 1.10)."


class tyonantajaa_kuultu_liikamaksusta(Variable):
    value_type = bool
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Työnantajaa on jo kuultu liikamaksusta"
    reference = ["Kelan etuusohje 1.10, 1.12.1, 1.14"]
    documentation = "True when this row's employer was already heard on its overpayment (1.10)."


# --- the other payees (per insured; not taxed, never heard: 1.10) ----------------------------


class maksettu_palkkaturvan_maksajalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Palkkaturvan maksajalle (ELY-keskus) aiemmin maksettu tartuntatautipäiväraha kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.3.2.7, 1.9.2.3"]
    documentation = "What the pay-security payer was already paid for the month, for the rows paid as pay security."


class maksettu_kunnalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kunnalle aiemmin maksettu tartuntatautipäiväraha kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.5, 1.9.2.9"]
    documentation = (
        "What the municipality was already paid for the month: income support paid in advance, the client fee "
        "and the way-of-life payment together (`maksetaan_kunnalle`), from the insured's net."
    )


class maksettu_tyottomyyskassalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työttömyyskassalle aiemmin maksettu tartuntatautipäiväraha kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.6, 1.9.2.10"]
    documentation = "What the unemployment fund was already paid for the month: its regress (gross) and its expense compensation."


class maksettu_kelalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kelalle aiemmin maksettu (kuitattu) tartuntatautipäiväraha kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.7, 1.9.2.11"]
    documentation = (
        "What was already offset or paid to Kela's own benefits for the month: its regress offset (gross) and "
        "its claims for expense compensation and basic income support paid in advance."
    )
