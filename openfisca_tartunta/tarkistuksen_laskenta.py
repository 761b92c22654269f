"""Helpers of the revision's formulas (guideline 1.9.3.6, 1.10, 1.13; `variables/tarkistus.py`,
`variables/takaisinperinta.py`, `variables/tarkistus_yhteensa.py`), driven by the payee table
`maksunsaajat.MAKSUNSAAJAT`.

The revision's months are the months of the corrected decision and every month
a previous payment was given for (OpenFisca's record of the simulation, as for
missing months, CONTRACT.md): an earlier end (1.14) keeps the months it cuts.
Sums over them loop over months, never over people.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit, period as _period

from openfisca_tartunta import kalenteri
from openfisca_tartunta.maksunsaajat import MAKSUNSAAJA, aiemmat_syotteet
from openfisca_tartunta.raha import euroina, senteiksi, sentin_tarkkuudella
from openfisca_tartunta.tarkistukset import ei_negatiivinen


_EI_KUUKAUTTA = _period("2017-01")


def _kuukausina(jakso):
    if jakso.unit == DateUnit.ETERNITY:
        return []
    if jakso.unit == DateUnit.MONTH and jakso.size == 1:
        return [jakso]
    return list(jakso.get_subperiods(DateUnit.MONTH))


def _valimuisti(simulaatio) -> dict:
    """Per-simulation memo of the revision's months and offsets (computed once, read by several outputs)."""
    muisti = getattr(simulaatio, "_tarkistuksen_valimuisti", None)
    if muisti is None:
        muisti = {}
        simulaatio._tarkistuksen_valimuisti = muisti
    return muisti


def kuukaudet(vakuutettu) -> list:
    """The revision's months, in order (MONTH periods)."""
    muisti = _valimuisti(vakuutettu.simulation)
    if "kuukaudet" not in muisti:
        muisti["kuukaudet"] = _kuukaudet(vakuutettu)
    return muisti["kuukaudet"]


def _kuukaudet(vakuutettu) -> list:
    simulaatio = vakuutettu.simulation
    kuukaudet = set()
    for nimi in aiemmat_syotteet():
        if nimi in simulaatio.tax_benefit_system.variables:
            for jakso in simulaatio.get_holder(nimi).get_known_periods():
                kuukaudet.update(_kuukausina(jakso))
    # Any month reads an ETERNITY variable (OpenFisca's ETERNITY period has no start date).
    alku = kalenteri.paivina(vakuutettu("paatoksen_ensimmainen_paiva", _EI_KUUKAUTTA))
    loppu = kalenteri.paivina(vakuutettu("paatoksen_viimeinen_paiva", _EI_KUUKAUTTA))
    on = alku <= loppu
    if on.any():
        ensimmainen = str(alku[on].min())[:7]
        viimeinen = str(loppu[on].max())[:7]
        kk = _period(ensimmainen)
        while str(kk) <= viimeinen:
            kuukaudet.add(kk)
            kk = kk.offset(1)
    return sorted(kuukaudet, key=str)


def summa(populaatio, nimi: str) -> np.ndarray:
    """Σ of a monthly amount over the revision's months, in euros (float64, whole cents)."""
    vakuutettu = populaatio if populaatio.entity.key == "vakuutettu" else populaatio.simulation.populations["vakuutettu"]
    yhteensa = np.zeros(populaatio.count, dtype=np.float64)
    for kk in kuukaudet(vakuutettu):
        yhteensa += euroina(populaatio(nimi, kk))
    return senteiksi(yhteensa)


def erotus(populaatio, period, koodi: str) -> np.ndarray:
    """The payee's corrected amount less what was paid (signed, whole cents)."""
    m = MAKSUNSAAJA[koodi]
    aiempi = euroina(populaatio(m.aiempi, period))
    ei_negatiivinen(aiempi, m.aiempi, "1.13")
    return sentin_tarkkuudella(euroina(populaatio(m.nykyinen, period)) - aiempi)


def lisamaksu(populaatio, period, koodi: str) -> np.ndarray:
    return np.maximum(euroina(populaatio(MAKSUNSAAJA[koodi].erotus, period)), 0.0)


def liikamaksu(populaatio, period, koodi: str) -> np.ndarray:
    return np.maximum(-euroina(populaatio(MAKSUNSAAJA[koodi].erotus, period)), 0.0)


def takaisinperittava_muulta(vakuutettu, period, koodi: str) -> np.ndarray:
    """What is recovered from (or, for Kela, returned from the benefit of) a payee that is not taxed:
    its overpayment, gross (1.10); for the municipality less the part recovered from the insured."""
    liika = euroina(vakuutettu(MAKSUNSAAJA[koodi].liikamaksu, period))
    if koodi == "kunta":
        liika = liika - euroina(vakuutettu("kunnan_liikamaksu_vakuutetulta", period))
    return sentin_tarkkuudella(liika)


def kuitattava(populaatio, koodi: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(offset, left to recover, left to pay) for the whole revision (1.9.3.6 "periä takaisin ja kuitata").

    The payee's recoverable amounts of all the revision's months are offset against
    the amounts the revision pays the same payee in the months where an offset is
    allowed (`kuittaus_sallittu_kuukaudelta`), as far as they go.
    """
    muisti = _valimuisti(populaatio.simulation)
    if ("kuittaus", koodi) not in muisti:
        muisti[("kuittaus", koodi)] = _kuitattava(populaatio, koodi)
    return muisti[("kuittaus", koodi)]


def _kuitattava(populaatio, koodi: str):
    m = MAKSUNSAAJA[koodi]
    vakuutettu = populaatio if populaatio.entity.key == "vakuutettu" else populaatio.simulation.populations["vakuutettu"]
    perittava = np.zeros(populaatio.count)
    maksettava = np.zeros(populaatio.count)
    kuitattavissa = np.zeros(populaatio.count)
    for kk in kuukaudet(vakuutettu):
        sallittu = vakuutettu("kuittaus_sallittu_kuukaudelta", kk)
        if populaatio is not vakuutettu:
            sallittu = populaatio.vakuutettu("kuittaus_sallittu_kuukaudelta", kk)
        maksu = euroina(populaatio(m.maksettava, kk))
        perittava += euroina(populaatio(m.takaisinperittava, kk))
        maksettava += maksu
        kuitattavissa += np.where(sallittu, maksu, 0.0)
    perittava, maksettava, kuitattavissa = senteiksi(perittava), senteiksi(maksettava), senteiksi(kuitattavissa)
    kuittaus = np.minimum(perittava, kuitattavissa)
    return kuittaus, sentin_tarkkuudella(perittava - kuittaus), sentin_tarkkuudella(maksettava - kuittaus)
