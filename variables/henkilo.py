"""The insured person's henkilötunnus: an optional input that only identifies the case.

No rule reads it.  The web service validates it (python-stdnum, `stdnum.fi.hetu`)
and keeps only a keyed pseudonym of it in the audit trail (seed 002: who handled
my data); it is never logged and is removed from every echoed situation.
"""

from openfisca_core.periods import ETERNITY
from openfisca_core.variables import Variable

from openfisca_tartunta.entities import Vakuutettu


class henkilotunnus(Variable):
    value_type = str
    entity = Vakuutettu
    definition_period = ETERNITY
    default_value = ""
    label = "Vakuutetun henkilötunnus (vain tapauksen tunnistamiseen; ei vaikuta laskentaan)"
    reference = ["Laki väestötietojärjestelmästä 661/2009 11 § (henkilötunnus)"]
    documentation = (
        "Optional. Validated by the web service with stdnum.fi.hetu; the audit trail keeps only a keyed "
        "pseudonym (HMAC-SHA256) of it; never logged or echoed."
    )
