"""`tartunta loki`: verify the audit chain; list who handled a person's data (seed 002).

    tartunta loki tarkista [--kirjausloki FILE|URL]
    tartunta loki hae --henkilotunnus 131052-308T

`hae` needs the service's TARTUNTA_PSEUDONYYMIAVAIN (the trail holds only pseudonyms).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from openfisca_tartunta.palvelin.turva.asetukset import LIPUT, pseudonyymiavain
from openfisca_tartunta.palvelin.turva.kirjausloki import Kirjausloki
from openfisca_tartunta.palvelin.turva.pseudonyymit import Pseudonymisoija, kelvollinen_henkilotunnus

_MUUTTUJA, _OLETUS = next((m, o) for k, _l, m, o, _s in LIPUT if k == "kirjausloki")


def lisaa_argumentit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kirjausloki", default=None, help=f"SQLite file or postgresql:// URL (env {_MUUTTUJA}, default {_OLETUS})")
    ali = parser.add_subparsers(dest="toiminto", required=True)
    ali.add_parser("tarkista", help="verify the hash chain; report the first broken record")
    hae = ali.add_parser("hae", help="the records naming this insured person")
    hae.add_argument("--henkilotunnus", required=True)


def suorita(args: argparse.Namespace) -> int:
    loki = Kirjausloki(args.kirjausloki or os.environ.get(_MUUTTUJA) or _OLETUS)
    if args.toiminto == "tarkista":
        maara, rikki = loki.tarkista()
        if rikki:
            print(f"BROKEN at record {rikki['nro']}: {rikki['syy']} ({maara} records read)")
            return 1
        print(f"ok: {maara} records, chain intact")
        return 0
    if not kelvollinen_henkilotunnus(args.henkilotunnus):
        print("tartunta loki: --henkilotunnus is not a valid henkilötunnus (value not shown)", file=sys.stderr)
        return 2
    avain = pseudonyymiavain()
    if not avain:
        print("tartunta loki: set TARTUNTA_PSEUDONYYMIAVAIN (the service's key)", file=sys.stderr)
        return 2
    for rivi in loki.hae_vakuutettu(Pseudonymisoija(avain).henkilo(args.henkilotunnus)):
        print(json.dumps({k: rivi[k] for k in ("nro", "aika", "kutsuja", "rooli", "organisaatio", "valtuus", "polku", "tila", "ratkaisu")},
                         ensure_ascii=False))
    return 0
