"""Payment periods (guideline 1.9): first 6 arkipäivät, then 25 each, continuation fills up.

Every expected period below is counted by hand from the calendar; the holidays
used are Good Friday 29.3.2024, Easter Monday 1.4.2024, May Day 1.5.2024,
Ascension Day 9.5.2024, Independence Day 6.12., Christmas 24.–26.12.,
New Year's Day and Epiphany (6.1.2024, a Saturday).
"""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest

from openfisca_tartunta import cli
from openfisca_tartunta.maksukaudet import Maksukausi, maksukaudet
from openfisca_tartunta.tarkistukset import Syottovirhe


def _kaudet(kaudet):
    return [(k.alku, k.loppu, k.arkipaivat) for k in kaudet]


def test_ensimmainen_kuusi_sitten_25_paasiainen():
    # 4.–9.3. = 6; then 11.–16.3. (6), 18.–23.3. (6), 25.–28.3. + 30.3. (5; 29.3. Good Friday),
    # 2.–6.4. (5; 1.4. Easter Monday), 8.–10.4. (3) = 25; then 11.–13.4. (3), 15.–20.4. (6),
    # 22.–27.4. (6), 29.–30.4. (2) = 17, the short last one.
    kaudet = maksukaudet("2024-03-04", "2024-04-30")
    assert _kaudet(kaudet) == [
        (date(2024, 3, 4), date(2024, 3, 9), 6),
        (date(2024, 3, 11), date(2024, 4, 10), 25),
        (date(2024, 4, 11), date(2024, 4, 30), 17),
    ]
    assert [k.numero for k in kaudet] == [1, 2, 3]
    assert [k.vajaa for k in kaudet] == [False, False, True]


def test_lyhyt_paatos_yksi_vajaa_kausi():
    # 4.–6.3.2024 (Mon–Wed) = 3 arkipäivät < 6.
    kaudet = maksukaudet(date(2024, 3, 4), date(2024, 3, 6))
    assert _kaudet(kaudet) == [(date(2024, 3, 4), date(2024, 3, 6), 3)]
    assert kaudet[0].vajaa


def test_sunnuntaina_alkava_paatos_alkaa_ensimmaisesta_arkipaivasta():
    # 3.3.2024 is a Sunday: the first period is 4.–9.3.
    kaudet = maksukaudet("2024-03-03", "2024-03-09")
    assert _kaudet(kaudet) == [(date(2024, 3, 4), date(2024, 3, 9), 6)]
    assert not kaudet[0].vajaa


def test_joulun_pyhat():
    # 18.–23.12.2023 = 6. Next 25: 27.–30.12. (4; 24. Sunday, 25.–26. holidays), 2.–5.1. (4; 1.1.),
    # 8.–13.1. (6; 6.1. was the Saturday before), 15.–20.1. (6), 22.–26.1. (5) → ends 26.1.
    # Then 27.1. (1) + 29.–31.1. (3) = 4.
    kaudet = maksukaudet("2023-12-18", "2024-01-31")
    assert _kaudet(kaudet) == [
        (date(2023, 12, 18), date(2023, 12, 23), 6),
        (date(2023, 12, 27), date(2024, 1, 26), 25),
        (date(2024, 1, 27), date(2024, 1, 31), 4),
    ]


def test_jatkopaatos_taydentaa_vajaan_25_kauden():
    # Previous decision's last period had 10 of 25 days: fill 15 first. 1.5.2024 is May Day,
    # 9.5. Ascension Day: 2.–4.5. (3), 6.–11.5. without 9.5. (5), 13.–18.5. (6), 20.5. (1) = 15.
    kaudet = maksukaudet("2024-05-01", "2024-06-05", edellinen_kausi_paivia=10, edellinen_kausi_pituus=25)
    assert _kaudet(kaudet)[0] == (date(2024, 5, 2), date(2024, 5, 20), 15)
    # Then 25s: 21.–25.5. (5), 27.5.–1.6. (6), 3.–5.6. (3) = 14, short.
    assert _kaudet(kaudet)[1:] == [(date(2024, 5, 21), date(2024, 6, 5), 14)]
    assert not kaudet[0].vajaa


def test_jatkopaatos_taydentaa_vajaan_ensimmaisen_kauden():
    # Previous first period had 4 of 6 days: fill 2 (2.–3.9.2024), then 25s; the rest of
    # September 2024 (no holidays, Sundays 8, 15, 22, 29) is 4.–30.9. = 23 < 25.
    kaudet = maksukaudet("2024-09-02", "2024-09-30", edellinen_kausi_paivia=4, edellinen_kausi_pituus=6)
    assert _kaudet(kaudet) == [
        (date(2024, 9, 2), date(2024, 9, 3), 2),
        (date(2024, 9, 4), date(2024, 9, 30), 23),
    ]


def test_jatkopaatos_taydesta_kaudesta_jatkuu_25_paivan_erilla():
    # Previous period was full (25 of 25): 25s from the start; September 2024 has 25 arkipäivät.
    kaudet = maksukaudet("2024-09-01", "2024-09-30", edellinen_kausi_paivia=25, edellinen_kausi_pituus=25)
    assert _kaudet(kaudet) == [(date(2024, 9, 2), date(2024, 9, 30), 25)]
    assert not kaudet[0].vajaa


def test_ei_arkipaivia_tyhja_lista():
    assert maksukaudet("2024-03-10", "2024-03-10") == []  # a Sunday


def test_parametrit_jarjestelmasta_ja_solmusta(tbs):
    odotettu = maksukaudet("2024-03-04", "2024-04-30")
    assert maksukaudet("2024-03-04", "2024-04-30", tbs) == odotettu
    assert maksukaudet("2024-03-04", "2024-04-30", tbs.parameters) == odotettu


def test_pituudet_tulevat_parametreista():
    # A drafter's what-if: first period 5, following 10 (any callable parameters tree works).
    puu = SimpleNamespace(maksaminen=SimpleNamespace(ensimmainen_maksukausi=5, maksukausi=10))
    kaudet = maksukaudet("2024-09-02", "2024-09-30", lambda paiva: puu)
    # 25 arkipäivät: 5 + 10 + 10.
    assert [k.arkipaivat for k in kaudet] == [5, 10, 10]
    assert kaudet[0].loppu == date(2024, 9, 6)


def test_sanakirjana_json():
    kausi = maksukaudet("2024-03-04", "2024-03-09")[0]
    assert isinstance(kausi, Maksukausi)
    assert json.loads(json.dumps(kausi.as_dict())) == {
        "numero": 1,
        "alku": "2024-03-04",
        "loppu": "2024-03-09",
        "arkipaivat": 6,
        "vajaa": False,
    }


@pytest.mark.parametrize(
    "kwargs, kentta",
    [
        ({"alku": "2024-03-10", "loppu": "2024-03-01"}, "loppu"),
        ({"alku": "2024-13-01", "loppu": "2024-03-01"}, "alku"),
        ({"alku": "2024-03-01", "loppu": "2024-03-31", "edellinen_kausi_paivia": 3}, "edellinen_kausi_pituus"),
        ({"alku": "2024-03-01", "loppu": "2024-03-31", "edellinen_kausi_paivia": 3, "edellinen_kausi_pituus": 7}, "edellinen_kausi_pituus"),
        ({"alku": "2024-03-01", "loppu": "2024-03-31", "edellinen_kausi_paivia": 0, "edellinen_kausi_pituus": 25}, "edellinen_kausi_paivia"),
        ({"alku": "2024-03-01", "loppu": "2024-03-31", "edellinen_kausi_paivia": 7, "edellinen_kausi_pituus": 6}, "edellinen_kausi_paivia"),
    ],
)
def test_virheelliset_syotteet(kwargs, kentta):
    with pytest.raises(Syottovirhe) as virhe:
        maksukaudet(**kwargs)
    assert virhe.value.muuttuja == kentta
    assert kentta in str(virhe.value)


def test_cli_taulukko(capsys):
    assert cli.main(["maksukaudet", "--alku", "2024-03-04", "--loppu", "2024-04-30"]) == 0
    rivit = capsys.readouterr().out.splitlines()
    assert rivit[0].split() == ["nro", "alku", "loppu", "arkipäivät"]
    assert rivit[1].split() == ["1", "2024-03-04", "2024-03-09", "6"]
    assert rivit[2].split() == ["2", "2024-03-11", "2024-04-10", "25"]
    assert rivit[3].split() == ["3", "2024-04-11", "2024-04-30", "17", "(vajaa)"]
    assert "48" in rivit[4]


def test_cli_json_jatkopaatos(capsys):
    argv = [
        "maksukaudet", "--alku", "2024-05-01", "--loppu", "2024-05-20",
        "--edellinen-kausi-paivia", "10", "--edellinen-kausi-pituus", "25", "--json",
    ]
    assert cli.main(argv) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"numero": 1, "alku": "2024-05-02", "loppu": "2024-05-20", "arkipaivat": 15, "vajaa": False}
    ]


def test_cli_virhe(capsys):
    assert cli.main(["maksukaudet", "--alku", "2024-05-01", "--loppu", "2024-04-01"]) == 2
    virhe = capsys.readouterr().err
    assert "loppu" in virhe and "Traceback" not in virhe


def test_dokumentin_esimerkki():
    # docs/maksun_laskenta.md: 2.–21.9.2024 (no holidays) → 2.–7.9. (6) and 9.–21.9. (6 + 6 = 12, short).
    assert _kaudet(maksukaudet("2024-09-02", "2024-09-21")) == [
        (date(2024, 9, 2), date(2024, 9, 7), 6),
        (date(2024, 9, 9), date(2024, 9, 21), 12),
    ]


def test_estava_etuus_katkaisee_maksetun_ajan():
    """1.9, 1.4: a rehabilitation allowance 13.–15.3.2024 leaves a gap in the paid time 11.–23.3.
    Paid arkipäivät: 11., 12., 16., 18.–23.3. = 9 (Sun 17.3. is not one). First period 6 days:
    11., 12., 16., 18., 19., 20.3.; then 21.–23.3. (3, short)."""
    from openfisca_tartunta.maksukaudet import maksukaudet as _kaudet

    kaudet = _kaudet("2024-03-11", "2024-03-23", ei_makseta=[("2024-03-13", "2024-03-15")])
    assert [(k.alku.isoformat(), k.loppu.isoformat(), k.arkipaivat, k.vajaa) for k in kaudet] == [
        ("2024-03-11", "2024-03-20", 6, False),
        ("2024-03-21", "2024-03-23", 3, True),
    ]
