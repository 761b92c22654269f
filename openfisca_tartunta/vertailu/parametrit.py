"""Parameter values that differ between two systems, or between two dates of one system.

A change is one row: the parameter, the date from which the values differ, the
old and the new value and the source of the value now in force (the value's
own `metadata.reference`, else the parameter's).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from openfisca_core.parameters import Parameter

from openfisca_tartunta import viitteet
from openfisca_tartunta.vertailu.jarjestelmat import voimassa


@dataclass
class Parametrimuutos:
    parametri: str
    nimike: str
    paiva: str
    vanha: object
    uusi: object
    lahde: str

    def sanakirja(self) -> dict:
        return asdict(self)


def viite_tekstina(viite) -> str:
    """A `reference` (text, {title, href} or a list of them) as one line of text."""
    if not viite:
        return ""
    if isinstance(viite, dict):
        osat = [str(viite.get("title") or ""), str(viite.get("href") or "")]
        return " ".join(o for o in osat if o)
    if isinstance(viite, (list, tuple)):
        return "; ".join(viite_tekstina(v) for v in viite if v)
    return str(viite)


def lehdet(tbs) -> dict[str, Parameter]:
    """Every single parameter of `tbs` by its dotted name."""
    return {p.name: p for p in tbs.parameters.get_descendants() if isinstance(p, Parameter)}


def _yleiset(viite):
    # A date-keyed reference (`viitteet.muunna_parametrit`) reaches a value that has no source of
    # its own (e.g. a reform's): its general references are the source.
    return viitteet.yleiset_viitteet(viite) if viitteet.on_paivittainen(viite) else viite


def _lahde(parametri: Parameter | None, arvo) -> str:
    if arvo is not None and arvo.metadata.get("reference"):
        return viite_tekstina(_yleiset(arvo.metadata["reference"]))
    return viite_tekstina(_yleiset((parametri.metadata or {}).get("reference"))) if parametri is not None else ""


def _nimike(*parametrit) -> str:
    for p in parametrit:
        if p is not None and (p.metadata or {}).get("label"):
            return str(p.metadata["label"])
        if p is not None and p.description:
            return str(p.description)
    return ""


def _arvo(arvo):
    return None if arvo is None else arvo.value


def parametrimuutokset(vanha_tbs, uusi_tbs) -> list[Parametrimuutos]:
    """Every date from which a parameter's value in `uusi_tbs` differs from `vanha_tbs`."""
    vanhat, uudet = lehdet(vanha_tbs), lehdet(uusi_tbs)
    rivit = []
    for nimi in sorted(set(vanhat) | set(uudet)):
        a, b = vanhat.get(nimi), uudet.get(nimi)
        paivat = sorted({v.instant_str for p in (a, b) if p is not None for v in p.values_list})
        edellinen = None
        for paiva in paivat:
            va = voimassa(a, paiva) if a is not None else None
            vb = voimassa(b, paiva) if b is not None else None
            pari = (_arvo(va), _arvo(vb))
            if pari[0] != pari[1] and pari != edellinen:
                rivit.append(Parametrimuutos(nimi, _nimike(b, a), paiva, pari[0], pari[1], _lahde(b, vb) or _lahde(a, va)))
            edellinen = pari if pari[0] != pari[1] else None
    return rivit


def muutokset_paivien_valilla(tbs, paiva_a: str, paiva_b: str) -> list[Parametrimuutos]:
    """Parameters whose value in force on `paiva_b` differs from the one on `paiva_a`."""
    rivit = []
    for nimi, p in sorted(lehdet(tbs).items()):
        va, vb = voimassa(p, paiva_a), voimassa(p, paiva_b)
        if _arvo(va) != _arvo(vb):
            paiva = vb.instant_str if vb is not None else paiva_b
            rivit.append(Parametrimuutos(nimi, _nimike(p), paiva, _arvo(va), _arvo(vb), _lahde(p, vb) or _lahde(p, va)))
    return rivit
