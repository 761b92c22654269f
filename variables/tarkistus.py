"""Revision: the corrected decision against what was paid, per month and payee (guideline 1.12, 1.13, 1.14).

The corrected decision is the model on the current facts — a late employer pay
report (the split moves, 1.3.2.3), an earlier end (1.14), a blocking benefit
granted retroactively (1.4.1.1, 1.4.4), a corrected income, annual leave
reported afterwards: each is an ordinary input.  Per month and payee
(`maksunsaajat.MAKSUNSAAJAT`): `erotus_*` = corrected − paid (signed),
`lisamaksu_*` its positive part, `liikamaksu_*` its negative part (gross).
For the insured also the differences of tax and distraint, and `maksettava_vakuutetulle`,
the net the revision pays out for the month.
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import tarkistuksen_laskenta as tl
from openfisca_tartunta.annetut_kuukaudet import annettu
from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.raha import euroina, sentin_tarkkuudella, sentteina
from openfisca_tartunta.tarkistukset import ei_negatiivinen, vaadi

_VIITE = ["Kelan etuusohje 1.12, 1.13, 1.14"]
_VIITE_TA = _VIITE + ["Kelan etuusohje 1.3.2.3", "SVL 1224/2004 7 luku 4 §"]


def aiempi_vakuutetulle(vakuutettu, period):
    """The insured's previous payment (gross, tax, distraint, net), checked (1.9.3)."""
    brutto = euroina(vakuutettu("maksettu_vakuutetulle", period))
    vero = euroina(vakuutettu("maksettu_ennakonpidatys", period))
    ulosotto = euroina(vakuutettu("maksettu_ulosottopidatys", period))
    ei_negatiivinen(brutto, "maksettu_vakuutetulle", "1.13")
    ei_negatiivinen(vero, "maksettu_ennakonpidatys", "1.9.3")
    ei_negatiivinen(ulosotto, "maksettu_ulosottopidatys", "1.9.2.9")
    netto = sentin_tarkkuudella(brutto - vero - ulosotto)
    vaadi(
        netto >= 0,
        "maksettu_ennakonpidatys",
        vero,
        f"tax and distraint withheld for {period} exceed the gross paid (maksettu_vakuutetulle) (1.9.3)",
    )
    if annettu(vakuutettu, "maksettu_vakuutetulle_netto", period):
        annettu_netto = euroina(vakuutettu("maksettu_vakuutetulle_netto", period))
        vaadi(
            sentteina(annettu_netto) == sentteina(netto),
            "maksettu_vakuutetulle_netto",
            annettu_netto,
            f"is not maksettu_vakuutetulle − maksettu_ennakonpidatys − maksettu_ulosottopidatys for {period}",
        )
    return brutto, vero, ulosotto, netto


class erotus_vakuutetulle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetun osan muutos kuukaudelta (brutto, oikaistu − maksettu)"
    reference = _VIITE
    documentation = "`tartuntatautipaivaraha_vakuutetulle` − `maksettu_vakuutetulle`: + more is due, − overpaid."

    def formula(vakuutettu, period):
        aiempi_vakuutetulle(vakuutettu, period)
        return tl.erotus(vakuutettu, period, "vakuutettu")


class lisamaksu_vakuutetulle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Lisämaksu vakuutetulle kuukaudelta (brutto)"
    reference = _VIITE + ["Kelan etuusohje 1.12.2"]
    documentation = "The positive part of `erotus_vakuutetulle`."

    def formula(vakuutettu, period):
        return tl.lisamaksu(vakuutettu, period, "vakuutettu")


class liikamaksu_vakuutetulle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Liikamaksu vakuutetulle kuukaudelta (brutto)"
    reference = _VIITE + ["Kelan etuusohje 1.10"]
    documentation = "The negative part of `erotus_vakuutetulle`, as a positive amount: paid without grounds or too much (1.10)."

    def formula(vakuutettu, period):
        return tl.liikamaksu(vakuutettu, period, "vakuutettu")


class erotus_ennakonpidatys(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ennakonpidätyksen muutos kuukaudelta (oikaistu − toimitettu)"
    reference = _VIITE + ["Kelan etuusohje 1.9.3, 1.9.3.6"]
    documentation = "`ennakonpidatys` of the corrected decision − `maksettu_ennakonpidatys` (signed)."

    def formula(vakuutettu, period):
        vero = aiempi_vakuutetulle(vakuutettu, period)[1]
        return sentin_tarkkuudella(euroina(vakuutettu("ennakonpidatys", period)) - vero)


class erotus_ulosottopidatys(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Ulosottopidätyksen muutos kuukaudelta (oikaistu − toimitettu)"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.9"]
    documentation = "`ulosottopidatys` of the corrected decision − `maksettu_ulosottopidatys` (signed)."

    def formula(vakuutettu, period):
        ulosotto = aiempi_vakuutetulle(vakuutettu, period)[2]
        return sentin_tarkkuudella(euroina(vakuutettu("ulosottopidatys", period)) - ulosotto)


class erotus_vakuutetulle_netto(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetun nettomäärän muutos kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.1, 1.9.3"]
    documentation = "`tartuntatautipaivaraha_netto` − the net paid (gross − tax − distraint paid), signed."

    def formula(vakuutettu, period):
        netto = aiempi_vakuutetulle(vakuutettu, period)[3]
        return sentin_tarkkuudella(euroina(vakuutettu("tartuntatautipaivaraha_netto", period)) - netto)


class maksettava_vakuutetulle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistuksessa vakuutetulle maksettava nettomäärä kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.9.2.1, 1.9.3"]
    documentation = (
        "What the revision pays the insured for the month before any offset: in a month where the gross "
        "part rises (`erotus_vakuutetulle` > 0), the rise in the net (`erotus_vakuutetulle_netto`, tax and "
        "distraint of the corrected month less those already withheld), at least 0; otherwise 0. A month "
        "not paid before is paid whole."
    )

    def formula(vakuutettu, period):
        nousee = euroina(vakuutettu("erotus_vakuutetulle", period)) > 0
        return np.where(nousee, np.maximum(euroina(vakuutettu("erotus_vakuutetulle_netto", period)), 0.0), 0.0)


# --- employers (per row) -------------------------------------------------------------


class erotus_tyonantajalle(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työnantajan osan muutos kuukaudelta (oikaistu − maksettu)"
    reference = _VIITE_TA
    documentation = (
        "`tartuntatautipaivaraha_tyonantajalle` − `maksettu_tyonantajalle`. A late pay report of a second "
        "employer moves part of the month from the first employer or the insured to it (1.3.2.3)."
    )

    def formula(ansiotyo, period):
        return tl.erotus(ansiotyo, period, "tyonantaja")


class lisamaksu_tyonantajalle(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Lisämaksu työnantajalle kuukaudelta"
    reference = _VIITE_TA
    documentation = "The positive part of `erotus_tyonantajalle`."

    def formula(ansiotyo, period):
        return tl.lisamaksu(ansiotyo, period, "tyonantaja")


class liikamaksu_tyonantajalle(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Liikamaksu työnantajalle kuukaudelta"
    reference = _VIITE_TA + ["Kelan etuusohje 1.10"]
    documentation = "The negative part of `erotus_tyonantajalle`, as a positive amount; recovered gross (1.10)."

    def formula(ansiotyo, period):
        return tl.liikamaksu(ansiotyo, period, "tyonantaja")


class maksettava_tyonantajalle(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistuksessa työnantajalle maksettava määrä kuukaudelta"
    reference = _VIITE_TA
    documentation = "`lisamaksu_tyonantajalle`: the employer's part is not taxed (1.9.3), so the gross rise is paid."

    def formula(ansiotyo, period):
        return ansiotyo("lisamaksu_tyonantajalle", period)
