"""Revision of the pay-security payer (ELY centre; guideline 1.3.2.7, 1.9.2.3, 1.10).

The payer received the employer's share of a row paid as pay security (palkkaturvalaki 16 §: the claims pass
to the state). Recovered gross from it (1.10 lists the employer; the payer stands in its place).
Not taxed (1.9.3.7, 1.10), never heard (1.10 "Muita liikamaksunsaajia ei kuulla"), not a party whose consent a
correction needs (1.12.1). One amount per insured and month (`maksunsaajat.MAKSUNSAAJAT`); each formula is
one call of `tarkistuksen_laskenta`.
"""

from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import tarkistuksen_laskenta as tl
from openfisca_tartunta.entities import Vakuutettu

_VIITE_PT = ["Kelan etuusohje 1.3.2.7, 1.9.2.3, 1.10, 1.13",
             "Palkkaturvalaki 866/1998 16 § (https://www.finlex.fi/fi/laki/ajantasa/1998/19980866)"]


class erotus_palkkaturvan_maksajalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistus: palkkaturvan maksajalle maksettavan muutos kuukaudelta (oikaistu − maksettu)"
    reference = _VIITE_PT
    documentation = "`maksetaan_palkkaturvan_maksajalle` − `maksettu_palkkaturvan_maksajalle`: + more is due, − overpaid."

    def formula(vakuutettu, period):
        return tl.erotus(vakuutettu, period, "palkkaturvan_maksaja")


class lisamaksu_palkkaturvan_maksajalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Lisämaksu palkkaturvan maksajalle kuukaudelta"
    reference = _VIITE_PT
    documentation = "The positive part of `erotus_palkkaturvan_maksajalle`."

    def formula(vakuutettu, period):
        return tl.lisamaksu(vakuutettu, period, "palkkaturvan_maksaja")


class liikamaksu_palkkaturvan_maksajalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Liikamaksu palkkaturvan maksajalle kuukaudelta (brutto)"
    reference = _VIITE_PT
    documentation = "The negative part of `erotus_palkkaturvan_maksajalle`, as a positive amount (1.10)."

    def formula(vakuutettu, period):
        return tl.liikamaksu(vakuutettu, period, "palkkaturvan_maksaja")


class maksettava_palkkaturvan_maksajalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistuksessa palkkaturvan maksajalle maksettava määrä kuukaudelta"
    reference = _VIITE_PT
    documentation = "`lisamaksu_palkkaturvan_maksajalle`: not taxed by Kela (1.9.3.7, 1.10), so the gross rise is paid."

    def formula(vakuutettu, period):
        return vakuutettu("lisamaksu_palkkaturvan_maksajalle", period)


class takaisinperittava_palkkaturvan_maksajalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Palkkaturvan maksajalta takaisin perittävä määrä kuukaudelta (ennen kuittausta)"
    reference = _VIITE_PT
    documentation = (
        "`liikamaksu_palkkaturvan_maksajalle` recovered gross from the pay-security payer, which received it "
        "in the employer's place (1.10 'työnantajalta'; palkkaturvalaki 16 §)."
    )

    def formula(vakuutettu, period):
        return tl.takaisinperittava_muulta(vakuutettu, period, "palkkaturvan_maksaja")


# --- the whole revision (ETERNITY) ---


class liikamaksu_palkkaturvan_maksajalle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Liikamaksu palkkaturvan maksajalle tarkistuksen kuukausilta yhteensä"
    reference = _VIITE_PT
    documentation = "Σ `liikamaksu_palkkaturvan_maksajalle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "liikamaksu_palkkaturvan_maksajalle")


class maksettava_palkkaturvan_maksajalle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Tarkistuksessa palkkaturvan maksajalle maksettava yhteensä (ennen kuittausta)"
    reference = _VIITE_PT
    documentation = "Σ `maksettava_palkkaturvan_maksajalle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "maksettava_palkkaturvan_maksajalle")


class takaisinperittava_palkkaturvan_maksajalta_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Palkkaturvan maksajalta takaisin perittävä yhteensä (ennen kuittausta)"
    reference = _VIITE_PT
    documentation = "Σ `takaisinperittava_palkkaturvan_maksajalta` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "takaisinperittava_palkkaturvan_maksajalta")


class kuittaus_palkkaturvan_maksajalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Palkkaturvan maksajalle maksettavasta kuitattava liikamaksu"
    reference = _VIITE_PT
    documentation = (
        "min(`takaisinperittava_palkkaturvan_maksajalta_yhteensa`, Σ `maksettava_palkkaturvan_maksajalle` of "
        "the months where `kuittaus_sallittu_kuukaudelta`): offset against what the same revision pays the same payee (1.9.3.6)."
    )

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "palkkaturvan_maksaja")[0]


class perittava_palkkaturvan_maksajalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Palkkaturvan maksajalta perittävä määrä kuittauksen jälkeen"
    reference = _VIITE_PT
    documentation = "`takaisinperittava_palkkaturvan_maksajalta_yhteensa` − `kuittaus_palkkaturvan_maksajalta`."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "palkkaturvan_maksaja")[1]


class maksettava_palkkaturvan_maksajalle_kuittauksen_jalkeen(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Palkkaturvan maksajalle maksettava määrä kuittauksen jälkeen"
    reference = _VIITE_PT
    documentation = "`maksettava_palkkaturvan_maksajalle_yhteensa` − `kuittaus_palkkaturvan_maksajalta`."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "palkkaturvan_maksaja")[2]
