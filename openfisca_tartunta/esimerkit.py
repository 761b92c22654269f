"""Example situations (used by the OpenAPI spec and the README)."""

KARANTEENI_PALKANSAAJA = {
    "ansiotyot": {
        "tyo_1": {
            "ansionmenetys": {"2024-03": 3000},
            "tyonantajan_tunnus": {"ETERNITY": "0737546-2"},
        },
    },
    "vakuutetut": {
        "vakuutettu_1": {
            "palkkatyot": ["tyo_1"],
            "poissaolon_peruste": {"ETERNITY": "karanteeni"},
            "poissaolo_alkaa": {"ETERNITY": "2024-03-04"},
            "poissaolo_paattyy": {"ETERNITY": "2024-03-15"},
            "tartuntatautipaivaraha_paivalta": {"2024-03": None},
            "tartuntatautipaivarahan_maksupaivat": {"2024-03": None},
            "tartuntatautipaivaraha": {"2024-03": None},
        },
    },
}
