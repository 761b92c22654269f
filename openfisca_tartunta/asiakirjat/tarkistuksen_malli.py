"""Typed data of a revision (`/tarkistus`, guideline 1.10, 1.12–1.14, 1.9.3.6).

What the model says, per payee (`maksunsaajat.MAKSUNSAAJAT`) and month, and the
documents laid out from it (`tarkistus.py`).  Money in euros, cents exact; the
layer only reads model variables (`palvelin/tarkistus.py`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from openfisca_tartunta.asiakirjat.malli import Euroa


@dataclass
class Pidatysrivi:
    """A withholding (tax or distraint) or the net: the corrected decision's, the one paid, the difference."""

    oikaistu: Euroa
    maksettu: Euroa
    erotus: Euroa


@dataclass
class TarkistuksenKuukausi:
    """One payee's month: corrected − paid, and what the revision pays or recovers for it.

    `syyt`: what the corrected month contains that explains a change, read from the model
    (`paatos_paattynyt` 1.14, `estava_etuus` 1.4, `vuosiloma` 1.3.2.4, `tyonantajan_osuus`
    1.3.2.3, `maara` 1.6 otherwise).
    """

    kuukausi: str
    oikaistu: Euroa
    maksettu: Euroa
    erotus: Euroa
    lisamaksu: Euroa
    liikamaksu: Euroa
    maksettava: Euroa
    takaisinperittava: Euroa
    syyt: list[str] = field(default_factory=list)
    ennakonpidatys: Optional[Pidatysrivi] = None
    ulosottopidatys: Optional[Pidatysrivi] = None
    netto: Optional[Pidatysrivi] = None
    liikamaksun_ennakonpidatys: Optional[Euroa] = None
    takaisinperitaan_nettona: Optional[bool] = None
    maksuvuosi: Optional[int] = None


@dataclass
class MaksunsaajanTarkistus:
    """One payee of the revision: its months and the totals for the whole revision."""

    maksunsaaja: str
    tunnus: str
    tyonantajan_tunnus: Optional[str]
    nimi: Optional[str]
    kuukaudet: list[TarkistuksenKuukausi]
    liikamaksu: Euroa
    maksettava: Euroa
    takaisinperittava: Euroa
    kuittaus: Euroa
    perittava: Euroa
    maksettava_kuittauksen_jalkeen: Euroa
    kuulemiskirje: bool
    suostumus_tarvitaan: bool
    #: For the insured and the municipality: the municipality's overpayment recovered from the insured
    #: (the default reading of 1.10, RULES.md §10); 0 otherwise.
    kunnan_liikamaksu_vakuutetulta: Euroa = 0.0


@dataclass
class Kappale:
    otsikko: str
    kappaleet: list[str]


@dataclass
class Taulukkorivi:
    kuukausi: str
    maksettu: str
    oikaistu: str
    erotus: str
    syyt: list[str]


@dataclass
class TarkistuksenAsiakirja:
    """One recipient's document: `tarkistuspaatos` or `oikaisupaatos` (1.12, 1.13, 1.14), or the
    overpayment notice with its hearing, `kuulemiskirje` (1.10).  `maksunsaaja`/`tunnus`: the payee
    it concerns; `vastaanottaja`: who receives it — the payee itself, or for the insured's documents
    also each representative (`edunvalvoja:<tunnus>`, `valtuutettu:<tunnus>`; 1.8.4.1, 1.10)."""

    laji: str
    maksunsaaja: str
    tunnus: str
    vastaanottaja: str
    kieli: str
    otsikko: str
    saaja: str
    taulukko: list[Taulukkorivi]
    kappaleet: list[Kappale]


@dataclass
class Tarkistus:
    """The `/tarkistus` answer."""

    peruste: str
    tarkistuspaatoksen_paiva: Optional[dt.date]
    kuukaudet: list[str]
    maksunsaajat: list[MaksunsaajanTarkistus]
    asiakirjat: list[TarkistuksenAsiakirja] = field(default_factory=list)


def tarkistuksen_skeemat(tbs=None) -> dict[str, dict]:
    """Component schemas of the `/tarkistus` answer (`Tarkistus` and its sub-objects), OpenAPI 3.0."""
    from pydantic import TypeAdapter

    from openfisca_tartunta.asiakirjat.skeema import _kuvaukset, _oas30

    perus = TypeAdapter(Tarkistus).json_schema(ref_template="#/components/schemas/{model}", mode="serialization")
    skeemat = {nimi: _oas30(s) for nimi, s in perus.get("$defs", {}).items()}
    skeemat["Tarkistus"] = _oas30({k: v for k, v in perus.items() if k != "$defs"})
    _kuvaukset(skeemat, tbs)
    return skeemat
