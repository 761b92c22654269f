"""The worker's poll of waitress's sockets with epoll: the first idle worker takes a new connection.

All workers of `tartunta serve` listen on the sockets the gunicorn master bound.  With
waitress's own `select`/`poll` loop every idle worker wakes for each new connection and
all but one find nothing to accept; with requests arriving one after the other they also
take turns, so each request meets a worker that has sat idle (its caches cold) for twice
as long.  Here each worker keeps one epoll set for its whole life and registers the
listening sockets in it once, with `EPOLLEXCLUSIVE` (Linux ≥ 4.5): the kernel wakes one
idle worker per connection, trying the workers in the order they registered, so a
worker that is computing passes the connection on and, under light load, the same
worker — the one still warm — answers request after request.

A listener that waitress says is not readable (closed, or at `connection_limit`) is
taken out of the set and put back when it is readable again; connections are
(re)registered each round with exactly the interest waitress's `readable()`/`writable()`
give, as `wasyncore.poll2` does; events are handled by `wasyncore.readwrite`.
Elsewhere than Linux, or where the kernel refuses `EPOLLEXCLUSIVE`, `kysely` falls
back to `wasyncore.poll2`.
"""

from __future__ import annotations

import select

from waitress import wasyncore
from waitress.server import BaseWSGIServer

_LUKU = select.POLLIN | select.POLLPRI
_KIRJOITUS = select.POLLOUT


class Epollkysely:
    """One worker's epoll set over a waitress socket map (see the module docstring)."""

    def __init__(self) -> None:
        self.epoll = select.epoll() if hasattr(select, "epoll") else None
        self.kuuntelijat: dict[int, object] = {}  # listening sockets registered (exclusive)
        self.kanavat: dict[int, tuple[object, int]] = {}  # fd → (dispatcher, registered mask)

    def _kuuntelija(self, fd: int, obj, lukee: bool) -> None:
        if lukee and self.kuuntelijat.get(fd) is not obj:
            self._poista(fd)
            try:
                self.epoll.register(fd, select.EPOLLIN | select.EPOLLEXCLUSIVE)
            except OSError:  # no EPOLLEXCLUSIVE here: an ordinary registration
                self.epoll.register(fd, select.EPOLLIN)
            self.kuuntelijat[fd] = obj
        elif not lukee and fd in self.kuuntelijat:
            self._poista(fd)

    def _kanava(self, fd: int, obj, maski: int) -> None:
        nyt = self.kanavat.get(fd)
        if nyt is not None and nyt[0] is obj and nyt[1] == maski:
            return
        if nyt is not None and nyt[0] is obj:
            if maski:
                self.epoll.modify(fd, maski)
                self.kanavat[fd] = (obj, maski)
            else:
                self._poista(fd)
            return
        self._poista(fd)  # a new dispatcher, perhaps on a reused fd number
        if maski:
            try:
                self.epoll.register(fd, maski)
            except FileExistsError:  # still registered under the fd's previous dispatcher
                self.epoll.modify(fd, maski)
            self.kanavat[fd] = (obj, maski)

    def _poista(self, fd: int) -> None:
        self.kuuntelijat.pop(fd, None)
        self.kanavat.pop(fd, None)
        try:
            self.epoll.unregister(fd)
        except (OSError, ValueError):  # already closed (the kernel dropped it) or never registered
            pass

    def kysely(self, timeout: float, kartta: dict) -> None:
        """One round: register what waitress wants, wait up to `timeout` s, handle the events."""
        if self.epoll is None:
            wasyncore.poll2(timeout, kartta)
            return
        for fd in [fd for fd in (*self.kuuntelijat, *self.kanavat) if fd not in kartta]:
            self._poista(fd)
        for fd, obj in list(kartta.items()):
            if isinstance(obj, BaseWSGIServer):
                self._kuuntelija(fd, obj, bool(obj.readable()))
                continue
            maski = _LUKU if obj.readable() else 0
            if obj.writable() and not obj.accepting:
                maski |= _KIRJOITUS
            self._kanava(fd, obj, maski)
        for fd, liput in self.epoll.poll(timeout):
            obj = kartta.get(fd)
            if obj is not None:
                wasyncore.readwrite(obj, liput)

    def sulje(self) -> None:
        if self.epoll is not None:
            self.epoll.close()
