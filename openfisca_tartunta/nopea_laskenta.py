"""OpenFisca's calculation with fewer checks per variable read: the same results, a leaner path.

A one-case request reads ~120 variables ~220 times; OpenFisca's `Population.__call__`
and `Simulation.calculate` run some twenty Python-level look-ups and checks for each
read (the entity, the period's unit, the holder, the storage key, the formula by date,
the tracer, the cache purge), which cost as much as the formulas themselves on one
case.  `nopeuta(simulation)` switches a built simulation to this module's path:

- a read whose value is already stored returns it after one dictionary look-up;
- a formula run records the tracer frame and checks for cycles as OpenFisca does, finds
  the formula once per (variable, start date), casts the result as OpenFisca does and
  stores it straight in the holder's memory storage (after the size check OpenFisca's
  holder makes);
- everything else — a traced simulation, `start_computation_period`, ADD/DIVIDE options,
  a neutralised variable, disk storage, a variable of another entity, an unknown name,
  a period of the wrong unit, a cycle — takes OpenFisca's own path, so its errors are
  OpenFisca's.

`tests/pytest/test_nopea_laskenta.py` checks that every output agrees with OpenFisca's
path on a population and on the README's cases.
"""

from __future__ import annotations

from openfisca_core import errors, periods
from openfisca_core.periods import DateUnit, Period
from openfisca_core.populations import GroupPopulation, Population
from openfisca_core.simulations import Simulation, SimulationBuilder

__all__ = ["nopeuta", "NopeaSimulaatio", "NopeaRakentaja"]

_IKUINEN = periods.period(DateUnit.ETERNITY)


class _Muuttujasta:
    """What the lean path needs of one variable of a tax-benefit system, looked up once per system."""

    __slots__ = ("muuttuja", "ikuinen", "yksikko", "kaavat", "entiteetti")

    def __init__(self, muuttuja):
        self.muuttuja = muuttuja
        self.ikuinen = muuttuja.definition_period == DateUnit.ETERNITY
        self.yksikko = muuttuja.definition_period
        self.kaavat: dict = {}  # formula by start instant
        self.entiteetti = muuttuja.entity.key

    def kaava(self, period: Period):
        alku = period.start
        try:
            return self.kaavat[alku]
        except KeyError:
            kaava = self.kaavat[alku] = self.muuttuja.get_formula(period)
            return kaava


def _muuttujista(tbs) -> dict:
    muisti = tbs.__dict__.get("_nopean_laskennan_muuttujat")
    if muisti is None:
        muisti = tbs.__dict__["_nopean_laskennan_muuttujat"] = {}
    return muisti


class _Tieto:
    """The variable in one simulation: its population and its holder's memory storage."""

    __slots__ = ("m", "populaatio", "varasto", "kirjaa", "entiteetti")

    def __init__(self, simulaatio: Simulation, m: _Muuttujasta):
        muuttuja = m.muuttuja
        populaatio = simulaatio.populations[m.entiteetti]
        holder = populaatio.get_holder(muuttuja.name)
        self.m = m
        self.entiteetti = m.entiteetti
        self.populaatio = populaatio
        self.varasto = holder._memory_storage._arrays
        # Values that OpenFisca would not store: computed afresh on its own path each time.
        self.kirjaa = not (
            muuttuja.is_neutralized
            or holder._disk_storage is not None
            or holder._do_not_store
            or (simulaatio.opt_out_cache and muuttuja.name in (simulaatio.tax_benefit_system.cache_blacklist or ()))
        )


class NopeaSimulaatio(Simulation):
    """`Simulation` with the lean path (see the module docstring); built by `nopeuta`."""

    _tiedot: dict

    def _tieto(self, nimi: str) -> _Tieto | None:
        tieto = self._tiedot.get(nimi)
        if tieto is None:
            tbs = self.tax_benefit_system
            muisti = _muuttujista(tbs)
            m = muisti.get(nimi)
            if m is None:
                muuttuja = tbs.variables.get(nimi)
                if muuttuja is None:
                    return None
                m = muisti[nimi] = _Muuttujasta(muuttuja)
            tieto = self._tiedot[nimi] = _Tieto(self, m)
        return tieto

    def calculate(self, variable_name: str, period):
        if self.trace or self.start_computation_period is not None or self.invalidated_caches:
            return Simulation.calculate(self, variable_name, period)
        if not isinstance(period, Period):
            if period is None:
                return Simulation.calculate(self, variable_name, period)
            period = periods.period(period)
        tieto = self._tieto(variable_name)
        if tieto is None or not tieto.kirjaa:
            return Simulation.calculate(self, variable_name, period)
        m = tieto.m
        avain = _IKUINEN if m.ikuinen else period
        arvo = tieto.varasto.get(avain)
        if arvo is not None:
            return arvo
        if not m.ikuinen and (period.unit != m.yksikko or period.size != 1):
            return Simulation.calculate(self, variable_name, period)  # OpenFisca's error
        return self._laske(tieto, variable_name, period, avain)

    def _laske(self, tieto: _Tieto, nimi: str, period: Period, avain: Period):
        tracer = self.tracer
        tracer.record_calculation_start(nimi, period)
        try:
            try:
                self._check_for_cycle(nimi, period)
                kaava = tieto.m.kaava(period)
                if kaava is None:
                    arvo = tieto.m.muuttuja.default_array(tieto.populaatio.count)
                elif kaava.__code__.co_argcount == 2:
                    arvo = kaava(tieto.populaatio, period)
                else:
                    arvo = kaava(tieto.populaatio, period, self.tax_benefit_system.get_parameters_at_instant)
                if arvo is None:
                    arvo = tieto.m.muuttuja.default_array(tieto.populaatio.count)
                arvo = self._cast_formula_result(arvo, tieto.m.muuttuja)
                if arvo.size != tieto.populaatio.count:
                    # OpenFisca's holder refuses it with its own message.
                    tieto.populaatio.get_holder(nimi).put_in_cache(arvo, period)
                tieto.varasto[avain] = arvo
            except errors.SpiralError:
                arvo = tieto.m.muuttuja.default_array(tieto.populaatio.count)
            return arvo
        finally:
            tracer.record_calculation_end()
            if self.invalidated_caches:
                self.purge_cache_of_invalid_values()


class _NopeaKutsu:
    """`population(name, period)` without options: straight to the lean path when the variable is
    of this population's entity; anything else by OpenFisca's `__call__`."""

    def __call__(self, variable_name, period, options=None):
        simulaatio = self.simulation
        if options is None and type(simulaatio) is NopeaSimulaatio and period is not None:
            tieto = simulaatio._tieto(variable_name)
            if tieto is not None and tieto.entiteetti == self.entity.key:
                return simulaatio.calculate(variable_name, period)
        return super().__call__(variable_name, period, options)


class NopeaPopulation(_NopeaKutsu, Population):
    pass


class NopeaGroupPopulation(_NopeaKutsu, GroupPopulation):
    pass


_LUOKAT = {Population: NopeaPopulation, GroupPopulation: NopeaGroupPopulation}


def nopeuta(simulaatio: Simulation) -> Simulation:
    """Switch a simulation built by OpenFisca's `SimulationBuilder` to the lean path (in place)."""
    if type(simulaatio) is Simulation:
        for populaatio in simulaatio.populations.values():
            luokka = _LUOKAT.get(type(populaatio))
            if luokka is not None:
                populaatio.__class__ = luokka
        simulaatio.__class__ = NopeaSimulaatio
        simulaatio._tiedot = {}
    return simulaatio


class NopeaRakentaja(SimulationBuilder):
    """`SimulationBuilder` that maps variables to entities once per tax-benefit system (OpenFisca's
    `register_variables` walks every variable of the system for each simulation it builds)."""

    def register_variables(self, simulation: Simulation) -> None:
        tbs = simulation.tax_benefit_system
        kartta = tbs.__dict__.get("_nopean_laskennan_entiteetit")
        if kartta is None or len(kartta) != len(tbs.variables):
            kartta = {nimi: simulation.get_variable_population(nimi).entity for nimi in tbs.variables}
            tbs.__dict__["_nopean_laskennan_entiteetit"] = kartta
        # Entities are the system's own objects; the populations of a new simulation share them.
        self.variable_entities.update(kartta)
