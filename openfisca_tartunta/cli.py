"""`tartunta` command line: one entry point, a subcommand per job.

Each subcommand lives in the module that owns its topic; this file only wires
them.  A module provides `lisaa_argumentit(parser)` and `suorita(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

#: Subcommands after which the process ends without tearing the interpreter down (`paaohjelma`).
NOPEA_LOPETUS = ("simuloi",)
#: subcommand → (module, help text)
KOMENNOT = {
    "serve": ("openfisca_tartunta.palvelin.kaynnistys", "run the web service (OpenFisca API + decision proposal + batch) under gunicorn"),
    "valtuudet": ("openfisca_tartunta.palvelin.turva.valtuudet_cli", "administer the embedded mandate registry (add, withdraw, list)"),
    "loki": ("openfisca_tartunta.palvelin.turva.loki_cli", "audit trail: verify the chain, list who handled a person's data"),
    "maksukaudet": ("openfisca_tartunta.maksukaudet", "list the payment periods of a decision (guideline 1.9)"),
    "populaatio": ("openfisca_tartunta.populaatio.generointi", "generate a synthetic population as two Parquet tables"),
    "simuloi": ("openfisca_tartunta.populaatio.simulointi", "simulate baseline and reform over a population"),
    "vertaa": ("openfisca_tartunta.vertailu.ajo", "what a rule change moves: parameters, formulas, YAML cases, population"),
}


def main(argv: list[str] | None = None) -> int:
    komentorivi = sys.argv[1:] if argv is None else argv
    valittu = komentorivi[0] if komentorivi and komentorivi[0] in KOMENNOT else None
    parser = argparse.ArgumentParser(prog="tartunta", description="openfisca-tartunta: tartuntatautipäiväraha")
    alikomennot = parser.add_subparsers(dest="komento", required=True, metavar="COMMAND")
    moduulit = {}
    for nimi, (moduuli, ohje) in KOMENNOT.items():
        alikomento = alikomennot.add_parser(nimi, help=ohje, description=ohje)
        if valittu is None or nimi == valittu:  # import only the subcommand that runs (the web service's is slow)
            moduulit[nimi] = importlib.import_module(moduuli)
            moduulit[nimi].lisaa_argumentit(alikomento)
    args = parser.parse_args(komentorivi)
    return int(moduulit[args.komento].suorita(args) or 0)


def paaohjelma() -> None:
    """The `tartunta` program: `main`, then the exit.

    After `simuloi` (`NOPEA_LOPETUS`) the process ends at once (`os._exit`) once the output is
    flushed: everything is written and closed by then, and freeing the interpreter's objects
    one by one took 0.4 s at the end of every run.  Errors and other subcommands exit as usual.
    """
    koodi = main()
    if sys.argv[1:2] and sys.argv[1] in NOPEA_LOPETUS:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(koodi)
    sys.exit(koodi)


if __name__ == "__main__":  # pragma: no cover
    paaohjelma()
