"""The decision's dates, checked once for every formula that needs them (1.3.3.3)."""

import numpy as np

from openfisca_tartunta import kalenteri
from openfisca_tartunta.luettelot import PoissaolonPeruste
from openfisca_tartunta.tarkistukset import vaadi

#: The parameters start here; a decision before it cannot be computed.
ENSIMMAINEN_PAIVA = np.datetime64("2017-01-01", "D")
#: OpenFisca's default for a date input that was not given.
PUUTTUVA_PAIVA = np.datetime64("1970-01-01", "D")


def tarkistetut_paivat(peruste, alku, loppu):
    """Check the decision's dates; an empty interval (9999-12-31 … 1970-01-01) when there is none."""
    on_paatos = peruste != PoissaolonPeruste.ei_paatosta
    alku = kalenteri.paivina(alku)
    loppu = kalenteri.paivina(loppu)
    # Compared as day numbers where no date is NaT (the same results, faster); the messages show the dates.
    rajat = (alku, loppu, ENSIMMAINEN_PAIVA, PUUTTUVA_PAIVA, kalenteri.VIIMEINEN_PAIVA)
    a, b, ensimmainen, puuttuva, viimeinen = kalenteri.paivanumeroina(*rajat) or rajat
    vaadi(
        ~on_paatos | (a >= ensimmainen),
        "poissaolo_alkaa",
        alku,
        "missing, or before 2017-01-01 where the model's parameters begin (1.3.4)",
    )
    vaadi(
        ~on_paatos | (b != puuttuva),
        "poissaolo_paattyy",
        loppu,
        "missing: a decision needs its last day (inclusive, YYYY-MM-DD)",
    )
    vaadi(
        ~on_paatos | (b >= a),
        "poissaolo_paattyy",
        loppu,
        "the decision ends before it starts (poissaolo_alkaa); the end date is inclusive",
    )
    vaadi(
        ~on_paatos | (b <= viimeinen),
        "poissaolo_paattyy",
        loppu,
        f"after {kalenteri.VIIMEINEN_PAIVA}, the last day of the model's holiday calendar",
    )
    return np.where(on_paatos, alku, kalenteri.EI_PAIVAA), np.where(on_paatos, loppu, kalenteri.AINA)


def paatoksen_paivat(vakuutettu, period):
    """The decision's first and last day, checked once per simulation (cached variables
    `paatoksen_ensimmainen_paiva`, `paatoksen_viimeinen_paiva`)."""
    return (
        kalenteri.paivina(vakuutettu("paatoksen_ensimmainen_paiva", period)),
        kalenteri.paivina(vakuutettu("paatoksen_viimeinen_paiva", period)),
    )


def maksettava_ikkuna(vakuutettu, period):
    """The month's paid window (`maksettavan_ajan_alku` … `_loppu`) as `datetime64[D]`."""
    return (
        kalenteri.paivina(vakuutettu("maksettavan_ajan_alku", period)),
        kalenteri.paivina(vakuutettu("maksettavan_ajan_loppu", period)),
    )


def maksetun_ajan_kalenteripaivat(vakuutettu, period):
    """Calendar days of the month's paid time, and whether it is the whole month.

    "Jos Kela maksaa etuutta vajaalta kuukaudelta … 17 euroa/päivä (kalenteripäivä)"
    (1.9.3.2): the paid time — the decision within the application period
    (`maksettavan_ajan_alku` … `_loppu`) less the calendar days of blocking
    benefits, annual leave and payment restrictions in it — decides whether a
    month is whole, for the source-tax deduction and for the distraint protected
    amount (1.9.2.9, UK 4:48) alike.
    """
    from openfisca_tartunta import jaksot

    def laske():
        alku, loppu = maksettava_ikkuna(vakuutettu, period)
        kk_alku, kk_loppu = kalenteri.kuukauden_rajat(period)
        paivat = jaksot.maksetut_paivat(alku, loppu, jaksot.lue(vakuutettu, period), jaksot.kalenteripaivat)
        return paivat, paivat == (kk_loppu - kk_alku).astype(np.int64) + 1

    # Computed once per month for both readers (the cache is the one `jaksot` keeps per simulation).
    return jaksot.muistista(vakuutettu, ("maksetun_ajan_kalenteripaivat", str(period)), laske)
