"""The earning activities of one case: ids, roles, employer ids, the daily amount's basis
and the employers' shares (guideline 1.6, 1.7, 1.3.2, 1.8.4.1)."""

from __future__ import annotations

import numpy as np

from openfisca_tartunta import kalenteri
from openfisca_tartunta.palvelin import tekstit
from openfisca_tartunta.palvelin.tekstit import Tekstit
from openfisca_tartunta.raha import sentteina


class Ansiotyorivit:
    """The earning activities: ids, roles, employer ids, bases and employer shares."""

    def __init__(self, sim, tilanne, ikuiset: dict, t: Tekstit) -> None:
        vak = sim.populations["vakuutettu"]
        self.ids = [tilanne.alkuperainen(i) for i in sim.persons.ids]
        self.roolit = [
            "yritystoiminta" if r.key == "yritystoiminta" else "palkkatyo" for r in vak.members_role
        ]
        tunnukset = ikuiset.get("tyonantajan_tunnus")
        self.tunnukset = [str(x) for x in tunnukset] if tunnukset is not None else [""] * len(self.ids)
        self.vakuutus = ikuiset["yrittajavakuutus"].decode_to_str().tolist()
        self.yrittajan_tulo = np.asarray(ikuiset["yrittajan_paivarahan_tyotulo"], dtype=np.float64)
        alkaa, paattyy = ikuiset.get("palkallinen_vapaa_alkaa"), ikuiset.get("palkallinen_vapaa_paattyy")
        self.vapaa = {
            rivi: (
                (np.datetime64(alkaa[i], "D"), np.datetime64(paattyy[i], "D"))
                if alkaa is not None and paattyy is not None
                else (kalenteri.EI_PAIVAA, kalenteri.AINA)
            )
            for i, rivi in enumerate(self.ids)
        }
        self.t = t

    def osuudet(self, tyot: dict) -> list[dict]:
        """Employer shares of the month: rows that reported absence-time pay or are paid a share."""
        osuus = tyot["tartuntatautipaivaraha_tyonantajalle"]
        palkka = tyot["tyonantajan_maksama_palkka"]
        if osuus is None:
            return []
        tulos = []
        for i, rivi in enumerate(self.ids):
            if self.roolit[i] != "palkkatyo":
                continue
            senttia = sentteina(osuus[i]).item()
            if senttia > 0 or (palkka is not None and float(palkka[i]) > 0):
                tulos.append({"ansiotyo": rivi, "tyonantajan_tunnus": self.tunnukset[i] or None, "senttia": senttia})
        return tulos

    def perusteet(self, tyot: dict, parametrit_kk) -> list[dict]:
        """The daily amount's basis per earning activity (1.6, 1.7)."""
        p = parametrit_kk.paivaraha
        tulos = []
        for i, rivi in enumerate(self.ids):
            osuus = float(tyot["paivarahan_osuus"][i])
            if self.roolit[i] == "palkkatyo":
                peruste = "ansionmenetys" if bool(tyot["ansionmenetys_selvitetty"][i]) else "edeltava_palkka"
                maara = round(float(tyot["menetetty_kuukausiansio"][i]), 2)
                jakaja = int(p.palkansaajan_jakaja)
            else:
                peruste = self.vakuutus[i]
                maara = round(float(self.yrittajan_tulo[i]), 2)
                jakaja = int(p.yrittajan_jakaja)
            korvaava = round(float(tyot["korvaavan_tyon_palkka"][i]), 2) if self.roolit[i] == "palkkatyo" else 0.0
            kieli = self.t.kieli
            nimi = tekstit.ROOLI[self.roolit[i]][kieli] + (f" ({self.tunnukset[i]})" if self.tunnukset[i] else "")
            teksti = (
                f"{nimi}: {tekstit.PERUSTE_TULO[peruste][kieli]} {tekstit.euroa(maara, kieli)} / {jakaja} = "
                f"{tekstit.euroa(round(osuus + 1e-9, 2), kieli)}"
            )
            tulos.append(
                {
                    "ansiotyo": rivi,
                    "rooli": self.roolit[i],
                    "tyonantajan_tunnus": self.tunnukset[i] or None,
                    "peruste": peruste,
                    "perusteen_maara": maara,
                    "korvaavan_tyon_palkka": korvaava,
                    "jakaja": jakaja,
                    "osuus_paivalta": round(osuus + 1e-9, 2),
                    "teksti": teksti,
                }
            )
        return tulos

    def tyonantajat(self, kk_tiedot: list[dict]) -> list[dict]:
        """Employers that get the decision (1.8.4.1): by employer id, with their total share."""
        saajat: dict[str, dict] = {}
        for k in kk_tiedot:
            for o in k["tyonantajille"]:
                avain = o["tyonantajan_tunnus"] or f"?{o['ansiotyo']}"
                saaja = saajat.setdefault(avain, {"tyonantajan_tunnus": o["tyonantajan_tunnus"], "ansiotyot": [], "senttia": 0})
                if o["ansiotyo"] not in saaja["ansiotyot"]:
                    saaja["ansiotyot"].append(o["ansiotyo"])
                saaja["senttia"] += o["senttia"]
        return list(saajat.values())
