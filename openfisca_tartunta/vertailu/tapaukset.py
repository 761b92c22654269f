"""Every hand-worked YAML case whose outputs a change moves — every output, not the first.

Each case of the YAML files is run by this module through both systems (the
case's own `reforms`, `extensions` and `parameters` applied on each side, with
openfisca-core's test-runner helpers) and every expected output is computed on
both: one row per output (case, its guideline sections from `description`,
variable, period, entity, expected, before, after, Δ).  A case that cannot run
on one side (e.g. a variable the revision does not have) gives a row naming the
error instead of stopping the comparison.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from openfisca_core.simulation_builder import SimulationBuilder
from openfisca_core.tools import test_runner
from openfisca_core.tools.test_runner import Loader, build_test, yaml

from openfisca_tartunta.vertailu.jarjestelmat import Vertailuvirhe
from openfisca_tartunta.vertailu.kaavat import kohdat


@dataclass
class Tapausmuutos:
    tiedosto: str
    tapaus: str
    kohdat: list[str]
    muuttuja: str
    kausi: str
    kohde: str
    odotettu: object
    ennen: object
    jalkeen: object
    erotus: float | None
    virhe: str = ""

    def sanakirja(self) -> dict:
        return asdict(self)


@dataclass
class Tapausajo:
    """The result of running the cases: the moved outputs and what was run."""

    muutokset: list[Tapausmuutos]
    tapauksia: int
    tuloksia: int
    liikkuneita_tapauksia: int
    sekunteja: float


def lue_tapaukset(kansio: Path) -> Iterator[tuple[str, dict]]:
    """(file relative to `kansio`, case) for every case of every YAML file under `kansio`."""
    kansio = Path(kansio)
    if not kansio.is_dir():
        raise Vertailuvirhe(f"--tapaukset: {kansio} is not a folder of YAML cases")
    for polku in sorted([*kansio.rglob("*.yaml"), *kansio.rglob("*.yml")]):
        try:
            with polku.open(encoding="utf-8") as tiedosto:
                sisalto = yaml.load(tiedosto, Loader=Loader)
        except yaml.YAMLError as virhe:
            raise Vertailuvirhe(f"{polku}: not a valid YAML file: {virhe}") from None
        for tapaus in sisalto if isinstance(sisalto, list) else [sisalto]:
            if isinstance(tapaus, dict):
                yield str(polku.relative_to(kansio)), tapaus


def _jarjestelma(tbs, testi):
    tbs = test_runner._get_tax_benefit_system(tbs, testi.reforms, testi.extensions)
    if testi.parameters:
        tbs = test_runner.InYamlTestReform(tbs, testi.parameters)
    return tbs


def _simulaatio(tbs, testi):
    rakentaja = SimulationBuilder()
    rakentaja.set_default_period(testi.period)
    simulaatio = rakentaja.build_from_dict(tbs, testi.input)
    if testi.max_spiral_loops:
        simulaatio.max_spiral_loops = testi.max_spiral_loops
    return simulaatio


def _odotukset(tbs, simulaatio, testi) -> Iterator[tuple[str, str, object, int | None, object]]:
    """(variable, period, entity, index or None, expected) of a case's outputs, as OpenFisca's runner reads them."""
    for avain, arvo in (testi.output or {}).items():
        if avain in tbs.variables:
            kohteet = [(avain, arvo, "", None)]
        elif simulaatio.populations.get(avain):
            kohteet = [(m, o, avain, None) for m, o in arvo.items()]
        else:
            populaatio = simulaatio.get_population(plural=avain)
            if populaatio is None:
                raise Vertailuvirhe(f"output {avain!r}: neither a variable nor an entity")
            kohteet = [
                (m, o, f"{avain}.{tunnus}", populaatio.get_index(tunnus))
                for tunnus, arvot in arvo.items()
                for m, o in arvot.items()
            ]
        for muuttuja, odotettu, kohde, indeksi in kohteet:
            jaksot = odotettu.items() if isinstance(odotettu, dict) else [(testi.period, odotettu)]
            for jakso, jakson_arvo in jaksot:
                yield muuttuja, str(jakso), kohde, indeksi, jakson_arvo


def _arvot(simulaatio, muuttuja, kausi, indeksi) -> list:
    arvot = simulaatio.calculate(muuttuja, kausi)
    if hasattr(arvot, "decode_to_str"):
        arvot = arvot.decode_to_str()
    arvot = np.asarray(arvot)
    if indeksi is not None:
        arvot = arvot[indeksi : indeksi + 1]
    if arvot.dtype.kind == "f":
        return [round(float(a), 2) for a in arvot]  # float32 → cents
    if arvot.dtype.kind == "M":
        return [str(a) for a in arvot.astype("datetime64[D]")]
    return arvot.tolist()


def _liikkui(a, b, marginaali: float) -> tuple[bool, float | None]:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool):
        erotus = round(float(b) - float(a), 6)
        return abs(erotus) > marginaali, erotus
    return a != b, None


def _tapauksen_tulokset(tbs, testi):
    """{(variable, period, entity): (expected, [values])} of one system, or the error as text."""
    try:
        jarjestelma = _jarjestelma(tbs, testi)
        simulaatio = _simulaatio(jarjestelma, testi)
        return {
            (m, kausi, kohde): (odotettu, _arvot(simulaatio, m, kausi, indeksi))
            for m, kausi, kohde, indeksi, odotettu in _odotukset(jarjestelma, simulaatio, testi)
        }
    except Exception as virhe:  # a drafter's case or revision: report it, go on with the others
        return f"{type(virhe).__name__}: {str(virhe).splitlines()[0] if str(virhe) else ''}"


def tapauksen_tulokset_listana(tbs, data: dict):
    """`_tapauksen_tulokset` of one case as JSON-ready data: [[variable, period, entity, values], …] or the error."""
    tulokset = _tapauksen_tulokset(tbs, build_test(dict(data)))
    if isinstance(tulokset, str):
        return tulokset
    return [[m, kausi, kohde, arvot] for (m, kausi, kohde), (_, arvot) in tulokset.items()]


def _listasta(tulokset):
    """The inverse of `tapauksen_tulokset_listana` (the expected values are the other side's)."""
    if isinstance(tulokset, str):
        return tulokset
    return {(m, kausi, kohde): (None, arvot) for m, kausi, kohde, arvot in tulokset}


def vertaa_tapauksia(vanha_tbs, uusi_tbs, kansio, vanhat_tulokset=None) -> Tapausajo:
    """Run every case of `kansio` through both systems; the outputs that differ.

    `vanhat_tulokset`: the old side already computed elsewhere (a git revision run
    by its own package, `revisio.py`), one `tapauksen_tulokset_listana` per case in
    the order of `lue_tapaukset`; `vanha_tbs` is then not used.
    """
    alku = time.perf_counter()
    muutokset: list[Tapausmuutos] = []
    tapauksia = tuloksia = 0
    liikkuneet = set()
    for tiedosto, data in lue_tapaukset(kansio):
        testi = build_test(dict(data))
        tapauksia += 1
        nimi = testi.name or f"({tiedosto} #{tapauksia})"
        osat = kohdat(testi.description or "", testi.name or "")
        if vanhat_tulokset is not None:
            a = _listasta(vanhat_tulokset[tapauksia - 1]) if tapauksia <= len(vanhat_tulokset) else "case missing on this side"
        else:
            a = _tapauksen_tulokset(vanha_tbs, testi)
        b = _tapauksen_tulokset(uusi_tbs, testi)
        if isinstance(a, str) or isinstance(b, str):
            if a != b:
                virhe = " | ".join(f"{puoli}: {t}" for puoli, t in (("before", a), ("after", b)) if isinstance(t, str))
                muutokset.append(Tapausmuutos(tiedosto, nimi, osat, "", str(testi.period), "", None, None, None, None, virhe))
                liikkuneet.add((tiedosto, nimi))
            continue
        for avain in a.keys() | b.keys():
            muuttuja, kausi, kohde = avain
            odotettu = (b.get(avain) or a.get(avain))[0]
            ennen, jalkeen = a.get(avain, (None, []))[1], b.get(avain, (None, []))[1]
            tuloksia += 1
            marginaali = testi.absolute_error_margin[muuttuja] or 0.0
            for i in range(max(len(ennen), len(jalkeen))):
                va = ennen[i] if i < len(ennen) else None
                vb = jalkeen[i] if i < len(jalkeen) else None
                liikkui, erotus = _liikkui(va, vb, marginaali)
                if liikkui:
                    odotus = odotettu[i] if isinstance(odotettu, list) and i < len(odotettu) else odotettu
                    paikka = kohde if len(ennen) <= 1 else f"{kohde}[{i}]"
                    muutokset.append(Tapausmuutos(tiedosto, nimi, osat, muuttuja, kausi, paikka, odotus, va, vb, erotus))
                    liikkuneet.add((tiedosto, nimi))
    jarjestys = {avain: n for n, avain in enumerate(dict.fromkeys((m.tiedosto, m.tapaus) for m in muutokset))}
    muutokset.sort(key=lambda m: (jarjestys[(m.tiedosto, m.tapaus)], m.muuttuja, m.kausi, m.kohde))
    return Tapausajo(muutokset, tapauksia, tuloksia, len(liikkuneet), round(time.perf_counter() - alku, 2))
