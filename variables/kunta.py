"""The municipality as payee (guideline 1.9.2.5, 1.9.2.7, end of 1.9.2.9).

The allowance can be paid, in part or in whole, to the municipality

1. for income support it paid in advance against the expected allowance
   (TOTUL 1412/1997 23 §): for the days from the first day the allowance could be
   paid to the insured, up to the day to which it had paid income support when the
   allowance decision was made, and only for days it paid income support for
   (`kunnan_toimeentulotuki_alkaa` … `_paattyy`, the periods its notice states);
2. for the client fee of institutional or family care it arranged
   (asiakasmaksulaki 734/1992 14 §);
3. to its social-welfare body, for the insured's and the family's maintenance,
   when paying the insured would endanger their living because of the insured's
   way of life (SVL 1224/2004 15 luku 12 § 3 mom.).

Claims 1 and 2 are paid only if the claim arrived at least two weeks before the
payment date (`maksaminen.kunnan_vaatimuksen_ilmoitusaika`).  Claims 1 and 2 come
before distraint, claim 3 after it (1.9.2.9); Kela's own income-support claim
before the municipality's (1.9.2.5, 1.9.2.7).  Never from the employers' part.
The ranking is in `variables/maksunsaajat.py`.
"""

from datetime import date

import numpy as np
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.maksujako import ei_vaatimusta, paivien_osuus, tuen_maksupaivat, vaatimus
from openfisca_tartunta.raha import euroina, senteiksi
from openfisca_tartunta.tarkistukset import vaadi

_VIITE_TT = ["Kelan etuusohje 1.9.2.5", "Laki toimeentulotuesta 1412/1997 23 §"]
_VIITE_AM = ["Kelan etuusohje 1.9.2.5", "Laki sosiaali- ja terveydenhuollon asiakasmaksuista 734/1992 14 §"]


# --- inputs ---------------------------------------------------------------------


class kunnan_toimeentulotukivaatimus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Kunnan maksuvaatimus ennakkona maksetusta toimeentulotuesta (kuukaudelta)"
    reference = _VIITE_TT
    documentation = (
        "Supplementary or preventive income support the municipality paid in advance against the "
        "allowance for this month's days, as its claim states it. Needs `kunnan_toimeentulotuki_alkaa`, "
        "`_paattyy`, `kunnan_vaatimus_saapunut` and `maksupaiva`. 0 = no claim."
    )


class kunnan_toimeentulotuki_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Ensimmäinen päivä, jolta kunta on maksanut toimeentulotukea ennakkona"
    reference = _VIITE_TT
    documentation = "As the municipality's notice states it (1.9.2.5: 'Ilmoituksessa on mainittava ajat'). 9999-12-31 = not given."


class kunnan_toimeentulotuki_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Päivä, johon asti kunta on maksanut toimeentulotukea päivärahapäätöstä annettaessa"
    reference = _VIITE_TT
    documentation = (
        "Inclusive. 'Kunnalla on oikeus saada … siihen päivään asti, johon se on maksanut toimeentulotukea "
        "tartuntatautipäivärahapäätöksen antamishetkellä' (1.9.2.5). 1970-01-01 = not given."
    )


class kunnan_asiakasmaksuvaatimus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Kunnan maksuvaatimus laitos- tai perhehoidon asiakasmaksusta (kuukaudelta)"
    reference = _VIITE_AM
    documentation = (
        "The client fee of institutional or family care the municipality arranged for the month's days of "
        "care. Needs `kunnan_hoito_alkaa`, `_paattyy`, `kunnan_vaatimus_saapunut` and `maksupaiva`. 0 = no claim."
    )


class kunnan_hoito_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Kunnan järjestämän laitos- tai perhehoidon ensimmäinen päivä"
    reference = _VIITE_AM
    documentation = "Needed with `kunnan_asiakasmaksuvaatimus`. 9999-12-31 = not given."


class kunnan_hoito_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Kunnan järjestämän laitos- tai perhehoidon viimeinen päivä"
    reference = _VIITE_AM
    documentation = (
        "Inclusive: 'siltä ajalta, jonka laitoshoito tai perhehoito kestää' (1.9.2.5). Needed with "
        "`kunnan_asiakasmaksuvaatimus`; an ongoing care: the last day of the months computed. 1970-01-01 = not given."
    )


class kunnan_elamantapavaatimus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Kunnan toimielimelle elämäntapojen vuoksi maksettava määrä (kuukaudelta)"
    reference = ["Kelan etuusohje 1.9.2.5, 1.9.2.9", "SVL 1224/2004 15 luku 12 § 3 mom."]
    documentation = (
        "The part (or all) of the insured's net allowance Kela has decided, on the social-welfare body's "
        "written and reasoned application and after hearing the insured, to pay to the body for the "
        "insured's and the family's maintenance. Paid after distraint (1.9.2.9), at most what is left."
    )


class kunnan_vaatimus_saapunut(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Päivä, jona kunnan maksuvaatimus saapui Kelaan"
    reference = _VIITE_TT + _VIITE_AM[1:]
    documentation = "In writing or electronically (1.9.2.5). 9999-12-31 = not given (an error with a claim)."


class maksupaiva(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Kuukauden päivärahan maksupäivä"
    reference = ["Kelan etuusohje 1.9, 1.9.2.5"]
    documentation = (
        "The day Kela pays the month's allowance (the payment run of its payment period; for a month in "
        "two periods, the earlier payment day — model reading). Needed only to test a municipality's "
        "notice time. 9999-12-31 = not given."
    )


# --- computed ---------------------------------------------------------------------


def _annettu_jos_vaaditaan(arvo, puuttuu, nimi, vaaditaan, mika):
    vaadi(~(vaaditaan & puuttuu), nimi, arvo, f"missing: {mika} (1.9.2.5)")


class kunnan_vaatimus_ajoissa(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    label = "Kunnan maksuvaatimus saapui vähintään kaksi viikkoa ennen maksupäivää"
    reference = _VIITE_TT + _VIITE_AM[1:]
    documentation = (
        "`kunnan_vaatimus_saapunut` + `maksaminen.kunnan_vaatimuksen_ilmoitusaika` (14 days) ≤ `maksupaiva`. "
        "A month with a municipality's income-support or client-fee claim needs both dates."
    )

    def formula(vakuutettu, period, parameters):
        if ei_vaatimusta(vakuutettu, "kunnan_toimeentulotukivaatimus", "kunnan_asiakasmaksuvaatimus"):
            return np.zeros(vakuutettu.count, dtype=bool)
        aika = parameters(period).maksaminen.kunnan_vaatimuksen_ilmoitusaika
        saapui = kalenteri.paivina(vakuutettu("kunnan_vaatimus_saapunut", period))
        maksu = kalenteri.paivina(vakuutettu("maksupaiva", period))
        tt = vaatimus(vakuutettu, "kunnan_toimeentulotukivaatimus", period, "1.9.2.5")
        am = vaatimus(vakuutettu, "kunnan_asiakasmaksuvaatimus", period, "1.9.2.5")
        on = (tt > 0) | (am > 0)
        _annettu_jos_vaaditaan(saapui, saapui == kalenteri.EI_PAIVAA, "kunnan_vaatimus_saapunut", on,
                               "the day the municipality's claim arrived, needed for its claim")
        _annettu_jos_vaaditaan(maksu, maksu == kalenteri.EI_PAIVAA, "maksupaiva", on,
                               "the payment day, needed to test the municipality's two-week notice")
        return on & (saapui + np.timedelta64(int(aika), "D") <= maksu)


class kunnan_toimeentulotuen_maksupaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksupäivät, joilta kunta on maksanut toimeentulotukea ennakkona"
    reference = _VIITE_TT
    documentation = (
        "The month's paid days (`tartuntatautipaivarahan_maksupaivat`) inside `kunnan_toimeentulotuki_alkaa` "
        "… `_paattyy`: the days the municipality may take the allowance for (from the first day it could "
        "be paid to the insured, to the day its support reached at the decision)."
    )

    def formula(vakuutettu, period):
        return tuen_maksupaivat(vakuutettu, period, "kunnan_toimeentulotukivaatimus", "kunnan_toimeentulotuki_alkaa", "kunnan_toimeentulotuki_paattyy", "1.9.2.5")


class kunnan_hoidon_maksupaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksupäivät kunnan järjestämän laitos- tai perhehoidon aikana"
    reference = _VIITE_AM
    documentation = "The month's paid days inside `kunnan_hoito_alkaa` … `_paattyy`: the days the client fee claim may take."

    def formula(vakuutettu, period):
        return tuen_maksupaivat(vakuutettu, period, "kunnan_asiakasmaksuvaatimus", "kunnan_hoito_alkaa", "kunnan_hoito_paattyy", "1.9.2.5",
                                "the institutional or family care")


class kunnan_hyvaksytty_vaatimus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kunnan vaatimuksista ennen ulosottoa maksettavaksi kelpaava määrä"
    reference = _VIITE_TT + _VIITE_AM[1:]
    documentation = (
        "0 when the claim arrived late. Otherwise min(`kunnan_toimeentulotukivaatimus`, the insured's net "
        "(`vakuutetun_osa_verojen_jalkeen`) × `kunnan_toimeentulotuen_maksupaivat` ÷ the month's paid days, "
        "rounded half up) + min(`kunnan_asiakasmaksuvaatimus`, the net for `kunnan_hoidon_maksupaivat`). Model "
        "reading: the insured's net is spread evenly over the month's paid days (RULES.md §11). What is paid "
        "depends on the ranking (together at most the net left after Kela's and the fund's claims)."
    )

    def formula(vakuutettu, period):
        if ei_vaatimusta(vakuutettu, "kunnan_toimeentulotukivaatimus", "kunnan_asiakasmaksuvaatimus"):
            return np.zeros(vakuutettu.count)
        ajoissa = vakuutettu("kunnan_vaatimus_ajoissa", period)
        tt = vaatimus(vakuutettu, "kunnan_toimeentulotukivaatimus", period, "1.9.2.5")
        am = vaatimus(vakuutettu, "kunnan_asiakasmaksuvaatimus", period, "1.9.2.5")
        netto = euroina(vakuutettu("vakuutetun_osa_verojen_jalkeen", period))
        paivat = vakuutettu("kunnan_toimeentulotuen_maksupaivat", period)
        kaikki = vakuutettu("tartuntatautipaivarahan_maksupaivat", period)
        enintaan = paivien_osuus(netto, paivat, kaikki)
        hoidon = paivien_osuus(netto, vakuutettu("kunnan_hoidon_maksupaivat", period), kaikki)
        return np.where(ajoissa, senteiksi(np.minimum(tt, enintaan) + np.minimum(am, hoidon)), 0.0)
