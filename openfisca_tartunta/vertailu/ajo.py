"""`tartunta vertaa`: what a rule change moves, from the command line or from Python.

    tartunta vertaa --git REV            [--repo DIR]   # the working tree against a git revision
    tartunta vertaa --reformi NAME|FILE  [--reformi …]  # the baseline against a reform
    tartunta vertaa --paivat 2021-12-31 2022-06-01      # the law of one day against another's
        [--tapaukset DIR] [--populaatio DIR --kuukausi YYYY-MM …] [--raportti DIR]

The report (`raportti.py`) lists the parameter values changed, the formulas
changed, every YAML case output that moves and, with `--populaatio`, the
population impact; it is written as `vertailu.html`, `vertailu.md` and
`vertailu.json` into `--raportti` (default `vertailu/`).  Bad input (an unknown
revision or reform, a bad date or folder) exits with status 2 and a message.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from openfisca_tartunta.sijainnit import JUURI_DIR
from openfisca_tartunta.vertailu import jarjestelmat as jarj, raportti as rap
from openfisca_tartunta.vertailu.kaavat import kaavamuutokset
from openfisca_tartunta.vertailu.parametrit import muutokset_paivien_valilla, parametrimuutokset
from openfisca_tartunta.vertailu.tapaukset import vertaa_tapauksia
from openfisca_tartunta.vertailu.jarjestelmat import Vertailuvirhe


def _oletustapaukset(juuri: Path) -> Path | None:
    kansio = Path(juuri) / "tests" / "yaml"
    return kansio if kansio.is_dir() else None


def vertaa(
    git: str | None = None,
    reformit=(),
    paivat: tuple[str, str] | None = None,
    repo=None,
    tapaukset="oletus",
    populaatio=None,
    kuukaudet=(),
    kohde=None,
) -> rap.Raportti:
    """Compare two systems (exactly one of `git`, `reformit`, `paivat`); see the module docstring.

    `tapaukset`: a folder of YAML cases, None for none, "oletus" for `tests/yaml` of
    the checkout (or of `repo`).  `kohde`: the report folder (needed with `populaatio`).
    """
    tavat = [bool(git), bool(reformit), bool(paivat)]
    if sum(tavat) != 1:
        raise Vertailuvirhe("give exactly one of --git REV, --reformi NAME or --paivat DATE DATE")
    if populaatio and not reformit:
        raise Vertailuvirhe("--populaatio runs the population command, which compares the rules with a reform: use it with --reformi")
    from openfisca_tartunta import CountryTaxBenefitSystem

    sekunteja: dict[str, float] = {}
    alku = time.perf_counter()
    juuri = Path(repo) if repo else JUURI_DIR
    valiaikainen = jarj.valiaikaiskansio()
    try:
        if git:
            git_juuri = jarj.git_juuri(juuri)
            kansio = _oletustapaukset(git_juuri) if tapaukset == "oletus" else tapaukset
            vanha = jarj.git_revisio(git, git_juuri, Path(valiaikainen.name), Path(kansio) if kansio else None)
            commit = vanha.commit
            uusi = jarj.kansiosta(git_juuri)
            otsikko = f"Working tree against {git}"
            nimet = (f"git {git} ({commit[:12]})", f"working tree {git_juuri}")
            juuri = git_juuri
        elif reformit:
            perus = CountryTaxBenefitSystem()
            vanha, uusi = perus, jarj.reformin_jarjestelma(perus, reformit)
            otsikko = "Reform " + " + ".join(map(str, reformit))
            nimet = ("baseline (the rules of this checkout)", "reform " + " + ".join(map(str, reformit)))
        else:
            a, b = (jarj.tarkista_paiva(p) for p in paivat)
            perus = CountryTaxBenefitSystem()
            vanha, uusi = jarj.paivan_laki(perus, a), jarj.paivan_laki(perus, b)
            otsikko = f"The law of {a} against the law of {b}"
            nimet = (f"the law in force on {a}", f"the law in force on {b}")
        sekunteja["jarjestelmat"] = round(time.perf_counter() - alku, 2)

        hetki = time.perf_counter()
        parametrit = muutokset_paivien_valilla(perus, a, b) if paivat else parametrimuutokset(vanha, uusi)
        kaavat = kaavamuutokset(vanha.kaavat if git else vanha, uusi)
        sekunteja["parametrit_ja_kaavat"] = round(time.perf_counter() - hetki, 2)

        kansio = _oletustapaukset(juuri) if tapaukset == "oletus" else tapaukset
        vanhat_tulokset = vanha.tapaukset if git else None
        ajo = vertaa_tapauksia(vanha, uusi, Path(kansio), vanhat_tulokset) if kansio else None
        if ajo is not None:
            sekunteja["tapaukset"] = ajo.sekunteja
    finally:
        valiaikainen.cleanup()

    vaikutus = None
    if populaatio:
        from openfisca_tartunta.vertailu.vaikutus import populaatiovaikutus

        hetki = time.perf_counter()
        kohde = Path(kohde or "vertailu")
        vaikutus = populaatiovaikutus(populaatio, [str(r) for r in reformit], list(kuukaudet), kohde / "populaatio")
        sekunteja["populaatio"] = round(time.perf_counter() - hetki, 2)
    sekunteja["yhteensa"] = round(time.perf_counter() - alku, 2)
    return rap.Raportti(otsikko, nimet[0], nimet[1], parametrit, kaavat, ajo, vaikutus, sekunteja)


def lisaa_argumentit(parser: argparse.ArgumentParser) -> None:
    tapa = parser.add_mutually_exclusive_group(required=True)
    tapa.add_argument("--git", metavar="REV", help="compare the working tree's parameters/ and variables/ with git revision REV")
    tapa.add_argument(
        "--reformi", action="append", default=[], metavar="NAME|FILE",
        help="compare the baseline with a reform, named as `tartunta simuloi --reformi` takes it (repeat to stack)",
    )
    tapa.add_argument("--paivat", nargs=2, metavar=("A", "B"), help="compare the law in force on date A with the law on date B (YYYY-MM-DD)")
    parser.add_argument("--repo", help="with --git: the repository (default: this checkout)")
    parser.add_argument("--tapaukset", help="folder of YAML cases to run through both systems (default: tests/yaml)")
    parser.add_argument("--ei-tapauksia", action="store_true", help="do not run the YAML cases")
    parser.add_argument("--populaatio", metavar="DIR", help="with --reformi: the population (from `tartunta populaatio`) to simulate")
    parser.add_argument("--kuukausi", action="append", default=[], help="with --populaatio: month YYYY-MM to simulate (repeatable)")
    parser.add_argument("--raportti", default="vertailu", help="folder for vertailu.html, .md and .json (default: vertailu)")


def _tiivistelma(r: rap.Raportti, polut: dict) -> str:
    rivit = [r.otsikko, f"  parameter values changed: {len(r.parametrit)}", f"  formulas changed: {len(r.kaavat)}"]
    if r.tapaukset is not None:
        t = r.tapaukset
        rivit.append(f"  YAML cases moved: {t.liikkuneita_tapauksia} of {t.tapauksia} ({len(t.muutokset)} outputs; {t.sekunteja} s)")
    if r.populaatio:
        kustannus = r.populaatio["yhteenveto"]["mittarit"].get("kustannus", {})
        rivit.append(f"  population cost: {kustannus.get('perus')} → {kustannus.get('reformi')}")
    rivit.append("→ " + ", ".join(str(p) for p in polut.values()))
    return "\n".join(rivit)


def suorita(args: argparse.Namespace) -> int:
    if args.tapaukset and args.ei_tapauksia:
        print("tartunta vertaa: error: --tapaukset and --ei-tapauksia exclude each other", file=sys.stderr)
        return 2
    if args.repo and not args.git:
        print("tartunta vertaa: error: --repo goes with --git", file=sys.stderr)
        return 2
    tapaukset = None if args.ei_tapauksia else (Path(args.tapaukset) if args.tapaukset else "oletus")
    try:
        raportti = vertaa(
            git=args.git, reformit=args.reformi, paivat=args.paivat, repo=args.repo, tapaukset=tapaukset,
            populaatio=args.populaatio, kuukaudet=args.kuukausi, kohde=args.raportti,
        )
    except Vertailuvirhe as virhe:
        print(f"tartunta vertaa: error: {virhe}", file=sys.stderr)
        return 2
    polut = rap.kirjoita(raportti, Path(args.raportti))
    print(_tiivistelma(raportti, polut))
    return 0
