"""The employer's right per earning activity: reported paid leave, its days and the pay for the same
period (guideline 1.3.2, 1.9.2.1, 1.9.2.2); the split per insured is `variables/tyonantajien_osuus.py`.

SVL 1224/2004 7:4: the allowance is paid to the employer for the days it paid
absence-time pay, up to that pay; the excess goes to the insured (1.3.2.1,
1.3.2.3).  Several paying employers share in proportion to the pay each paid
(SVL 7:4 §3).  A YEL/MYEL entrepreneur's part always goes to the insured: that is
the 1.3.2.2 split by YEL/MYEL income and pay.

Per month (RULES.md §5):

- the *paid window* is the part of the month the allowance can be paid for
  (decision, application period, blocking benefit);
- E = the window's arkipäivät inside some employer's reported paid leave, at
  most the month's paid days;
- W = Σ absence-time pay of the employment rows whose paid leave reaches the
  window;
- the employers together get T = min(employment part of the daily amount × E, W),
  each row T × Wᵢ / W in cents, the odd cents by largest remainder;
- the insured gets gross − T.
"""

from datetime import date

import numpy as np
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import jaksot, kalenteri
from openfisca_tartunta.entities import Ansiotyo
from openfisca_tartunta.palkallinen_vapaa import ikkuna, jasenten_esteet, paatoksen_rajat, vapaa, vapaan_rivit_kuukaudessa
from openfisca_tartunta.raha import euroina, senteiksi
from openfisca_tartunta.annetut_kuukaudet import vaadi_kuukauden_arvo
from openfisca_tartunta.tarkistukset import ei_negatiivinen


_VIITE_TYONANTAJA = ["Kelan etuusohje 1.3.2, 1.3.2.1, 1.3.2.3, 1.9.2.2", "SVL 1224/2004 7 luku 4 §"]


# --- inputs -----------------------------------------------------------------


class tyonantajan_maksama_palkka(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Työnantajan maksama poissaoloajan palkka kuukauden päätöspäiviltä"
    reference = _VIITE_TYONANTAJA
    documentation = (
        "Absence-time pay (or compensation in lieu of pay, e.g. a car benefit) the employer paid for "
        "the decision's days of this month. A yearly input applies to each of its months. The "
        "employer is paid the allowance up to this amount (1.3.2.3)."
    )


class palkallinen_vapaa_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Työnantajan ilmoittaman palkallisen vapaan ensimmäinen päivä"
    reference = ["Kelan etuusohje 1.3.2.3", "SVL 1224/2004 7 luku 4 §"]
    documentation = (
        "First day of the paid leave the employer reported. The default 9999-12-31 means not given: "
        "with the default end (1970-01-01) the leave is empty and the employer gets nothing."
    )


class palkallinen_vapaa_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Työnantajan ilmoittaman palkallisen vapaan viimeinen päivä (mukaan lukien)"
    reference = ["Kelan etuusohje 1.3.2.3", "SVL 1224/2004 7 luku 4 §"]
    documentation = (
        "Last day of the reported paid leave, inclusive. The default 1970-01-01 means not given. "
        "When both dates are given, an end before the start is an input error; when only one is "
        "given, the other one is missing and that is an input error too."
    )


class palkka_koko_vapaalta(Variable):
    value_type = bool
    default_value = True
    entity = Ansiotyo
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ilmoitettu palkka kattaa koko kuukauden palkallisen vapaan"
    reference = ["Kelan etuusohje 1.3.2.1, 1.3.2.3"]
    documentation = (
        "True (default): `tyonantajan_maksama_palkka` is the pay for all of the month's reported paid leave "
        "in the decision, and the pay for the same period as the allowance is its share by arkipäivät "
        "(1.3.2.1: 'verrataan … samalta ajalta'). False: the reported pay is already the pay for the days "
        "the allowance is paid for and is compared as it is."
    )


# --- per row ------------------------------------------------------------------


class palkallisen_vapaan_arkipaivat(Variable):
    value_type = int
    entity = Ansiotyo
    definition_period = MONTH
    label = "Palkallisen vapaan arkipäivät kuukauden päätöspäivinä"
    reference = ["Kelan etuusohje 1.3.2.3", "SVL 1224/2004 1 luku 4 §"]
    documentation = (
        "Arkipäivät of the employer's reported paid leave inside the decision and the month (all "
        "arkipäivät of a continuous leave, the employee's days off included, 1.3.2.3): the days the "
        "month's reported pay is for. Employment rows only: an entrepreneur's own company is paid only "
        "if the entrepreneur is employed by it, which is an employment row (1.3.2.2)."
    )

    def formula(ansiotyo, period):
        alkaa, paattyy = vapaa(ansiotyo, period)
        rivit = vapaan_rivit_kuukaudessa(ansiotyo, period)
        paivat = np.zeros(ansiotyo.count, dtype=np.int64)
        if rivit.size:
            alku, loppu = paatoksen_rajat(ansiotyo, period, rivit)
            kk_alku, kk_loppu = kalenteri.kuukauden_rajat(period)
            paivat[rivit] = kalenteri.arkipaivat(
                np.maximum(np.maximum(alkaa[rivit], alku), kk_alku), np.minimum(np.minimum(paattyy[rivit], loppu), kk_loppu)
            )
        return paivat


class palkallisen_vapaan_maksetut_paivat(Variable):
    value_type = int
    entity = Ansiotyo
    definition_period = MONTH
    label = "Palkallisen vapaan arkipäivät, joilta päivärahaa maksetaan"
    reference = ["Kelan etuusohje 1.3.2.1, 1.3.2.3, 1.3.2.4, 1.4, 1.9.4"]
    documentation = (
        "Arkipäivät of the row's reported paid leave inside the month's paid window that the allowance "
        "is paid for (not blocked, not annual leave, not restricted); 0 in a month with no entitlement."
    )

    def formula(ansiotyo, period):
        alkaa, paattyy = vapaa(ansiotyo, period)
        rivit = vapaan_rivit_kuukaudessa(ansiotyo, period)
        paivat = np.zeros(ansiotyo.count, dtype=np.int32)
        if rivit.size:
            vakuutetut = ansiotyo.simulation.populations["vakuutettu"]
            ikkuna_alku, ikkuna_loppu = ikkuna(ansiotyo, period, rivit)
            esteet = jasenten_esteet(vakuutetut, period, rivit)
            maksetut = jaksot.maksetut_paivat(
                np.maximum(alkaa[rivit], ikkuna_alku), np.minimum(paattyy[rivit], ikkuna_loppu), esteet
            )
            oikeus = vakuutetut("oikeus_tartuntatautipaivarahaan", period)[vakuutetut.members_entity_id[rivit]]
            paivat[rivit] = maksetut * oikeus  # days × 0/1: exact in integers
        return paivat


class tyonantajan_palkka_jakoperusteena(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työnantajan maksama palkka samalta ajalta (vertailu- ja jakoperuste)"
    reference = _VIITE_TYONANTAJA + ["Kelan etuusohje 1.3.2.2"]
    documentation = (
        "The pay for the same period as the allowance (1.3.2.1): the month's reported pay × the paid "
        "days of the leave ÷ the leave's arkipäivät in the decision (`palkallisen_vapaan_maksetut_paivat` "
        "÷ `palkallisen_vapaan_arkipaivat`), rounded half up to the cent; the reported pay as it is when "
        "`palkka_koko_vapaalta` is false. 0 for a row with no paid day in its reported leave (no allowance "
        "to an employer for days it did not report as paid leave, 1.3.2.3) and for self-employment rows "
        "(1.3.2.2). A month with reported paid leave in the decision needs `tyonantajan_maksama_palkka`."
    )

    def formula(ansiotyo, period):
        vapaa = ansiotyo("palkallisen_vapaan_arkipaivat", period)
        vaadi_kuukauden_arvo(ansiotyo, "tyonantajan_maksama_palkka", period, lambda: vapaa > 0)
        palkka = euroina(ansiotyo("tyonantajan_maksama_palkka", period))
        ei_negatiivinen(palkka, "tyonantajan_maksama_palkka", "1.3.2.3")
        maksetut = ansiotyo("palkallisen_vapaan_maksetut_paivat", period)
        koko_vapaalta = ansiotyo("palkka_koko_vapaalta", period)
        rivit = np.flatnonzero(maksetut > 0)  # the rows with a paid day in their leave (a fraction of all)
        osuus = np.where(koko_vapaalta[rivit], maksetut[rivit] / np.maximum(vapaa[rivit], 1), 1.0)
        tulos = np.zeros(ansiotyo.count)
        tulos[rivit] = senteiksi(palkka[rivit] * osuus)
        return tulos
