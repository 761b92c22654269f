"""Access control and the audit trail of the web service (seeds 000, 001, 002, 004).

Two modes: without security configuration (no `--jwks`) the service is open, as
for drafting, and says so at start and in `/health`; with it every endpoint but
`/health` and the legislation endpoints needs a bearer token, employer users
need a Suomi.fi-style mandate, and employers see only their own part.  Every
request of either mode appends one record to a hash-chained, append-only audit
trail.  `rekisteroi(app, asetukset)` is the one call the app makes.
"""

from openfisca_tartunta.palvelin.turva.asetukset import TurvaAsetukset, lisaa_liput, lue_asetukset
from openfisca_tartunta.palvelin.turva.koukut import rekisteroi

__all__ = ["TurvaAsetukset", "lisaa_liput", "lue_asetukset", "rekisteroi"]
