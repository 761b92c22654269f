"""An entrepreneur's work income (guideline 1.6, 1.7, 1.7.2, 1.7.2.2, 1.7.2.3, 1.7.2.5).

YEL/MYEL (compulsory or voluntary): the annual work income in force when the
benefit starts ÷ the entrepreneur divisor (300); YEL income at most the YEL maximum of that year.  Without a
compulsory insurance: the business earned income or pay from the own company,
from taxation; left out when the insurance was probably neglected (1.7.2.3).
"""

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.luettelot import Yrittajavakuutus
from openfisca_tartunta.paatoksen_ajanjakso import ENSIMMAINEN_PAIVA, paatoksen_paivat
from openfisca_tartunta.parametrit import paivittain, vuosittain
from openfisca_tartunta.raha import euroina
from openfisca_tartunta.annetut_kuukaudet import syote_annettu
from openfisca_tartunta.roolit import roolissa
from openfisca_tartunta.tarkistukset import ei_negatiivinen


class yrittajavakuutus(Variable):
    value_type = Enum
    possible_values = Yrittajavakuutus
    default_value = Yrittajavakuutus.ei_vakuutusta
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Yrittäjän eläkevakuutus"
    reference = ["Kelan etuusohje 1.7.2, 1.7.2.2, 1.7.2.5", "YEL 1272/2006", "MYEL 1280/2006"]


class yrittajan_tyotulo(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "YEL- tai MYEL-työtulo etuuden alkaessa (€/vuosi)"
    reference = ["Kelan etuusohje 1.6, 1.7, 1.7.2.2", "SVL 1224/2004 11 luku 15 §"]
    documentation = (
        "Confirmed annual work income in force when the benefit starts; if the insurance ended when "
        "the decision started, the income in force just before it (1.7.2.2)."
    )


class yrittajan_verotettu_tulo(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Elinkeinotoiminnan ansiotulo tai palkkatulo omasta yrityksestä verotuksessa (€/vuosi)"
    reference = ["Kelan etuusohje 1.6, 1.7, 1.7.2", "SVL 1224/2004 11 luku 15 §"]
    documentation = "Used only when the entrepreneur is not obliged to take YEL/MYEL insurance."


class vakuuttamisen_laiminlyonti(Variable):
    value_type = bool
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Vakuuttamisvelvollisuuden laiminlyönti (ETK/Mela selvittää)"
    reference = ["Kelan etuusohje 1.7.2.3"]
    documentation = (
        "The entrepreneur works in the company, gave no adequate explanation for the missing "
        "insurance, and ETK or Mela is reviewing the obligation. With income over the threshold "
        "(10 000 €/year) the taxed business income is left out (1.7.2.3)."
    )


def _paatos_alkaa(ansiotyo, period, rivit=None):
    """The decision's first day per row (or per row of `rivit`), checked (1.6: the income in force
    when the benefit starts).

    Without a decision there is no benefit and the date only picks a year for the
    parameter look-ups: the first year of the parameters is used, so that rows of
    a person with no decision never look up a year the parameters do not cover.
    """
    vakuutettu = ansiotyo.simulation.populations["vakuutettu"]
    alku = paatoksen_paivat(vakuutettu, period)[0][vakuutettu.members_entity_id if rivit is None else vakuutettu.members_entity_id[rivit]]
    return np.where(alku == kalenteri.EI_PAIVAA, ENSIMMAINEN_PAIVA, alku)


class yrittajan_paivarahan_tyotulo(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = ETERNITY
    unit = "currency-EUR"
    label = "Yrittäjän päivärahan perusteena oleva vuosityötulo"
    reference = ["Kelan etuusohje 1.6, 1.7, 1.7.2.2, 1.7.2.3, 1.7.2.5", "YEL 1272/2006", "MYEL 1280/2006"]
    documentation = (
        "Self-employment rows only. YEL and voluntary insurance: the work income, at most the YEL "
        "maximum of the year the decision starts (voluntary insurance is capped as YEL: model "
        "assumption). MYEL: the work income (no MYEL maximum is in the sources). No insurance: the "
        "taxed income, 0 when the insurance was probably neglected and the income exceeds the "
        "threshold (1.7.2.3)."
    )

    def formula(ansiotyo, period, parameters):
        yritys = roolissa(ansiotyo, Vakuutettu.YRITYSTOIMINTA)
        if not yritys.any() and not (syote_annettu(ansiotyo, "yrittajan_tyotulo") or syote_annettu(ansiotyo, "yrittajan_verotettu_tulo")):
            return np.zeros(ansiotyo.count)  # no self-employment row and no income to check (a single employee)
        tyotulo = ansiotyo("yrittajan_tyotulo", period)
        verotettu = ansiotyo("yrittajan_verotettu_tulo", period)
        # Checked on every row (a wrong input is an error anywhere), in whole cents as they are read;
        # the float32 values are converted only where one is negative (-0.001 reads as 0.00).
        ei_negatiivinen(euroina(tyotulo) if (tyotulo < 0).any() else tyotulo, "yrittajan_tyotulo", "1.7.2.2")
        ei_negatiivinen(euroina(verotettu) if (verotettu < 0).any() else verotettu, "yrittajan_verotettu_tulo", "1.7.2")
        rivit = np.flatnonzero(yritys)  # the rest is computed on the self-employment rows only
        vakuutus = ansiotyo("yrittajavakuutus", period)[rivit]
        tyotulo, verotettu = euroina(tyotulo[rivit]), euroina(verotettu[rivit])
        alkaa = _paatos_alkaa(ansiotyo, period, rivit)
        def vuoden_rajat(paiva):  # in force on 1 January of the year the decision starts
            p = parameters(paiva).yrittaja
            return p.yel_enimmaistyotulo, p.laiminlyonnin_tuloraja

        yel_max, raja = np.asarray(vuosittain(alkaa, vuoden_rajat), dtype=np.float64).reshape(-1, 2).T
        laiminlyoty = ansiotyo("vakuuttamisen_laiminlyonti", period)[rivit] & (verotettu > raja)
        tulo = np.zeros(ansiotyo.count)
        tulo[rivit] = np.select(
            [
                (vakuutus == Yrittajavakuutus.yel) | (vakuutus == Yrittajavakuutus.vapaaehtoinen),
                vakuutus == Yrittajavakuutus.myel,
            ],
            [np.minimum(tyotulo, yel_max), tyotulo],
            default=np.where(laiminlyoty, 0.0, verotettu),
        )
        return tulo


class vakuuttamisvelvollisuus_selvitettava(Variable):
    value_type = bool
    entity = Ansiotyo
    definition_period = ETERNITY
    label = "Vakuuttamisvelvollisuus on selvitettävä"
    reference = ["Kelan etuusohje 1.7.2.3"]
    documentation = (
        "A self-employment row without YEL/MYEL insurance whose taxed income exceeds "
        "`yrittaja.selvityspyynnon_tuloraja` (10 000 € a year) in force when the decision starts: "
        "'Selvitys tulee pyytää, jos yrittäjällä … on verotuksessa ansiotuloja … yli 10 000 euroa "
        "vuodessa' (1.7.2.3). Informational; the decision proposal shows it."
    )

    def formula(ansiotyo, period, parameters):
        yritys = roolissa(ansiotyo, Vakuutettu.YRITYSTOIMINTA)
        if not yritys.any():
            return np.zeros(ansiotyo.count, dtype=bool)
        vakuutus = ansiotyo("yrittajavakuutus", period)
        verotettu = euroina(ansiotyo("yrittajan_verotettu_tulo", period))
        def tuloraja(paiva):  # in force when the decision starts
            raja = parameters(paiva).yrittaja.selvityspyynnon_tuloraja
            return raja

        raja = paivittain(_paatos_alkaa(ansiotyo, period), tuloraja).astype(np.float64)
        return (
            yritys
            & (vakuutus == Yrittajavakuutus.ei_vakuutusta)
            & (verotettu > raja)
        )
