"""A git revision's rules, run by that revision's own package in a child process.

`tartunta vertaa --git REV` must compare the working tree with the rules *as REV
computes them*: REV's formulas call REV's helpers (`openfisca_tartunta.kalenteri`,
`jaksot`, …), which may since have been renamed, moved or changed.  Loading REV's
`variables/` beside today's package would run old formulas on today's helpers —
an error when a helper moved, a silently wrong "before" figure when one changed.

So the whole tree of REV is exported (`git archive`) and a child Python process
imports *that* package (`python -m openfisca_tartunta.vertailu.revisio TREE CASES
OUT`): before the import it drops today's `openfisca_tartunta` modules, keeping
only the functions of this module and of the case and formula readers it already
holds.  The child writes a snapshot (JSON): every formula's source, the variable
files' helpers, and the outputs of every YAML case of CASES.  The parameters of
REV are plain YAML and are read by the parent directly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openfisca_tartunta.vertailu.kaavat import kaavalahteet
from openfisca_tartunta.vertailu.tapaukset import lue_tapaukset, tapauksen_tulokset_listana

#: how long the child may take (load REV, run every case) before the comparison fails
AIKARAJA_S = 600


class Revisiovirhe(RuntimeError):
    """REV could not be loaded or run by its own package (the child's last error line)."""


def tilannekuva(puu: Path, tapauskansio: Path | None) -> dict:
    """Run the child on the exported tree `puu`; its snapshot, or Revisiovirhe."""
    ulos = Path(puu).parent / "tilannekuva.json"
    komento = [sys.executable, "-m", "openfisca_tartunta.vertailu.revisio", str(puu), str(tapauskansio or ""), str(ulos)]
    try:
        tulos = subprocess.run(komento, capture_output=True, timeout=AIKARAJA_S, cwd=str(Path(puu).parent))  # not `puu`: `-m` puts the cwd first on sys.path
    except subprocess.TimeoutExpired:
        raise Revisiovirhe(f"the revision's rules did not finish within {AIKARAJA_S} s") from None
    if tulos.returncode != 0:
        rivit = [r for r in tulos.stderr.decode("utf-8", "replace").splitlines() if r.strip()]
        raise Revisiovirhe(rivit[-1] if rivit else f"exit status {tulos.returncode}")
    return json.loads(ulos.read_text(encoding="utf-8"))


def _lataa_revision_jarjestelma(puu: Path):
    """REV's `CountryTaxBenefitSystem`, imported from `puu` instead of today's package."""
    for nimi in [n for n in sys.modules if n == "openfisca_tartunta" or n.startswith("openfisca_tartunta.")]:
        del sys.modules[nimi]
    sys.path.insert(0, str(puu))
    import importlib

    importlib.invalidate_caches()
    paketti = importlib.import_module("openfisca_tartunta")
    if not str(getattr(paketti, "__file__", "")).startswith(str(puu)):
        raise Revisiovirhe(f"the revision's package was not the one imported ({paketti.__file__})")
    return paketti.CountryTaxBenefitSystem()


def main(argv: list[str]) -> int:
    puu, tapauskansio, ulos = Path(argv[0]), argv[1], Path(argv[2])
    tapaukset = list(lue_tapaukset(Path(tapauskansio))) if tapauskansio else []
    tbs = _lataa_revision_jarjestelma(puu)
    kuva = {
        "kaavat": kaavalahteet(tbs),
        "tapaukset": [tapauksen_tulokset_listana(tbs, data) for _, data in tapaukset],
    }
    ulos.write_text(json.dumps(kuva, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
