"""Example situations (used by the OpenAPI spec and the README)."""

import copy

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


def paatoksen_tapaus() -> dict:
    """`KARANTEENI_PALKANSAAJA` as a `/paatosehdotus` body (a fresh copy): the outputs it asks of
    `/calculate` are not inputs of a decision proposal."""
    tapaus = copy.deepcopy(KARANTEENI_PALKANSAAJA)
    vakuutettu = tapaus["vakuutetut"]["vakuutettu_1"]
    for nimi in [n for n, arvot in vakuutettu.items() if isinstance(arvot, dict) and None in arvot.values()]:
        del vakuutettu[nimi]
    return tapaus
