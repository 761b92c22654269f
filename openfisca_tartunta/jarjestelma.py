"""The tax-benefit system of the infectious-disease daily allowance."""

from __future__ import annotations

from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from openfisca_tartunta import entities, lahdekoodi, viitteet
from openfisca_tartunta.sijainnit import MUUTTUJAT_DIR, PARAMETRIT_DIR
from openfisca_tartunta.esimerkit import KARANTEENI_PALKANSAAJA


class CountryTaxBenefitSystem(TaxBenefitSystem):
    """Loads the dated parameters and the variables of the allowance."""

    def __init__(self) -> None:
        super().__init__(entities.entities)
        self.add_variables_from_directory(str(MUUTTUJAT_DIR))
        self.load_parameters(str(PARAMETRIT_DIR))
        # OpenFisca's citation format for the web API and the Legislation Explorer (`viitteet`)
        viitteet.muunna_muuttujat(self.variables.values())
        viitteet.muunna_parametrit(self.parameters)
        self.open_api_config = {
            "variable_example": "tartuntatautipaivaraha",
            "parameter_example": "paivaraha.palkansaajan_jakaja",
            "simulation_example": KARANTEENI_PALKANSAAJA,
        }

    def get_package_metadata(self) -> dict[str, str]:
        """OpenFisca's package metadata with the configured source repository (`lahdekoodi`)."""
        return lahdekoodi.paketin_tiedot(super().get_package_metadata())
