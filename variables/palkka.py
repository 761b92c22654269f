"""An employee's lost earnings (guideline 1.6, 1.7, 1.7.1, 1.3.3.2.2).

The basis is the pay the insured would have earned in this job without the
decision, as the employer estimates it; without a reliable estimate, the pay of
the pay period just before the absence.  Other work the employer arranges at
lower pay reduces the loss; equal pay leaves no loss.  Full compensation: no
minimum, no maximum, no deductions (1.6).
"""

import numpy as np
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.raha import euroina
from openfisca_tartunta.roolit import roolissa
from openfisca_tartunta.annetut_kuukaudet import vaadi_kuukauden_arvo
from openfisca_tartunta.tarkistukset import ei_negatiivinen


class on_palkkatyo(Variable):
    value_type = bool
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Ansiotyö on palkkatyö (rooli palkkatyo)"
    reference = ["Kelan etuusohje 1.6, 1.7.1"]
    documentation = "True for an employment row, false for self-employment: the row's role, computed once per simulation."

    def formula(ansiotyo, period):
        return roolissa(ansiotyo, Vakuutettu.PALKKATYO)


class ansionmenetys(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Ansionmenetys (työnantajan arvio kuukausipalkasta)"
    reference = ["Kelan etuusohje 1.6, 1.7, 1.7.1", "SVL 1224/2004 11 luku 15 §"]
    documentation = "Monthly pay the insured would have earned in this job without the decision. A yearly input applies to each month."


class ansionmenetys_selvitetty(Variable):
    value_type = bool
    default_value = True
    entity = Ansiotyo
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Ansionmenetyksestä on luotettava selvitys"
    reference = ["Kelan etuusohje 1.6"]


class edeltava_palkka(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Poissaoloa välittömästi edeltänyt palkka (kuukaudelta)"
    reference = ["Kelan etuusohje 1.6, 1.7"]
    documentation = "Pay of the pay period just before the absence: the basis when no reliable estimate is given (1.6)."


class korvaavan_tyon_palkka(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Korvaavan työn palkka päätöksen aikana (kuukaudelta)"
    reference = ["Kelan etuusohje 1.3.3, 1.3.3.2.2, 1.6"]
    documentation = "Pay from other work the employer arranged during the decision, at the same monthly scale as `ansionmenetys`."


class kuukausiansion_peruste(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Menetetyn ansion peruste ennen korvaavan työn palkkaa (palkkatyö)"
    reference = ["Kelan etuusohje 1.6, 1.7"]
    documentation = (
        "Employment rows: the employer's estimate `ansionmenetys`, or `edeltava_palkka` when no reliable "
        "estimate was given (`ansionmenetys_selvitetty` false). 0 for other rows. A month the decision "
        "covers must have the input it uses (give 0 for no loss): a missing month is an input error."
    )

    def formula(ansiotyo, period):
        palkkatyo = ansiotyo("on_palkkatyo", period)
        selvitetty = ansiotyo("ansionmenetys_selvitetty", period)
        def paatos(rivit):  # the rows of `rivit` with a decision day in the month
            return rivit & (ansiotyo.vakuutettu("paatoksen_arkipaivat", period) > 0) if rivit.any() else rivit

        vaadi_kuukauden_arvo(ansiotyo, "ansionmenetys", period, lambda: paatos(palkkatyo & selvitetty))
        vaadi_kuukauden_arvo(ansiotyo, "edeltava_palkka", period, lambda: paatos(palkkatyo & ~selvitetty))
        arvio = euroina(ansiotyo("ansionmenetys", period))
        edeltava = euroina(ansiotyo("edeltava_palkka", period))
        ei_negatiivinen(arvio, "ansionmenetys", "1.6")
        ei_negatiivinen(edeltava, "edeltava_palkka", "1.6")
        return np.where(palkkatyo, np.where(selvitetty, arvio, edeltava), 0.0)


class menetetty_kuukausiansio(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Menetetty kuukausiansio (palkkatyö)"
    reference = ["Kelan etuusohje 1.6, 1.3.3.2.2", "SVL 1224/2004 11 luku 15 §"]
    documentation = (
        "For an employment row: `kuukausiansion_peruste` less the pay of replacement work, not below "
        "zero: the basis the employee's part of the daily amount is computed from. 0 for other rows."
    )

    def formula(ansiotyo, period):
        perusta = euroina(ansiotyo("kuukausiansion_peruste", period))
        korvaava = euroina(ansiotyo("korvaavan_tyon_palkka", period))
        ei_negatiivinen(korvaava, "korvaavan_tyon_palkka", "1.3.3.2.2")
        palkkatyo = ansiotyo("on_palkkatyo", period)
        return np.where(palkkatyo, np.maximum(perusta - korvaava, 0.0), 0.0)
