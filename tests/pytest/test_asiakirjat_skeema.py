"""`/spec` of the decision proposal: a valid OpenAPI 3.0 document whose proposal schemas are
generated from the dataclasses (`asiakirjat/malli.py`), and that schemathesis can use.

The response side is checked here: schemathesis generates requests for `/paatosehdotus` from the
spec and every answer must conform to the documented schemas (status, content type, body).
Whether every schema-valid request is *accepted* (schemathesis' positive-data check) is not
claimed: the input is an OpenFisca situation whose cross-references (`palkkatyot` naming ids
of `ansiotyot`) JSON Schema cannot express — the input schema is issue 9's.
"""

from __future__ import annotations

import copy

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

import test_palvelin_apu as apu
from openfisca_tartunta.palvelin.sovellus import luo_sovellus


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
    assert skeemat["SaajanRooli"]["enum"] == ["vakuutettu", "tyonantaja", "edunvalvoja", "valtuutettu"]
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
    for runko in ({**copy.deepcopy(apu.KARANTEENI), "kieli": "sv"},):
        case = operaatio.Case(body=runko, media_type="application/json")
        vastaus = case.call()
        assert vastaus.status_code == 200
        case.validate_response(vastaus, checks=tarkistukset)
