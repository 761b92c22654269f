"""Money over payment periods, in whole cents (guideline 1.9).

A month's money is spread over the payment periods that have paid days in it:
the gross by the paid days each period has in the month; each employer's share
by the days of its reported paid leave in each period (the employer is paid on
the insured's schedule, 1.9); tax and distraint by the insured's part in each
period.  Annual-leave and payment-restriction days are monthly counts, not
dates: they are taken to be the last days of the month's paid time (a model
assumption of the presentation).  Cents go by largest remainder, so the periods
add up exactly to the months.
"""

from __future__ import annotations

import numpy as np

from openfisca_tartunta import kalenteri
from openfisca_tartunta.raha import jaa_suurimmin_jaannoksin


def arkipaivia(alku, loppu) -> int:
    """Arkipäivät from `alku` to `loppu`, both inclusive (0 if empty)."""
    return int(kalenteri.arkipaivat(np.datetime64(alku, "D"), np.datetime64(loppu, "D")))


def euroina(senttia: int) -> float:
    """Whole cents as a JSON euro amount."""
    return round(senttia / 100.0, 2)


def jaa(senttia: int, painot: list[int]) -> list[int]:
    """Split whole cents in proportion to `painot` (largest remainder; ties to the earlier):
    the model's one split, `raha.jaa_suurimmin_jaannoksin`, for one group."""
    if sum(painot) <= 0:
        return [0] * len(painot)
    osuudet = jaa_suurimmin_jaannoksin(np.zeros(len(painot), dtype=np.int64), np.asarray(painot, dtype=np.int64), np.array([senttia]))
    return [int(x) for x in osuudet]


def maksukaudet_rahoineen(kaudet, kk_tiedot: list[dict], vapaat: dict) -> list[dict]:
    """Each payment period (`maksukaudet.Maksukausi`) with the money of its days.

    `kk_tiedot`: the months (paid days, paid window, money in cents, employers'
    shares); `vapaat`: each earning activity's reported paid leave (first, last day).
    """
    tulos = [
        {
            "numero": k.numero,
            "alku": k.alku.isoformat(),
            "loppu": k.loppu.isoformat(),
            "arkipaivat": k.arkipaivat,
            "vajaa": k.vajaa,
            "maksupaivat": 0,
            "_brutto": 0,
            "_tyonantajat": {},
            "_vakuutetulle": 0,
            "_ennakonpidatys": 0,
            "_ulosotto": 0,
        }
        for k in kaudet
    ]
    for kk in kk_tiedot:
        if kk["maksupaivat"] <= 0:
            continue
        ikkuna_alku, ikkuna_loppu = kk["ikkuna"]
        jaljella = kk["maksupaivat"]
        painot = []
        for k in kaudet:
            paivat = arkipaivia(max(np.datetime64(k.alku), ikkuna_alku), min(np.datetime64(k.loppu), ikkuna_loppu))
            osuus = min(paivat, jaljella)
            jaljella -= osuus
            painot.append(osuus)
        brutot = jaa(kk["brutto"], painot)
        tyonantajille = [0] * len(kaudet)
        for o in kk["tyonantajille"]:
            vapaa_alku, vapaa_loppu = vapaat[o["ansiotyo"]]
            vapaan_painot = [
                min(
                    arkipaivia(
                        max(np.datetime64(k.alku), ikkuna_alku, vapaa_alku),
                        min(np.datetime64(k.loppu), ikkuna_loppu, vapaa_loppu),
                    ),
                    p,
                )
                for k, p in zip(kaudet, painot)
            ]
            osat = jaa(o["senttia"], vapaan_painot if sum(vapaan_painot) else painot)
            for i, (kausi, senttia) in enumerate(zip(tulos, osat)):
                avain = (o["ansiotyo"], o["tyonantajan_tunnus"])
                kausi["_tyonantajat"][avain] = kausi["_tyonantajat"].get(avain, 0) + senttia
                tyonantajille[i] += senttia
        vakuutetulle = [b - t for b, t in zip(brutot, tyonantajille)]
        vak_painot = [max(v, 0) for v in vakuutetulle]
        if not sum(vak_painot):
            vak_painot = painot
        for i, kausi in enumerate(tulos):
            kausi["maksupaivat"] += painot[i]
            kausi["_brutto"] += brutot[i]
            kausi["_vakuutetulle"] += vakuutetulle[i]
        for kausi, senttia in zip(tulos, jaa(kk["ennakonpidatys"], vak_painot)):
            kausi["_ennakonpidatys"] += senttia
        for kausi, senttia in zip(tulos, jaa(kk["ulosotto"], vak_painot)):
            kausi["_ulosotto"] += senttia
    for kausi in tulos:
        vakuutetulle = kausi.pop("_vakuutetulle")
        ennakko = kausi.pop("_ennakonpidatys")
        ulosotto = kausi.pop("_ulosotto")
        kausi["brutto"] = euroina(kausi.pop("_brutto"))
        kausi["tyonantajille"] = [
            {"ansiotyo": a, "tyonantajan_tunnus": tt, "maara": euroina(s)} for (a, tt), s in kausi.pop("_tyonantajat").items() if s
        ]
        kausi["vakuutetulle_brutto"] = euroina(vakuutetulle)
        kausi["ennakonpidatys"] = euroina(ennakko)
        kausi["ulosottopidatys"] = euroina(ulosotto)
        kausi["netto"] = euroina(vakuutetulle - ennakko - ulosotto)
    return tulos
