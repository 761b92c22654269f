"""The README's population example, generated from a run (never typed by hand).

    python -m openfisca_tartunta.populaatio.esimerkki --kirjoita   # (make readme-populaatio)

runs the two commands shown in the README into a temporary folder and renders
the block between the README's `populaatio-esimerkki` markers: the commands,
the printed summary and the first, middle and last decile.  With `--kirjoita`
it replaces that block and the plot in `docs/kuvat/`; a test checks that the
README holds exactly what a run prints.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

ALKU, LOPPU = "<!-- populaatio-esimerkki:alku -->", "<!-- populaatio-esimerkki:loppu -->"
POPULAATIO = ["populaatio", "--koko", "20000", "--siemen", "2024", "--kuukausi", "2024-03", "--kohde", "pop", "--hiljaa"]
SIMULOI = ["simuloi", "--vakuutetut", "pop/vakuutetut.parquet", "--ansiotyot", "pop/ansiotyot.parquet",
           "--kuukausi", "2024-03", "--reformi", "odotusaika", "--tulokset", "tulokset", "--hiljaa"]
KUVA = "muutos_desiileittain.png"
KUVAN_POLKU = "docs/kuvat/simulointi_muutos_desiileittain.png"


def _euro(x: float) -> str:
    return f"{x:,.2f}".replace(",", " ").replace("-", "−")


def _komento(argumentit: list[str]) -> str:
    return "tartunta " + " ".join(a for a in argumentit if a != "--hiljaa")


def aja(kansio: Path) -> tuple[str, Path]:
    """Run the example in `kansio`; the README block and the plot file."""
    from openfisca_tartunta.cli import main

    tuloste = io.StringIO()
    with contextlib.chdir(kansio), contextlib.redirect_stdout(tuloste):
        if main(POPULAATIO) != 0 or main(SIMULOI) != 0:
            raise RuntimeError("the README example failed")
    yhteenveto = "\n".join(rivi.rstrip() for rivi in tuloste.getvalue().rsplit("\n→", 1)[0].splitlines())
    d = pd.read_csv(kansio / "tulokset" / "desiilit.csv")
    rivit = [
        "| desiili | kuukausiansio € | netto nyt € | reformi € | muutos / vakuutettu € | häviäjiä |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for _, r in d[d["desiili"].isin([1, 5, 10])].iterrows():
        rivit.append(
            f"| {int(r.desiili)} | {r.tulo_alaraja:,.0f} – {r.tulo_ylaraja:,.0f} | {r.netto_perus:,.0f} | {r.netto_reformi:,.0f} "
            f"| {_euro(r.muutos_henkiloa_kohden)} | {r.haviajien_osuus:.0%} |".replace(",", " ")
        )
    lohko = "\n".join([
        ALKU,
        "```",
        _komento(POPULAATIO),
        _komento(SIMULOI),
        "```",
        "",
        "prints (a run of these commands; `make readme-populaatio` regenerates this block):",
        "",
        "```",
        yhteenveto,
        "```",
        "",
        "By income decile of persons (`desiilit.csv`; net payment, change per person over the period, share of losers):",
        "",
        *rivit,
        "",
        f"![Change in the net payment per person by income decile]({KUVAN_POLKU})",
        LOPPU,
    ])
    return lohko, kansio / "tulokset" / "kuvat" / KUVA


def readmen_lohko(teksti: str) -> str:
    return teksti[teksti.index(ALKU): teksti.index(LOPPU) + len(LOPPU)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kirjoita", action="store_true", help="replace the README block and the plot")
    parser.add_argument("--readme", default="README.md")
    args = parser.parse_args(argv)
    kansio = Path(tempfile.mkdtemp(prefix="tartunta-readme-"))
    try:
        lohko, kuva = aja(kansio)
        readme = Path(args.readme)
        teksti = readme.read_text(encoding="utf-8")
        if not args.kirjoita:
            print(lohko)
            return 0 if readmen_lohko(teksti) == lohko else 1
        readme.write_text(teksti.replace(readmen_lohko(teksti), lohko), encoding="utf-8")
        shutil.copyfile(kuva, readme.parent / KUVAN_POLKU)
        return 0
    finally:
        shutil.rmtree(kansio, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
