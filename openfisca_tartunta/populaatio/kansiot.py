"""Result folders that appear whole or not at all.

A command writes everything into a fresh hidden folder beside the target
(`.tartunta-<command>-<pid>-…`) and then swaps it in with one rename (Linux
`renameat2(RENAME_EXCHANGE)`; elsewhere two renames), so a reader never sees
a previous run's files next to the new ones.  Hidden folders left by a killed
run (their process is gone) are removed on the next run into the same parent.
A target that holds anything but a previous run's files is never replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from openfisca_tartunta.populaatio.taulut import Taulukkovirhe

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _kaynnissa(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def siivoa_jaanteet(kansio: Path, komento: str) -> list[Path]:
    """Remove `.tartunta-<komento>-<pid>-*` folders in `kansio` whose process has ended."""
    malli = re.compile(rf"^\.tartunta-{re.escape(komento)}-(\d+)-")
    poistetut = []
    if not kansio.is_dir():
        return poistetut
    for polku in kansio.iterdir():
        osuma = malli.match(polku.name)
        if osuma and polku.is_dir() and int(osuma.group(1)) != os.getpid() and not _kaynnissa(int(osuma.group(1))):
            shutil.rmtree(polku, ignore_errors=True)
            poistetut.append(polku)
    return poistetut


def tarkista_kohde(kohde: Path, sallitut: Iterable[str], valitsin: str) -> None:
    """`kohde` must be absent, an empty folder or a folder of a previous run's files (`sallitut`)."""
    if kohde.exists() and not kohde.is_dir():
        raise Taulukkovirhe(f"{valitsin} {kohde}: is a file, expected a folder (absent or from a previous run)")
    if kohde.is_dir():
        vieraat = sorted(p.name for p in kohde.iterdir() if p.name not in set(sallitut))
        if vieraat:
            raise Taulukkovirhe(
                f"{valitsin} {kohde}: holds files that are not this command's results ({', '.join(vieraat[:5])}); "
                "give a new or an empty folder"
            )


def _vaihda(uusi: Path, kohde: Path) -> None:
    """Put folder `uusi` in place of `kohde` (which exists): atomically where the OS can."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        renameat2 = None
    if renameat2 is not None and renameat2(_AT_FDCWD, os.fsencode(uusi), _AT_FDCWD, os.fsencode(kohde), _RENAME_EXCHANGE) == 0:
        return  # `uusi` now holds the old files
    vanha = uusi.with_name(uusi.name + "-vanha")  # pragma: no cover - fallback
    os.rename(kohde, vanha)
    os.rename(uusi, kohde)
    os.rename(vanha, uusi)


@contextlib.contextmanager
def uusi_kansio(kohde, komento: str, sallitut: Iterable[str], valitsin: str) -> Iterator[Path]:
    """Yield a fresh folder beside `kohde`; on success it replaces `kohde` at once, on failure it goes."""
    kohde = Path(kohde)
    tarkista_kohde(kohde, sallitut, valitsin)
    kohde.parent.mkdir(parents=True, exist_ok=True)
    siivoa_jaanteet(kohde.parent, komento)
    valiaikainen = Path(tempfile.mkdtemp(prefix=f".tartunta-{komento}-{os.getpid()}-", dir=kohde.parent))
    try:
        yield valiaikainen
        os.chmod(valiaikainen, 0o777 & ~_umask())
        if kohde.is_dir():
            _vaihda(valiaikainen, kohde)
        else:
            os.rename(valiaikainen, kohde)
    finally:
        shutil.rmtree(valiaikainen, ignore_errors=True)


def _umask() -> int:
    nykyinen = os.umask(0)
    os.umask(nykyinen)
    return nykyinen
