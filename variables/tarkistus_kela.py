"""Revision of Kela's own benefits (guideline 1.9.2.7, 1.9.2.11, 1.10, 1.10.2).

Kela's regress offset and its claims (expense compensation, basic income support paid in advance). An
overpayment to Kela is not recovered by a letter: Kela returns it from its own benefit (the offset is
cancelled for the amount; the other benefit's debt it settled is open again, 1.9.2.11, 1.10.2).
Not taxed (1.9.3.7, 1.10), never heard (1.10 "Muita liikamaksunsaajia ei kuulla"), not a party whose consent a
correction needs (1.12.1). One amount per insured and month (`maksunsaajat.MAKSUNSAAJAT`); each formula is
one call of `tarkistuksen_laskenta`.
"""

from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import tarkistuksen_laskenta as tl
from openfisca_tartunta.entities import Vakuutettu

_VIITE_KELA = ["Kelan etuusohje 1.9.2.7, 1.9.2.11, 1.10, 1.10.2, 1.13", "SVL 1224/2004 15 luku 11 §"]


class erotus_kelalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistus: Kelalle maksettavan muutos kuukaudelta (oikaistu − maksettu)"
    reference = _VIITE_KELA
    documentation = "`maksetaan_kelalle` − `maksettu_kelalle`: + more is due, − overpaid."

    def formula(vakuutettu, period):
        return tl.erotus(vakuutettu, period, "kela")


class lisamaksu_kelalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Lisämaksu Kelalle kuukaudelta"
    reference = _VIITE_KELA
    documentation = "The positive part of `erotus_kelalle`."

    def formula(vakuutettu, period):
        return tl.lisamaksu(vakuutettu, period, "kela")


class liikamaksu_kelalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Liikamaksu Kelalle kuukaudelta (brutto)"
    reference = _VIITE_KELA
    documentation = "The negative part of `erotus_kelalle`, as a positive amount (1.10)."

    def formula(vakuutettu, period):
        return tl.liikamaksu(vakuutettu, period, "kela")


class maksettava_kelalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tarkistuksessa Kelalle maksettava määrä kuukaudelta"
    reference = _VIITE_KELA
    documentation = "`lisamaksu_kelalle`: not taxed by Kela (1.9.3.7, 1.10), so the gross rise is paid."

    def formula(vakuutettu, period):
        return vakuutettu("lisamaksu_kelalle", period)


class palautettava_kelan_etuudelta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kelan etuudelta palautettava määrä kuukaudelta (regressikuittauksen peruutus)"
    reference = _VIITE_KELA
    documentation = (
        "`liikamaksu_kelalle` Kela's own: not recovered by a letter but returned from Kela's benefit in "
        "Kela's own system — the offset is cancelled for the amount and the other benefit's debt it settled is open again (1.9.2.11, 1.10.2); gross (1.10)."
    )

    def formula(vakuutettu, period):
        return tl.takaisinperittava_muulta(vakuutettu, period, "kela")


# --- the whole revision (ETERNITY) ---


class liikamaksu_kelalle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Liikamaksu Kelalle tarkistuksen kuukausilta yhteensä"
    reference = _VIITE_KELA
    documentation = "Σ `liikamaksu_kelalle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "liikamaksu_kelalle")


class maksettava_kelalle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Tarkistuksessa Kelalle maksettava yhteensä (ennen kuittausta)"
    reference = _VIITE_KELA
    documentation = "Σ `maksettava_kelalle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "maksettava_kelalle")


class palautettava_kelan_etuudelta_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Kelan etuudelta palautettava yhteensä (ennen kuittausta)"
    reference = _VIITE_KELA
    documentation = "Σ `palautettava_kelan_etuudelta` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "palautettava_kelan_etuudelta")


class kuittaus_kelalta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Kelalle maksettavasta kuitattava liikamaksu"
    reference = _VIITE_KELA
    documentation = (
        "min(`palautettava_kelan_etuudelta_yhteensa`, Σ `maksettava_kelalle` of the months where "
        "`kuittaus_sallittu_kuukaudelta`): offset against what the same revision pays the same payee (1.9.3.6)."
    )

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "kela")[0]


class palautettava_kelan_etuudelta_kuittauksen_jalkeen(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Kelan etuudelta palautettava kuittauksen jälkeen"
    reference = _VIITE_KELA
    documentation = "`palautettava_kelan_etuudelta_yhteensa` − `kuittaus_kelalta`."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "kela")[1]


class maksettava_kelalle_kuittauksen_jalkeen(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Kelalle maksettava määrä kuittauksen jälkeen"
    reference = _VIITE_KELA
    documentation = "`maksettava_kelalle_yhteensa` − `kuittaus_kelalta`."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "kela")[2]
