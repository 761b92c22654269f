"""The whole revision: totals, offset, what remains, hearing and consent (guideline 1.9.3.6, 1.10, 1.12.1, 1.13).

ETERNITY outputs over the revision's months (`tarkistuksen_laskenta.kuukaudet`), per
payee of `maksunsaajat.MAKSUNSAAJAT`: a payee's recoverable amounts are offset
against what the same revision pays it (`kuittaus_sallittu_kuukaudelta` decides the
months), the rest is recovered or paid; an overpaid payee not yet heard gets the
hearing letter (1.10), and a rectification to its detriment needs its consent (1.12.1).
"""

from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from openfisca_tartunta import tarkistuksen_laskenta as tl
from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.raha import euroina

_VIITE = ["Kelan etuusohje 1.10, 1.10.1, 1.9.3.6", "SVL 1224/2004 15 luku"]
_VIITE_NETTO = _VIITE + ["Tuloverolaki 1535/1992 112 a §", "Verohallinnon päätös 1033/2019"]


# --- the whole revision (ETERNITY) -------------------------------------------------------


def _vakuutetun_liikamaksu(vakuutettu, period):
    """The insured has an overpayment: its own, or the municipality's recovered from it (1.10)."""
    oma = euroina(vakuutettu("liikamaksu_vakuutetulle_yhteensa", period)) > 0
    return oma | (tl.summa(vakuutettu, "kunnan_liikamaksu_vakuutetulta") > 0)


class liikamaksu_vakuutetulle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Liikamaksu vakuutetulle tarkistuksen kuukausilta yhteensä (brutto)"
    reference = _VIITE
    documentation = "Σ `liikamaksu_vakuutetulle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "liikamaksu_vakuutetulle")


class maksettava_vakuutetulle_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Tarkistuksessa vakuutetulle maksettava yhteensä (netto, ennen kuittausta)"
    reference = _VIITE
    documentation = "Σ `maksettava_vakuutetulle` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "maksettava_vakuutetulle")


class takaisinperittava_vakuutetulta_yhteensa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Vakuutetulta takaisin perittävä yhteensä (ennen kuittausta)"
    reference = _VIITE_NETTO
    documentation = "Σ `takaisinperittava_vakuutetulta` over the revision's months."

    def formula(vakuutettu, period):
        return tl.summa(vakuutettu, "takaisinperittava_vakuutetulta")


class kuittaus_vakuutetulta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Vakuutetun liikamaksusta kuitattava määrä"
    reference = _VIITE
    documentation = (
        "min(`takaisinperittava_vakuutetulta_yhteensa`, Σ `maksettava_vakuutetulle` of the months where "
        "`kuittaus_sallittu_kuukaudelta`): the overpayment offset against what the revision pays the insured."
    )

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "vakuutettu")[0]


class perittava_vakuutetulta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Vakuutetulta perittävä määrä kuittauksen jälkeen"
    reference = _VIITE
    documentation = "`takaisinperittava_vakuutetulta_yhteensa` − `kuittaus_vakuutetulta`: what the recovery decision claims."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "vakuutettu")[1]


class maksettava_vakuutetulle_kuittauksen_jalkeen(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Vakuutetulle maksettava määrä kuittauksen jälkeen"
    reference = _VIITE
    documentation = "`maksettava_vakuutetulle_yhteensa` − `kuittaus_vakuutetulta`."

    def formula(vakuutettu, period):
        return tl.kuitattava(vakuutettu, "vakuutettu")[2]


class kuulemiskirje_vakuutetulle(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vakuutetulle lähetetään liikamaksua koskeva kuulemiskirje"
    reference = ["Kelan etuusohje 1.10, 1.13, 1.14", "SVL 1224/2004 17 luku 3 a §"]
    documentation = (
        "An overpayment to the insured (its own or the municipality's recovered from it), the insured not yet heard on it (`vakuutettua_kuultu_liikamaksusta`), "
        "and not a retroactively granted blocking benefit (decided without hearing, SVL 17:3 a, 1.13)."
    )

    def formula(vakuutettu, period):
        peruste = vakuutettu("tarkistuksen_peruste", period)
        liika = _vakuutetun_liikamaksu(vakuutettu, period)
        return liika & ~vakuutettu("vakuutettua_kuultu_liikamaksusta", period) & (
            peruste != peruste.possible_values.estava_etuus_takautuvasti
        )


class suostumus_tarvitaan_vakuutetulta(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Vahingoksi oikaisuun tarvitaan vakuutetun suostumus"
    reference = ["Kelan etuusohje 1.12.1, 1.13", "SVL 1224/2004 17 luku 3 a §"]
    documentation = (
        "`tarkistuksen_peruste` is `oikaisu` and the insured is overpaid: a correction to the insured's "
        "detriment needs the insured's written consent, else the decision's removal is sought (1.12.1)."
    )

    def formula(vakuutettu, period):
        peruste = vakuutettu("tarkistuksen_peruste", period)
        return _vakuutetun_liikamaksu(vakuutettu, period) & (peruste == peruste.possible_values.oikaisu)


# --- employers, per row (ETERNITY) ---------------------------------------------------------


class liikamaksu_tyonantajalle_yhteensa(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Liikamaksu työnantajalle tarkistuksen kuukausilta yhteensä"
    reference = _VIITE
    documentation = "Σ `liikamaksu_tyonantajalle` over the revision's months."

    def formula(ansiotyo, period):
        return tl.summa(ansiotyo, "liikamaksu_tyonantajalle")


class maksettava_tyonantajalle_yhteensa(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Tarkistuksessa työnantajalle maksettava yhteensä (ennen kuittausta)"
    reference = _VIITE
    documentation = "Σ `maksettava_tyonantajalle` over the revision's months."

    def formula(ansiotyo, period):
        return tl.summa(ansiotyo, "maksettava_tyonantajalle")


class takaisinperittava_tyonantajalta_yhteensa(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Työnantajalta takaisin perittävä yhteensä (ennen kuittausta)"
    reference = _VIITE
    documentation = "Σ `takaisinperittava_tyonantajalta` over the revision's months."

    def formula(ansiotyo, period):
        return tl.summa(ansiotyo, "takaisinperittava_tyonantajalta")


class kuittaus_tyonantajalta(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Työnantajan liikamaksusta kuitattava määrä"
    reference = _VIITE
    documentation = "As `kuittaus_vakuutetulta`, for the row's employer and what the revision pays it."

    def formula(ansiotyo, period):
        return tl.kuitattava(ansiotyo, "tyonantaja")[0]


class perittava_tyonantajalta(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Työnantajalta perittävä määrä kuittauksen jälkeen"
    reference = _VIITE
    documentation = "`takaisinperittava_tyonantajalta_yhteensa` − `kuittaus_tyonantajalta`."

    def formula(ansiotyo, period):
        return tl.kuitattava(ansiotyo, "tyonantaja")[1]


class maksettava_tyonantajalle_kuittauksen_jalkeen(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Työnantajalle maksettava määrä kuittauksen jälkeen"
    reference = _VIITE
    documentation = "`maksettava_tyonantajalle_yhteensa` − `kuittaus_tyonantajalta`."

    def formula(ansiotyo, period):
        return tl.kuitattava(ansiotyo, "tyonantaja")[2]


class kuulemiskirje_tyonantajalle(Variable):
    value_type = bool
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Työnantajalle lähetetään liikamaksua koskeva kuulemiskirje"
    reference = ["Kelan etuusohje 1.10, 1.12.1, 1.14", "SVL 1224/2004 17 luku 3 a §"]
    documentation = "As `kuulemiskirje_vakuutetulle`, for an overpayment to the row's employer (1.10)."

    def formula(ansiotyo, period):
        peruste = ansiotyo.vakuutettu("tarkistuksen_peruste", period)
        liika = euroina(ansiotyo("liikamaksu_tyonantajalle_yhteensa", period)) > 0
        return liika & ~ansiotyo("tyonantajaa_kuultu_liikamaksusta", period) & (
            peruste != peruste.possible_values.estava_etuus_takautuvasti
        )


class suostumus_tarvitaan_tyonantajalta(Variable):
    value_type = bool
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Vahingoksi oikaisuun tarvitaan työnantajan suostumus"
    reference = ["Kelan etuusohje 1.12.1"]
    documentation = (
        "`tarkistuksen_peruste` is `oikaisu` and the row's employer is overpaid: it is a party and its "
        "written consent is needed, even when it reported the new pay itself (1.12.1)."
    )

    def formula(ansiotyo, period):
        peruste = ansiotyo.vakuutettu("tarkistuksen_peruste", period)
        liika = euroina(ansiotyo("liikamaksu_tyonantajalle_yhteensa", period)) > 0
        return liika & (peruste == peruste.possible_values.oikaisu)
