"""Payable days (guideline 1.9, 1.3.2.4, 1.5.3, 1.4, 1.9.4).

Per month, every arkipäivä of the decision is in exactly one of these counts
(the figures a decision states, 1.8.4.2):

- `hakuajan_ulkopuoliset_arkipaivat`: before the first day the application period reaches (1.5.3);
- `estetyt_arkipaivat`: a blocking benefit is paid (1.4);
- `vuosiloman_arkipaivat`: annual leave (1.3.2.4);
- `maksuesteen_arkipaivat`: a payment restriction (1.9.4) — granted, not paid;
- `tartuntatautipaivarahan_maksupaivat`: paid;

plus, in a month with no entitlement (no loss of earnings, no qualifying
decision), the granted days that are not paid.  A reform may add its own
count (the waiting period).  Granted days (`myonnetyt_paivat`) = the paid
window's arkipäivät less blocked and annual-leave days.
"""

from datetime import date

import numpy as np
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import jaksot, kalenteri
from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.paatoksen_ajanjakso import ENSIMMAINEN_PAIVA, maksettava_ikkuna, paatoksen_paivat


# --- the paid window of the month ---------------------------------------------


class maksettavan_ajan_alku(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = MONTH
    label = "Kuukauden maksettavan ajan ensimmäinen mahdollinen päivä"
    reference = ["Kelan etuusohje 1.9, 1.5.3"]
    documentation = (
        "max(decision start, first day the application period reaches, first day of the month). "
        "9999-12-31 when there is no decision."
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
    reference = ["Kelan etuusohje 1.9"]
    documentation = (
        "min(decision end, last day of the month); 1970-01-01 when there is no decision. Blocking "
        "benefits, annual leave and payment restrictions are ranges inside this window (their days are "
        "counted out), so the paid time need not be continuous."
    )

    def formula(vakuutettu, period):
        _, loppu = paatoksen_paivat(vakuutettu, period)
        _, kk_loppu = kalenteri.kuukauden_rajat(period)
        return np.minimum(loppu, kk_loppu)


class hakuajan_ulkopuoliset_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Hakuajan ulkopuoliset päätöksen arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.5.3, 1.8.4.2", "SVL 1224/2004 15 luku 4 § 1 mom. 1 k."]
    documentation = "Arkipäivät of the decision in the month before `hakuajan_ensimmainen_paiva`: the application came too late for them (1.5.3)."

    def formula(vakuutettu, period):
        alku, loppu = paatoksen_paivat(vakuutettu, period)
        kk_alku, kk_loppu = kalenteri.kuukauden_rajat(period)
        hakuaika = kalenteri.paivina(vakuutettu("hakuajan_ensimmainen_paiva", period))
        return kalenteri.arkipaivat(np.maximum(alku, kk_alku), np.minimum(np.minimum(loppu, kk_loppu), hakuaika - 1))


def _erittely(vakuutettu, period):
    return jaksot.kuukauden_erittely(vakuutettu, period)


class vuosiloman_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Vuosiloman vuoksi myöntämättä jäävät arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.3.2.4, 1.9"]
    documentation = (
        "Arkipäivät of the month's paid window on annual leave (`vuosiloma_N_alkaa` … `_paattyy`) and not "
        "blocked by a benefit: not granted, no loss of earnings (1.3.2.4). Days of leave outside the paid "
        "window (e.g. before the application period) are not subtracted again."
    )

    def formula(vakuutettu, period):
        return _erittely(vakuutettu, period)[1]


class maksuesteen_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksamisen rajoituksen arkipäivät kuukaudessa (myönnetään, ei makseta)"
    reference = ["Kelan etuusohje 1.9.4", "SVL 1224/2004 8 luku 5 §"]
    documentation = (
        "Arkipäivät of the month's paid window inside a payment restriction (`maksueste_N_alkaa` … "
        "`_paattyy`) and not blocked: granted but not paid (1.9.4)."
    )

    def formula(vakuutettu, period):
        return _erittely(vakuutettu, period)[2]


class maksettavan_ajan_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksettavan ajan arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.9, 1.5.3"]
    documentation = (
        "Arkipäivät of the month's paid window (`maksettavan_ajan_alku` … `_loppu`), before blocked, "
        "annual-leave and restriction days; counted once for the granted days and the decision's reasons."
    )

    def formula(vakuutettu, period):
        alku, loppu = maksettava_ikkuna(vakuutettu, period)
        return kalenteri.arkipaivat(alku, loppu)


class myonnetyt_paivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Myönnettävät arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.9, 1.3.2.4, 1.4, 1.5.3"]
    documentation = (
        "Arkipäivät of the paid window (decision within the application period, in the month) less the "
        "blocked and annual-leave days; payment restrictions aside."
    )

    def formula(vakuutettu, period):
        paivat = vakuutettu("maksettavan_ajan_arkipaivat", period)
        esto = vakuutettu("estetyt_arkipaivat", period)
        loma = vakuutettu("vuosiloman_arkipaivat", period)
        return np.maximum(paivat - esto - loma, 0)


class tartuntatautipaivarahan_maksupaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Tartuntatautipäivärahan maksupäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.9, 1.9.4, 1.3.2.4, 1.4, 1.5.3", "SVL 1224/2004 8 luku 5 §"]
    documentation = (
        "Arkipäivät paid in the month: granted days less payment-restriction days; 0 when there is no "
        "entitlement."
    )

    def formula(vakuutettu, period):
        myonnetty = vakuutettu("myonnetyt_paivat", period)
        este = vakuutettu("maksuesteen_arkipaivat", period)
        oikeus = vakuutettu("oikeus_tartuntatautipaivarahaan", period)
        return np.maximum(myonnetty - este, 0) * oikeus  # days × 0/1: exact in integers


class ensimmainen_maksupaiva(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = MONTH
    label = "Kuukauden ensimmäinen maksettava päivä"
    reference = ["Kelan etuusohje 1.9, 1.8.4.2"]
    documentation = (
        "The first arkipäivä of the month's paid window not taken by a blocking benefit, annual leave or a "
        "payment restriction; 9999-12-31 when the month has no paid day."
    )

    def formula(vakuutettu, period):
        alku, loppu = maksettava_ikkuna(vakuutettu, period)
        paiva = jaksot.ensimmainen_maksettu(alku, loppu, jaksot.lue(vakuutettu, period))
        maksetaan = vakuutettu("tartuntatautipaivarahan_maksupaivat", period) > 0
        return np.where(maksetaan, paiva, kalenteri.EI_PAIVAA)


class hakemuksen_maaraaika(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Päätöksen ensimmäisen päivän hakemuksen määräaika"
    reference = ["Kelan etuusohje 1.5.3", "SVL 1224/2004 15 luku 4 § 1 mom. 1 k."]
    documentation = (
        "The last day an application for the decision's first day could arrive: that day + the application "
        "period (months), moved to the next working day (1.5.3). 9999-12-31 when there is no decision."
    )

    def formula(vakuutettu, period):
        alku, _ = paatoksen_paivat(vakuutettu, period)
        on_paatos = alku != kalenteri.EI_PAIVAA
        paiva = np.where(on_paatos, alku, ENSIMMAINEN_PAIVA)

        kuukaudet = vakuutettu("hakuaika_kuukausina", period)
        maaraaika = paiva
        for k in np.unique(kuukaudet):  # one value in practice
            maaraaika = np.where(kuukaudet == k, kalenteri.hakuajan_maaraaika(paiva, int(k)), maaraaika)
        return np.where(on_paatos, maaraaika, kalenteri.EI_PAIVAA)
