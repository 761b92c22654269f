"""Overpayment, recovery and offsetting (guideline 1.9.3.6, 1.10, 1.10.1, 1.12.1, 1.13, 1.14).

From whom: each payee for what it was overpaid (1.10): the insured, the
employer for what it received; the pay-security payer, the fund (gross) and Kela
(returned from Kela's benefit) in `variables/tarkistus_muut_saajat.py`; the
municipality's overpayment, by default, from the insured (RULES.md §10).  How: the insured's overpayment is recovered net
of the tax withheld from it while the repayment can still count in the payment
year's taxation — to the end of `takaisinperinta.nettoperinnan_viimeinen_kuukausi`
of the year after the payment year (1.9.3.6; TVL 112 a §) — and gross after it;
an employer's always gross (not taxed, 1.10).  The model dates the recovery by
the revision decision (`tarkistuspaatoksen_paiva`).  Offsetting (kuittaus): a
payee's recoverable amount is offset against what the same revision pays it
(months corrected upwards and months not paid yet), as far as it goes; the rest
is recovered or paid (`variables/tarkistus_yhteensa.py`, for the whole
revision).  The decision then states, per payee, the overpayment, the offset and
the rest (`asiakirjat/tarkistus.py`), with a hearing letter (1.10) and, for a
correction to a party's detriment, its consent (1.12.1).
"""

import numpy as np
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta import kalenteri
from openfisca_tartunta.entities import Ansiotyo, Vakuutettu
from openfisca_tartunta.luettelot import Ennakonpidatysperuste
from openfisca_tartunta.raha import euroina, sentin_tarkkuudella
from openfisca_tartunta.tarkistukset import vaadi

_VIITE = ["Kelan etuusohje 1.10, 1.10.1, 1.9.3.6", "SVL 1224/2004 15 luku"]
_VIITE_NETTO = _VIITE + ["Tuloverolaki 1535/1992 112 a §", "Verohallinnon päätös 1033/2019"]


def _nettoperinnan_maaraaika(vuosi, viimeinen_kuukausi) -> np.ndarray:
    """Last day of net recovery for payments of `vuosi`: end of month k of the year after (k by payment year).

    `viimeinen_kuukausi(paiva)`: the formula's own read of the parameter at `paiva` (the
    Legislation Explorer links a parameter from the formula that reads it).
    """
    vuosi = np.asarray(vuosi, dtype=np.int64)
    kuukausi = np.zeros(vuosi.size, dtype=np.int64)
    for y in np.unique(vuosi):
        kuukausi[vuosi == y] = viimeinen_kuukausi(f"{int(y)}-01-01")
    kuukausia = (vuosi + 1 - 1970) * 12 + (kuukausi - 1) + 1
    return kuukausia.astype("datetime64[M]").astype("datetime64[D]") - np.timedelta64(1, "D")


class takaisinperitaan_nettona(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    label = "Vakuutetun liikamaksu peritään nettomääräisenä"
    reference = _VIITE_NETTO
    documentation = (
        "True when the month has an overpayment to the insured and `tarkistuspaatoksen_paiva` is at the "
        "latest the last day of `takaisinperinta.nettoperinnan_viimeinen_kuukausi` (read at 1 January of "
        "`maksuvuosi`) of the year after `maksuvuosi`: 31 May for payments of 2017–2019 (1.9.3.6), "
        "30 April from the payments of 2020 (VH päätös 1033/2019). With a source-tax card the tax can be "
        "corrected only within the payment year (1.9.3.5), so net only until 31 December of `maksuvuosi`. "
        "A month with an overpayment needs `maksuvuosi` and `tarkistuspaatoksen_paiva`."
    )

    def formula(vakuutettu, period, parameters):
        liika = euroina(vakuutettu("liikamaksu_vakuutetulle", period)) > 0
        vuosi = np.asarray(vakuutettu("maksuvuosi", period), dtype=np.int64)
        paiva = kalenteri.paivina(vakuutettu("tarkistuspaatoksen_paiva", period.this_year))
        annettu_paiva = paiva != kalenteri.AINA
        paivan_vuosi = paiva.astype("datetime64[Y]").astype(np.int64) + 1970
        # A year given is checked wherever it is given; it is required where an overpayment needs it.
        vaadi(
            ~liika | (vuosi != 0),
            "maksuvuosi",
            vuosi,
            f"missing for {period}: the month has an overpayment to the insured, and the year it was paid "
            "decides whether it is recovered net or gross (1.9.3.6)",
        )
        vaadi(
            (vuosi == 0) | (vuosi >= period.start.year),
            "maksuvuosi",
            vuosi,
            f"before {period.start.year}: a payment for {period} is not paid before the month's year",
        )
        vaadi(
            ~liika | annettu_paiva,
            "tarkistuspaatoksen_paiva",
            paiva,
            "missing: the revision has an overpayment to the insured, and its date decides net or gross recovery (1.9.3.6)",
        )
        vaadi(
            (vuosi == 0) | ~annettu_paiva | (vuosi <= paivan_vuosi),
            "maksuvuosi",
            vuosi,
            "after the year of tarkistuspaatoksen_paiva: a previous payment is paid before the revision",
        )
        if not liika.any():
            return np.zeros(vakuutettu.count, dtype=bool)
        def viimeinen_kuukausi(paiva):
            kuukausi = parameters(paiva).takaisinperinta.nettoperinnan_viimeinen_kuukausi
            return kuukausi

        maaraaika = _nettoperinnan_maaraaika(np.where(liika, vuosi, period.start.year), viimeinen_kuukausi)
        # Source tax can be corrected only within the payment year (1.9.3.5 "Lähdevero").
        lahde = vakuutettu("ennakonpidatysperuste", period) == Ennakonpidatysperuste.lahdeverokortti
        vuoden_loppu = (np.where(liika, vuosi, period.start.year) + 1 - 1970).astype("datetime64[Y]").astype("datetime64[D]") - 1
        return liika & (paiva <= np.where(lahde, vuoden_loppu, maaraaika))


class liikamaksun_ennakonpidatys(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Liikamaksusta toimitettu ennakonpidätys kuukaudelta"
    reference = _VIITE + ["Kelan etuusohje 1.9.3"]
    documentation = (
        "In a month with an overpayment to the insured, the tax withheld that the corrected decision "
        "no longer withholds: −`erotus_ennakonpidatys`, between 0 and `liikamaksu_vakuutetulle`."
    )

    def formula(vakuutettu, period):
        liika = euroina(vakuutettu("liikamaksu_vakuutetulle", period))
        vero = -euroina(vakuutettu("erotus_ennakonpidatys", period))
        return np.where(liika > 0, np.clip(vero, 0.0, liika), 0.0)


class takaisinperittava_vakuutetulta(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetulta takaisin perittävä määrä kuukaudelta (ennen kuittausta)"
    reference = _VIITE_NETTO
    documentation = (
        "`liikamaksu_vakuutetulle` less `liikamaksun_ennakonpidatys` when `takaisinperitaan_nettona`, "
        "else the whole gross overpayment; plus `kunnan_liikamaksu_vakuutetulta` (the municipality's "
        "overpayment, the insured's by the default reading, 1.10). Distraint paid to the bailiff from the "
        "overpaid part is the insured's overpayment too (paid for the insured's debt; RULES.md)."
    )

    def formula(vakuutettu, period):
        liika = euroina(vakuutettu("liikamaksu_vakuutetulle", period))
        vero = euroina(vakuutettu("liikamaksun_ennakonpidatys", period))
        kunta = euroina(vakuutettu("kunnan_liikamaksu_vakuutetulta", period))
        return sentin_tarkkuudella(np.where(vakuutettu("takaisinperitaan_nettona", period), liika - vero, liika) + kunta)


class takaisinperittava_tyonantajalta(Variable):
    value_type = float
    entity = Ansiotyo
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työnantajalta takaisin perittävä määrä kuukaudelta (ennen kuittausta)"
    reference = _VIITE + ["Kelan etuusohje 1.3.2.3"]
    documentation = "`liikamaksu_tyonantajalle`: always gross, the employer's part is not taxed (1.10)."

    def formula(ansiotyo, period):
        return ansiotyo("liikamaksu_tyonantajalle", period)


class kuittaus_sallittu_kuukaudelta(Variable):
    value_type = bool
    entity = Vakuutettu
    definition_period = MONTH
    label = "Kuukauden maksusta voidaan kuitata liikamaksua"
    reference = ["Kelan etuusohje 1.9.3.6, 1.10.2", "SVL 1224/2004 15 luku"]
    documentation = (
        "Default reading: every month of the revision, the months not yet paid (the next payments) "
        "included (1.9.3.6 'periä takaisin ja kuitata'). The reform `tulkinta_kuittaus` allows only "
        "months that begin before `tarkistuspaatoksen_paiva` (the retroactive part) (RULES.md)."
    )

    def formula(vakuutettu, period):
        return np.ones(vakuutettu.count, dtype=bool)
