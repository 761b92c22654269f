"""Payment periods of a decision (guideline 1.9; SVL 1224/2004 16:1).

The allowance is paid afterwards in payment periods of arkipäivät: the first is
the first 6 arkipäivät of the paid time, each following one 25 arkipäivät; the
last may be shorter when the decision ends.  A continuation decision first fills
the previous decision's short period up to its full length (6 or 25), then goes
on in 25s (1.9).  The employer's part is paid on the insured's schedule.

The lengths are the dated parameters `maksaminen.ensimmainen_maksukausi` and
`maksaminen.maksukausi`, read at the first day of the paid time.

`maksukaudet(alku, loppu)` is the function the web service and the CLI call;
it returns plain `Maksukausi` dataclasses (`asdict` / `as_dict` serialise them).
The CLI: ``tartunta maksukaudet --alku 2024-03-04 --loppu 2024-04-30
[--edellinen-kausi-paivia N --edellinen-kausi-pituus 6|25] [--json]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np

from openfisca_tartunta import kalenteri
from openfisca_tartunta.tarkistukset import Syottovirhe



@dataclass(frozen=True)
class Maksukausi:
    """One payment period: its number, first and last arkipäivä, and its arkipäivät."""

    numero: int
    alku: dt.date
    loppu: dt.date
    arkipaivat: int
    #: True when the period is shorter than its full length (the decision ended in it).
    vajaa: bool

    def as_dict(self) -> dict:
        """JSON-ready: dates as ISO strings."""
        tulos = asdict(self)
        tulos["alku"] = self.alku.isoformat()
        tulos["loppu"] = self.loppu.isoformat()
        return tulos


@lru_cache(maxsize=1)
def _oletusparametrit():
    from openfisca_core.parameters import load_parameter_file

    from openfisca_tartunta.sijainnit import PARAMETRIT_DIR

    return load_parameter_file(str(PARAMETRIT_DIR))


def _pituudet(parametrit, paiva: dt.date) -> tuple[int, int]:
    """(first period, following periods) in arkipäivät, in force on `paiva`."""
    if parametrit is None:
        parametrit = _oletusparametrit()
    elif hasattr(parametrit, "parameters"):  # a TaxBenefitSystem
        parametrit = parametrit.parameters
    p = parametrit(paiva.isoformat()).maksaminen
    return int(p.ensimmainen_maksukausi), int(p.maksukausi)


def _paivaksi(arvo, nimi: str) -> dt.date:
    if isinstance(arvo, dt.datetime):
        return arvo.date()
    if isinstance(arvo, dt.date):
        return arvo
    try:
        return dt.date.fromisoformat(str(arvo))
    except ValueError:
        raise Syottovirhe(nimi, "not a date (YYYY-MM-DD)", str(arvo)) from None


def maksukaudet(
    alku,
    loppu,
    parametrit=None,
    *,
    edellinen_kausi_paivia: int = 0,
    edellinen_kausi_pituus: int | None = None,
    ei_makseta=(),
) -> list[Maksukausi]:
    """List the payment periods of the paid time `alku`..`loppu` (inclusive), guideline 1.9.

    - `alku`, `loppu`: first and last day of the paid time (dates or ISO strings).
    - `parametrit`: a `TaxBenefitSystem`, its `parameters` node, or None for the
      package's own parameters.
    - A continuation decision: `edellinen_kausi_paivia` arkipäivät were in the
      previous decision's last period, whose full length is
      `edellinen_kausi_pituus` (the first or a following period's length, 6 or
      25).  A short previous period is filled up first, then full periods follow.

    Returns `Maksukausi` items numbered from 1 (within this decision); an empty
    list when the paid time has no arkipäivä.  Raises `Syottovirhe` on bad input.
    """
    alku_d = _paivaksi(alku, "alku")
    loppu_d = _paivaksi(loppu, "loppu")
    if loppu_d < alku_d:
        raise Syottovirhe("loppu", "the paid time ends before it starts (alku); the end date is inclusive", loppu_d.isoformat())
    ensimmainen, seuraava = _pituudet(parametrit, alku_d)

    if edellinen_kausi_pituus is None:
        if edellinen_kausi_paivia:
            raise Syottovirhe(
                "edellinen_kausi_pituus",
                "missing: give the full length of the previous decision's last period with its days (1.9)",
            )
        ensin = ensimmainen
    else:
        pituus = int(edellinen_kausi_pituus)
        if pituus not in (ensimmainen, seuraava):
            raise Syottovirhe(
                "edellinen_kausi_pituus",
                f"must be the first ({ensimmainen}) or a following ({seuraava}) payment period's length (1.9)",
                pituus,
            )
        paivia = int(edellinen_kausi_paivia)
        if not 1 <= paivia <= pituus:
            raise Syottovirhe(
                "edellinen_kausi_paivia",
                f"must be between 1 and the period's length {pituus} (1.9)",
                paivia,
            )
        ensin = pituus - paivia if paivia < pituus else seuraava

    aukot = [(_paivaksi(a, "ei_makseta"), _paivaksi(b, "ei_makseta")) for a, b in ei_makseta]
    aukkopaivat = [np.arange(np.datetime64(a), np.datetime64(b) + 1) for a, b in aukot if a <= b]
    kalenteri_ = (
        np.busdaycalendar(
            weekmask=kalenteri.ARKIPAIVAT_VIIKOSSA,
            holidays=np.union1d(kalenteri.PYHAPAIVAT, np.concatenate(aukkopaivat)),
        )
        if aukkopaivat
        else kalenteri.ARKIKALENTERI
    )
    yhteensa = int(np.busday_count(np.datetime64(alku_d), np.datetime64(loppu_d) + 1, busdaycal=kalenteri_))
    if yhteensa == 0:
        return []
    # Period lengths: `ensin`, then full periods, the last cut to what is left.
    if yhteensa <= ensin:
        pituudet = np.array([yhteensa])
        taydet = np.array([ensin])
    else:
        loput = yhteensa - ensin
        maara = -(-loput // seuraava)
        pituudet = np.full(maara + 1, seuraava, dtype=np.int64)
        pituudet[0] = ensin
        pituudet[-1] = loput - seuraava * (maara - 1)
        taydet = np.full(maara + 1, seuraava, dtype=np.int64)
        taydet[0] = ensin
    loput_kumul = np.cumsum(pituudet)
    alut_kumul = loput_kumul - pituudet
    ensimmainen_arki = np.busday_offset(np.datetime64(alku_d), 0, roll="forward", busdaycal=kalenteri_)
    alut = np.busday_offset(ensimmainen_arki, alut_kumul, busdaycal=kalenteri_)
    loput_pv = np.busday_offset(ensimmainen_arki, loput_kumul - 1, busdaycal=kalenteri_)
    return [
        Maksukausi(
            numero=i + 1,
            alku=alut[i].astype(dt.date),
            loppu=loput_pv[i].astype(dt.date),
            arkipaivat=int(pituudet[i]),
            vajaa=bool(pituudet[i] < taydet[i]),
        )
        for i in range(pituudet.size)
    ]


# --- CLI: `tartunta maksukaudet` ------------------------------------------------


def lisaa_argumentit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--alku", required=True, help="first day of the paid time, YYYY-MM-DD")
    parser.add_argument("--loppu", required=True, help="last day of the paid time (inclusive), YYYY-MM-DD")
    parser.add_argument(
        "--edellinen-kausi-paivia",
        type=int,
        default=0,
        metavar="N",
        help="continuation decision: arkipäivät in the previous decision's last period",
    )
    parser.add_argument(
        "--edellinen-kausi-pituus",
        type=int,
        default=None,
        metavar="6|25",
        help="continuation decision: the full length of that period",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def suorita(args: argparse.Namespace) -> int:
    import sys

    try:
        kaudet = maksukaudet(
            args.alku,
            args.loppu,
            edellinen_kausi_paivia=args.edellinen_kausi_paivia,
            edellinen_kausi_pituus=args.edellinen_kausi_pituus,
        )
    except Syottovirhe as virhe:
        print(f"tartunta maksukaudet: {virhe}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([k.as_dict() for k in kaudet], ensure_ascii=False, indent=2))
        return 0
    print(f"{'nro':>3}  {'alku':<10}  {'loppu':<10}  {'arkipäivät':>10}")
    for k in kaudet:
        merkki = "  (vajaa)" if k.vajaa else ""
        print(f"{k.numero:>3}  {k.alku.isoformat():<10}  {k.loppu.isoformat():<10}  {k.arkipaivat:>10}{merkki}")
    print(f"yhteensä {sum(k.arkipaivat for k in kaudet)} arkipäivää, {len(kaudet)} maksukautta")
    return 0
