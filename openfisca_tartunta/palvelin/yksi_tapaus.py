"""One case's simulation for the endpoints that decide one case (`/paatosehdotus`, `/tarkistus`).

The body must hold exactly one insured person and only the earning activities listed in that
person's `palkkatyot` / `yritystoiminnat` (guideline 1.8.4: a decision concerns one insured).
"""

from __future__ import annotations

from openfisca_tartunta.palvelin.tapauksen_simulaatio import rakenna
from openfisca_tartunta.palvelin.tilanne import tarkista_tilanne
from openfisca_tartunta.palvelin.virheet import Asiakasvirhe


def yhden_tapauksen_simulaatio(tbs, data: dict, asetukset, mika: str):
    """(tilanne, simulation) of `data`, or 400 naming what is wrong; `mika` names the answer ("a revision")."""
    tilanne = tarkista_tilanne(tbs, data, asetukset.max_entities, salli_akselit=False)
    vakuutetut = data.get("vakuutetut")
    if not isinstance(vakuutetut, dict) or len(vakuutetut) != 1:
        raise Asiakasvirhe(400, "virheellinen_tilanne", f"{mika} is for one case: give exactly one insured person in vakuutetut", "vakuutetut")
    sim, _ = rakenna(tbs, tilanne)
    vak = sim.populations["vakuutettu"]
    if vak.count != 1:
        irrallinen = tilanne.alkuperainen(vak.ids[1])
        raise Asiakasvirhe(400, "virheellinen_tilanne",
                           f"earning activity '{irrallinen}' is not listed in the insured person's palkkatyot or yritystoiminnat",
                           f"ansiotyot/{irrallinen}")
    return tilanne, sim
