"""The order of the payees of the insured's part (guideline 1.9.2, 1.9.2.4–1.9.2.9).

Per month, on the insured's gross part (`tartuntatautipaivaraha_vakuutetulle`;
the employers' and the pay-security payer's part is never claimed):

1. regress, gross and tax-free: Kela's offset, then the unemployment fund
   (`variables/regressi.py`, 1.9.2.6, 1.9.2.7, 1.9.2.10, 1.9.2.11, 1.9.3.7);
2. withholding on the rest (`ennakonpidatys`, 1.9.3) → the insured's net;
3. claims before distraint, from the net: Kela's (income support paid in advance,
   expense compensation), the unemployment fund's expense compensation, then the
   municipality's income support and client fee ("päiväraha maksetaan ensin
   Kelalle … ylittävältä osalta kunnalle", 1.9.2.5, 1.9.2.7; "ensisijaisesti
   kunnalle", 1.9.2.9);
4. distraint on what is left (`ulosottopidatys`, 1.9.2.9);
5. the municipality's social-welfare body for the insured's way of life, after
   distraint (1.9.2.9; SVL 15:12 § 3 mom.);
6. the rest, `tartuntatautipaivaraha_netto`, to the insured's account — or to the
   guardian, the confirmed continuing power of attorney holder, or exceptionally
   under a power of attorney (1.9.2.4, 1.9.2.8): the amount stays the insured's.

Each step takes at most what is left.  The payees and their variables are listed
once in `openfisca_tartunta.maksujako.MAKSUNSAAJIEN_OSUUDET`.
"""

import numpy as np
from openfisca_core.holders import set_input_dispatch_by_period
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu
from openfisca_tartunta.maksujako import ei_vaatimusta, paivien_osuus, vaatimus
from openfisca_tartunta.raha import erotus, euroina, senteiksi
from openfisca_tartunta.tarkistukset import vaadi

_VIITE_KELA = ["Kelan etuusohje 1.9.2.7, 1.9.3.7", "Laki toimeentulotuesta 1412/1997 23 §", "TTL 1290/2002 11 luku 14 §"]


class VakuutetunOsanSaaja(Enum):
    """Who receives the insured's net (1.9.2.1, 1.9.2.4, 1.9.2.8)."""

    vakuutettu = "Vakuutettu itse"
    edunvalvoja = "Edunvalvoja tai hänen määräämänsä vakuutetun tili (HolhTL 442/1999 4 §)"
    edunvalvontavaltuutettu = "Edunvalvontavaltuutetun ilmoittama tili (L 648/2007 2 §)"
    valtakirja = "Valtakirja / muu laitos (vain ulosoton maksukiellon toteuttamiseksi)"


# --- inputs ---------------------------------------------------------------------


class vakuutetun_osan_saaja(Variable):
    value_type = Enum
    possible_values = VakuutetunOsanSaaja
    default_value = VakuutetunOsanSaaja.vakuutettu
    entity = Vakuutettu
    definition_period = MONTH
    set_input = set_input_dispatch_by_period
    label = "Vakuutetun nettomäärän maksunsaaja"
    reference = ["Kelan etuusohje 1.9.2.1, 1.9.2.4, 1.9.2.8"]
    documentation = (
        "`edunvalvoja`: a guardian manages the insured's finances; `edunvalvontavaltuutettu`: a confirmed "
        "continuing power of attorney that covers benefit matters; `valtakirja`: only when a payment "
        "prohibition cannot otherwise be carried out (1.9.2.8), so only with `ulosotto_maksukielto`."
    )


# --- the ranking ------------------------------------------------------------------


def _e(vakuutettu, nimi, period):
    return euroina(vakuutettu(nimi, period))


class vakuutetun_osa_verojen_jalkeen(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetun osa regressien ja ennakonpidätyksen jälkeen"
    reference = ["Kelan etuusohje 1.9.2, 1.9.3"]
    documentation = "`ennakonpidatyksen_alainen_osa` − `ennakonpidatys`: the net the claims of steps 3–5 share."

    def formula(vakuutettu, period):
        return senteiksi(np.maximum(erotus(vakuutettu, period, "ennakonpidatyksen_alainen_osa", "ennakonpidatys"), 0.0))


class kelalle_ennen_ulosottoa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kelan nettovaatimuksiin maksettava osa"
    reference = _VIITE_KELA
    documentation = (
        "min(`kelan_kulukorvausvaatimus` + min(`kelan_toimeentulotukivaatimus`, the net × "
        "`kelan_toimeentulotuen_maksupaivat` ÷ the month's paid days), the net)."
    )

    def formula(vakuutettu, period):
        if ei_vaatimusta(vakuutettu, "kelan_kulukorvausvaatimus", "kelan_toimeentulotukivaatimus"):
            return np.zeros(vakuutettu.count)
        netto = _e(vakuutettu, "vakuutetun_osa_verojen_jalkeen", period)
        kulu = vaatimus(vakuutettu, "kelan_kulukorvausvaatimus", period, "1.9.2.7")
        tt = vaatimus(vakuutettu, "kelan_toimeentulotukivaatimus", period, "1.9.2.7")
        paivat = vakuutettu("kelan_toimeentulotuen_maksupaivat", period)
        tt = np.minimum(tt, paivien_osuus(netto, paivat, vakuutettu("tartuntatautipaivarahan_maksupaivat", period)))
        return senteiksi(np.minimum(kulu + tt, netto))


class tyottomyyskassalle_ennen_ulosottoa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työttömyyskassan kulukorvausvaatimukseen maksettava osa"
    reference = ["Kelan etuusohje 1.9.2.6"]
    documentation = "min(`tyottomyyskassan_kulukorvausvaatimus`, the net − Kela's)."

    def formula(vakuutettu, period):
        if ei_vaatimusta(vakuutettu, "tyottomyyskassan_kulukorvausvaatimus"):
            return np.zeros(vakuutettu.count)
        jaljella = _e(vakuutettu, "vakuutetun_osa_verojen_jalkeen", period) - _e(vakuutettu, "kelalle_ennen_ulosottoa", period)
        kulu = vaatimus(vakuutettu, "tyottomyyskassan_kulukorvausvaatimus", period, "1.9.2.6")
        return senteiksi(np.minimum(kulu, np.maximum(jaljella, 0.0)))


class kunnalle_ennen_ulosottoa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kunnalle ennen ulosottoa maksettava osa (toimeentulotuki, asiakasmaksu)"
    reference = ["Kelan etuusohje 1.9.2.5, 1.9.2.7, 1.9.2.9"]
    documentation = "min(`kunnan_hyvaksytty_vaatimus`, the net − Kela's − the fund's)."

    def formula(vakuutettu, period):
        hyvaksytty = _e(vakuutettu, "kunnan_hyvaksytty_vaatimus", period)
        if not hyvaksytty.any():  # no claim (the usual population): nothing else to read
            return hyvaksytty
        jaljella = (
            _e(vakuutettu, "vakuutetun_osa_verojen_jalkeen", period)
            - _e(vakuutettu, "kelalle_ennen_ulosottoa", period)
            - _e(vakuutettu, "tyottomyyskassalle_ennen_ulosottoa", period)
        )
        return senteiksi(np.minimum(hyvaksytty, np.maximum(jaljella, 0.0)))


class ulosottoon_kaytettavissa(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetun nettomäärä ennen ulosottoa (etusijaisten vaatimusten jälkeen)"
    reference = ["Kelan etuusohje 1.9.2.9"]
    documentation = (
        "The net less the claims that rank before distraint (Kela's, the fund's, the municipality's "
        "income support and client fee): the most the bailiff can take (1.9.2.9)."
    )

    def formula(vakuutettu, period):
        ennen = ("kelalle_ennen_ulosottoa", "tyottomyyskassalle_ennen_ulosottoa", "kunnalle_ennen_ulosottoa")
        return senteiksi(np.maximum(erotus(vakuutettu, period, "vakuutetun_osa_verojen_jalkeen", *ennen), 0.0))


class ulosoton_tulopohjan_paivaraha(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Tartuntatautipäivärahan osuus ulosoton tulopohjassa"
    reference = ["Kelan etuusohje 1.9.2.9", "Ulosottokaari 705/2007 4 luku 48–49 §"]
    documentation = (
        "Default reading (RULES.md §11): `ulosottoon_kaytettavissa` — what is paid for the municipality's "
        "or Kela's advance or to the fund is not the debtor's income of the month. The other reading is "
        "the reform `tulkinta_ulosoton_tulopohja` (the whole net counts)."
    )

    def formula(vakuutettu, period):
        return _e(vakuutettu, "ulosottoon_kaytettavissa", period)


class kunnalle_elamantapojen_vuoksi(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kunnan toimielimelle elämäntapojen vuoksi maksettava osa"
    reference = ["Kelan etuusohje 1.9.2.5, 1.9.2.9", "SVL 1224/2004 15 luku 12 § 3 mom."]
    documentation = "min(`kunnan_elamantapavaatimus`, `ulosottoon_kaytettavissa` − `ulosottopidatys`): after distraint (1.9.2.9)."

    def formula(vakuutettu, period):
        if ei_vaatimusta(vakuutettu, "kunnan_elamantapavaatimus"):
            return np.zeros(vakuutettu.count)
        jaljella = _e(vakuutettu, "ulosottoon_kaytettavissa", period) - _e(vakuutettu, "ulosottopidatys", period)
        pyynto = vaatimus(vakuutettu, "kunnan_elamantapavaatimus", period, "1.9.2.5")
        return senteiksi(np.minimum(pyynto, np.maximum(jaljella, 0.0)))


# --- paid to each payee ------------------------------------------------------------


class maksetaan_kelalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kelalle maksettava (regressikuittaus ja nettovaatimukset)"
    reference = _VIITE_KELA + ["Kelan etuusohje 1.9.2.11"]
    documentation = "`regressina_kelalle` (gross, tax-free) + `kelalle_ennen_ulosottoa` (from the net)."

    def formula(vakuutettu, period):
        return senteiksi(_e(vakuutettu, "regressina_kelalle", period) + _e(vakuutettu, "kelalle_ennen_ulosottoa", period))


class maksetaan_tyottomyyskassalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Työttömyyskassalle maksettava"
    reference = ["Kelan etuusohje 1.9.2.6, 1.9.2.10", "TTL 1290/2002 11 luku 14 §", "SVL 1224/2004 15 luku 11 §"]
    documentation = "`regressina_tyottomyyskassalle` (gross, tax-free) + `tyottomyyskassalle_ennen_ulosottoa` (from the net)."

    def formula(vakuutettu, period):
        return senteiksi(
            _e(vakuutettu, "regressina_tyottomyyskassalle", period) + _e(vakuutettu, "tyottomyyskassalle_ennen_ulosottoa", period)
        )


class maksetaan_kunnalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kunnalle maksettava"
    reference = ["Kelan etuusohje 1.9.2.5, 1.9.2.9"]
    documentation = "`kunnalle_ennen_ulosottoa` + `kunnalle_elamantapojen_vuoksi`."

    def formula(vakuutettu, period):
        return senteiksi(_e(vakuutettu, "kunnalle_ennen_ulosottoa", period) + _e(vakuutettu, "kunnalle_elamantapojen_vuoksi", period))


def _saajalle(vakuutettu, period, saaja):
    kuka = vakuutettu("vakuutetun_osan_saaja", period)
    vaadi(
        (kuka != VakuutetunOsanSaaja.valtakirja) | vakuutettu("ulosotto_maksukielto", period),
        "vakuutetun_osan_saaja",
        "valtakirja",
        "is used only when a payment prohibition cannot otherwise be carried out (1.9.2.8); no ulosotto_maksukielto is in force",
    )
    return np.where(kuka == saaja, _e(vakuutettu, "tartuntatautipaivaraha_netto", period), 0.0)


class maksetaan_vakuutetulle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Vakuutetun omalle tilille maksettava"
    reference = ["Kelan etuusohje 1.9.2.1"]
    documentation = "`tartuntatautipaivaraha_netto` when `vakuutetun_osan_saaja` is `vakuutettu`, else 0."

    def formula(vakuutettu, period):
        return _saajalle(vakuutettu, period, VakuutetunOsanSaaja.vakuutettu)


class maksetaan_edunvalvojalle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Edunvalvojalle (tai hänen määräämälleen vakuutetun tilille) maksettava"
    reference = ["Kelan etuusohje 1.9.2.4", "Laki holhoustoimesta 442/1999 4 §"]
    documentation = "The insured's net (`tartuntatautipaivaraha_netto`) when a guardian manages the insured's finances."

    def formula(vakuutettu, period):
        return _saajalle(vakuutettu, period, VakuutetunOsanSaaja.edunvalvoja)


class maksetaan_edunvalvontavaltuutetulle(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Edunvalvontavaltuutetun ilmoittamalle tilille maksettava"
    reference = ["Kelan etuusohje 1.9.2.4", "Laki edunvalvontavaltuutuksesta 648/2007 2 §"]
    documentation = "The insured's net when a confirmed continuing power of attorney covers benefit matters."

    def formula(vakuutettu, period):
        return _saajalle(vakuutettu, period, VakuutetunOsanSaaja.edunvalvontavaltuutettu)


class maksetaan_valtakirjalla(Variable):
    value_type = float
    entity = Vakuutettu
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Valtakirjalla (muu laitos) maksettava"
    reference = ["Kelan etuusohje 1.9.2.8"]
    documentation = "The insured's net paid under a power of attorney: only while a payment prohibition is in force (1.9.2.8)."

    def formula(vakuutettu, period):
        return _saajalle(vakuutettu, period, VakuutetunOsanSaaja.valtakirja)
