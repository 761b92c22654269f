"""Where the rules' source lives on the web: the `source` links of `/variable/*` and `/parameter/*`.

OpenFisca's web API (and the Legislation Explorer's "Edit" links) build a source
link as ``{repository_url}/blob/{version}{path}#L…``.  Here:

- the repository URL is ``TARTUNTA_REPOSITORY_URL`` if set, else the package's
  ``[project.urls] Repository`` (pyproject.toml);
- the ref after ``blob/`` is ``TARTUNTA_REPOSITORY_REF`` (a tag, branch or commit)
  if set, else the package version (releases are tagged with it);
- paths are relative to the folder that holds ``variables/`` and ``parameters/``,
  so they name the repository's files both in a checkout and in an installed wheel
  (where the folders sit inside the package).
"""

from __future__ import annotations

import os
import re

from openfisca_tartunta.sijainnit import JUURI_DIR

YMPARISTO_URL = "TARTUNTA_REPOSITORY_URL"
YMPARISTO_REF = "TARTUNTA_REPOSITORY_REF"
_URL = re.compile(r"^https?://[^\s/]+(/[^\s]*)?$")
_REF = re.compile(r"^[A-Za-z0-9._/-]+$")


def paketin_tiedot(openfiscan_tiedot: dict) -> dict:
    """OpenFisca's package metadata with the configured repository URL, ref and location.

    A malformed setting raises ValueError naming the variable, the value and what was expected.
    """
    tiedot = dict(openfiscan_tiedot)
    url = os.environ.get(YMPARISTO_URL) or tiedot.get("repository_url") or ""
    if url and not _URL.match(url):
        raise ValueError(f"{YMPARISTO_URL}: {url!r} is not an http(s) URL such as https://github.com/owner/repo")
    ref = os.environ.get(YMPARISTO_REF) or tiedot.get("version") or ""
    if not _REF.match(ref):
        raise ValueError(f"{YMPARISTO_REF}: {ref!r} is not a git tag, branch or commit name")
    tiedot["repository_url"] = url.rstrip("/")
    tiedot["version"] = ref
    tiedot["location"] = str(JUURI_DIR)
    return tiedot
