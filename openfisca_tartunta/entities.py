"""Entities (ARCHITECTURE.md, CONTRACT.md).

The rows are earning activities (`ansiotyo`): the allowance is computed from the
earnings each activity loses (guideline 1.6, 1.7) and split between employers by
the pay each paid (1.3.2).  The insured person (`vakuutettu`) is the group.
"""

from openfisca_core.entities import build_entity

Ansiotyo = build_entity(
    key="ansiotyo",
    plural="ansiotyot",
    label="Ansiotyö (yksi työsuhde tai yksi yritystoiminta)",
    doc="One employment relationship with one employer, or one self-employment activity.",
    is_person=True,
)

Vakuutettu = build_entity(
    key="vakuutettu",
    plural="vakuutetut",
    label="Vakuutettu",
    doc="The insured person entitled to the allowance; groups the person's earning activities.",
    roles=[
        {
            "key": "palkkatyo",
            "plural": "palkkatyot",
            "label": "Palkkatyö",
            "doc": "An employment or public-service relationship (1.6, 1.7.1).",
        },
        {
            "key": "yritystoiminta",
            "plural": "yritystoiminnat",
            "label": "Yritystoiminta",
            "doc": "Self-employment: YEL/MYEL, voluntary insurance or none (1.7.2).",
        },
    ],
)

entities = [Ansiotyo, Vakuutettu]
