"""The public output names of CONTRACT.md, in one place.

The batch endpoint, the decision proposal, the population command and the
benchmarks all compute these; the names are the contract with case systems.
"""

#: Outputs on `vakuutettu` (MONTH), from entitlement to the net payment.
VAKUUTETUN_TULOKSET = (
    "oikeus_tartuntatautipaivarahaan",
    "tartuntatautipaivaraha_paivalta",
    "tartuntatautipaivarahan_maksupaivat",
    "tartuntatautipaivaraha",
    "tartuntatautipaivaraha_tyonantajille",
    "tartuntatautipaivaraha_vakuutetulle",
    "ennakonpidatys",
    "ulosottopidatys",
    "tartuntatautipaivaraha_netto",
)

#: Outputs on `ansiotyo` (MONTH).
ANSIOTYON_TULOKSET = ("tartuntatautipaivaraha_tyonantajalle",)
