"""The lean calculation path (`openfisca_tartunta/nopea_laskenta.py`) gives OpenFisca's results and errors.

Every formula variable is computed on a generated population (two months, several seeds)
and on the README's case, once with the lean path and once with OpenFisca's own classes,
and the arrays — or the errors — must be identical.
"""

from __future__ import annotations


import numpy as np
import pytest
from openfisca_core.errors import VariableNotFoundError
from openfisca_core.periods import period
from openfisca_core.simulations import Simulation, SimulationBuilder
from openfisca_core.tracers import FullTracer

from openfisca_tartunta import CountryTaxBenefitSystem, simulaatio as simulaatio_moduuli
from openfisca_tartunta.esimerkit import paatoksen_tapaus
from openfisca_tartunta.nopea_laskenta import NopeaRakentaja, NopeaSimulaatio, nopeuta
from openfisca_tartunta.populaatio.generointi import generoi
from openfisca_tartunta.simulaatio import rakenna_simulaatio

TBS = CountryTaxBenefitSystem()
KAAVALLISET = sorted(n for n, v in TBS.variables.items() if v.formulas)
KUUKAUDET = ["2024-03", "2024-04"]
LISASARAKKEET = ("paino", "vakuutettu_id", "ansiotyo_id")


def _kaikki(sim, kuukaudet) -> dict:
    """Every formula variable for every month: the array, or the error's type and text."""
    tulos = {}
    for kk in kuukaudet:
        for nimi in KAAVALLISET:
            try:
                tulos[(nimi, kk)] = np.asarray(sim.calculate(nimi, kk)).copy()
            except Exception as virhe:  # the same error must come out of both paths
                tulos[(nimi, kk)] = (type(virhe).__name__, str(virhe))
    return tulos


def _samat(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    eroavat = []
    for avain in a:
        x, y = a[avain], b[avain]
        if isinstance(x, tuple) or isinstance(y, tuple):
            if x != y:
                eroavat.append(avain)
        elif x.dtype != y.dtype or not np.array_equal(x, y):
            eroavat.append(avain)
    assert not eroavat, f"the lean path differs from OpenFisca's on {eroavat[:10]}"


@pytest.mark.parametrize("siemen", [0, 1, 2])
def test_populaatiolla_samat_tulokset(monkeypatch, siemen):
    vak, tyo = generoi(2_000, siemen=siemen, kuukausi=KUUKAUDET[0], kuukausia=len(KUUKAUDET))
    nopea = rakenna_simulaatio(TBS, vak, tyo, KUUKAUDET, ohita=LISASARAKKEET)
    assert type(nopea) is NopeaSimulaatio  # the population tools do use the lean path
    monkeypatch.setattr(simulaatio_moduuli, "nopeuta", lambda s: s)
    tavallinen = rakenna_simulaatio(TBS, vak, tyo, KUUKAUDET, ohita=LISASARAKKEET)
    assert type(tavallinen) is Simulation
    tulokset = _kaikki(nopea, KUUKAUDET)
    assert sum(isinstance(v, np.ndarray) for v in tulokset.values()) > 0.8 * len(tulokset)
    _samat(tulokset, _kaikki(tavallinen, KUUKAUDET))


def test_readmen_tapauksella_samat_tulokset():
    kuukaudet = ["2024-03"]
    nopea = NopeaRakentaja().build_from_entities(TBS, paatoksen_tapaus())
    nopeuta(nopea)
    tavallinen = SimulationBuilder().build_from_entities(TBS, paatoksen_tapaus())
    _samat(_kaikki(nopea, kuukaudet), _kaikki(tavallinen, kuukaudet))
    # The builder's variable map is the one OpenFisca would make.
    r1, r2 = NopeaRakentaja(), SimulationBuilder()
    r1.build_from_entities(TBS, paatoksen_tapaus())
    r2.build_from_entities(TBS, paatoksen_tapaus())
    assert r1.variable_entities == r2.variable_entities


def _nopea():
    return nopeuta(SimulationBuilder().build_from_entities(TBS, paatoksen_tapaus()))


def test_virheet_ovat_openfiscan():
    sim = _nopea()
    with pytest.raises(VariableNotFoundError):
        sim.calculate("ei_tallaista_muuttujaa", "2024-03")
    with pytest.raises(ValueError, match="must be computed for a whole month"):
        sim.calculate("tartuntatautipaivaraha", "2024")
    # A variable of the other entity, read through a population, is OpenFisca's error.
    with pytest.raises(ValueError, match="ansionmenetys"):
        sim.populations["vakuutettu"]("ansionmenetys", "2024-03")


def test_jaljitetty_simulaatio_kulkee_openfiscan_kautta():
    sim = _nopea()
    sim.trace = True
    sim.tracer = FullTracer()
    sim.calculate("tartuntatautipaivaraha", "2024-03")
    nimet = {solmu.name for puu in sim.tracer.trees for solmu in _solmut(puu)}
    assert {"tartuntatautipaivaraha", "tartuntatautipaivaraha_paivalta", "oikeus_tartuntatautipaivarahaan"} <= nimet


def _solmut(solmu):
    yield solmu
    for lapsi in solmu.children:
        yield from _solmut(lapsi)


def test_valimuistin_arvo_palautetaan_sellaisenaan():
    sim = _nopea()
    eka = sim.calculate("tartuntatautipaivaraha", "2024-03")
    assert sim.calculate("tartuntatautipaivaraha", "2024-03") is eka
    holder = sim.get_holder("tartuntatautipaivaraha")
    assert holder.get_array(period("2024-03")) is eka  # stored where OpenFisca's holder finds it
