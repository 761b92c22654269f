"""Revision of the municipality (guideline 1.9.2.5, 1.9.2.9, 1.10).

What the municipality received for its income support paid in advance, its client fee and the way-of-life
payment. By the default reading its overpayment is recovered from the insured (`kunnan_liikamaksu_vakuutetulta`,
`variables/tarkistus_nykyiset.py`); reform `tulkinta_kunnan_liikamaksu`: from the municipality, gross.
Not taxed (1.9.3.7, 1.10), never heard (1.10 "Muita liikamaksunsaajia ei kuulla"), not a party whose consent a
correction needs (1.12.1). One amount per insured and month (`maksunsaajat.MAKSUNSAAJAT`); each formula is
one call of `tarkistuksen_laskenta`.
"""

from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import tarkistuksen_laskenta as tl
from openfisca_tartunta.entities import Vakuutettu

_VIITE_KUNTA = ["Kelan etuusohje 1.9.2.5, 1.9.2.9, 1.10, 1.13", "Laki toimeentulotuesta 1412/1997 23 §"]


class erotus_kunnalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistus: kunnalle maksettavan muutos kuukaudelta (oikaistu − maksettu)"
    reference = _VIITE_KUNTA
    documentation = "`maksetaan_kunnalle` − `maksettu_kunnalle`: + more is due, − overpaid."

    def formula(vakuutettu, period):
        return tl.erotus(vakuutettu, period, "kunta")


class lisamaksu_kunnalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Lisämaksu kunnalle kuukaudelta"
    reference = _VIITE_KUNTA
    documentation = "The positive part of `erotus_kunnalle`."

    def formula(vakuutettu, period):
        return tl.lisamaksu(vakuutettu, period, "kunta")


class liikamaksu_kunnalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Liikamaksu kunnalle kuukaudelta (brutto)"
    reference = _VIITE_KUNTA
    documentation = "The negative part of `erotus_kunnalle`, as a positive amount (1.10)."

    def formula(vakuutettu, period):
        return tl.liikamaksu(vakuutettu, period, "kunta")


class maksettava_kunnalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistuksessa kunnalle maksettava määrä kuukaudelta"
    reference = _VIITE_KUNTA
    documentation = "`lisamaksu_kunnalle`: not taxed by Kela (1.9.3.7, 1.10), so the gross rise is paid."

    def formula(vakuutettu, period):
        return vakuutettu("lisamaksu_kunnalle", period)


class takaisinperittava_kunnalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kunnalta takaisin perittävä määrä kuukaudelta (ennen kuittausta)"
    reference = _VIITE_KUNTA
    documentation = (
        "`liikamaksu_kunnalle` less `kunnan_liikamaksu_vakuutetulta`: by the default reading the "
        "municipality's overpayment is the insured's (1.10; RULES.md §10), so 0; reform `tulkinta_kunnan_liikamaksu`: recovered from the municipality, gross."
    )

    def formula(vakuutettu, period):
        return tl.takaisinperittava_muulta(vakuutettu, period, "kunta")


# --- the whole revision (ETERNITY) ---


class liikamaksu_kunnalle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Liikamaksu kunnalle tarkistuksen kuukausilta yhteensä"
    reference = _VIITE_KUNTA
    documentation = "Σ `liikamaksu_kunnalle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "liikamaksu_kunnalle")


class maksettava_kunnalle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Tarkistuksessa kunnalle maksettava yhteensä (ennen kuittausta)"
    reference = _VIITE_KUNTA
    documentation = "Σ `maksettava_kunnalle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "maksettava_kunnalle")


class takaisinperittava_kunnalta_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Kunnalta takaisin perittävä yhteensä (ennen kuittausta)"
    reference = _VIITE_KUNTA
    documentation = "Σ `takaisinperittava_kunnalta` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "takaisinperittava_kunnalta")


class kuittaus_kunnalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Kunnalle maksettavasta kuitattava liikamaksu"
    reference = _VIITE_KUNTA
    documentation = (
        "min(`takaisinperittava_kunnalta_yhteensa`, Σ `maksettava_kunnalle` of the months where "
        "`kuittaus_sallittu_kuukaudelta`): offset against what the same revision pays the same payee (1.9.3.6)."
    )

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "kunta")[0]


class perittava_kunnalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Kunnalta perittävä määrä kuittauksen jälkeen"
    reference = _VIITE_KUNTA
    documentation = "`takaisinperittava_kunnalta_yhteensa` − `kuittaus_kunnalta`."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "kunta")[1]


class maksettava_kunnalle_kuittauksen_jalkeen(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Kunnalle maksettava määrä kuittauksen jälkeen"
    reference = _VIITE_KUNTA
    documentation = "`maksettava_kunnalle_yhteensa` − `kuittaus_kunnalta`."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "kunta")[2]
