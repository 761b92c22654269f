"""Payable days (guideline 1.9, 1.3.2.4, 1.5.3, 1.4, 1.9.4).

Granted days in a month = arkipäivät of the decision inside the month, from the
later of the decision's start and the first day the application period reaches,
up to the day before a blocking benefit starts, minus annual-leave days.  Paid
days = granted days minus the days of a payment restriction.
"""

from datetime import date

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.paatos import paatoksen_paivat
from openfisca_tartunta.tarkistukset import ei_negatiivinen, vaadi


class vuosilomapaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Vuosilomapäivät päätöksen aikana (arkipäivää)"
    reference = ["Kelan etuusohje 1.3.2.4, 1.9"]
    documentation = (
        "Annual-leave arkipäivät inside the decision in the month: not paid, no income is lost "
        "(1.3.2.4). Model: they are subtracted from the month's granted days."
    )


class maksuesteen_paivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksamisen rajoituksen päivät (myönnetään, ei makseta)"
    reference = ["Kelan etuusohje 1.9.4", "SVL 1224/2004 8 luku 5 §"]
    documentation = (
        "Payable days the insured spends in prison (not a fine conversion sentence) or in military, "
        "voluntary military, reserve or civil service: granted but not paid (1.9.4)."
    )


# --- the paid window of the month ---------------------------------------------


class maksettavan_ajan_alku(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = MONTH
    label = "Kuukauden maksettavan ajan ensimmäinen mahdollinen päivä"
    reference = ["Kelan etuusohje 1.9, 1.5.3, 1.4"]
    documentation = (
        "max(decision start, first day the application period reaches, first day of the month); "
        "the same bounds as `myonnetyt_paivat`. 9999-12-31 when there is no decision."
    )

    def formula(vakuutettu, period):
        alku, _ = paatoksen_paivat(vakuutettu, period)
        kk_alku, _ = kalenteri.kuukauden_rajat(period)
        hakuaika = kalenteri.paivina(vakuutettu("hakuajan_ensimmainen_paiva", period))
        return np.maximum(np.maximum(alku, hakuaika), kk_alku)


class maksettavan_ajan_loppu(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = MONTH
    label = "Kuukauden maksettavan ajan viimeinen mahdollinen päivä"
    reference = ["Kelan etuusohje 1.9, 1.4"]
    documentation = (
        "min(decision end, day before a blocking benefit starts, last day of the month); the same "
        "bounds as `myonnetyt_paivat`. 1970-01-01 when there is no decision."
    )

    def formula(vakuutettu, period):
        _, loppu = paatoksen_paivat(vakuutettu, period)
        _, kk_loppu = kalenteri.kuukauden_rajat(period)
        esto = kalenteri.paivina(vakuutettu("estavan_etuuden_vaikutus_alkaa", period))
        return np.minimum(np.minimum(loppu, esto - 1), kk_loppu)


class myonnetyt_paivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Myönnettävät arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.9, 1.3.2.4, 1.4, 1.5.3"]
    documentation = (
        "Arkipäivät of the decision in the month from max(decision start, first day within the "
        "application period) to min(decision end, day before a blocking benefit), less annual leave."
    )

    def formula(vakuutettu, period):
        paivat = kalenteri.arkipaivat(
            vakuutettu("maksettavan_ajan_alku", period), vakuutettu("maksettavan_ajan_loppu", period)
        )
        loma = vakuutettu("vuosilomapaivat", period)
        ei_negatiivinen(loma, "vuosilomapaivat", "1.3.2.4")
        arki = vakuutettu("paatoksen_arkipaivat", period)
        vaadi(
            loma <= arki,
            "vuosilomapaivat",
            loma,
            f"more annual-leave days than the decision has arkipäivät in {period} (1.3.2.4)",
        )
        return np.maximum(paivat - loma, 0)


class tartuntatautipaivarahan_maksupaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Tartuntatautipäivärahan maksupäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.9, 1.9.4, 1.3.2.4, 1.4, 1.5.3", "SVL 1224/2004 8 luku 5 §"]
    documentation = (
        "Arkipäivät paid in the month: after the application period, blocking benefits, annual "
        "leave and payment restrictions; 0 when there is no entitlement."
    )

    def formula(vakuutettu, period):
        myonnetty = vakuutettu("myonnetyt_paivat", period)
        este = vakuutettu("maksuesteen_paivat", period)
        ei_negatiivinen(este, "maksuesteen_paivat", "1.9.4")
        oikeus = vakuutettu("oikeus_tartuntatautipaivarahaan", period)
        return np.where(oikeus, np.maximum(myonnetty - este, 0), 0)
