"""The OpenAPI schemas of the decision proposal, derived from the dataclasses of `malli.py`.

pydantic gives JSON Schema 2020-12; `/spec` is OpenAPI 3.0, so nullable unions become
`nullable: true` and `$ref` siblings move under `allOf`.  A property named like a variable of
the tax-benefit system gets the variable's label as its description.
"""

from __future__ import annotations

import functools

from pydantic import TypeAdapter

from openfisca_tartunta.asiakirjat.malli import Paatosehdotus

_VIITE = "#/components/schemas/{model}"


def _oas30(solmu):
    """A JSON Schema 2020-12 node as OpenAPI 3.0."""
    if isinstance(solmu, list):
        return [_oas30(x) for x in solmu]
    if not isinstance(solmu, dict):
        return solmu
    solmu = {k: _oas30(v) for k, v in solmu.items() if k != "title"}
    for avain in ("anyOf", "oneOf"):
        vaihtoehdot = solmu.get(avain)
        if vaihtoehdot and any(v == {"type": "null"} for v in vaihtoehdot):
            muut = [v for v in vaihtoehdot if v != {"type": "null"}]
            del solmu[avain]
            if len(muut) == 1 and "$ref" not in muut[0]:
                solmu = {**muut[0], **solmu}
            else:
                solmu["allOf" if len(muut) == 1 else avain] = muut
            solmu["nullable"] = True
    if "$ref" in solmu and len(solmu) > 1:
        viite = solmu.pop("$ref")
        solmu["allOf"] = [{"$ref": viite}]
    if "const" in solmu:
        solmu["enum"] = [solmu.pop("const")]
    return solmu


def _kuvaukset(skeemat: dict, tbs) -> None:
    if tbs is None:
        return
    for skeema in skeemat.values():
        for nimi, ominaisuus in skeema.get("properties", {}).items():
            muuttuja = tbs.variables.get(nimi)
            if muuttuja is not None and muuttuja.label:
                lisa = ominaisuus.get("description")
                ominaisuus["description"] = f"{muuttuja.label} ({lisa})" if lisa else muuttuja.label


@functools.lru_cache(maxsize=4)
def _perus() -> dict:
    return TypeAdapter(Paatosehdotus).json_schema(ref_template=_VIITE, mode="serialization")


def paatosehdotuksen_skeemat(tbs=None) -> dict[str, dict]:
    """Component schemas: `Paatosehdotus` and every sub-object, OpenAPI 3.0."""
    perus = _perus()
    skeemat = {nimi: _oas30(s) for nimi, s in perus.get("$defs", {}).items()}
    skeemat["Paatosehdotus"] = _oas30({k: v for k, v in perus.items() if k != "$defs"})
    _kuvaukset(skeemat, tbs)
    return skeemat
