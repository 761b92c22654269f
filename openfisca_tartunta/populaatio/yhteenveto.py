"""The weighted summary of a population run: totals, changes per person, deciles of persons.

Every figure is a weighted sum over the per-person result rows (one row per
insured and month, weight `paino`), so anyone can recompute it from
`vakuutetut_tulokset.parquet`.  With K months, a *person* is one insured over
the whole period (their K rows summed) and a *person-month* one row:

- `mittarit`: totals over the period — `kustannus` (gross), `tyonantajille`,
  `vakuutetulle`, `ennakonpidatys`, `ulosottopidatys`, `netto`, `maksupaivat`;
  `saajat` = persons with a gross allowance in some month, `saajakuukaudet` =
  person-months with one; `keskimaarainen_paivaraha` = the mean daily amount over
  recipient-months;
- `kuukausittain`: the same totals for each month;
- `muutokset` (with a reform), for each money output: the mean per person over the
  period and per person per month (baseline, reform, change), and the persons
  whose period total rises (`kasvaa`) or falls (`pienenee`) by at least a cent;
- `voittajat`/`haviajat`: persons whose `paamittari` (the net payment unless
  asked otherwise) rises/falls by at least a cent over the period.

Income deciles are weighted deciles of persons by their mean `kuukausiansio`
over the period (the monthly earnings the model sees, from the baseline); a
person falls in the decile of the midpoint of their weight in the cumulative
weight.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from openfisca_tartunta.populaatio.sarakelahde import sarakkeet
from openfisca_tartunta.populaatio.taulut import Taulukkovirhe

#: summary measure → output variable summed (weighted); all but the last are euros
SUMMAT = {
    "kustannus": "tartuntatautipaivaraha",
    "tyonantajille": "tartuntatautipaivaraha_tyonantajille",
    "vakuutetulle": "tartuntatautipaivaraha_vakuutetulle",
    "ennakonpidatys": "ennakonpidatys",
    "ulosottopidatys": "ulosottopidatys",
    "netto": "tartuntatautipaivaraha_netto",
    "maksupaivat": "tartuntatautipaivarahan_maksupaivat",
}
RAHAMITTARIT = [m for m in SUMMAT if m != "maksupaivat"]
PAAMITTARI = "netto"
BRUTTO = "tartuntatautipaivaraha"
PAIVALTA = "tartuntatautipaivaraha_paivalta"
TULO = "kuukausiansio"
SKENAARIOT = ("perus", "reformi")
#: a change of at least a cent makes a winner or a loser
RAJA = 0.005


def sarake(muuttuja: str, skenaario: str) -> str:
    return f"{muuttuja}_{skenaario}"


def _pyorista(arvo: float, desimaalit: int = 2) -> float:
    arvo = float(arvo)
    if not np.isfinite(arvo):
        raise Taulukkovirhe(
            "vakuutetut: column 'paino': the weighted sums overflow (a weight is too large to sum); "
            "scale the weights down"
        )
    return float(round(arvo, desimaalit))


def tarkista_painosumma(paino: np.ndarray) -> None:
    """The weights must add up to a finite, positive number of persons."""
    paino = np.asarray(paino, dtype=np.float64)
    if paino.size == 0:
        return
    with np.errstate(over="ignore"):
        summa = float(np.sum(paino))
    if not np.isfinite(summa) or summa * 1e6 > np.finfo(np.float64).max:
        raise Taulukkovirhe(f"vakuutetut: column 'paino': the weights sum to {summa:g}, too large to compute with")
    if summa <= 0:
        raise Taulukkovirhe("vakuutetut: column 'paino': every weight is 0, the rows stand for nobody")


class Henkilot:
    """Per-person sums over the period: rows are grouped by `vakuutettu`."""

    def __init__(self, tulokset, kuukaudet: list[str]):
        tulokset = sarakkeet(tulokset)
        rivi = tulokset.arvot("vakuutettu")
        self.kuukausia = len(kuukaudet)
        # the run's row numbers are 0…N-1, each in every month: used as they are (no sort)
        if rivi.size and rivi.min() >= 0 and np.all(np.bincount(rivi) > 0):
            self.tunnus, self.rivi = np.arange(int(rivi.max()) + 1), rivi
        else:
            self.tunnus, self.rivi = np.unique(rivi, return_inverse=True)
        self.df = tulokset
        paino = np.zeros(self.tunnus.size)
        paino[self.rivi] = tulokset.luvut("paino")  # the same in every month
        self.paino = paino
        # one month, rows 0…N-1 in order (a run's own result): a person's sum is their row
        self._omat_rivit = self.kuukausia == 1 and rivi.size == self.tunnus.size and np.array_equal(rivi, self.tunnus)

    def summa(self, nimi) -> np.ndarray:
        """Per-person sum of column `nimi` (or of the row values given)."""
        arvot = self.df.luvut(nimi) if isinstance(nimi, str) else nimi
        if self._omat_rivit:  # bit for bit what bincount gives: 0.0 + x (so -0.0 becomes 0.0)
            return np.asarray(arvot, dtype=np.float64) + 0.0
        return np.bincount(self.rivi, weights=arvot, minlength=self.tunnus.size)

    def jokin(self, ehto: np.ndarray) -> np.ndarray:
        return np.bincount(self.rivi, weights=ehto.astype(np.float64), minlength=self.tunnus.size) > 0


def _summat(df, paino: np.ndarray, skenaario: str, osat: list[np.ndarray], h: Henkilot, henkilo: dict):
    """A scenario's weighted totals over all rows and over each row mask of `osat` (the months),
    and the per-person sums of the money outputs into `henkilo`: each column is read once."""
    tulos: dict[str, float] = {}
    kuukausittain: list[dict[str, float]] = [{} for _ in osat]
    for mittari, muuttuja in SUMMAT.items():
        if sarake(muuttuja, skenaario) in df:
            arvot = df.luvut(sarake(muuttuja, skenaario))
            tulos[mittari] = _pyorista(np.dot(paino, arvot))
            for kk, maski in zip(kuukausittain, osat):
                kk[mittari] = _pyorista(np.dot(paino[maski], arvot[maski]))
            if mittari in RAHAMITTARIT:
                henkilo[(mittari, skenaario)] = h.summa(arvot)
            del arvot
    brutto = df.luvut(sarake(BRUTTO, skenaario))
    paiva = df.luvut(sarake(PAIVALTA, skenaario)) if sarake(PAIVALTA, skenaario) in df else None
    for kohde, maski in [(tulos, None), *zip(kuukausittain, osat)]:
        p, b = (paino, brutto) if maski is None else (paino[maski], brutto[maski])
        saa = b > 0
        kohde["saajakuukaudet"] = _pyorista(p[saa].sum())
        if paiva is not None:
            w = p[saa].sum()
            pv = (paiva if maski is None else paiva[maski])[saa]
            kohde["keskimaarainen_paivaraha"] = _pyorista(np.dot(p[saa], pv) / w) if w > 0 else 0.0
    return tulos, kuukausittain


def _vertailu(arvot: dict[str, dict[str, float]], skenaariot: list[str]) -> dict[str, dict[str, float]]:
    tulos = {}
    for mittari in arvot[skenaariot[0]]:
        rivi = {s: arvot[s][mittari] for s in skenaariot}
        if "reformi" in rivi:
            rivi["muutos"] = _pyorista(rivi["reformi"] - rivi["perus"])
        tulos[mittari] = rivi
    return tulos


_RIVIBITIT = 24


def _jarjestys(tulo: np.ndarray) -> np.ndarray:
    """Rows by income, ties in row order (a stable sort).  Whole cents below 2^39 with fewer than
    2^24 rows sort as one integer key (cents, row): the same order, in a third of the time."""
    if 0 < tulo.size < (1 << _RIVIBITIT) and np.all(tulo >= 0) and tulo.max() < 2.0**39 / 100:
        sentit = np.rint(tulo * 100).astype(np.int64)
        if np.array_equal(sentit / 100, tulo):
            avain = np.sort((sentit << _RIVIBITIT) | np.arange(tulo.size, dtype=np.int64))
            return avain & ((1 << _RIVIBITIT) - 1)
    return np.argsort(tulo, kind="stable")


def desiilit(tulo: np.ndarray, paino: np.ndarray) -> np.ndarray:
    """Weighted income decile 1…10 of each person (ties broken by order)."""
    tulo = np.asarray(tulo, dtype=np.float64)
    jarjestys = _jarjestys(tulo)
    w = paino[jarjestys]
    kertyma = np.cumsum(w)
    yhteensa = kertyma[-1] if kertyma.size else 0.0
    desiili = np.ones(tulo.size, dtype=np.int8)
    if yhteensa > 0:
        desiili[jarjestys] = (np.minimum(np.floor(10 * (kertyma - w / 2) / yhteensa), 9) + 1).astype(np.int8)
    return desiili


def laske(
    tulokset, kuukaudet: list[str], reformi: str | None, paamittari: str = PAAMITTARI
) -> tuple[dict, pd.DataFrame]:
    """The summary (JSON-ready dict) and the decile table of a run's per-person results
    (a DataFrame, the path of the Parquet file, or `sarakelahde.Sarakkeet`)."""
    tulokset = sarakkeet(tulokset)
    paino = tulokset.luvut("paino")
    skenaariot = [s for s in SKENAARIOT if sarake(BRUTTO, s) in tulokset]
    h = Henkilot(tulokset, kuukaudet)
    tarkista_painosumma(h.paino)
    osat = tulokset.kuukausiosat(kuukaudet) if len(kuukaudet) > 1 else []
    henkilo: dict = {}
    summat, kk_summat = {}, {}
    for s in skenaariot:
        summat[s], kk_summat[s] = _summat(tulokset, paino, s, osat, h, henkilo)
    henkilo = {(m, s): henkilo[(m, s)] for m in RAHAMITTARIT for s in skenaariot if (m, s) in henkilo}
    saa = {s: h.jokin(tulokset.luvut(sarake(BRUTTO, s)) > 0) for s in skenaariot}
    for s in skenaariot:
        summat[s]["saajat"] = _pyorista(h.paino[saa[s]].sum())
        summat[s]["saajat_otoksessa"] = int(saa[s].sum())
    yhteenveto: dict = {
        "kuukaudet": list(kuukaudet),
        "reformi": reformi,
        "vakuutettuja_otoksessa": int(h.tunnus.size),
        "vakuutettuja": _pyorista(h.paino.sum()),
        "henkilokuukausia": int(len(tulokset)),
        "mittarit": _vertailu(summat, skenaariot),
        "kuukausittain": {},
    }
    if len(kuukaudet) == 1:  # the period is the month (no copy of the rows)
        kuukauden = {s: {m: v for m, v in summat[s].items() if m not in ("saajat", "saajat_otoksessa")} for s in skenaariot}
        yhteenveto["kuukausittain"][kuukaudet[0]] = _vertailu(kuukauden, skenaariot)
    else:
        for i, kk in enumerate(kuukaudet):
            yhteenveto["kuukausittain"][kk] = _vertailu({s: kk_summat[s][i] for s in skenaariot}, skenaariot)

    tulo = h.summa(TULO) / h.kuukausia
    desiili = desiilit(tulo, h.paino)
    kehys = Desiilisummat(desiili, tulo, h.paino)
    for s in skenaariot:
        kehys[f"saajat_{s}"] = np.where(saa[s], h.paino, 0.0)
    for (m, s), arvo in henkilo.items():
        kehys[f"{m}_{s}"] = h.paino * arvo
    if "reformi" in skenaariot:
        if (paamittari, "reformi") not in henkilo:
            raise Taulukkovirhe(f"no output {SUMMAT.get(paamittari, paamittari)!r} to count winners and losers on")
        yhteenveto["paamittari"] = paamittari
        yhteenveto["muutokset"] = {}
        w_yht = h.paino.sum()
        for m in RAHAMITTARIT:
            if (m, "reformi") not in henkilo:
                continue
            perus, uusi = henkilo[(m, "perus")], henkilo[(m, "reformi")]
            ero = uusi - perus
            kehys[f"{m}_muutos"] = h.paino * ero
            kasvaa, pienenee = ero > RAJA, ero < -RAJA
            yhteenveto["muutokset"][m] = {
                "henkiloa_kohden": {
                    "perus": _pyorista(np.dot(h.paino, perus) / w_yht), "reformi": _pyorista(np.dot(h.paino, uusi) / w_yht),
                    "muutos": _pyorista(np.dot(h.paino, ero) / w_yht),
                },
                "henkiloa_kohden_kuukaudessa": {
                    "perus": _pyorista(np.dot(h.paino, perus) / w_yht / h.kuukausia),
                    "reformi": _pyorista(np.dot(h.paino, uusi) / w_yht / h.kuukausia),
                    "muutos": _pyorista(np.dot(h.paino, ero) / w_yht / h.kuukausia),
                },
                "kasvaa": _pyorista(h.paino[kasvaa].sum()), "pienenee": _pyorista(h.paino[pienenee].sum()),
                "kasvaa_otoksessa": int(kasvaa.sum()), "pienenee_otoksessa": int(pienenee.sum()),
            }
            if m == paamittari:
                kehys["voittajat"], kehys["haviajat"] = np.where(kasvaa, h.paino, 0.0), np.where(pienenee, h.paino, 0.0)
                kehys["voittajat_otoksessa"], kehys["haviajat_otoksessa"] = kasvaa, pienenee
                for nimi, lkm in (("voittajat", kasvaa), ("haviajat", pienenee)):
                    yhteenveto[nimi] = _pyorista(h.paino[lkm].sum())
                    yhteenveto[f"{nimi}_otoksessa"] = int(lkm.sum())
    taulu = _desiilitaulu(kehys, paamittari, h.kuukausia)
    yhteenveto["desiilit"] = taulu.to_dict(orient="records")
    return yhteenveto, taulu


class Desiilisummat:
    """Sums by decile, one column at a time (no person-level table is built)."""

    def __init__(self, desiili: np.ndarray, tulo: np.ndarray, paino: np.ndarray):
        self.koodi = desiili.astype(np.intp) - 1
        ala, yla = np.full(10, np.inf), np.full(10, -np.inf)
        np.minimum.at(ala, self.koodi, tulo)  # each decile's lowest and highest income
        np.maximum.at(yla, self.koodi, tulo)
        tyhja = np.bincount(self.koodi, minlength=10) == 0
        ala, yla = np.where(tyhja, 0.0, ala), np.where(tyhja, 0.0, yla)
        self.sarakkeet: dict[str, np.ndarray] = {"tulo_alaraja": ala, "tulo_ylaraja": yla}
        self["vakuutettuja"] = paino

    def __setitem__(self, nimi: str, arvot: np.ndarray) -> None:
        summa = np.bincount(self.koodi, weights=np.asarray(arvot, dtype=np.float64), minlength=10)
        self.sarakkeet[nimi] = summa.astype(np.int64) if nimi.endswith("_otoksessa") else summa


def _desiilitaulu(kehys: Desiilisummat, paamittari: str, kuukausia: int) -> pd.DataFrame:
    taulu = pd.DataFrame({"desiili": np.arange(1, 11), **kehys.sarakkeet})
    if "voittajat" in taulu:
        maara = taulu["vakuutettuja"].where(taulu["vakuutettuja"] > 0, 1.0)
        taulu["muutos_henkiloa_kohden"] = taulu[f"{paamittari}_muutos"] / maara
        taulu["muutos_henkiloa_kohden_kuukaudessa"] = taulu["muutos_henkiloa_kohden"] / kuukausia
        taulu["voittajien_osuus"] = (taulu["voittajat"] / maara).round(4)
        taulu["haviajien_osuus"] = (taulu["haviajat"] / maara).round(4)
    rahat = [c for c in taulu.columns if c != "desiili" and not c.endswith(("_otoksessa", "_osuus"))]
    taulu[rahat] = taulu[rahat].astype(np.float64).round(2)
    return taulu


def mittaritaulu(yhteenveto: dict) -> pd.DataFrame:
    """The measures as a flat table (mittari, perus[, reformi, muutos]) for the CSV."""
    rivit = [{"mittari": m, **arvot} for m, arvot in yhteenveto["mittarit"].items()]
    for m, tiedot in yhteenveto.get("muutokset", {}).items():
        rivit.append({"mittari": f"{m}_henkiloa_kohden", **tiedot["henkiloa_kohden"]})
        rivit.append({"mittari": f"{m}_henkiloa_kohden_kuukaudessa", **tiedot["henkiloa_kohden_kuukaudessa"]})
    if "voittajat" in yhteenveto:
        for nimi in ("voittajat", "haviajat", "voittajat_otoksessa", "haviajat_otoksessa"):
            rivit.append({"mittari": f"{nimi} ({yhteenveto['paamittari']})", "muutos": yhteenveto[nimi]})
    rivit.append({"mittari": "vakuutettuja", "perus": yhteenveto["vakuutettuja"]})
    rivit.append({"mittari": "vakuutettuja_otoksessa", "perus": yhteenveto["vakuutettuja_otoksessa"]})
    rivit.append({"mittari": "henkilokuukausia", "perus": yhteenveto["henkilokuukausia"]})
    return pd.DataFrame(rivit)
