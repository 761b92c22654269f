"""Regress: the allowance paid for days another benefit was paid (guideline 1.9.2.6, 1.9.2.7, 1.9.2.10, 1.9.2.11).

When the allowance is granted retroactively for days on which the insured was
paid a benefit the allowance takes precedence over, the allowance for those days
is paid, on the payer's claim, to that payer:

- an unemployment fund, for the earnings-related unemployment allowance it paid
  (1.9.2.6, 1.9.2.10; TTL 1290/2002 11 luku 14 §; SVL 15 luku 11 §);
- Kela, for its own benefits for the same days: labour market subsidy or basic
  unemployment allowance, other SVL daily allowances and other benefits secondary
  to the allowance — offset in Kela's system (regressikuittaus, 1.9.2.7, 1.9.2.11;
  SVL 15 luku 11 § and 18 § 3 mom.).

These regress payments between payers are made **gross and tax-free** (1.9.3.7;
TVL 1535/1992 112 a § 3 mom.): they come off the insured's gross part before
withholding, and only the rest is the insured's taxable income
(`ennakonpidatyksen_alainen_osa`).  They never reach the employers' part
(SVL 7:4; 1.9.2.5 "Työnantajalle maksettavaa … ei makseta kunnalle" read for every
claimant: a claim is on the allowance that would be the insured's).

Order (model reading, RULES.md §11): Kela's own offset first, then the fund.
Tax-free benefits recovered in the same way (expense compensation, income support)
are net claims, after withholding (`variables/maksunsaajat.py`).
"""

from datetime import date

import numpy as np
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta import kalenteri
from openfisca_tartunta.maksujako import ei_vaatimusta, tuen_maksupaivat, vaatimus
from openfisca_tartunta.raha import erotus, euroina, senteiksi

_VIITE_KASSA = ["Kelan etuusohje 1.9.2.6, 1.9.2.10, 1.9.3.7", "TTL 1290/2002 11 luku 14 §", "SVL 1224/2004 15 luku 11 §"]
_VIITE_KELA = ["Kelan etuusohje 1.9.2.7, 1.9.2.11, 1.9.3.7", "SVL 1224/2004 15 luku 11 § ja 18 § 3 mom.", "TTL 1290/2002 11 luku 14 §"]



# --- inputs ---------------------------------------------------------------------


class tyottomyyskassan_maksuvaatimus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Työttömyyskassan maksuvaatimus samalta ajalta maksetusta työttömyysetuudesta"
    reference = _VIITE_KASSA
    documentation = (
        "The unemployment benefit the fund paid for the month's days for which the allowance is now granted "
        "retroactively, as its claim states it (gross). Paid to the fund gross and tax-free, at most the "
        "insured's part after Kela's own offset (1.9.2.6, 1.9.2.10, 1.9.3.7). 0 = no claim."
    )


class kelan_regressivaatimus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Kelan regressikuittaus samalta ajalta maksetusta veronalaisesta etuudesta"
    reference = _VIITE_KELA
    documentation = (
        "Kela's own taxable benefits paid for the same days (labour market subsidy, basic unemployment "
        "allowance, other SVL daily allowances, a secondary benefit), gross. Offset first, gross and "
        "tax-free, at most the insured's part (1.9.2.7, 1.9.2.11, 1.9.3.7). 0 = none."
    )


# Tax-free benefits recovered the same way: claims on the net (ranked in variables/maksunsaajat.py).

_VIITE_KELA_NETTO = ["Kelan etuusohje 1.9.2.7, 1.9.3.7", "Laki toimeentulotuesta 1412/1997 23 §", "TTL 1290/2002 11 luku 14 §"]


class kelan_toimeentulotukivaatimus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Kelan maksuvaatimus ennakkona maksetusta perustoimeentulotuesta (kuukaudelta)"
    reference = _VIITE_KELA_NETTO
    documentation = (
        "Basic income support Kela paid in advance against the allowance for the month's days (from "
        "1.1.2017, 1.9.2.7). Tax-free benefit, so paid from the net; before the municipality's claim; "
        "at most the net for the days of `kelan_toimeentulotuki_alkaa` … `_paattyy`."
    )


class kelan_toimeentulotuki_alkaa(Variable):
    value_type = date
    default_value = kalenteri.EI_PAIVAA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Ensimmäinen päivä, jolta Kela on maksanut perustoimeentulotukea ennakkona"
    reference = _VIITE_KELA_NETTO
    documentation = "Needed with `kelan_toimeentulotukivaatimus` (TOTUL 23 §: the allowance for the same days). 9999-12-31 = not given."


class kelan_toimeentulotuki_paattyy(Variable):
    value_type = date
    default_value = kalenteri.AINA_PVM
    entity = Vakuutettu
    definition_period = ETERNITY
    label = "Viimeinen päivä, jolta Kela on maksanut perustoimeentulotukea ennakkona"
    reference = _VIITE_KELA_NETTO
    documentation = "Inclusive; needed with `kelan_toimeentulotukivaatimus`. 1970-01-01 = not given."


class kelan_toimeentulotuen_maksupaivat(Variable):
    value_type = int
    entity = Vakuutettu
    definition_period = MONTH
    label = "Maksupäivät, joilta Kela on maksanut perustoimeentulotukea ennakkona"
    reference = _VIITE_KELA_NETTO
    documentation = "The month's paid days inside `kelan_toimeentulotuki_alkaa` … `_paattyy` (TOTUL 23 §, 1.9.2.7)."

    def formula(vakuutettu, period):
        return tuen_maksupaivat(vakuutettu, period, "kelan_toimeentulotukivaatimus", "kelan_toimeentulotuki_alkaa", "kelan_toimeentulotuki_paattyy", "1.9.2.7")


class kelan_kulukorvausvaatimus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Kelan maksaman kulukorvauksen regressikuittaus (kuukaudelta)"
    reference = _VIITE_KELA_NETTO
    documentation = "Expense compensation Kela paid with an unemployment benefit for the same days (1.9.2.7); tax-free, so from the net."


class tyottomyyskassan_kulukorvausvaatimus(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    unit = "currency-EUR"
    label = "Työttömyyskassan maksuvaatimus samalta ajalta maksetusta kulukorvauksesta"
    reference = ["Kelan etuusohje 1.9.2.6, 1.9.3.7", "TTL 1290/2002 11 luku 14 §"]
    documentation = "Expense compensation the fund paid for the same days (1.9.2.6); tax-free, so from the net."


# --- computed ---------------------------------------------------------------------


class regressina_kelalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kelalle regressinä kuitattava osa (brutto, veroton)"
    reference = _VIITE_KELA
    documentation = "min(`kelan_regressivaatimus`, `tartuntatautipaivaraha_vakuutetulle`)."

    def formula(vakuutettu, period):
        if ei_vaatimusta(vakuutettu, "kelan_regressivaatimus"):
            return np.zeros(vakuutettu.count)
        osa = euroina(vakuutettu("tartuntatautipaivaraha_vakuutetulle", period))
        return senteiksi(np.minimum(vaatimus(vakuutettu, "kelan_regressivaatimus", period, "1.9.2.11"), osa))


class regressina_tyottomyyskassalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työttömyyskassalle regressinä maksettava osa (brutto, veroton)"
    reference = _VIITE_KASSA
    documentation = "min(`tyottomyyskassan_maksuvaatimus`, insured's part − `regressina_kelalle`)."

    def formula(vakuutettu, period):
        if ei_vaatimusta(vakuutettu, "tyottomyyskassan_maksuvaatimus"):
            return np.zeros(vakuutettu.count)
        osa = euroina(vakuutettu("tartuntatautipaivaraha_vakuutetulle", period))
        kela = euroina(vakuutettu("regressina_kelalle", period))
        kassa = vaatimus(vakuutettu, "tyottomyyskassan_maksuvaatimus", period, "1.9.2.6")
        return senteiksi(np.minimum(kassa, np.maximum(osa - kela, 0.0)))


class ennakonpidatyksen_alainen_osa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetun osa, josta ennakonpidätys toimitetaan"
    reference = ["Kelan etuusohje 1.9.3, 1.9.3.7", "TVL 1535/1992 112 a § 3 mom."]
    documentation = (
        "`tartuntatautipaivaraha_vakuutetulle` − `regressina_kelalle` − `regressina_tyottomyyskassalle`: "
        "the regress payments between payers are tax-free gross amounts; the insured's taxable income is "
        "what is paid for the insured (1.9.3.7). Equal to the insured's part when there is no regress."
    )

    def formula(vakuutettu, period):
        osa = erotus(vakuutettu, period, "tartuntatautipaivaraha_vakuutetulle", "regressina_kelalle", "regressina_tyottomyyskassalle")
        return senteiksi(np.maximum(osa, 0.0))
