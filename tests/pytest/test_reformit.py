"""Reforms by name, file and dotted path; parameter files; factories for other values."""

from __future__ import annotations

import copy
import json

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from openfisca_tartunta.reforms import REFORMIT, Reformivirhe, hae_reformi, sovella_reformit
from openfisca_tartunta.reforms.enimmaismaara import enimmaismaara
from openfisca_tartunta.reforms.korvausaste import korvausaste
from openfisca_tartunta.reforms.odotusaika import Odotusaika, odotusaika
from openfisca_tartunta.reforms.parametrimuutos import ESIMERKIT_DIR, lue_muutokset, parametrimuutos
from openfisca_tartunta.reforms.yrittajan_jakaja import yrittajan_jakaja

# Karanteeni ma 4.–pe 15.3.2024: 4.–9.3. (6) + 11.–15.3. (5) = 11 arkipäivää (1.9).
TAPAUS = {
    "ansiotyot": {
        "tyo": {"ansionmenetys": {"2024-03": 3000}},
        "yritys": {"yrittajavakuutus": {"ETERNITY": "yel"}, "yrittajan_tyotulo": {"ETERNITY": 36000}},
    },
    "vakuutetut": {
        "v": {
            "palkkatyot": ["tyo"],
            "yritystoiminnat": ["yritys"],
            "poissaolon_peruste": {"ETERNITY": "karanteeni"},
            "poissaolo_alkaa": {"ETERNITY": "2024-03-04"},
            "poissaolo_paattyy": {"ETERNITY": "2024-03-15"},
        }
    },
}


def _laske(tbs, muuttuja="tartuntatautipaivaraha_paivalta", kausi="2024-03"):
    simulaatio = SimulationBuilder().build_from_entities(tbs, copy.deepcopy(TAPAUS))
    return float(simulaatio.calculate(muuttuja, kausi)[0])


def test_perustaso(tbs):
    # 3000 / 25 = 120,00 + 36 000 / 300 = 120,00 → 240,00 €/pv (1.6)
    assert _laske(tbs) == pytest.approx(240.0)


@pytest.mark.parametrize("nimi", sorted(REFORMIT))
def test_rekisterin_reformit_latautuvat(tbs, nimi):
    reformoitu = sovella_reformit(tbs, [nimi])
    assert reformoitu is not tbs
    assert tbs.parameters.paivaraha.yrittajan_jakaja("2024-03-01") == 300  # the baseline is untouched


@pytest.mark.parametrize(
    "reformi, odotettu",
    [
        (korvausaste(0.8), 0.8 * 240),  # 192,00
        (enimmaismaara(200), 200.0),
        (yrittajan_jakaja(360), 120 + 100),  # 36 000 / 360 = 100,00
        (yrittajan_jakaja(360, alkaen="2025-01-01"), 240.0),  # not yet in force in 2024
    ],
)
def test_tehtaat(tbs, reformi, odotettu):
    assert _laske(reformi(tbs)) == pytest.approx(odotettu, abs=0.001)


def test_odotusaika_eri_pituudella(tbs):
    # N = 5: 4.–8.3. unpaid, 9.3. and 11.–15.3. paid = 6 days × 240 = 1 440 €
    assert _laske(odotusaika(5)(tbs), "tartuntatautipaivarahan_maksupaivat") == 6
    assert _laske(odotusaika(0)(tbs), "tartuntatautipaivarahan_maksupaivat") == 11
    with pytest.raises(ValueError, match="whole number"):
        odotusaika(-1)


@pytest.mark.parametrize("reformi", [odotusaika(10, "2025-01-01"), korvausaste(0.5, "2025-01-01"), enimmaismaara(100, "2025-01-01")])
def test_reformi_ei_vaikuta_ennen_alkamistaan(tbs, reformi):
    """Before its start date a reform's new parameter holds today's rule: March 2024 is unchanged."""
    reformoitu = reformi(tbs)
    assert _laske(reformoitu) == pytest.approx(240.0)
    assert _laske(reformoitu, "tartuntatautipaivarahan_maksupaivat") == 11


def test_ketjutus_ja_parametrin_muutos_reformin_parametriin(tbs, tmp_path):
    """A parameter file may change a parameter another reform added (applied first)."""
    muutos = tmp_path / "odotus.json"
    muutos.write_text(json.dumps({"paivaraha.odotusaika": {"2024-01-01": 3}}), encoding="utf-8")
    reformoitu = sovella_reformit(tbs, ["odotusaika", str(muutos)])
    # first 3 arkipäivät 4.–6.3. unpaid → 8 days paid
    assert _laske(reformoitu, "tartuntatautipaivarahan_maksupaivat") == 8
    # korvausaste then enimmaismaara: 0.7 × 240 = 168 ≤ 250
    assert _laske(sovella_reformit(tbs, ["korvausaste", "enimmaismaara"])) == pytest.approx(168.0)


def test_haku_nimella_polulla_ja_tiedostolla(tmp_path):
    assert hae_reformi("odotusaika") is Odotusaika
    assert hae_reformi("openfisca_tartunta.reforms.odotusaika.Odotusaika") is Odotusaika
    assert hae_reformi(Odotusaika) is Odotusaika
    oma = tmp_path / "oma_reformi.py"
    oma.write_text(
        "from openfisca_core.reforms import Reform\n"
        "class Oma(Reform):\n"
        "    def apply(self):\n"
        "        self.modify_parameters(lambda p: p)\n",
        encoding="utf-8",
    )
    assert hae_reformi(str(oma)).__name__ == "Oma"
    luokka = hae_reformi(str(ESIMERKIT_DIR / "palkansaajan_jakaja_21_5.json"))
    assert luokka.muutokset == {"paivaraha.palkansaajan_jakaja": {"2024-01-01": 21.5}}


@pytest.mark.parametrize(
    "nimi, viesti",
    [
        ("ei_ole", "unknown reform 'ei_ole'"),
        ("openfisca_tartunta.reforms.ei_ole.Luokka", "cannot import it"),
        ("openfisca_tartunta.reforms.odotusaika.EiOle", "cannot import it"),
        ("openfisca_tartunta.reforms.REFORMIT", "is not an OpenFisca Reform class"),
        ("openfisca_tartunta.reforms.apu.Reformivirhe", "is not an OpenFisca Reform class"),
        ("/ei/ole.py", "not found"),
    ],
)
def test_tuntemattomat_reformit(nimi, viesti):
    with pytest.raises(Reformivirhe, match=viesti):
        hae_reformi(nimi)


@pytest.mark.parametrize(
    "sisalto, viesti",
    [
        ("[1, 2]", "expected a mapping"),
        ("paivaraha.yrittajan_jakaja: 250", "expected {YYYY-MM-DD: value}"),
        ("paivaraha.yrittajan_jakaja:\n  2024-13-01: 250", "not valid YAML"),
        ('{"paivaraha.yrittajan_jakaja": {"2024-02-30": 250}}', "no such date"),
        ("paivaraha.yrittajan_jakaja:\n  '1.1.2024': 250", "is not YYYY-MM-DD"),
        ("paivaraha.yrittajan_jakaja:\n  2024-01-01: kaksisataa", "is not a number"),
        ("paivaraha.yrittajan_jakaja:\n  2024-01-01: {arvo: 3}", "use {value: number}"),
        ("paivaraha: [", "not valid YAML"),
    ],
)
def test_parametritiedoston_virheet(tmp_path, sisalto, viesti):
    polku = tmp_path / "muutos.yaml"
    polku.write_text(sisalto, encoding="utf-8")
    with pytest.raises(Reformivirhe, match=viesti.replace("{", r"\{").replace("}", r"\}")):
        parametrimuutos(polku)


def test_tuntematon_parametri_vasta_sovellettaessa(tbs):
    luokka = parametrimuutos({"paivaraha.ei_ole": {"2024-01-01": 1}})
    with pytest.raises(Reformivirhe, match="parameter paivaraha.ei_ole: no such parameter"):
        luokka(tbs)
    with pytest.raises(Reformivirhe, match="is a folder of parameters"):
        parametrimuutos({"paivaraha": {"2024-01-01": 1}})(tbs)


def test_arvot_voimassa_paivamaarasta_seuraavaan(tbs):
    luokka = parametrimuutos({"paivaraha.yrittajan_jakaja": {"2024-01-01": 250, "2024-03-01": {"value": 360}}})
    reformoitu = luokka(tbs)
    jakaja = reformoitu.parameters.paivaraha.yrittajan_jakaja
    assert (jakaja("2023-12-31"), jakaja("2024-02-15"), jakaja("2026-06-01")) == (300, 250, 360)
    assert lue_muutokset(ESIMERKIT_DIR / "yrittajan_jakaja_250.yaml") == {"paivaraha.yrittajan_jakaja": {"2024-01-01": 250.0}}
