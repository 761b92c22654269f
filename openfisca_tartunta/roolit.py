"""The earning activities' roles (palkkatyo, yritystoiminta) as masks, computed once per simulation.

OpenFisca's `has_role` compares Role objects row by row (about 16 ms on 1.5 M rows, at
every call).  Here each role's mask is made once per simulation — from the integer role
codes when the simulation was built from columns (`simulaatio.py` records them), else by
`has_role` — and reused by every formula that filters by role.
"""

from __future__ import annotations

import numpy as np

_AVAIN = "_tartunta_roolit"


def merkitse_koodit(simulaatio, ryhma, koodit: np.ndarray) -> None:
    """Record that `ryhma.members_role` is `flattened_roles[koodit]` (set when building from columns)."""
    simulaatio.__dict__.setdefault(_AVAIN, {})[("koodit", ryhma.entity.key)] = (ryhma.members_role, koodit)


def roolissa(jasenet, rooli) -> np.ndarray:
    """`jasenet.has_role(rooli)`, computed once per simulation; treat the array as read-only."""
    muisti = jasenet.simulation.__dict__.setdefault(_AVAIN, {})
    ryhma = jasenet.simulation.get_population(rooli.entity.plural)
    roolit = ryhma.members_role
    osuma = muisti.get(rooli.key)
    if osuma is None or osuma[0] is not roolit:
        koodit = muisti.get(("koodit", ryhma.entity.key))
        if koodit is not None and koodit[0] is roolit and not rooli.subroles:
            maski = koodit[1] == ryhma.entity.flattened_roles.index(rooli)
        else:
            maski = np.asarray(jasenet.has_role(rooli), dtype=bool)
        osuma = muisti[rooli.key] = (roolit, maski)
    return osuma[1]


def roolin_summa(ryhma, arvot, rooli) -> np.ndarray:
    """`ryhma.sum(arvot, role=rooli)` with the role mask computed once: the same sums, bit for bit.

    OpenFisca sums the rows in the role (two boolean selections of 1.5 M rows); here every row
    is summed with 0 in place of the others' values, which leaves each running sum as it was
    (a sum starts at +0.0, and adding ±0.0 to it changes nothing) at a third of the cost.
    """
    maski = roolissa(ryhma.members, rooli)
    return np.bincount(ryhma.members_entity_id, weights=np.where(maski, arvot, 0.0), minlength=ryhma.count)


def roolien_summa(ryhma, arvot, roolit) -> np.ndarray:
    """`roolin_summa(ryhma, arvot, r₁) + roolin_summa(ryhma, arvot, r₂) + …` in one pass, bit for bit.

    Each (group, role) pair has its own bin, so each role's running sum is the one `roolin_summa`
    keeps (in row order, from +0.0); the role sums are then added in the order of `roolit`.  A row
    in none of `roolit` adds +0.0 to its group's first bin, which changes nothing.
    """
    maskit = [roolissa(ryhma.members, rooli) for rooli in roolit]
    kohta = np.zeros(len(ryhma.members_entity_id), dtype=np.int64)
    for j, maski in enumerate(maskit[1:], start=1):
        kohta += maski * j  # the roles' masks are disjoint: each row's position among `roolit`
    kohta += ryhma.members_entity_id * len(roolit)
    mukana = np.logical_or.reduce(maskit)
    painot = arvot if mukana.all() else np.where(mukana, arvot, 0.0)
    lokerot = np.bincount(kohta, weights=painot, minlength=ryhma.count * len(roolit)).reshape(ryhma.count, len(roolit))
    summa = lokerot[:, 0].copy()
    for j in range(1, len(roolit)):
        summa += lokerot[:, j]
    return summa
