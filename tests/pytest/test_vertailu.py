"""`tartunta vertaa`: a real rule change shows the moved cases with hand-checked figures.

The change: the employee's divisor 25 becomes 21.5 from 1.1.2025 (guideline 1.6:
the daily amount is the monthly pay lost / 25).  Hand-worked:

- "Karanteeni 3.–14.2.2025, kuukausipalkka 3 250 €": 3 250 / 25 = 130,00 €/day →
  3 250 / 21,5 = 151,1627… → 151,16 €/day; 11 paid days: 1 430,00 → 11 × 151,16 = 1 662,76 €.
- "Pitkäperjantai ja 2. pääsiäispäivä 2025": 2 500 €/month, 10 paid days (14.–26.4.2025
  less Good Friday and Easter Monday): 10 × 100,00 = 1 000,00 → 2 500 / 21,5 = 116,2790… →
  116,28 €/day × 10 = 1 162,80 €.
- A case of 2024 ("Palkansaaja 2 345,67 €/kk", April 2024) does not move.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from openfisca_tartunta import cli
from openfisca_tartunta.sijainnit import JUURI_DIR
from openfisca_tartunta.vertailu import vertaa
from openfisca_tartunta.vertailu.raportti import kirjoita

TAPAUKSET = JUURI_DIR / "tests" / "yaml"
KARANTEENI = "Karanteeni 3.–14.2.2025, kuukausipalkka 3 250 €"
PITKAPERJANTAI = "Pitkäperjantai ja 2. pääsiäispäivä 2025"


@pytest.fixture(scope="module")
def muutos(tmp_path_factory) -> Path:
    polku = tmp_path_factory.mktemp("muutos") / "jakaja.yaml"
    polku.write_text("paivaraha.palkansaajan_jakaja:\n  2025-01-01: 21.5\n", encoding="utf-8")
    return polku


@pytest.fixture(scope="module")
def reformiraportti(muutos):
    return vertaa(reformit=[str(muutos)], tapaukset=TAPAUKSET)


def _rivi(raportti, tapaus, muuttuja):
    rivit = [m for m in raportti.tapaukset.muutokset if m.tapaus == tapaus and m.muuttuja == muuttuja]
    assert len(rivit) == 1, (tapaus, muuttuja, rivit)
    return rivit[0]


def test_reformi_liikuttaa_kasin_laskettuja_tapauksia(reformiraportti):
    r = reformiraportti
    (p,) = r.parametrit
    assert (p.parametri, p.paiva, p.vanha, p.uusi) == ("paivaraha.palkansaajan_jakaja", "2025-01-01", 25, 21.5)
    assert "1.6" in p.lahde
    assert r.kaavat == []
    paivalta = _rivi(r, KARANTEENI, "tartuntatautipaivaraha_paivalta")
    assert (paivalta.kausi, paivalta.ennen, paivalta.jalkeen, paivalta.erotus) == ("2025-02", 130.0, 151.16, 21.16)
    kuukausi = _rivi(r, KARANTEENI, "tartuntatautipaivaraha")
    assert (kuukausi.ennen, kuukausi.jalkeen, kuukausi.erotus) == (1430.0, 1662.76, 232.76)
    assert "1.6" in kuukausi.kohdat
    pitka = _rivi(r, PITKAPERJANTAI, "tartuntatautipaivaraha")
    assert (pitka.kausi, pitka.odotettu, pitka.ennen, pitka.jalkeen) == ("2025-04", 1000, 1000.0, 1162.8)
    # every output of a moved case, not the first: the paid days do not move, so they are not listed
    assert not [m for m in r.tapaukset.muutokset if m.muuttuja == "tartuntatautipaivarahan_maksupaivat"]
    assert not [m for m in r.tapaukset.muutokset if m.kausi < "2025"]
    assert r.tapaukset.tapauksia >= 150 and r.tapaukset.liikkuneita_tapauksia == len({m.tapaus for m in r.tapaukset.muutokset})


def test_koko_yaml_aineisto_kahdella_jarjestelmalla_alle_30_s(reformiraportti):
    assert reformiraportti.tapaukset.sekunteja < 30.0


class _Taulukot(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.solut: list[str] = []
        self._solussa = False

    def handle_starttag(self, tag, attrs):
        self._solussa = tag == "td" or self._solussa
        if tag == "td":
            self.solut.append("")

    def handle_endtag(self, tag):
        if tag == "td":
            self._solussa = False

    def handle_data(self, data):
        if self._solussa:
            self.solut[-1] += data


def test_raportin_kolme_muotoa(reformiraportti, tmp_path):
    polut = kirjoita(reformiraportti, tmp_path)
    data = json.loads(polut["json"].read_text(encoding="utf-8"))
    assert data["parametrit"][0]["uusi"] == 21.5
    assert any(m["tapaus"] == KARANTEENI and m["jalkeen"] == 1662.76 for m in data["tapaukset"]["muutokset"])
    md = polut["md"].read_text(encoding="utf-8")
    assert re.search(rf"\| {re.escape(KARANTEENI)} .*\| `tartuntatautipaivaraha` \| 2025-02 \| 1 430 → 1 662,76 \| \+232,76 \|", md)
    html = polut["html"].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html
    jasennin = _Taulukot()
    jasennin.feed(html)
    assert "1 662,76" in jasennin.solut and "+232,76" in jasennin.solut and "21,50" in jasennin.solut


def _git(repo: Path, *argumentit: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *argumentit],
                   check=True, capture_output=True)


def _kopio(tmp_path: Path) -> Path:
    """A copy of the checkout's package and rules (what a revision holds)."""
    repo = tmp_path / "repo"
    for kansio in ("parameters", "variables", "reforms", "openfisca_tartunta"):
        shutil.copytree(JUURI_DIR / kansio, repo / kansio, ignore=shutil.ignore_patterns("__pycache__"))
    return repo


def test_git_revisio_lasketaan_omalla_paketillaan(tmp_path, capsys):
    """The revision's formulas run on the revision's helpers, not today's.

    The committed revision has a helper module `vanha_apu` (today's package has none)
    whose factor doubles the month's gross allowance; the working tree drops both.
    Loading the revision's variables beside today's package would fail on the
    import; run by its own package, the old side is the doubled figure.
    Karanteeni case: 13 days × 110 € = 1 430 € today; the revision: 2 × 1 430 = 2 860 €.
    """
    repo = _kopio(tmp_path)
    (repo / "openfisca_tartunta" / "vanha_apu.py").write_text("KERROIN = 2\n", encoding="utf-8")
    maara = repo / "variables" / "maara.py"
    alkuperainen = maara.read_text(encoding="utf-8")
    muutettu = alkuperainen.replace(
        "        return senteiksi(\n            vakuutettu(\"tartuntatautipaivaraha_paivalta\", period)",
        "        from openfisca_tartunta.vanha_apu import KERROIN\n\n"
        "        return senteiksi(\n            KERROIN * vakuutettu(\"tartuntatautipaivaraha_paivalta\", period)",
    )
    assert muutettu != alkuperainen
    maara.write_text(muutettu, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "a helper module of its own")
    (repo / "openfisca_tartunta" / "vanha_apu.py").unlink()
    maara.write_text(alkuperainen, encoding="utf-8")

    kohde = tmp_path / "raportti"
    koodi = cli.main(["vertaa", "--git", "HEAD", "--repo", str(repo), "--tapaukset", str(TAPAUKSET), "--raportti", str(kohde)])
    assert koodi == 0, capsys.readouterr().err
    data = json.loads((kohde / "vertailu.json").read_text(encoding="utf-8"))
    muuttuneet = {(m["tapaus"], m["muuttuja"]): m for m in data["tapaukset"]["muutokset"]}
    rivi = muuttuneet[(KARANTEENI, "tartuntatautipaivaraha")]
    assert (rivi["ennen"], rivi["jalkeen"], rivi["virhe"]) == (2860.0, 1430.0, "")


def test_git_revisio_jota_ei_voi_ajaa(tmp_path, capsys):
    """A revision whose package cannot be imported: exit 2 naming the revision and the error."""
    repo = _kopio(tmp_path)
    (repo / "openfisca_tartunta" / "__init__.py").write_text("raise ImportError('rikki')\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "broken")
    koodi = cli.main(["vertaa", "--git", "HEAD", "--repo", str(repo), "--ei-tapauksia", "--raportti", str(tmp_path / "r")])
    virhe = capsys.readouterr().err
    assert koodi == 2 and "could not be run by its own package" in virhe and "ImportError: rikki" in virhe


def test_git_revisio_tyopuuta_vastaan(tmp_path, capsys):
    """A temporary repository: commit the rules, then edit a parameter file and a formula."""
    repo = _kopio(tmp_path)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "rules")
    jakaja = repo / "parameters" / "paivaraha" / "palkansaajan_jakaja.yaml"
    jakaja.write_text(jakaja.read_text(encoding="utf-8") + "  2025-01-01:\n    value: 21.5\n", encoding="utf-8")
    (tiedosto,) = [p for p in (repo / "variables").glob("*.py") if "class tartuntatautipaivaraha(" in p.read_text(encoding="utf-8")]
    rivit = tiedosto.read_text(encoding="utf-8").splitlines(keepends=True)
    luokka = next(i for i, r in enumerate(rivit) if r.startswith("class tartuntatautipaivaraha("))
    kaava = next(i for i in range(luokka, len(rivit)) if rivit[i].strip().startswith("def formula"))
    rivit.insert(kaava + 1, "        # guideline 1.6.2: a drafter's note\n")
    tiedosto.write_text("".join(rivit), encoding="utf-8")

    kohde = tmp_path / "raportti"
    koodi = cli.main(["vertaa", "--git", "HEAD", "--repo", str(repo), "--tapaukset", str(TAPAUKSET), "--raportti", str(kohde)])
    assert koodi == 0, capsys.readouterr().err
    data = json.loads((kohde / "vertailu.json").read_text(encoding="utf-8"))
    assert [(p["parametri"], p["paiva"], p["vanha"], p["uusi"]) for p in data["parametrit"]] == [
        ("paivaraha.palkansaajan_jakaja", "2025-01-01", 25, 21.5)
    ]
    (k,) = data["kaavat"]
    assert k["muuttuja"] == "tartuntatautipaivaraha" and k["laji"] == "muutettu"
    assert re.search(r"^\+\s+# guideline 1\.6\.2: a drafter's note$", k["diff"], re.M)
    assert "1.6.2" in k["kohdat"] and "1.6" in k["kohdat"]  # from the comment and from `reference`
    muuttuneet = {(m["tapaus"], m["muuttuja"]): m for m in data["tapaukset"]["muutokset"]}
    assert muuttuneet[(KARANTEENI, "tartuntatautipaivaraha")]["jalkeen"] == 1662.76
    assert data["vanha"].startswith("git HEAD (")


def test_git_head_ilman_muutoksia():
    r = vertaa(git="HEAD", tapaukset=None)
    assert r.vanha.startswith("git HEAD (") and r.tapaukset is None
    tila = subprocess.run(["git", "-C", str(JUURI_DIR), "status", "--porcelain", "--", "parameters", "variables"],
                          capture_output=True, text=True, check=True).stdout
    if not tila.strip():  # a clean checkout: HEAD and the working tree hold the same rules
        assert r.parametrit == [] and r.kaavat == []


def test_kaksi_paivaa():
    """Distraint protected amount of the debtor: 30,75 €/day from 1.1.2023, 32,56 €/day from 1.1.2024."""
    r = vertaa(paivat=("2023-06-01", "2024-06-01"), tapaukset=None)
    rivit = {p.parametri: p for p in r.parametrit}
    velallinen = rivit["ulosotto.suojaosuus.velallinen"]
    assert (velallinen.paiva, velallinen.vanha, velallinen.uusi) == ("2024-01-01", 30.75, 32.56)
    assert "1078/2023" in velallinen.lahde
    assert "paivaraha.palkansaajan_jakaja" not in rivit


@pytest.mark.parametrize(
    ("argumentit", "viesti"),
    [
        (["--git", "ei-tallaista-revisiota"], "unknown revision 'ei-tallaista-revisiota'"),
        (["--git=--all"], "not a git revision"),
        (["--reformi", "ei_tallaista"], "unknown reform 'ei_tallaista'"),
        (["--reformi", "puuttuva.yaml"], "puuttuva.yaml: not found"),
        (["--paivat", "2024-02-30", "2024-03-01"], "'2024-02-30' is not a date"),
        (["--paivat", "2024-1-1", "2024-03-01"], "'2024-1-1' is not a date"),
        (["--paivat", "2024-01-01", "2024-03-01", "--populaatio", "x"], "use it with --reformi"),
        (["--reformi", "odotusaika", "--tapaukset", "/ei/tallaista"], "/ei/tallaista is not a folder"),
        (["--reformi", "odotusaika", "--populaatio", "/ei/tallaista", "--kuukausi", "2024-03"], "lacks"),
    ],
)
def test_virheellinen_syote_exit_2(argumentit, viesti, capsys, tmp_path):
    koodi = cli.main(["vertaa", *argumentit, "--raportti", str(tmp_path / "r")])
    virhe = capsys.readouterr().err
    assert koodi == 2
    assert virhe.startswith("tartunta vertaa: error: ") and viesti in virhe and "Traceback" not in virhe
    assert not (tmp_path / "r").exists()


def test_populaatiovaikutus(muutos, tmp_path, capsys):
    """200 insured with decisions in February 2025: the divisor 21.5 raises the employees' cost by at
    most 25/21.5 (entrepreneurs are not affected), and nobody loses."""
    assert cli.main(["populaatio", "--koko", "200", "--siemen", "7", "--kuukausi", "2025-02",
                     "--kohde", str(tmp_path / "pop"), "--hiljaa"]) == 0
    kohde = tmp_path / "r"
    koodi = cli.main(["vertaa", "--reformi", str(muutos), "--ei-tapauksia", "--populaatio", str(tmp_path / "pop"),
                      "--kuukausi", "2025-02", "--raportti", str(kohde)])
    assert koodi == 0, capsys.readouterr().err
    data = json.loads((kohde / "vertailu.json").read_text(encoding="utf-8"))
    y = data["populaatio"]["yhteenveto"]
    kustannus = y["mittarit"]["kustannus"]
    assert kustannus["perus"] < kustannus["reformi"] <= kustannus["perus"] * 25 / 21.5 + 0.01 * y["vakuutettuja"]
    assert y["haviajat"] == 0 and y["voittajat"] > 0
    assert len(y["desiilit"]) == 10
    assert data["populaatio"]["kuvat"] and all((kohde / k).is_file() for k in data["populaatio"]["kuvat"])
    html = (kohde / "vertailu.html").read_text(encoding="utf-8")
    assert "Population impact" in html and all(f'src="{k}"' in html for k in data["populaatio"]["kuvat"])
