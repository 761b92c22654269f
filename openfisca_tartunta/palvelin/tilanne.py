"""A situation checked before openfisca-core's `SimulationBuilder` sees it (the simulation built
from it and the builder's and the formulas' errors mapped to 4xx: `tapauksen_simulaatio.py`).

openfisca-core 46 answers 500 (or hangs) where the client is at fault; here:

- every period key is parsed, and a requested period must match the variable's
  definition period (`tartuntatautipaivaraha: {"2024": null}` → 400);
- `axes` the builder cannot handle → 400 (missing period, unequal parallel counts,
  several axes in a perpendicular group, non-numeric variable, bad index);
- entity ids are renamed before the builder (see `_SISAINEN`);
- amounts ≥ 10^12 are refused; after computing, every float must be finite;
- `Syottovirhe` from a formula → 400 with `muuttuja`; a period the parameters do
  not cover → 400;
- the number of entities (after axes expansion) is bounded.
"""


from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from openfisca_core.periods import DateUnit

from openfisca_tartunta import syotteet
from openfisca_tartunta.palvelin.virheet import Asiakasvirhe

#: Internal ids given to the builder: openfisca-core builds its error bodies with
#: dpath, which turns a digit-only path segment into a list index and extends a
#: list to that length — an id like "999999999999" would hang the worker.
_SISAINEN = re.compile(r"^(__[a-z]+_\d+__)(\d*)$")
_SISAINEN_TEKSTISSA = re.compile(r"__[a-z]+_\d+__")

#: Amounts at or above this are refused: the model computes money in whole cents
#: (64-bit integers) from float32 inputs; this keeps every sum far from overflow.
SUURIN_MAARA = 1e12
SUURIN_MAARA_VIESTI = "out of range: amounts must be below 1 000 000 000 000 (the model computes money in whole cents)"

_YKSIKOT = {DateUnit.MONTH: "month (e.g. 2024-03)", DateUnit.YEAR: "year (e.g. 2024)", DateUnit.DAY: "day (e.g. 2024-03-04)"}


@dataclass
class Pyydetty:
    """One value the client asked for (null in the situation)."""

    monikko: str
    tunnus: str
    muuttuja: str
    kausi: str
    sailio: dict  # the {period: null} dict the result is written into

    @property
    def polku(self) -> str:
        return f"{self.monikko}/{self.tunnus}/{self.muuttuja}/{self.kausi}"


@dataclass
class Tilanne:
    """A checked situation: what was asked for and how many entities it makes."""

    data: dict
    pyydetyt: list[Pyydetty] = field(default_factory=list)
    maarat: dict[str, int] = field(default_factory=dict)
    tunnukset: dict[str, list[str]] = field(default_factory=dict)
    solut: int = 1  # cells of the axes grid (1 without axes)
    rakennettava: dict = field(default_factory=dict)  # `data` with internal ids, for the builder
    alkuperaiset: dict[str, str] = field(default_factory=dict)  # internal id → the client's id

    def alkuperainen(self, tunnus: str) -> str:
        """The client's id of an internal id (axes add a cell number after it)."""
        osuma = _SISAINEN.match(str(tunnus))
        if osuma is None:
            return str(tunnus)
        return self.alkuperaiset.get(osuma.group(1), osuma.group(1)) + osuma.group(2)

    def palauta_tunnukset(self, teksti: str) -> str:
        """Replace internal ids in a builder message by the client's."""
        if "__" not in teksti:
            return teksti
        return _SISAINEN_TEKSTISSA.sub(lambda m: self.alkuperaiset.get(m.group(0), m.group(0)), teksti)

    @property
    def akselit(self) -> bool:
        return "axes" in self.data


def _kausi(teksti, polku: str):
    try:
        kausi = syotteet.kausi(str(teksti))  # parsed once per distinct text
    except (ValueError, TypeError, AttributeError) as virhe:
        raise Asiakasvirhe(400, "virheellinen_kausi", f"{polku}: {str(virhe).splitlines()[0][:300]}", polku) from None
    if not kausi_kelpaa(kausi):
        raise Asiakasvirhe(400, "virheellinen_kausi", f"period '{str(teksti)[:40]}' is out of the range the model can compute (it must end by 9999-12-30)", polku)
    return kausi


@lru_cache(maxsize=1024)
def kausi_kelpaa(kausi) -> bool:
    """openfisca-core cannot even compute the end of a period that runs into year 10000."""
    if kausi.unit == DateUnit.ETERNITY:
        return True
    try:
        kausi.stop.offset(1, "day")
    except (ValueError, OverflowError, AttributeError):
        return False
    return True


def tarkista_kausi(muuttuja, kausi, polku: str) -> None:
    """A computation period must match the variable's definition period (else stock openfisca answers 500)."""
    maarittely = muuttuja.definition_period
    if maarittely == DateUnit.ETERNITY:
        return
    if kausi.unit != maarittely or kausi.size != 1:
        raise Asiakasvirhe(
            400,
            "virheellinen_kausi",
            f"'{muuttuja.name}' is defined per {maarittely}: ask for one {_YKSIKOT.get(maarittely, maarittely)}, "
            f"not '{kausi}'",
            polku,
            muuttuja=muuttuja.name,
        )


def _tarkista_akselit(tbs, akselit, maarat: dict[str, int]) -> int:
    """Check `axes` before the builder sees them; returns the number of grid cells."""
    polku = "axes"
    if not isinstance(akselit, list) or not akselit:
        raise Asiakasvirhe(400, "virheellinen_akseli", "axes must be a non-empty list of lists of axes", polku)
    solut = 1
    for i, rinnakkaiset in enumerate(akselit):
        p_i = f"axes/{i}"
        if not isinstance(rinnakkaiset, list) or not rinnakkaiset:
            raise Asiakasvirhe(400, "virheellinen_akseli", "each item of axes must be a non-empty list of axes", p_i)
        if i > 0 and len(rinnakkaiset) > 1:
            raise Asiakasvirhe(
                400,
                "virheellinen_akseli",
                "only the first group of axes may hold parallel axes; a perpendicular group holds one axis",
                p_i,
            )
        maara = None
        entiteetti = None
        for j, akseli in enumerate(rinnakkaiset):
            p = f"{p_i}/{j}"
            if not isinstance(akseli, dict):
                raise Asiakasvirhe(400, "virheellinen_akseli", "an axis must be an object {name, count, min, max, period}", p)
            tuntemattomat = set(akseli) - {"name", "count", "min", "max", "period", "index"}
            if tuntemattomat:
                raise Asiakasvirhe(400, "virheellinen_akseli", f"unknown key '{sorted(tuntemattomat)[0]}' in axis", p)
            nimi = akseli.get("name")
            muuttuja = tbs.variables.get(nimi) if isinstance(nimi, str) else None
            if muuttuja is None:
                raise Asiakasvirhe(400, "virheellinen_akseli", f"name must be a variable of this model (got {str(nimi)[:80]!r})", f"{p}/name")
            if muuttuja.value_type not in (float, int) or muuttuja.is_neutralized:
                raise Asiakasvirhe(400, "virheellinen_akseli", f"'{nimi}' is not a numeric input; axes vary numbers only", f"{p}/name")
            lkm = akseli.get("count")
            if not isinstance(lkm, int) or isinstance(lkm, bool) or lkm < 1:
                raise Asiakasvirhe(400, "virheellinen_akseli", "count must be a positive integer", f"{p}/count")
            for avain in ("min", "max"):
                arvo = akseli.get(avain)
                if not isinstance(arvo, (int, float)) or isinstance(arvo, bool) or not abs(arvo) < SUURIN_MAARA:
                    raise Asiakasvirhe(400, "virheellinen_akseli", f"{avain} must be a number below 10^12 in absolute value", f"{p}/{avain}")
            if maara is None:
                maara, entiteetti = lkm, muuttuja.entity.key
            elif lkm != maara:
                raise Asiakasvirhe(400, "virheellinen_akseli", f"parallel axes must have the same count ({maara})", f"{p}/count")
            elif muuttuja.entity.key != entiteetti:
                raise Asiakasvirhe(400, "virheellinen_akseli", "parallel axes must vary variables of the same entity", f"{p}/name")
            if "period" in akseli:
                tarkista_kausi(muuttuja, _kausi(akseli["period"], f"{p}/period"), f"{p}/period")
            elif muuttuja.definition_period == DateUnit.ETERNITY:
                akseli["period"] = "ETERNITY"
            else:
                raise Asiakasvirhe(400, "virheellinen_akseli", f"period is required: '{nimi}' is defined per {muuttuja.definition_period}", f"{p}/period")
            indeksi = akseli.get("index", 0)
            lukumaara = maarat.get(muuttuja.entity.plural, 0)
            if not isinstance(indeksi, int) or isinstance(indeksi, bool) or not 0 <= indeksi < max(lukumaara, 1):
                raise Asiakasvirhe(
                    400,
                    "virheellinen_akseli",
                    f"index must be an integer from 0 to {max(lukumaara - 1, 0)} (the {muuttuja.entity.plural} in the situation)",
                    f"{p}/index",
                )
        solut *= maara
        if solut > 10**9:
            break
    return solut


def tarkista_tilanne(tbs, data: dict, max_entiteetit: int, salli_akselit: bool = True) -> Tilanne:
    """Check a situation's shape, requested periods, axes and size before building it."""
    monikot = {e.plural: e for e in tbs.entities}
    tilanne = Tilanne(data)
    for avain, arvo in data.items():
        if avain == "axes":
            if not salli_akselit:
                raise Asiakasvirhe(400, "virheellinen_akseli", "axes are not accepted here: send one case", "axes")
            continue
        if avain not in monikot:
            raise Asiakasvirhe(
                400,
                "virheellinen_tilanne",
                f"unknown key '{str(avain)[:80]}'; expected {', '.join(monikot)} or axes",
                str(avain)[:80],
            )
        if not isinstance(arvo, dict):
            raise Asiakasvirhe(400, "virheellinen_tilanne", f"{avain} must be an object of instances by id", avain)
    henkilo = tbs.person_entity
    for monikko, entiteetti in monikot.items():
        instanssit = data.get(monikko) or {}
        tilanne.maarat[monikko] = len(instanssit)
        tilanne.tunnukset[monikko] = list(instanssit)
        roolit = {r.plural or r.key for r in getattr(entiteetti, "roles", [])} | {r.key for r in getattr(entiteetti, "roles", [])}
        for tunnus, instanssi in instanssit.items():
            p_i = f"{monikko}/{tunnus}"
            if not isinstance(instanssi, dict):
                raise Asiakasvirhe(400, "virheellinen_tilanne", "an instance must be an object of variables", p_i)
            for nimi, arvot in instanssi.items():
                if nimi in roolit:
                    continue
                p_m = f"{p_i}/{nimi}"
                muuttuja = tbs.variables.get(nimi)
                if muuttuja is None:
                    vihje = syotteet.ehdotus(nimi, (n for n, v in tbs.variables.items() if v.entity.key == entiteetti.key))
                    raise Asiakasvirhe(404, "tuntematon_muuttuja", f"'{str(nimi)[:80]}' is not a variable of this model{vihje}; see /variables", p_m)
                if muuttuja.entity.key != entiteetti.key:
                    raise Asiakasvirhe(
                        400,
                        "virheellinen_tilanne",
                        f"'{nimi}' is a variable of {muuttuja.entity.plural}, not of {monikko}",
                        p_m,
                    )
                if not isinstance(arvot, dict):
                    raise Asiakasvirhe(400, "virheellinen_tilanne", "values must be an object {period: value}", p_m)
                for kausi, arvo in arvot.items():
                    p = f"{p_m}/{kausi}"
                    if arvo is None:
                        jakso = _kausi(kausi, p)
                        tarkista_kausi(muuttuja, jakso, p)
                        syotteet.tarkista_rajat(tbs, jakso, p)
                        tilanne.pyydetyt.append(Pyydetty(monikko, tunnus, nimi, kausi, arvot))
                    else:
                        syotteet.tarkista_kausiavain(tbs, muuttuja, kausi, p)
                        syotteet.tarkista_arvo(muuttuja, arvo, p)
    # The builder gives each person not listed in a group entity's roles a group of its own.
    henkilot = set(map(str, data.get(henkilo.plural) or {}))
    for monikko, entiteetti in monikot.items():
        if entiteetti.is_person:
            continue
        sijoitetut = set()
        for instanssi in (data.get(monikko) or {}).values():
            for rooli in entiteetti.roles:
                jasenet = instanssi.get(rooli.plural or rooli.key)
                if isinstance(jasenet, str):
                    sijoitetut.add(jasenet)
                elif isinstance(jasenet, list):
                    sijoitetut.update(j for j in jasenet if isinstance(j, str))
        tilanne.maarat[monikko] = tilanne.maarat.get(monikko, 0) + len(henkilot - sijoitetut)
    if "axes" in data:
        tilanne.solut = _tarkista_akselit(tbs, data["axes"], tilanne.maarat)
    _sisaiset_tunnukset(tbs, tilanne)
    yhteensa = sum(tilanne.maarat.values()) * tilanne.solut
    if yhteensa > max_entiteetit:
        raise Asiakasvirhe(
            413,
            "liian_monta_entiteettia",
            f"the situation has {yhteensa} entities (ansiotyot + vakuutetut, after axes); the limit is "
            f"{max_entiteetit} (--max-entities); use /eraajo for many cases",
            "axes" if tilanne.solut > 1 else None,
        )
    return tilanne


def _sisaiset_tunnukset(tbs, tilanne: Tilanne) -> None:
    """The situation for the builder, every instance renamed `__<entity>_<n>__`."""
    henkilo = tbs.person_entity
    kartta: dict[str, dict[str, str]] = {}
    rakennettava = {}
    for entiteetti in [henkilo, *tbs.group_entities]:
        instanssit = tilanne.data.get(entiteetti.plural)
        if instanssit is None:
            continue
        kartta[entiteetti.plural] = {}
        uudet = {}
        for n, (tunnus, instanssi) in enumerate(instanssit.items()):
            sisainen = f"__{entiteetti.key}_{n}__"
            kartta[entiteetti.plural][tunnus] = sisainen
            tilanne.alkuperaiset[sisainen] = tunnus
            if not entiteetti.is_person:
                instanssi = dict(instanssi)
                for rooli in entiteetti.roles:
                    avain = rooli.plural or rooli.key
                    jasenet = instanssi.get(avain)
                    henkilot = kartta.get(henkilo.plural, {})
                    if isinstance(jasenet, list):
                        instanssi[avain] = [henkilot.get(j, j) if isinstance(j, str) else j for j in jasenet]
                    elif isinstance(jasenet, str):
                        instanssi[avain] = henkilot.get(jasenet, jasenet)
            uudet[sisainen] = instanssi
        rakennettava[entiteetti.plural] = uudet
    if "axes" in tilanne.data:
        rakennettava["axes"] = tilanne.data["axes"]
    tilanne.rakennettava = rakennettava
