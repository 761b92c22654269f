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


MAKSUNSAAJAT: tuple[Maksunsaaja, ...] = (
    Maksunsaaja(
        koodi="vakuutettu",
        entiteetti="vakuutettu",
        nykyinen="tartuntatautipaivaraha_vakuutetun_hyvaksi",
        aiempi="maksettu_vakuutetulle",
        verotettava=True,
        erotus="erotus_vakuutetulle",
        lisamaksu="lisamaksu_vakuutetulle",
        liikamaksu="liikamaksu_vakuutetulle",
        maksettava="maksettava_vakuutetulle",
        takaisinperittava="takaisinperittava_vakuutetulta",
        liikamaksu_yhteensa="liikamaksu_vakuutetulle_yhteensa",
        maksettava_yhteensa="maksettava_vakuutetulle_yhteensa",
        takaisinperittava_yhteensa="takaisinperittava_vakuutetulta_yhteensa",
        kuittaus="kuittaus_vakuutetulta",
        perittava="perittava_vakuutetulta",
        maksettava_kuittauksen_jalkeen="maksettava_vakuutetulle_kuittauksen_jalkeen",
        kuultu="vakuutettua_kuultu_liikamaksusta",
        kuulemiskirje="kuulemiskirje_vakuutetulle",
        suostumus="suostumus_tarvitaan_vakuutetulta",
    ),
    Maksunsaaja(
        koodi="tyonantaja",
        entiteetti="ansiotyo",
        nykyinen="maksetaan_tyonantajalle",
        aiempi="maksettu_tyonantajalle",
        verotettava=False,
        erotus="erotus_tyonantajalle",
        lisamaksu="lisamaksu_tyonantajalle",
        liikamaksu="liikamaksu_tyonantajalle",
        maksettava="maksettava_tyonantajalle",
        takaisinperittava="takaisinperittava_tyonantajalta",
        liikamaksu_yhteensa="liikamaksu_tyonantajalle_yhteensa",
        maksettava_yhteensa="maksettava_tyonantajalle_yhteensa",
        takaisinperittava_yhteensa="takaisinperittava_tyonantajalta_yhteensa",
        kuittaus="kuittaus_tyonantajalta",
        perittava="perittava_tyonantajalta",
        maksettava_kuittauksen_jalkeen="maksettava_tyonantajalle_kuittauksen_jalkeen",
        kuultu="tyonantajaa_kuultu_liikamaksusta",
        kuulemiskirje="kuulemiskirje_tyonantajalle",
        suostumus="suostumus_tarvitaan_tyonantajalta",
    ),
    Maksunsaaja(
        koodi="palkkaturvan_maksaja",
        entiteetti="vakuutettu",
        nykyinen="maksetaan_palkkaturvan_maksajalle",
        aiempi="maksettu_palkkaturvan_maksajalle",
        verotettava=False,
        erotus="erotus_palkkaturvan_maksajalle",
        lisamaksu="lisamaksu_palkkaturvan_maksajalle",
        liikamaksu="liikamaksu_palkkaturvan_maksajalle",
        maksettava="maksettava_palkkaturvan_maksajalle",
        takaisinperittava="takaisinperittava_palkkaturvan_maksajalta",
        liikamaksu_yhteensa="liikamaksu_palkkaturvan_maksajalle_yhteensa",
        maksettava_yhteensa="maksettava_palkkaturvan_maksajalle_yhteensa",
        takaisinperittava_yhteensa="takaisinperittava_palkkaturvan_maksajalta_yhteensa",
        kuittaus="kuittaus_palkkaturvan_maksajalta",
        perittava="perittava_palkkaturvan_maksajalta",
        maksettava_kuittauksen_jalkeen="maksettava_palkkaturvan_maksajalle_kuittauksen_jalkeen",
    ),
    Maksunsaaja(
        koodi="kunta",
        entiteetti="vakuutettu",
        nykyinen="maksetaan_kunnalle",
        aiempi="maksettu_kunnalle",
        verotettava=False,
        erotus="erotus_kunnalle",
        lisamaksu="lisamaksu_kunnalle",
        liikamaksu="liikamaksu_kunnalle",
        maksettava="maksettava_kunnalle",
        takaisinperittava="takaisinperittava_kunnalta",
        liikamaksu_yhteensa="liikamaksu_kunnalle_yhteensa",
        maksettava_yhteensa="maksettava_kunnalle_yhteensa",
        takaisinperittava_yhteensa="takaisinperittava_kunnalta_yhteensa",
        kuittaus="kuittaus_kunnalta",
        perittava="perittava_kunnalta",
        maksettava_kuittauksen_jalkeen="maksettava_kunnalle_kuittauksen_jalkeen",
    ),
    Maksunsaaja(
        koodi="tyottomyyskassa",
        entiteetti="vakuutettu",
        nykyinen="maksetaan_tyottomyyskassalle",
        aiempi="maksettu_tyottomyyskassalle",
        verotettava=False,
        erotus="erotus_tyottomyyskassalle",
        lisamaksu="lisamaksu_tyottomyyskassalle",
        liikamaksu="liikamaksu_tyottomyyskassalle",
        maksettava="maksettava_tyottomyyskassalle",
        takaisinperittava="takaisinperittava_tyottomyyskassalta",
        liikamaksu_yhteensa="liikamaksu_tyottomyyskassalle_yhteensa",
        maksettava_yhteensa="maksettava_tyottomyyskassalle_yhteensa",
        takaisinperittava_yhteensa="takaisinperittava_tyottomyyskassalta_yhteensa",
        kuittaus="kuittaus_tyottomyyskassalta",
        perittava="perittava_tyottomyyskassalta",
        maksettava_kuittauksen_jalkeen="maksettava_tyottomyyskassalle_kuittauksen_jalkeen",
    ),
    Maksunsaaja(
        koodi="kela",
        entiteetti="vakuutettu",
        nykyinen="maksetaan_kelalle",
        aiempi="maksettu_kelalle",
        verotettava=False,
        erotus="erotus_kelalle",
        lisamaksu="lisamaksu_kelalle",
        liikamaksu="liikamaksu_kelalle",
        maksettava="maksettava_kelalle",
        takaisinperittava="palautettava_kelan_etuudelta",
        liikamaksu_yhteensa="liikamaksu_kelalle_yhteensa",
        maksettava_yhteensa="maksettava_kelalle_yhteensa",
        takaisinperittava_yhteensa="palautettava_kelan_etuudelta_yhteensa",
        kuittaus="kuittaus_kelalta",
        perittava="palautettava_kelan_etuudelta_kuittauksen_jalkeen",
        maksettava_kuittauksen_jalkeen="maksettava_kelalle_kuittauksen_jalkeen",
        kelan_oma=True,
    ),
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
