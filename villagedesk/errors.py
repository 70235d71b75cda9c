"""Domain errors: what a service raises when a clerk must change something."""

from __future__ import annotations


class DomainError(Exception):
    """An error with a message a clerk can act on; `field` names the input it concerns."""

    def __init__(self, message: str, *, field: str | None = None, kind: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.kind = kind

    def __str__(self) -> str:
        return self.message


class NotSetUpError(DomainError):
    """The hall has not been initialised yet."""


class NotFoundError(DomainError):
    """A record the clerk asked for does not exist."""


class PermissionDeniedError(DomainError):
    """The acting staff member's role may not do this."""
