"""The weighted summary of a population run: cost, payees, recipients, deciles.

Every figure is a sum over the per-person result rows (one row per insured
and month) weighted by `paino`, so anyone can recompute it from
`vakuutetut_tulokset.parquet`:

- `kustannus` = Σ paino × `tartuntatautipaivaraha` (gross), and likewise the
  employers' part, the insured's part, tax, distraint and the net payment;
- `saajat` = Σ paino over rows with a gross allowance > 0 (recipient-months);
- `maksupaivat` = Σ paino × paid days;
- `keskimaarainen_paivaraha` = the weighted mean daily amount of the recipients;
- winners/losers: rows whose gross allowance rises/falls by at least a cent.

Income deciles are weighted deciles of `kuukausiansio` — the monthly earnings
the model sees (Σ employment rows' lost monthly pay + entrepreneurs' annual
work income / 12, from the baseline) — over all rows; a row falls in the decile
of the midpoint of its weight in the cumulative weight.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: summary measure → output variable summed (weighted)
SUMMAT = {
    "kustannus": "tartuntatautipaivaraha",
    "tyonantajille": "tartuntatautipaivaraha_tyonantajille",
    "vakuutetulle": "tartuntatautipaivaraha_vakuutetulle",
    "ennakonpidatys": "ennakonpidatys",
    "ulosottopidatys": "ulosottopidatys",
    "netto": "tartuntatautipaivaraha_netto",
    "maksupaivat": "tartuntatautipaivarahan_maksupaivat",
}
BRUTTO = "tartuntatautipaivaraha"
PAIVALTA = "tartuntatautipaivaraha_paivalta"
TULO = "kuukausiansio"
SKENAARIOT = ("perus", "reformi")
#: a change of at least a cent makes a winner or a loser
RAJA = 0.005


def sarake(muuttuja: str, skenaario: str) -> str:
    return f"{muuttuja}_{skenaario}"


def _pyorista(arvo: float, desimaalit: int = 2) -> float:
    return float(round(float(arvo), desimaalit))


def _mittarit(df: pd.DataFrame, paino: np.ndarray, skenaario: str) -> dict[str, float]:
    tulos: dict[str, float] = {}
    for mittari, muuttuja in SUMMAT.items():
        nimi = sarake(muuttuja, skenaario)
        if nimi in df:
            tulos[mittari] = _pyorista(np.dot(paino, df[nimi].to_numpy(dtype=np.float64)))
    brutto = df[sarake(BRUTTO, skenaario)].to_numpy(dtype=np.float64)
    saa = brutto > 0
    tulos["saajat"] = _pyorista(paino[saa].sum())
    tulos["saajat_otoksessa"] = int(saa.sum())
    paivalta = sarake(PAIVALTA, skenaario)
    if paivalta in df:
        w = paino[saa].sum()
        tulos["keskimaarainen_paivaraha"] = (
            _pyorista(np.dot(paino[saa], df[paivalta].to_numpy(dtype=np.float64)[saa]) / w) if w > 0 else 0.0
        )
    return tulos


def desiilit(tulo: np.ndarray, paino: np.ndarray) -> np.ndarray:
    """Weighted income decile 1…10 of each row (ties broken by row order)."""
    tulo = np.asarray(tulo, dtype=np.float64)
    jarjestys = np.lexsort((np.arange(tulo.size), tulo))
    w = paino[jarjestys]
    kertyma = np.cumsum(w)
    yhteensa = kertyma[-1] if kertyma.size else 0.0
    desiili = np.ones(tulo.size, dtype=np.int8)
    if yhteensa > 0:
        desiili[jarjestys] = (np.minimum(np.floor(10 * (kertyma - w / 2) / yhteensa), 9) + 1).astype(np.int8)
    return desiili


def laske(tulokset: pd.DataFrame, kuukaudet: list[str], reformi: str | None) -> tuple[dict, pd.DataFrame]:
    """The summary (JSON-ready dict) and the decile table of a run's per-person results."""
    paino = tulokset["paino"].to_numpy(dtype=np.float64)
    skenaariot = [s for s in SKENAARIOT if sarake(BRUTTO, s) in tulokset]
    mittarit = {s: _mittarit(tulokset, paino, s) for s in skenaariot}
    kuukausi = tulokset["kuukausi"]
    if isinstance(kuukausi.dtype, pd.CategoricalDtype):
        ensimmainen = kuukausi.cat.codes.to_numpy() == list(kuukausi.cat.categories).index(kuukaudet[0])
    else:
        ensimmainen = kuukausi.astype(str).to_numpy() == kuukaudet[0]
    yhteenveto: dict = {
        "kuukaudet": list(kuukaudet),
        "reformi": reformi,
        "vakuutettuja_otoksessa": int(ensimmainen.sum()),
        "vakuutettuja": _pyorista(paino[ensimmainen].sum()),
        "riveja": int(len(tulokset)),
        "mittarit": {},
    }
    for mittari in mittarit["perus"]:
        rivi = {s: mittarit[s][mittari] for s in skenaariot}
        if "reformi" in rivi:
            rivi["muutos"] = _pyorista(rivi["reformi"] - rivi["perus"])
        yhteenveto["mittarit"][mittari] = rivi

    desiili = desiilit(tulokset[TULO].to_numpy(), paino)
    kehys = pd.DataFrame({"desiili": desiili, "paino": paino, "tulo": tulokset[TULO].to_numpy(dtype=np.float64)})
    for s in skenaariot:
        brutto = tulokset[sarake(BRUTTO, s)].to_numpy(dtype=np.float64)
        kehys[f"kustannus_{s}"] = paino * brutto
        kehys[f"saajat_{s}"] = paino * (brutto > 0)
    if "reformi" in skenaariot:
        muutos = (
            tulokset[sarake(BRUTTO, "reformi")].to_numpy(dtype=np.float64)
            - tulokset[sarake(BRUTTO, "perus")].to_numpy(dtype=np.float64)
        )
        kehys["voittajat"] = paino * (muutos > RAJA)
        kehys["haviajat"] = paino * (muutos < -RAJA)
        kehys["voittajat_otoksessa"] = (muutos > RAJA).astype(np.int64)
        kehys["haviajat_otoksessa"] = (muutos < -RAJA).astype(np.int64)
        netto = sarake(SUMMAT["netto"], "perus")
        if netto in tulokset and sarake(SUMMAT["netto"], "reformi") in tulokset:
            kehys["netto_muutos"] = paino * (
                tulokset[sarake(SUMMAT["netto"], "reformi")].to_numpy(dtype=np.float64)
                - tulokset[netto].to_numpy(dtype=np.float64)
            )
    ryhmat = kehys.groupby("desiili", sort=True)
    taulu = ryhmat.agg(tulo_alaraja=("tulo", "min"), tulo_ylaraja=("tulo", "max"), vakuutettuja=("paino", "sum"))
    summat = ryhmat[[c for c in kehys.columns if c not in ("desiili", "paino", "tulo")]].sum()
    taulu = taulu.join(summat).reindex(range(1, 11), fill_value=0).reset_index()
    if "reformi" in skenaariot:
        taulu["muutos"] = taulu["kustannus_reformi"] - taulu["kustannus_perus"]
        taulu["muutos_keskimaarin"] = np.where(taulu["vakuutettuja"] > 0, taulu["muutos"] / taulu["vakuutettuja"].where(taulu["vakuutettuja"] > 0, 1), 0.0)
        yhteenveto["voittajat"] = _pyorista(taulu["voittajat"].sum())
        yhteenveto["haviajat"] = _pyorista(taulu["haviajat"].sum())
        yhteenveto["voittajat_otoksessa"] = int(taulu["voittajat_otoksessa"].sum())
        yhteenveto["haviajat_otoksessa"] = int(taulu["haviajat_otoksessa"].sum())
    jarjestys = [
        "desiili", "tulo_alaraja", "tulo_ylaraja", "vakuutettuja", "saajat_perus", "kustannus_perus",
        "saajat_reformi", "kustannus_reformi", "muutos", "muutos_keskimaarin", "netto_muutos",
        "voittajat", "haviajat", "voittajat_otoksessa", "haviajat_otoksessa",
    ]
    taulu = taulu[[c for c in jarjestys if c in taulu.columns]]
    rahat = [c for c in taulu.columns if c not in ("desiili",) and not c.endswith("_otoksessa")]
    taulu[rahat] = taulu[rahat].astype(np.float64).round(2)
    yhteenveto["desiilit"] = taulu.to_dict(orient="records")
    return yhteenveto, taulu


def mittaritaulu(yhteenveto: dict) -> pd.DataFrame:
    """The measures as a flat table (mittari, perus[, reformi, muutos]) for the CSV."""
    rivit = [{"mittari": m, **arvot} for m, arvot in yhteenveto["mittarit"].items()]
    if "voittajat" in yhteenveto:
        for nimi in ("voittajat", "haviajat", "voittajat_otoksessa", "haviajat_otoksessa"):
            rivit.append({"mittari": nimi, "muutos": yhteenveto[nimi]})
    rivit.append({"mittari": "vakuutettuja", "perus": yhteenveto["vakuutettuja"]})
    rivit.append({"mittari": "vakuutettuja_otoksessa", "perus": yhteenveto["vakuutettuja_otoksessa"]})
    return pd.DataFrame(rivit)
