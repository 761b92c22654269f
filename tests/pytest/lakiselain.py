"""How the OpenFisca Legislation Explorer links a formula to the parameters it reads.

A port of `splitAndLinkParams` in the explorer's `src/components/formula.jsx`
(openfisca/legislation-explorer): a parameter is linked from a formula page only
when the formula's own source assigns ``name = parameters(…).path`` and, for a
node, then reads ``name.leaf``.  A parameter read inside a module helper, or via a
lambda, is not linked.  Not a test module (no tests); the tests import it.
"""

from __future__ import annotations

import re

_KUTSU = re.compile(r"([\S]*[\s]*[=][\s]* parameters\([\S]*\)\.?[\S]*)")
_OSAT = re.compile(r"([\S]*)([\s]*[=][\s]*parameters\([\S]*\)\.?)([\S]*)")


def linkitetyt_parametrit(lahde: str, parametrit) -> set[str]:
    """The parameter ids (dotted) the explorer links from a formula whose source is `lahde`."""
    linkitetyt: set[str] = set()
    solmut: list[tuple[str, str]] = []
    for i, osa in enumerate(_KUTSU.split(lahde)):
        if i % 2 == 1:
            kutsu = _OSAT.match(osa)
            if kutsu[3] in parametrit:
                linkitetyt.add(kutsu[3])
            else:
                solmut.append((kutsu[1], kutsu[3]))
            continue
        j = 0
        while j < len(solmut):  # a node read later may itself be a node (`q = p.x` then `q.y`)
            nimi, polku = solmut[j]
            for osuma in re.finditer(rf"(?:([\S]*)([\s]*[=][\s]*))?({re.escape(nimi)}\.)([0-9a-zA-Z_\.]*)", osa):
                tayta = f"{polku}.{osuma[4]}" if polku else osuma[4]
                if tayta in parametrit:
                    linkitetyt.add(tayta)
                elif osuma[1] and (osuma[1], tayta) not in solmut:
                    solmut.append((osuma[1], tayta))
            j += 1
    return linkitetyt
