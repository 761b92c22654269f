"""Tax withheld from the insured's part (guideline 1.9.3.1, 1.9.3.2, 1.9.3.4.1; RULES.md §7).

- nothing when the insured's part is at most 4 € per paid day;
- source-tax card: 35 % of the part less 510 € for a whole month or 17 € per calendar day of paid time;
- no withholding data, or a previous-year retroactive payment (resident cards): the table percentage;
- wage card: base rate up to the income limit (less income already counted), additional rate
  above, each at least 25 %; benefit card: its rates;
- a higher rate the recipient asked for replaces any lower rate.

Rates are integers in units of 0.001 %, money whole cents: the tax is rounded half up exactly.
"""

from __future__ import annotations

import numpy as np

from .parametrit import ASTE


def ennakonpidatys(s, p, osa, paivia, kalenteripaivat, kokonainen) -> np.ndarray:
    """Tax in cents per insured (`osa`: the insured's part in cents)."""
    oma = s.oma_prosentti
    lahde = s.pidatysperuste == 3
    taulukko = ~lahde & ((s.pidatysperuste == 0) | s.edelliseen_vuoteen)
    lattia = np.where(~taulukko & (s.pidatysperuste == 1), p.vahimmaisprosentti_palkan_verokortilla, 0)

    alle = np.where(s.tuloraja > 0, np.clip(s.tuloraja - s.tulokertyma, 0, osa), osa)
    kortilla = alle * np.maximum(np.maximum(s.prosentti, lattia), oma) + (osa - alle) * np.maximum(
        np.maximum(s.lisaprosentti, lattia), oma
    )
    taulukolla = osa * np.maximum(p.taulukkoprosentti, oma)
    vahennys = np.where(kokonainen, p.lahdevero_vahennys_kuukaudelta, p.lahdevero_vahennys_paivalta * kalenteripaivat)
    lahdevero = np.maximum(osa - vahennys, 0) * np.maximum(p.lahdevero_prosentti, oma)

    vero = np.select([lahde, taulukko], [lahdevero, taulukolla], kortilla)  # cents × 1e-5
    vero = (vero + ASTE // 2) // ASTE
    pidetaan = (paivia > 0) & (osa > p.pidatyksen_alaraja_paivalta * paivia)
    return np.where(pidetaan, np.minimum(vero, osa), 0)
