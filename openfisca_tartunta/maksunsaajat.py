"""The payees of a revision, in one table (guideline 1.9.2, 1.10, 1.13).

Each payee has the model's current amount (the corrected decision, computed on
the current facts), the input a case system sends with what was already paid,
and the names of the revision's outputs.  Formulas (`variables/tarkistus.py`,
`variables/takaisinperinta.py`, `variables/tarkistus_yhteensa.py`, the current amounts in
`variables/tarkistus_nykyiset.py` and the other payees' in `variables/tarkistus_palkkaturva.py`,
`_kunta.py`, `_tyottomyyskassa.py`, `_kela.py`), the `/tarkistus` endpoint, the documents and
the batch/column tools all read this table; a new payee is one entry here plus
its variable classes (OpenFisca needs each as a class in `variables/`; their
formulas are one call of `openfisca_tartunta/tarkistuksen_laskenta.py` with the
payee's code), and `tests/pytest/test_tarkistus.py` checks that every entry's
variables exist.

Every payee of the first decision (`maksujako.MAKSUNSAAJIEN_OSUUDET`) is here,
so that the payees' current amounts add up to the gross allowance: the insured
(what is paid for the insured: tax, distraint and the net to whoever receives
it, 1.9.2.1, 1.9.2.4, 1.9.2.8), each employer row (its share less a
pay-security row's), the pay-security payer (1.9.2.3), the municipality
(1.9.2.5), the unemployment fund (1.9.2.6) and Kela (1.9.2.7, 1.9.2.11).

`verotettava`: the payment is taxed (withholding, 1.9.3): the insured's part.
Its overpayment may be recovered net of the tax withheld (1.9.3.6, 1.10); the
other payees' overpayments are recovered gross (1.10: "ei ole
ennakonpidätyksenalaista. Se peritään bruttomääräisenä").  `kelan_oma`: Kela's
own benefits; what Kela was overpaid is not recovered by a letter but returned
from Kela's benefit in Kela's own system (1.9.2.11, 1.10.2; RULES.md §10).
Only the insured and the employers are heard (1.10 "Muita liikamaksunsaajia ei
kuulla") and only they are parties whose consent a correction may need
(1.12.1): the others have no `kuultu`, `kuulemiskirje`, `suostumus` (None).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Maksunsaaja:
    koodi: str
    #: OpenFisca entity key of the amounts: "vakuutettu" (one per insured) or "ansiotyo" (one per row).
    entiteetti: str
    #: The corrected decision's amount for the month (a model output).
    nykyinen: str
    #: What was already paid to the payee for the month (an input, gross).
    aiempi: str
    verotettava: bool
    #: Monthly outputs: signed difference, additional payment (+), overpayment (gross, −).
    erotus: str
    lisamaksu: str
    liikamaksu: str
    #: Monthly: what the revision pays out (after tax and distraint for a taxed payee) and
    #: what it recovers (net or gross by 1.9.3.6).
    maksettava: str
    takaisinperittava: str
    #: For the whole revision (ETERNITY): the totals, the offset and what remains each way.
    liikamaksu_yhteensa: str
    maksettava_yhteensa: str
    takaisinperittava_yhteensa: str
    kuittaus: str
    perittava: str
    maksettava_kuittauksen_jalkeen: str
    #: ETERNITY input: the payee was already heard on the overpayment (1.10); None: never heard.
    kuultu: str | None = None
    #: ETERNITY output: the overpayment notice with its hearing is sent (1.10); None: never heard.
    kuulemiskirje: str | None = None
    #: ETERNITY output: the change is to the payee's detriment and needs its consent (1.12.1); None: not a party.
    suostumus: str | None = None
    #: Kela's own benefits: an overpayment is returned from Kela's benefit, not recovered (1.9.2.11, 1.10.2).
    kelan_oma: bool = False


def _maksunsaaja(koodi: str, entiteetti: str, nykyinen: str, lle: str, lta: str, **muut) -> Maksunsaaja:
    """A payee whose input and output names are built from its name's two forms, "to" (`lle`,
    e.g. `kunnalle`) and "from" (`lta`, `kunnalta`); `muut` sets the rest or overrides a name."""
    nimet = dict(
        aiempi=f"maksettu_{lle}",
        verotettava=False,
        erotus=f"erotus_{lle}",
        lisamaksu=f"lisamaksu_{lle}",
        liikamaksu=f"liikamaksu_{lle}",
        maksettava=f"maksettava_{lle}",
        takaisinperittava=f"takaisinperittava_{lta}",
        liikamaksu_yhteensa=f"liikamaksu_{lle}_yhteensa",
        maksettava_yhteensa=f"maksettava_{lle}_yhteensa",
        takaisinperittava_yhteensa=f"takaisinperittava_{lta}_yhteensa",
        kuittaus=f"kuittaus_{lta}",
        perittava=f"perittava_{lta}",
        maksettava_kuittauksen_jalkeen=f"maksettava_{lle}_kuittauksen_jalkeen",
    )
    return Maksunsaaja(koodi=koodi, entiteetti=entiteetti, nykyinen=nykyinen, **{**nimet, **muut})


def _osapuoli(koodi: str, entiteetti: str, nykyinen: str, lle: str, lta: str, kuultu: str, **muut) -> Maksunsaaja:
    """A payee that is a party: heard on an overpayment and asked for consent (1.10, 1.12.1)."""
    return _maksunsaaja(koodi, entiteetti, nykyinen, lle, lta, kuultu=kuultu, kuulemiskirje=f"kuulemiskirje_{lle}",
                        suostumus=f"suostumus_tarvitaan_{lta}", **muut)


MAKSUNSAAJAT: tuple[Maksunsaaja, ...] = (
    _osapuoli("vakuutettu", "vakuutettu", "tartuntatautipaivaraha_vakuutetun_hyvaksi", "vakuutetulle", "vakuutetulta",
              "vakuutettua_kuultu_liikamaksusta", verotettava=True),
    _osapuoli("tyonantaja", "ansiotyo", "maksetaan_tyonantajalle", "tyonantajalle", "tyonantajalta",
              "tyonantajaa_kuultu_liikamaksusta"),
    _maksunsaaja("palkkaturvan_maksaja", "vakuutettu", "maksetaan_palkkaturvan_maksajalle", "palkkaturvan_maksajalle",
                 "palkkaturvan_maksajalta"),
    _maksunsaaja("kunta", "vakuutettu", "maksetaan_kunnalle", "kunnalle", "kunnalta"),
    _maksunsaaja("tyottomyyskassa", "vakuutettu", "maksetaan_tyottomyyskassalle", "tyottomyyskassalle", "tyottomyyskassalta"),
    # Kela's overpayment is returned from its own benefit, not recovered (1.9.2.11, 1.10.2).
    _maksunsaaja("kela", "vakuutettu", "maksetaan_kelalle", "kelalle", "kelalta", kelan_oma=True,
                 takaisinperittava="palautettava_kelan_etuudelta",
                 takaisinperittava_yhteensa="palautettava_kelan_etuudelta_yhteensa",
                 perittava="palautettava_kelan_etuudelta_kuittauksen_jalkeen"),
)

#: Payee by code.
MAKSUNSAAJA = {m.koodi: m for m in MAKSUNSAAJAT}

#: Monthly inputs of previous payments beyond the payees' gross amounts: the insured's tax and
#: distraint withheld, net paid, and the year the month was paid (1.9.3.6).
VAKUUTETUN_AIEMMAT = ("maksettu_ennakonpidatys", "maksettu_ulosottopidatys", "maksettu_vakuutetulle_netto", "maksuvuosi")


def aiemmat_syotteet() -> tuple[str, ...]:
    """Every monthly previous-payment input (the months given decide the revision's months)."""
    return tuple(m.aiempi for m in MAKSUNSAAJAT) + VAKUUTETUN_AIEMMAT


def kuukausittaiset(m: Maksunsaaja) -> tuple[str, ...]:
    """The payee's monthly outputs, in the order a revision states them."""
    return (m.nykyinen, m.aiempi, m.erotus, m.lisamaksu, m.liikamaksu, m.maksettava, m.takaisinperittava)


def koko_tarkistukselle(m: Maksunsaaja) -> tuple[str, ...]:
    """The payee's outputs for the whole revision (ETERNITY); a payee never heard has no hearing or consent."""
    nimet = (m.liikamaksu_yhteensa, m.maksettava_yhteensa, m.takaisinperittava_yhteensa, m.kuittaus, m.perittava,
             m.maksettava_kuittauksen_jalkeen, m.kuulemiskirje, m.suostumus)
    return tuple(n for n in nimet if n)


def kuukausittaiset_tulokset(entiteetti: str) -> tuple[str, ...]:
    """The revision's monthly money outputs on one entity (`vakuutettu` or `ansiotyo`), for the
    batch and population tools (the ETERNITY totals are per case, not per month)."""
    return tuple(n for m in MAKSUNSAAJAT if m.entiteetti == entiteetti
                 for n in (m.erotus, m.lisamaksu, m.liikamaksu, m.maksettava, m.takaisinperittava))


def on_tarkistus(sarakkeet, erotin: str = "@") -> bool:
    """Whether a table's columns carry previous payments (`maksettu_vakuutetulle`, `maksettu_tyonantajalle@2024-03`, …)."""
    aiemmat = set(aiemmat_syotteet())
    return any(str(s).partition(erotin)[0] in aiemmat for s in sarakkeet)
