"""The error types qabot's library raises; only the CLI turns them into messages and exit codes."""


class QabotError(Exception):
    """Base class of every error qabot reports to a user as one line."""

    exit_code = 1


class UsageError(QabotError):
    """The user asked for something that cannot be done as asked (bad option, bad value)."""

    exit_code = 2


class CorpusError(QabotError):
    """The corpus to index is missing or holds nothing that can be indexed."""

    exit_code = 3


class IndexMissing(QabotError):
    """There is no index where one was expected."""

    exit_code = 4


class IndexDamaged(QabotError):
    """The index on disk cannot be used as it stands (truncated, altered, other version)."""

    exit_code = 5

    def __init__(self, message: str, why: str | None = None):
        super().__init__(message)
        self.why = why or message
        """What is wrong, without the advice (``manifest.json is not valid JSON``); else the whole message."""


class IndexLocked(QabotError):
    """Another process is writing the index."""

    exit_code = 6


class IndexUnwritable(QabotError):
    """The index cannot be written where asked (not a folder, no space, no permission); the old one stands."""

    exit_code = 7


class ConfigError(QabotError):
    """The user's config file cannot be read or sets something qabot does not know."""

    exit_code = 2


class ArticleMissing(UsageError):
    """No article in the index has the id asked for."""
