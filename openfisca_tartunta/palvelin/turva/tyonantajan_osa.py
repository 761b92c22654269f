"""What an employer user may send and receive (ACCESS.md; guideline 1.8.4.1, 1.12.1).

Request: only earning activities whose `tyonantajan_tunnus` is the organisation
acted for; no tax or distraint inputs of the insured; from `/calculate` only the
employer's outputs (days, its share).  Response of `/paatosehdotus`: the
employer's copy — decision, days, its share per month and payment period — and
nothing of the insured's tax, distraint or net.

`tyonantajan_paatos(ehdotus, tunnus)` keeps only the employer documents of the
per-recipient decision (`asiakirjat`, issue 10); `tarkista_saaja` refuses a request
for the insured's document.
"""

from __future__ import annotations

#: outputs an employer may ask /calculate for: days and its own share
SALLITUT_TULOKSET = {
    "tartuntatautipaivaraha_tyonantajalle", "paivarahan_osuus", "tartuntatautipaivarahan_maksupaivat",
    "myonnetyt_paivat", "paatoksen_arkipaivat", "oikeus_tartuntatautipaivarahaan",
}
#: inputs that are the insured's own tax and distraint data, never the employer's to give
_VAKUUTETUN_ETUUSLIITTEET = ("ennakonpidatys", "ulosotto", "kohdistuu_edelliseen_vuoteen",
                             # the insured's previous payments of a revision (issue 14, /tarkistus)
                             "maksettu_", "maksuvuosi", "vakuutettua_kuultu")


class Kielto(Exception):
    """403 naming the rule and the field (never a value)."""

    def __init__(self, koodi: str, viesti: str, kentta: str) -> None:
        super().__init__(viesti)
        self.koodi, self.viesti, self.kentta = koodi, viesti, kentta


def tarkista_pyynto(data, organisaatio: str, kysyy_tuloksia: bool) -> None:
    if not isinstance(data, dict):
        return  # the endpoint itself refuses a body that is not an object
    for rivi, tyo in (data.get("ansiotyot") or {}).items():
        tunnus = (tyo or {}).get("tyonantajan_tunnus") if isinstance(tyo, dict) else None
        arvo = tunnus.get("ETERNITY") if isinstance(tunnus, dict) and len(tunnus) == 1 else None
        if arvo != organisaatio:
            raise Kielto("toisen_tyonantajan_rivit",
                         "an employer may send only its own earning activities: tyonantajan_tunnus (ETERNITY) must be "
                         "the organisation acted for", f"ansiotyot/{rivi}/tyonantajan_tunnus")
        _tulokset(tyo, f"ansiotyot/{rivi}", kysyy_tuloksia)
    for tunnus, vak in (data.get("vakuutetut") or {}).items():
        if not isinstance(vak, dict):
            continue
        for nimi in vak:
            if nimi.startswith(_VAKUUTETUN_ETUUSLIITTEET):
                raise Kielto("vakuutetun_tiedot", "the insured's tax and distraint data are not the employer's to send or see",
                             f"vakuutetut/{tunnus}/{nimi}")
        _tulokset(vak, f"vakuutetut/{tunnus}", kysyy_tuloksia)


def _tulokset(entiteetti: dict, polku: str, kysyy_tuloksia: bool) -> None:
    for nimi, arvot in entiteetti.items():
        pyydetty = isinstance(arvot, dict) and any(v is None for v in arvot.values())
        if pyydetty and (not kysyy_tuloksia or nimi not in SALLITUT_TULOKSET):
            raise Kielto("vakuutetun_tiedot",
                         f"an employer may ask only for its days and share ({', '.join(sorted(SALLITUT_TULOKSET))})",
                         f"{polku}/{nimi}")



def tyonantajan_paatos(ehdotus: dict, tunnus: str) -> dict:
    """The employer's copy: only the employer documents of the per-recipient decision (1.8.4.1, 1.12.1).

    `ehdotus` is a `/paatosehdotus` answer: the whole proposal (its `asiakirjat`) or one document
    (`?saaja=`).  The request held only this organisation's rows (`tarkista_pyynto`), so every employer
    document in it is this organisation's; the insured's document, the totals, the months with tax
    and distraint and the handler notes are left out.
    """
    asiakirjat = ehdotus.get("asiakirjat") if "asiakirjat" in ehdotus else [ehdotus]
    omat = [d for d in asiakirjat or () if d.get("rooli") == "tyonantaja"]
    return {"saaja": "tyonantaja", "tyonantajan_tunnus": tunnus, "asiakirjat": omat}


def tarkista_saaja(saaja: str | None, muoto: str | None) -> None:
    """An employer may ask only for an employer's document (`?saaja=tyonantaja…`), never the insured's."""
    if saaja is not None and saaja != "tyonantaja" and not saaja.startswith("tyonantaja:"):
        raise Kielto("vakuutetun_tiedot", "an employer user may receive only the employer's document", "saaja")
    if muoto in ("html", "pdf") and saaja is None:
        raise Kielto("vakuutetun_tiedot", "an employer user may receive only the employer's document", "saaja")
