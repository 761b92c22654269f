"""Reading what the decision documents state of the payees (guideline 1.9.2, 1.8.4; RULES.md §11, §12)
for `/paatosehdotus`: each month's amount per payee (`maksujako.MAKSUNSAAJIEN_OSUUDET`), the parts
of Kela's, the fund's and the municipality's amount with the claims behind them, and the claims'
periods.  Each variable is read once; the parts and the claims only when that payee is paid, a
claim input only when the case gave it.  Nothing is computed here.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from openfisca_tartunta.annetut_kuukaudet import syote_annettu
from openfisca_tartunta.asiakirjat.tapaus import Jaksotieto, KuukaudenLuvut
from openfisca_tartunta.maksujako import MAKSUNSAAJIEN_OSUUDET
from openfisca_tartunta.raha import sentteina

_EI_ANNETTU = np.datetime64("9999-12-31", "D")  # a claim period's first day not given


def _c(arvo) -> int:
    return int(sentteina(arvo).item())


def _pv(arvo) -> dt.date | None:
    d = np.datetime64(arvo, "D")
    return None if d == _EI_ANNETTU else d.astype(dt.date)


#: payee paid → (the variables of its parts, the claim inputs behind them) (RULES.md §11)
_OSAT = {
    "kela": (("regressina_kelalle", "kelalle_ennen_ulosottoa"),
             ("kelan_regressivaatimus", "kelan_kulukorvausvaatimus", "kelan_toimeentulotukivaatimus")),
    "tyottomyyskassa": (("regressina_tyottomyyskassalle", "tyottomyyskassalle_ennen_ulosottoa"),
                        ("tyottomyyskassan_maksuvaatimus", "tyottomyyskassan_kulukorvausvaatimus")),
    "kunta": (("kunnalle_ennen_ulosottoa", "kunnalle_elamantapojen_vuoksi"),
              ("kunnan_toimeentulotukivaatimus", "kunnan_asiakasmaksuvaatimus", "kunnan_elamantapavaatimus")),
}
_KUNNAN_VAATIMUKSET = ("kunnan_toimeentulotukivaatimus", "kunnan_asiakasmaksuvaatimus")


def maksunsaajien_luvut(L, kk: str, annetut: set[str]) -> dict:
    """`KuukaudenLuvut` fields of month `kk`: the payees (`MAKSUNSAAJIEN_OSUUDET`) in cents, each variable
    read once; the parts and the claims of Kela, the fund and the municipality only when that payee is paid."""
    maksut = {koodi: s for koodi, nimi in MAKSUNSAAJIEN_OSUUDET.items() if (s := _c(L(nimi, kk)[0]))}
    osat, vaatimukset = {}, set()
    for koodi, (muuttujat, syotteet) in _OSAT.items():
        if koodi in maksut:
            osat.update({n: _c(L(n, kk)[0]) for n in muuttujat})
            vaatimukset.update(n for n in syotteet if n in annetut and L(n, kk)[0] > 0)
    # a municipality's claim that arrived late is not paid (1.9.2.5): the handler is told
    myohassa = any(n in annetut and L(n, kk)[0] > 0 for n in _KUNNAN_VAATIMUKSET) and not L("kunnan_vaatimus_ajoissa", kk)[0]
    hyvinvointialue = "kunta" in maksut and bool(L("kunnan_vaatija_on_hyvinvointialue", kk)[0])
    return {"maksut": maksut, "osat": osat, "vaatimukset": frozenset(vaatimukset), "kunnan_vaatimus_myohassa": bool(myohassa),
            "hyvinvointialue": hyvinvointialue}


def annetut_vaatimukset(vakuutettu) -> set[str]:
    """The claim inputs the case gave at all (`annetut_kuukaudet.syote_annettu`)."""
    return {n for _m, (_o, syotteet) in _OSAT.items() for n in syotteet if syote_annettu(vakuutettu, n)}


#: claim periods the documents name (1.9.2.5, 1.9.2.7): Tapaus field → (claim inputs, the period's variables)
_VAATIMUSJAKSOT = {
    "kunnan_toimeentulotuki": (("kunnan_toimeentulotukivaatimus",), "kunnan_toimeentulotuki"),
    "kunnan_hoito": (("kunnan_asiakasmaksuvaatimus",), "kunnan_hoito"),
    "kelan_toimeentulotuki": (("kelan_toimeentulotukivaatimus",), "kelan_toimeentulotuki"),
}


def vaatimusjaksot(L, k0: str, kk_luvut: list[KuukaudenLuvut]) -> dict:
    """`Tapaus` fields: the period of each claim paid in some month (ETERNITY inputs)."""
    tulos = {}
    for kentta, (vaatimukset, nimi) in _VAATIMUSJAKSOT.items():
        if any(set(vaatimukset) & k.vaatimukset for k in kk_luvut):
            tulos[kentta] = Jaksotieto(_pv(L(f"{nimi}_alkaa", k0)[0]), np.datetime64(L(f"{nimi}_paattyy", k0)[0], "D").astype(dt.date))
    return tulos
