"""The communicable-disease doctor's decision (guideline 1.3, 1.3.3, 1.3.3.1, 1.3.3.3).

One simulation is one decision with its continuations: its dates are ETERNITY
inputs on `vakuutettu`.
"""

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable
from datetime import date

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.luettelot import PoissaolonPeruste
from openfisca_tartunta.paatoksen_ajanjakso import paatoksen_paivat, tarkistetut_paivat
from openfisca_tartunta.parametrit import paatoksen_alkaessa
from openfisca_tartunta.tarkistukset import vaadi


class sairausvakuutettu(Variable):
    value_type = bool
    default_value = True
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Sairausvakuutettu"
    reference = ["Kelan etuusohje 1.3.1", "SVL 1224/2004 1 luku 2 §"]


class poissaolon_peruste(Variable):
    value_type = Enum
    possible_values = PoissaolonPeruste
    default_value = PoissaolonPeruste.ei_paatosta
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Tartuntataudeista vastaavan lääkärin päätöksen peruste"
    reference = ["Kelan etuusohje 1.3.3, 1.3.3.3", "TTL 1227/2016 8 luku 82 §", "SVL 1224/2004 8 luku 1 a §"]


class poissaolo_alkaa(Variable):
    value_type = date
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Päätöksen ensimmäinen päivä"
    reference = ["Kelan etuusohje 1.3.4", "SVL 1224/2004 8 luku 1 a §"]
    documentation = "Required when a decision is given; the allowance is paid from this day (no waiting period, 1.3.4)."


class poissaolo_paattyy(Variable):
    value_type = date
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Päätöksen viimeinen päivä (mukaan lukien)"
    reference = ["Kelan etuusohje 1.3.3.3, 1.3.5"]
    documentation = "Inclusive. No maximum duration (1.3.5); a continuation decision extends this date."


class lapsen_ika(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Kotona pidettävän lapsen ikä"
    reference = ["Kelan etuusohje 1.3.3, 1.3.3.1", "TTL 1227/2016 8 luku 82 §"]
    default_value = -1
    documentation = (
        "Only for `lapsen_kotona_pito`: the guardian is entitled when the child is under 16. "
        "The default -1 means not given, which is an error for that decision type."
    )


class paatos_oikeuttaa_paivarahaan(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    label = "Päätös oikeuttaa tartuntatautipäivärahaan"
    reference = [
        "Kelan etuusohje 1.3, 1.3.3, 1.3.3.1",
        "TTL 1227/2016 8 luku 82 §",
        "SVL 1224/2004 8 luku 1 a § 4 mom. (väliaikainen)",
        "L 139/2022",
    ]
    documentation = (
        "An absence order, quarantine or isolation of the insured, or a decision keeping at home a "
        "child younger than the age limit (the guardian's right). No age condition for the insured. "
        "For an absence that began while `oikeus.covid19_todettu_tartunta` is in force (1.1.–31.12.2022, "
        "L 139/2022), also a certificate of the insured's reliably confirmed covid-19 infection "
        "(`covid19_tartunta`), or of such an infection of a child under the age limit "
        "(`lapsen_covid19_tartunta`, the guardian's right); outside that time such a certificate "
        "gives no right."
    )

    def formula(vakuutettu, period, parameters):
        peruste = vakuutettu("poissaolon_peruste", period)
        ika = vakuutettu("lapsen_ika", period)
        lapsi = (peruste == PoissaolonPeruste.lapsen_kotona_pito) | (
            peruste == PoissaolonPeruste.lapsen_covid19_tartunta
        )
        vaadi(
            ~lapsi | (ika >= 0),
            "lapsen_ika",
            ika,
            "missing or negative: a decision to keep a child at home needs the child's age (1.3.3.1)",
        )
        ikaraja = parameters(period).oikeus.lapsen_ikaraja
        oma = (
            (peruste == PoissaolonPeruste.tyosta_poissaolo)
            | (peruste == PoissaolonPeruste.karanteeni)
            | (peruste == PoissaolonPeruste.eristaminen)
        )

        # SVL 8:1 a § 4 mom. (L 139/2022): read on the day the absence began
        def covid19_saannos(paiva):
            voimassa = parameters(paiva).oikeus.covid19_todettu_tartunta
            return bool(voimassa)

        covid = paatoksen_alkaessa(vakuutettu, period, covid19_saannos).astype(bool)
        oma_covid = covid & (peruste == PoissaolonPeruste.covid19_tartunta)
        lapsen = lapsi & (ika < ikaraja) & (
            (peruste == PoissaolonPeruste.lapsen_kotona_pito) | covid
        )
        return oma | oma_covid | lapsen


class paatoksen_arkipaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Päätöksen arkipäivät kuukaudessa"
    reference = ["Kelan etuusohje 1.9, 1.3.2.3", "SVL 1224/2004 1 luku 4 §"]
    documentation = (
        "Arkipäivät (Mon–Sat except church holidays, Independence Day, May Day, Christmas Eve and "
        "Midsummer Eve) of the decision inside the month. Checks the decision dates."
    )

    def formula(vakuutettu, period, parameters):
        alku, loppu = paatoksen_paivat(vakuutettu, period)
        kk_alku, kk_loppu = kalenteri.kuukauden_rajat(period)
        return kalenteri.arkipaivat(np.maximum(alku, kk_alku), np.minimum(loppu, kk_loppu))



class paatoksen_ensimmainen_paiva(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Päätöksen ensimmäinen päivä (tarkistettu)"
    reference = ["Kelan etuusohje 1.3.3.3, 1.3.4"]
    documentation = (
        "`poissaolo_alkaa` once the decision's dates are checked (given, from 2017, end not before "
        "start, within the holiday calendar); 9999-12-31 when there is no decision. Computed once "
        "per simulation for every formula that needs the dates."
    )

    def formula(vakuutettu, period):
        alku, _ = tarkistetut_paivat(
            vakuutettu("poissaolon_peruste", period),
            vakuutettu("poissaolo_alkaa", period),
            vakuutettu("poissaolo_paattyy", period),
        )
        return alku


class paatoksen_viimeinen_paiva(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Päätöksen viimeinen päivä (tarkistettu)"
    reference = ["Kelan etuusohje 1.3.3.3, 1.3.5"]
    documentation = "`poissaolo_paattyy` once checked (see `paatoksen_ensimmainen_paiva`); 1970-01-01 when there is no decision."

    def formula(vakuutettu, period):
        vakuutettu("paatoksen_ensimmainen_paiva", period)  # the checks run there, once
        peruste = vakuutettu("poissaolon_peruste", period)
        loppu = kalenteri.paivina(vakuutettu("poissaolo_paattyy", period))
        return np.where(peruste != PoissaolonPeruste.ei_paatosta, loppu, kalenteri.AINA)
