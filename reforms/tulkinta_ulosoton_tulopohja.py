"""The non-default reading of the distraint base when claims rank before distraint (1.9.2.9).

"Jos kunta on vaatinut päivärahaa maksettavaksi sen vuoksi, että se on antanut
toimeentulotukea ennakkona … päiväraha maksetaan ensisijaisesti kunnalle." (1.9.2.9)

The guideline says who is paid first, not what the income base of UK 4:48–49
then holds.  The model's default (RULES.md §11) leaves what is paid to
the municipality, Kela or the unemployment fund out of the base: it is not the
debtor's income of the month.  This reform counts the insured's whole net
allowance (after regress and tax) in the base, as the debtor's net benefit
income; the levy is still taken only from what is left after the claims
(`ulosottoon_kaytettavissa`), so the municipality is still paid first.
"""

from __future__ import annotations

from openfisca_core.reforms import Reform
from openfisca_core.variables import Variable

from openfisca_tartunta.raha import euroina


class UlosotonTulopohjaEnnenVaatimuksia(Reform):
    """1.9.2.9 read as: the claims paid before distraint stay in the debtor's income base."""

    name = "Ulosoton tulopohjaan koko nettopäiväraha ennen etusijaisia vaatimuksia (tulkinta)"

    def apply(self):
        class ulosoton_tulopohjan_paivaraha(Variable):
            documentation = (
                "Other reading (RULES.md §11): `vakuutetun_osa_verojen_jalkeen`, the insured's whole net "
                "allowance, whatever ranks before distraint."
            )

            def formula(vakuutettu, period):
                return euroina(vakuutettu("vakuutetun_osa_verojen_jalkeen", period))

        self.update_variable(ulosoton_tulopohjan_paivaraha)
