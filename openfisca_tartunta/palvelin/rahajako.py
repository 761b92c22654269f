"""A month's money over the payment periods (guideline 1.9), in whole cents.

The model gives each month's money; the payment periods (`maksukaudet.maksukaudet`) cross
months.  A month's gross is split by the days the model pays in each period
(`jaksot.maksetut_paivat` over period ∩ the month's paid window, so annual leave, payment
restrictions and blocking benefits fall where their dates are); each employer's share by its
paid days of reported paid leave in each period (the employer is paid on the insured's
schedule, 1.9) — a row paid as pay security to the pay-security payer's column (1.3.2.7); tax,
distraint and Kela's, the fund's and the municipality's part by the insured's part.  Cents by largest remainder
(`raha.jaa_suurimmin_jaannoksin`), so the periods add up exactly to the months.
"""

from __future__ import annotations

import numpy as np

from openfisca_tartunta import jaksot
from openfisca_tartunta.asiakirjat.tapaus import KuukaudenLuvut, Maksukaudenluvut
from openfisca_tartunta.raha import jaa_suurimmin_jaannoksin


def _jaa(senttia: int, painot) -> list[int]:
    painot = np.asarray(painot, dtype=np.int64)
    if senttia == 0 or painot.sum() <= 0:
        return [0] * len(painot)
    return jaa_suurimmin_jaannoksin(np.zeros(len(painot), dtype=np.int64), painot, np.array([senttia])).tolist()


def _paivat(alut, loput, esteet) -> np.ndarray:
    """Paid arkipäivät of each range [alut[i], loput[i]] of one insured (0 where empty)."""
    alut = np.asarray(alut, dtype="datetime64[D]")
    loput = np.asarray(loput, dtype="datetime64[D]")
    n = len(alut)
    omat = esteet.jasenille(np.zeros(n, dtype=np.int64), 1)
    tulos = np.zeros(n, dtype=np.int32)
    rivit = np.flatnonzero(alut <= loput)
    if rivit.size:
        tulos[rivit] = jaksot.maksetut_paivat(alut, loput, omat)[rivit]
    return tulos


def jaa_maksukausille(kaudet: list[Maksukaudenluvut], kk: KuukaudenLuvut, esteet, vapaat: dict) -> None:
    """Add month `kk`'s money to `kaudet`.  `esteet`: the insured's ranges in the month
    (`jaksot.lue`); `vapaat`: each employment row's reported paid leave (first, last day)."""
    if kk.maksupaivat <= 0 or not kaudet:
        return
    a, b = np.datetime64(kk.ikkuna[0], "D"), np.datetime64(kk.ikkuna[1], "D")
    alut = np.array([max(np.datetime64(k.alku, "D"), a) for k in kaudet])
    loput = np.array([min(np.datetime64(k.loppu, "D"), b) for k in kaudet])
    painot = _paivat(alut, loput, esteet)
    brutot = _jaa(kk.brutto, painot)
    tyonantajille = [0] * len(kaudet)
    for t in kk.tyot:
        if t.tyonantajalle_senttia <= 0:
            continue
        va, vb = vapaat[t.ansiotyo]
        vapaan = _paivat(np.maximum(alut, va), np.minimum(loput, vb), esteet)
        osat = _jaa(t.tyonantajalle_senttia, vapaan if vapaan.sum() else painot)
        for i, (kausi, senttia) in enumerate(zip(kaudet, osat)):
            avain = (t.ansiotyo, t.tyonantajan_tunnus)
            sarake = kausi.palkkaturvalle if t.palkkaturvalle_senttia else kausi.tyonantajille
            sarake[avain] = sarake.get(avain, 0) + senttia
            tyonantajille[i] += senttia
    vakuutetulle = [br - ty for br, ty in zip(brutot, tyonantajille)]
    vak_painot = [max(v, 0) for v in vakuutetulle]
    if not sum(vak_painot):
        vak_painot = painot
    muille = _jaa(kk.muille, vak_painot)
    for i, (kausi, vero, ulosotto) in enumerate(zip(kaudet, _jaa(kk.ennakonpidatys, vak_painot), _jaa(kk.ulosotto, vak_painot))):
        kausi.muille += muille[i]
        kausi.maksupaivat += int(painot[i])
        kausi.brutto += brutot[i]
        kausi.vakuutetulle += vakuutetulle[i]
        kausi.ennakonpidatys += vero
        kausi.ulosotto += ulosotto
