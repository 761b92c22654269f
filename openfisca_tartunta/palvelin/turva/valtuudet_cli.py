"""`tartunta valtuudet`: the administrator's commands for the embedded mandate registry (seed 004).

    tartunta valtuudet lisaa --tyyppi asiointivaltuus --antaja 0737546-2 --saaja 131052-308T --alkaa 2024-01-01
    tartunta valtuudet lisaa --tyyppi edustamisvaltuus --antaja 2617416-4 --saaja 131052-308T \\
        --alkaa 2024-01-01 --rajaustarkenne 0737546-2,1572860-0
    tartunta valtuudet peru 3
    tartunta valtuudet listaa

`--saaja` is a person's henkilötunnus (stored only as its keyed pseudonym, so
TARTUNTA_PSEUDONYYMIAVAIN must be the service's) or an organisation's Y-tunnus.
A withdrawal takes effect on the service's next request.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from openfisca_tartunta.palvelin.turva.asetukset import LIPUT, pseudonyymiavain
from openfisca_tartunta.palvelin.turva.pseudonyymit import Pseudonymisoija, kelvollinen_henkilotunnus
from openfisca_tartunta.palvelin.turva.rekisteri import TYYPIT, SqliteRekisteri
from openfisca_tartunta.tunnukset import on_kelvollinen_tunnus

_OLETUS = dict((k, (m, o)) for k, _l, m, o, _s in LIPUT)


def lisaa_argumentit(parser: argparse.ArgumentParser) -> None:
    muuttuja, oletus = _OLETUS["rekisteri"]
    parser.add_argument("--valtuusrekisteri", default=None, help=f"SQLite file (env {muuttuja}, default {oletus})")
    ali = parser.add_subparsers(dest="toiminto", required=True)
    lisaa = ali.add_parser("lisaa", help="add a mandate")
    lisaa.add_argument("--tyyppi", required=True, choices=TYYPIT)
    lisaa.add_argument("--antaja", required=True, help="Y-tunnus of the issuing organisation")
    lisaa.add_argument("--saaja", required=True, help="henkilötunnus of the person, or Y-tunnus of the organisation")
    lisaa.add_argument("--asia", action="append", help=f"valtuusasia (repeatable; default {_OLETUS['valtuusasia'][1]})")
    lisaa.add_argument("--alkaa", required=True, type=dt.date.fromisoformat, help="first valid day, YYYY-MM-DD")
    lisaa.add_argument("--paattyy", type=dt.date.fromisoformat, help="last valid day, YYYY-MM-DD (default: no end)")
    lisaa.add_argument("--rajaustarkenne", help="comma-separated client Y-tunnus (edustamisvaltuus only)")
    peru = ali.add_parser("peru", help="withdraw a mandate (effective on the next request)")
    peru.add_argument("id", type=int)
    ali.add_parser("listaa", help="list the mandates (persons as pseudonyms)")


def suorita(args: argparse.Namespace, ymparisto=None) -> int:
    import os

    ymparisto = os.environ if ymparisto is None else ymparisto
    polku = args.valtuusrekisteri or ymparisto.get(_OLETUS["rekisteri"][0]) or _OLETUS["rekisteri"][1]
    rekisteri = SqliteRekisteri(polku)
    if args.toiminto == "listaa":
        for rivi in rekisteri.listaa():
            print(json.dumps(rivi, ensure_ascii=False))
        return 0
    if args.toiminto == "peru":
        if not rekisteri.peru(args.id):
            print(f"tartunta valtuudet: no mandate in force with id {args.id}", file=sys.stderr)
            return 1
        print(f"withdrawn: {args.id}")
        return 0
    for nimi, tunnus in [("--antaja", args.antaja)] + [("--rajaustarkenne", t) for t in (args.rajaustarkenne or "").split(",") if t]:
        if not on_kelvollinen_tunnus(tunnus.strip()):
            print(f"tartunta valtuudet: {nimi} {tunnus!r} is not a valid Y-tunnus", file=sys.stderr)
            return 2
    if kelvollinen_henkilotunnus(args.saaja):
        avain = pseudonyymiavain(ymparisto)
        if len(avain) < 32:
            print("tartunta valtuudet: set TARTUNTA_PSEUDONYYMIAVAIN (the service's, ≥ 32 bytes) to add a person's mandate", file=sys.stderr)
            return 2
        saaja = Pseudonymisoija(avain).henkilo(args.saaja)
    elif on_kelvollinen_tunnus(args.saaja):
        saaja = args.saaja
    else:
        print("tartunta valtuudet: --saaja must be a valid henkilötunnus or Y-tunnus (value not shown)", file=sys.stderr)
        return 2
    if args.rajaustarkenne and args.tyyppi != "edustamisvaltuus":
        print("tartunta valtuudet: --rajaustarkenne belongs to an edustamisvaltuus", file=sys.stderr)
        return 2
    try:
        tunnus = rekisteri.lisaa(args.tyyppi, args.antaja, saaja, args.asia or [_OLETUS["valtuusasia"][1]], args.alkaa,
                                 args.paattyy, [t.strip() for t in args.rajaustarkenne.split(",")] if args.rajaustarkenne else None)
    except ValueError as virhe:
        print(f"tartunta valtuudet: {virhe}", file=sys.stderr)
        return 2
    print(f"added: {tunnus}")
    return 0
