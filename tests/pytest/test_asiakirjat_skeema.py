"""`/spec` of the decision proposal: a valid OpenAPI 3.0 document whose proposal schemas are
generated from the dataclasses (`asiakirjat/malli.py`), and that schemathesis can use.

Both sides are checked here.  Responses: schemathesis generates requests for `/paatosehdotus`
from the spec and every answer must conform to the documented schemas (status, content type,
body).  Requests: the input schema is exact (`palvelin/paatossyote.py`), so schemathesis'
positive-data check holds for a real share of the generated bodies; the bodies it rejects break
only the cross-field rules the schema's descriptions name (an earning activity's id listed in
`palkkatyot`, a personal identity code's checksum, ...), and each is refused with a 4xx naming
the field — never a 5xx.
"""

from __future__ import annotations

import copy
import functools

import pytest
import schemathesis
from stdnum.fi import hetu
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance, positive_data_acceptance, response_schema_conformance, status_code_conformance,
)

import test_palvelin_apu as apu
from openfisca_tartunta import syotteet
from openfisca_tartunta.jarjestelma import CountryTaxBenefitSystem
from openfisca_tartunta.palvelin.sovellus import luo_sovellus

sovellus_tbs = functools.lru_cache(maxsize=1)(CountryTaxBenefitSystem)


@pytest.fixture(scope="module")
def sovellus():
    return luo_sovellus()


def test_spec_on_kelvollinen_openapi(sovellus):
    spec = sovellus.test_client().get("/spec").get_json()
    validate(spec)
    skeemat = spec["components"]["schemas"]
    for nimi in ("Paatosehdotus", "Asiakirja", "Saaja", "Jakso", "Kuukausi", "Maksukausi", "Perustelu", "Huomio", "Saados"):
        assert skeemat[nimi]["type"] == "object", nimi
    assert skeemat["Ratkaisu"]["enum"] == ["myonteinen", "osittain_myonteinen", "kielteinen"]
    assert skeemat["SaajanRooli"]["enum"] == ["vakuutettu", "tyonantaja", "edunvalvoja", "valtuutettu", "palkkaturvan_maksaja", "kunta"]
    assert skeemat["MaksunsaajanKoodi"]["enum"][-1] == "ulosottoviranomainen"
    assert skeemat["Jakso"]["properties"]["alkaa"] == {"type": "string", "format": "date"}
    assert skeemat["Paatosehdotus"]["properties"]["paatospaiva"]["nullable"] is True
    # descriptions from the variables' labels
    kuvaus = skeemat["Kuukausi"]["properties"]["ennakonpidatys"]["description"]
    assert kuvaus and "nnakonpidätys" in kuvaus


@pytest.mark.slow  # schemathesis over the documents endpoint
def test_schemathesis_vastaukset_vastaavat_skeemaa(sovellus):
    schema = schemathesis.openapi.from_wsgi("/spec", sovellus)
    operaatio = schema["/paatosehdotus"]["POST"]
    tilat: dict[int, int] = {}
    tarkistukset = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(case=operaatio.as_strategy())
    def aja(case):
        vastaus = case.call()
        tilat[vastaus.status_code] = tilat.get(vastaus.status_code, 0) + 1
        case.validate_response(vastaus, checks=tarkistukset)

    aja()
    assert sum(tilat.values()) >= 20 and all(t < 500 for t in tilat)
    # the documented example and a two-recipient case give 200 bodies that conform too
    # and so do the cases with every kind of payee (issue 14 item 4)
    import test_paatos_maksunsaajat as saajat

    elamantavat = saajat._tapaus(kunnan_elamantapavaatimus={saajat.KK: 400})
    for runko in ({**copy.deepcopy(apu.KARANTEENI), "kieli": "sv"}, saajat.KUNTA, saajat.KASSA, saajat.PALKKATURVA,
                  saajat.EDUNVALVOJA, elamantavat):
        case = operaatio.Case(body=runko, media_type="application/json")
        vastaus = case.call()
        assert vastaus.status_code == 200
        case.validate_response(vastaus, checks=tarkistukset)


#: Why a schema-valid body may still be refused: the cross-field rules the schema's descriptions
#: name, by the error code and the field the 400 names (`PaatosehdotusInput`, query parameters).
DOKUMENTOIDUT_HYLKAYKSET = {
    "virheellinen_tilanne",  # an id in palkkatyot / yritystoiminnat / asianosaiset.tyonantajat not in ansiotyot or the reverse; checksum
    "virheellinen_henkilotunnus",  # the henkilotunnus input's checksum
    "virheellinen_muoto",  # muoto=html without saaja
    "tuntematon_saaja",  # saaja names no recipient of this case
    "syottovirhe",  # a decision without its dates, a range's end before its start, overlapping ranges, a continuation's days
    "liian_monta_kuukautta",  # the decision spans more months than --max-months
}


def _saannot_noudatettu(case) -> None:
    """Make a generated body follow the cross-field rules the schema's descriptions name: every
    earning activity listed once in the insured's roles and no other id there, employers' names
    only for rows that exist, a henkilötunnus with a right checksum (else dropped), both dates of a
    range and its end not before its start, a blocking benefit's type with its start, html with saaja.  (Overlapping ranges and a decision
    without its dates are left as generated: they are refused, as documented.)"""
    runko = case.body
    rivit = list(runko["ansiotyot"])
    vak = next(iter(runko["vakuutetut"].values()))
    yritys = set(vak.get("yritystoiminnat", [])) & set(rivit)
    vak["yritystoiminnat"] = [r for r in rivit if r in yritys]
    vak["palkkatyot"] = [r for r in rivit if r not in yritys]
    if "henkilotunnus" in vak and not hetu.is_valid(vak["henkilotunnus"]["ETERNITY"]):
        del vak["henkilotunnus"]
    for nimi in [n[: -len("_alkaa")] for n in vak if n.endswith("_alkaa")] + [n[: -len("_paattyy")] for n in vak if n.endswith("_paattyy")]:
        alku, loppu = vak.get(f"{nimi}_alkaa"), vak.get(f"{nimi}_paattyy")
        if (alku is None) != (loppu is None):  # a range needs both dates (a pension may have no end)
            if not (loppu is None and nimi.startswith("estava_etuus")):
                vak.pop(f"{nimi}_alkaa", None), vak.pop(f"{nimi}_paattyy", None)
        elif alku is not None and loppu["ETERNITY"] < alku["ETERNITY"]:  # the end not before the start
            alku["ETERNITY"], loppu["ETERNITY"] = loppu["ETERNITY"], alku["ETERNITY"]
    eka, vika = syotteet.kuukausien_rajat(sovellus_tbs())
    paivat = [vak.get(f"poissaolo_{n}", {}).get("ETERNITY") for n in ("alkaa", "paattyy")]
    if not all(p and f"{eka}-01" <= p <= f"{vika}-31" for p in paivat):  # a decision inside the parameters' range
        for avain in ("poissaolon_peruste", "poissaolo_alkaa", "poissaolo_paattyy"):
            vak.pop(avain, None)
    for i in range(1, 4):  # a blocking benefit: its type with its start, and only then
        tyyppi = vak.get(f"estava_etuus_{i}", {}).get("ETERNITY", "ei_etuutta")
        if (tyyppi == "ei_etuutta") != (f"estava_etuus_{i}_alkaa" not in vak):
            for avain in (f"estava_etuus_{i}", f"estava_etuus_{i}_alkaa", f"estava_etuus_{i}_paattyy"):
                vak.pop(avain, None)
    osapuolet = runko.get("asianosaiset")
    if osapuolet:
        if "tyonantajat" in osapuolet:
            osapuolet["tyonantajat"] = {r: n for r, n in osapuolet["tyonantajat"].items() if r in rivit}
        if "henkilotunnus" in osapuolet.get("vakuutettu", {}) and not hetu.is_valid(osapuolet["vakuutettu"]["henkilotunnus"]):
            del osapuolet["vakuutettu"]["henkilotunnus"]
    kysely = case.query or {}
    if "saaja" in kysely or kysely.get("muoto") in ("html", "pdf"):
        kysely["saaja"] = "vakuutettu"
    case.query = kysely


@pytest.mark.slow  # schemathesis over the documents endpoint (about 20 s a run)
@pytest.mark.parametrize("saannot", [False, True], ids=["skeema", "skeema_ja_kuvatut_saannot"])
def test_schemathesis_hyvaksyy_kelvolliset_syotteet(sovellus, saannot):
    """Positive data, with schemathesis' positive-data check.  As generated: a real share is
    accepted (2xx), every other body is refused with a documented 4xx naming the field.  With the
    cross-field rules of the descriptions also followed, nearly all are accepted.  A fixed seed
    (derandomize) keeps the shares stable."""
    schema = schemathesis.openapi.from_wsgi("/spec", sovellus)
    operaatio = schema["/paatosehdotus"]["POST"]
    hyvaksytyt, hylatyt = [], []

    @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
    @given(case=operaatio.as_strategy(generation_mode=GenerationMode.POSITIVE))
    def aja(case):
        if saannot:
            _saannot_noudatettu(case)
        vastaus = case.call()
        assert vastaus.status_code < 500, vastaus.text[:500]
        try:
            case.validate_response(vastaus, checks=[positive_data_acceptance])
        except (Failure, FailureGroup):
            assert 400 <= vastaus.status_code < 500
            virhe = vastaus.json()
            assert virhe["virhe"] in DOKUMENTOIDUT_HYLKAYKSET and virhe["viesti"], virhe
            assert virhe["kentta"], virhe  # the refusal names the field
            hylatyt.append((virhe["virhe"], virhe["viesti"][:120]))
        else:
            assert 200 <= vastaus.status_code < 300
            hyvaksytyt.append(vastaus.status_code)

    aja()
    yhteensa = len(hyvaksytyt) + len(hylatyt)
    assert yhteensa >= 40
    # measured (2026-12-02): as generated 5–10 of 50 accepted (the ids of ansiotyot and the roles are
    # drawn independently); with the described rules followed 47 of 50 (the rest overlap or lack dates)
    alaraja = 0.8 * yhteensa if saannot else 3
    assert len(hyvaksytyt) >= alaraja, (len(hyvaksytyt), yhteensa, hylatyt[:10])
