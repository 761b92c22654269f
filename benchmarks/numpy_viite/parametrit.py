"""The parameter values the reference uses, read from the OpenFisca parameter tree (so a reform moves both).

Money becomes whole cents, rates units of 0.001 % (1e-5), and the ratios of
distraint (2/3, 1/3, 4/5, 1/2) and the divisors (25, 300) exact fractions, so
that the reference rounds exact values, never binary noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

#: A rate as an integer count of RATE_YKSIKKO (0.001 %).
ASTE = 100_000


def sentit(arvo) -> int:
    return int(round(float(arvo) * 100))


def aste(osuus) -> int:
    """A fraction (0.25) as units of 1e-5."""
    return int(round(float(osuus) * ASTE))


def murtoluku(arvo) -> Fraction:
    return Fraction(float(arvo)).limit_denominator(1000)


@dataclass(frozen=True)
class Parametrit:
    lapsen_ikaraja: int
    palkansaajan_jakaja: Fraction
    yrittajan_jakaja: Fraction
    vahimmaisprosentti_palkan_verokortilla: int
    taulukkoprosentti: int
    lahdevero_prosentti: int
    lahdevero_vahennys_kuukaudelta: int
    lahdevero_vahennys_paivalta: int
    pidatyksen_alaraja_paivalta: int
    suoja_velallinen: int
    suoja_huollettava: int
    suoja_paivia_kuukaudessa: int
    tulorajaosuus: Fraction
    ensimmainen_raja: Fraction
    toinen_raja: Fraction
    perusosuus: Fraction
    ylimenevan_osuus: Fraction
    enimmaisosuus: Fraction


def kuukauden(tbs, kuukausi: str) -> Parametrit:
    """The values in force in `kuukausi` (YYYY-MM)."""
    p = tbs.parameters(f"{kuukausi}-01")
    v, u, s = p.verotus, p.ulosotto.ulosmittaus, p.ulosotto.suojaosuus
    return Parametrit(
        lapsen_ikaraja=int(p.oikeus.lapsen_ikaraja),
        palkansaajan_jakaja=murtoluku(p.paivaraha.palkansaajan_jakaja),
        yrittajan_jakaja=murtoluku(p.paivaraha.yrittajan_jakaja),
        vahimmaisprosentti_palkan_verokortilla=aste(v.vahimmaisprosentti_palkan_verokortilla),
        taulukkoprosentti=aste(v.taulukkoprosentti),
        lahdevero_prosentti=aste(v.lahdevero.prosentti),
        lahdevero_vahennys_kuukaudelta=sentit(v.lahdevero.vahennys_kuukaudelta),
        lahdevero_vahennys_paivalta=sentit(v.lahdevero.vahennys_paivalta),
        pidatyksen_alaraja_paivalta=sentit(v.pidatyksen_alaraja_paivalta),
        suoja_velallinen=sentit(s.velallinen),
        suoja_huollettava=sentit(s.huollettava),
        suoja_paivia_kuukaudessa=int(s.paivia_kuukaudessa),
        tulorajaosuus=murtoluku(u.tulorajaosuus),
        ensimmainen_raja=murtoluku(u.ensimmainen_raja),
        toinen_raja=murtoluku(u.toinen_raja),
        perusosuus=murtoluku(u.perusosuus),
        ylimenevan_osuus=murtoluku(u.ylimenevan_osuus),
        enimmaisosuus=murtoluku(u.enimmaisosuus),
    )


def vuosittain(tbs, paivat: np.ndarray, hae) -> np.ndarray:
    """`hae(parameters at 1 January)` of each date's year, in cents (a loop over years, not people)."""
    vuodet = paivat.astype("datetime64[Y]")
    tulos = np.zeros(paivat.shape, dtype=np.int64)
    for vuosi in np.unique(vuodet):
        tulos[vuodet == vuosi] = sentit(hae(tbs.parameters(f"{vuosi}-01-01")))
    return tulos


def paivittain(solmu, paivat: np.ndarray) -> np.ndarray:
    """The value of the parameter `solmu` (a node of the tree) in force on each date, from its dated
    values (binary search; a date before the first value takes the first)."""
    arvot = sorted((np.datetime64(v.instant_str, "D"), v.value) for v in solmu.values_list)
    alut = np.array([a for a, _ in arvot], dtype="datetime64[D]")
    paikat = np.clip(np.searchsorted(alut, paivat, side="right") - 1, 0, len(arvot) - 1)
    return np.array([v for _, v in arvot])[paikat]
