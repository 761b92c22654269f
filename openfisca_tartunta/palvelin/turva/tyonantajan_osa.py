"""What an employer user may send and receive (ACCESS.md; guideline 1.8.4.1, 1.12.1).

Request: only earning activities whose `tyonantajan_tunnus` is the organisation
acted for; no tax or distraint inputs of the insured; from `/calculate` only the
employer's outputs (days, its share).  Response of `/paatosehdotus`: the
employer's copy — decision, days, its share per month and payment period — and
nothing of the insured's tax, distraint or net.

`tyonantajan_paatos(ehdotus, tunnus)` filters today's full proposal; when the
decision documents give a per-recipient document it is the one function to switch.
"""

from __future__ import annotations

#: outputs an employer may ask /calculate for: days and its own share
SALLITUT_TULOKSET = {
    "tartuntatautipaivaraha_tyonantajalle", "paivarahan_osuus", "tartuntatautipaivarahan_maksupaivat",
    "myonnetyt_paivat", "paatoksen_arkipaivat", "oikeus_tartuntatautipaivarahaan",
}
#: inputs that are the insured's own tax and distraint data, never the employer's to give
_VAKUUTETUN_ETUUSLIITTEET = ("ennakonpidatys", "ulosotto", "kohdistuu_edelliseen_vuoteen")


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


def _omat(rivit, tunnus: str) -> list:
    return [r for r in rivit or () if r.get("tyonantajan_tunnus") == tunnus]


def tyonantajan_paatos(ehdotus: dict, tunnus: str) -> dict:
    """The employer's part of a full decision proposal (its days, share, payment periods)."""
    osa = {k: ehdotus.get(k) for k in ("kieli", "etuus", "ratkaisu", "ratkaisu_teksti", "otsikko", "paatos")}
    osa["saaja"] = "tyonantaja"
    osa["tyonantajan_tunnus"] = tunnus
    osa["kuukaudet"] = [
        {"kuukausi": k["kuukausi"], "paatoksen_arkipaivat": k["paatoksen_arkipaivat"],
         "myonnetyt_paivat": k["myonnetyt_paivat"], "maksupaivat": k["maksupaivat"],
         "tyonantajalle": _omat(k.get("tyonantajille"), tunnus)}
        for k in ehdotus.get("kuukaudet") or ()
    ]
    osa["maksukaudet"] = [
        {"alku": k.get("alku"), "loppu": k.get("loppu"), "arkipaivat": k.get("arkipaivat"), "vajaa": k.get("vajaa"),
         "tyonantajalle": _omat(k.get("tyonantajille"), tunnus)}
        for k in ehdotus.get("maksukaudet") or ()
    ]
    osa["paatoksen_saajat"] = [s for s in ehdotus.get("paatoksen_saajat") or () if s.get("tyonantajan_tunnus") == tunnus]
    yhteensa = ehdotus.get("yhteensa") or {}
    osa["yhteensa"] = {k: yhteensa.get(k) for k in ("paatoksen_arkipaivat", "myonnetyt_paivat", "maksupaivat")}
    osa["yhteensa"]["tyonantajalle"] = sum(s.get("maara") or 0 for s in osa["paatoksen_saajat"])
    return osa
