"""Revision of the unemployment fund (guideline 1.9.2.6, 1.9.2.10, 1.10).

The fund's regress (gross, tax-free) and expense compensation. Recovered gross from the fund (1.10).
Not taxed (1.9.3.7, 1.10), never heard (1.10 "Muita liikamaksunsaajia ei kuulla"), not a party whose consent a
correction needs (1.12.1). One amount per insured and month (`maksunsaajat.MAKSUNSAAJAT`); each formula is
one call of `tarkistuksen_laskenta`.
"""

from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import tarkistuksen_laskenta as tl
from openfisca_tartunta.entities import Vakuutettu

_VIITE_KASSA = ["Kelan etuusohje 1.9.2.6, 1.9.2.10, 1.9.3.7, 1.10, 1.13", "TTL 1290/2002 11 luku 14 §"]


class erotus_tyottomyyskassalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistus: työttömyyskassalle maksettavan muutos kuukaudelta (oikaistu − maksettu)"
    reference = _VIITE_KASSA
    documentation = "`maksetaan_tyottomyyskassalle` − `maksettu_tyottomyyskassalle`: + more is due, − overpaid."

    def formula(vakuutettu, period):
        return tl.erotus(vakuutettu, period, "tyottomyyskassa")


class lisamaksu_tyottomyyskassalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Lisämaksu työttömyyskassalle kuukaudelta"
    reference = _VIITE_KASSA
    documentation = "The positive part of `erotus_tyottomyyskassalle`."

    def formula(vakuutettu, period):
        return tl.lisamaksu(vakuutettu, period, "tyottomyyskassa")


class liikamaksu_tyottomyyskassalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Liikamaksu työttömyyskassalle kuukaudelta (brutto)"
    reference = _VIITE_KASSA
    documentation = "The negative part of `erotus_tyottomyyskassalle`, as a positive amount (1.10)."

    def formula(vakuutettu, period):
        return tl.liikamaksu(vakuutettu, period, "tyottomyyskassa")


class maksettava_tyottomyyskassalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistuksessa työttömyyskassalle maksettava määrä kuukaudelta"
    reference = _VIITE_KASSA
    documentation = "`lisamaksu_tyottomyyskassalle`: not taxed by Kela (1.9.3.7, 1.10), so the gross rise is paid."

    def formula(vakuutettu, period):
        return vakuutettu("lisamaksu_tyottomyyskassalle", period)


class takaisinperittava_tyottomyyskassalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työttömyyskassalta takaisin perittävä määrä kuukaudelta (ennen kuittausta)"
    reference = _VIITE_KASSA
    documentation = (
        "`liikamaksu_tyottomyyskassalle` recovered gross from the fund (1.10 'työttömyyskassalle … liikaa "
        "maksettu määrä … peritään bruttomääräisenä')."
    )

    def formula(vakuutettu, period):
        return tl.takaisinperittava_muulta(vakuutettu, period, "tyottomyyskassa")


# --- the whole revision (ETERNITY) ---


class liikamaksu_tyottomyyskassalle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Liikamaksu työttömyyskassalle tarkistuksen kuukausilta yhteensä"
    reference = _VIITE_KASSA
    documentation = "Σ `liikamaksu_tyottomyyskassalle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "liikamaksu_tyottomyyskassalle")


class maksettava_tyottomyyskassalle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Tarkistuksessa työttömyyskassalle maksettava yhteensä (ennen kuittausta)"
    reference = _VIITE_KASSA
    documentation = "Σ `maksettava_tyottomyyskassalle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "maksettava_tyottomyyskassalle")


class takaisinperittava_tyottomyyskassalta_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Työttömyyskassalta takaisin perittävä yhteensä (ennen kuittausta)"
    reference = _VIITE_KASSA
    documentation = "Σ `takaisinperittava_tyottomyyskassalta` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "takaisinperittava_tyottomyyskassalta")


class kuittaus_tyottomyyskassalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Työttömyyskassalle maksettavasta kuitattava liikamaksu"
    reference = _VIITE_KASSA
    documentation = (
        "min(`takaisinperittava_tyottomyyskassalta_yhteensa`, Σ `maksettava_tyottomyyskassalle` of the "
        "months where `kuittaus_sallittu_kuukaudelta`): offset against what the same revision pays the same payee (1.9.3.6)."
    )

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "tyottomyyskassa")[0]


class perittava_tyottomyyskassalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Työttömyyskassalta perittävä määrä kuittauksen jälkeen"
    reference = _VIITE_KASSA
    documentation = "`takaisinperittava_tyottomyyskassalta_yhteensa` − `kuittaus_tyottomyyskassalta`."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "tyottomyyskassa")[1]


class maksettava_tyottomyyskassalle_kuittauksen_jalkeen(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Työttömyyskassalle maksettava määrä kuittauksen jälkeen"
    reference = _VIITE_KASSA
    documentation = "`maksettava_tyottomyyskassalle_yhteensa` − `kuittaus_tyottomyyskassalta`."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "tyottomyyskassa")[2]
