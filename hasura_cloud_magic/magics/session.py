"""One IPython session's state: where the API is, the token, the emulator, caches.

The token lives only here, in memory (never in a trait, so ``%config`` cannot print it).
One :class:`~hasura_cloud_magic.api.HasuraCloud` (one HTTP connection pool) serves every
command until the endpoint, token or timeout changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from hasura_cloud_magic.errors import AuthenticationError, ConfirmationRequired
from hasura_cloud_magic.journal import Journal
from hasura_cloud_magic.magics.output import Output
from hasura_cloud_magic.settings import DEFAULT_ENDPOINT, ENDPOINT_ENV_VAR, ClientSettings

if TYPE_CHECKING:
    import uuid

    from hasura_cloud_magic.api import HasuraCloud
    from hasura_cloud_magic.emulator import RunningEmulator
    from hasura_cloud_magic.targets import Target


class Preferences(Protocol):
    """The user-settable knobs (``HasuraMagics`` traits)."""

    endpoint: str
    timeout: float
    token_env_var: str
    display_limit: int
    poll_interval: float


@dataclass
class CompletionCache:
    """What tab completion may offer, filled as a side effect of commands (never fetched)."""

    project_names: set[str] = field(default_factory=set)
    env_keys: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)

    def clear(self) -> None:
        self.project_names.clear()
        self.env_keys.clear()
        self.regions.clear()


class Session:
    """Everything ``%hasura`` commands share within one IPython session."""

    def __init__(self, preferences: Preferences, output: Output) -> None:
        self.preferences = preferences
        self.out = output
        self.cache = CompletionCache()
        self.emulator: RunningEmulator | None = None
        #: The embedded emulator's --db file (None: its state is gone when it stops).
        self.emulator_db: str | None = None
        self._token: str | None = None
        self._token_source: str | None = None
        self._cloud: HasuraCloud | None = None
        self._targets: dict[str, Target] = {}
        #: Each project's metrics host, by project id. Reads reuse it: a project changes
        #: region only by a migration, and a new session reads it again.
        self.metrics_hosts: dict[uuid.UUID, str] = {}
        #: Every write of this session (``%hasura journal``), forms included: what it
        #: created is what a headless run may delete or rename without naming it.
        self.journal = Journal()
        # Tenants created here: still this run's own after a rename.
        self._created_tenants: set[uuid.UUID] = set()
        #: What a command started that goes on if it is interrupted (and how to follow it).
        self.running: str | None = None
        #: Preview apps this session queued: app name → creation job id.
        self.preview_jobs: dict[str, uuid.UUID] = {}

    def __repr__(self) -> str:
        shown = self.settings().shown_endpoint
        return f"Session(endpoint={shown!r}, token={self.token_source()})"

    # ------------------------------------------------------------ where and who

    def settings(self) -> ClientSettings:
        """The effective endpoint, token and timeout, decided now."""
        token: str | None
        if self.emulator is not None:
            endpoint, token = self.emulator.endpoint, self.emulator.token
        else:
            endpoint = (
                self.preferences.endpoint or os.environ.get(ENDPOINT_ENV_VAR) or DEFAULT_ENDPOINT
            )
            token = self._token or os.environ.get(self.preferences.token_env_var) or None
        return ClientSettings(endpoint, token, float(self.preferences.timeout))

    def token_source(self) -> str:
        """Where the token comes from, without saying what it is."""
        if self.emulator is not None:
            return "the local emulator"
        if self._token:
            return self._token_source or "login"
        if os.environ.get(self.preferences.token_env_var):
            return f"env var {self.preferences.token_env_var}"
        return "not set"

    def login(self, token: str, source: str) -> None:
        self._token, self._token_source = token, source
        self.forget_targets()

    def logout(self) -> None:
        self._token = self._token_source = None
        self.forget_targets()

    # ------------------------------------------------------------ the API

    def no_token_hint(self) -> str:
        """What to do without a token: the env var, login, or the emulator."""
        return (
            f"set {self.preferences.token_env_var}, run %hasura login, "
            "or try it offline with %hasura emulator start"
        )

    def token_refused(self) -> AuthenticationError:
        """The API refused the token (or there is none): say whose it was and what to do."""
        if not self.settings().token:
            return AuthenticationError(f"no Hasura Cloud token: {self.no_token_hint()}")
        return AuthenticationError(
            f"the token from {self.token_source()} was refused by "
            f"{self.settings().shown_endpoint}: create a personal access token in the Hasura "
            "Cloud dashboard (My Account → Access Tokens), then set it or run %hasura login"
        )

    def interrupted(self) -> str:
        """The one line Ctrl+C leaves: what was stopped, and what goes on."""
        if self.running:
            return f"Stopped watching; {self.running}"
        return "Interrupted; anything already sent stays as it is (see %hasura journal)"

    def cloud(self) -> HasuraCloud:
        """The facade for the current settings (created on first use, then reused). Without
        a token, a one-line error that names the fixes, before anything is sent."""
        settings = self.settings()
        if not settings.token:
            raise self.token_refused()
        if self._cloud is None or self._cloud.settings != settings:
            from hasura_cloud_magic.api import HasuraCloud  # heavy: only on first use

            self.close_client()
            self._cloud = HasuraCloud(settings)
        return self._cloud

    def target(self, text: str, *, to_write: bool = False) -> Target:
        """Resolve a TARGET. Reads may use what this session resolved before; a write
        (``to_write``) resolves it again, because someone may have renamed projects since:
        a name then means the project that has it now, and never the one that had it."""
        if to_write or text not in self._targets:
            from hasura_cloud_magic.targets import resolve

            self._targets[text] = resolve(self.cloud(), text)
        found = self._targets[text]
        self.cache.project_names.add(found.name)
        return found

    def forget_targets(self, tenant_id: uuid.UUID | None = None) -> None:
        """Drop cached resolutions (all, or those of one tenant after a rename or delete)."""
        if tenant_id is None:
            self._targets.clear()
            self.metrics_hosts.clear()
        else:
            self._targets = {k: t for k, t in self._targets.items() if t.tenant_id != tenant_id}

    # ------------------------------------------------------------ what this run made

    def created(self, tenant_id: uuid.UUID) -> None:
        """Remember a project this session created, by tenant (names can change)."""
        self._created_tenants.add(tenant_id)

    def guard_removal(self, target: Target, verb: str, named: str | None) -> None:
        """A run nobody watches (papermill, nbclient) may delete or rename only what it
        created, or a project it names on purpose (``--confirm NAME``, e.g. from a
        parameter); anything else is refused before anything is sent."""
        made_here = (
            target.tenant_id in self._created_tenants or target.name in self.journal.created_names()
        )
        self.guard_unwatched(verb, target.name, made_here, named)

    def guard_unwatched(
        self,
        verb: str,
        name: str,
        made_here: bool,
        named: str | None,
        *,
        made: str = "create",
        where: str = "",
    ) -> None:
        """Refuse to ``verb`` ``name`` (a project, a domain, a person's access) in a run
        nobody watches, unless this run made it or names it on purpose (``--confirm``)."""
        from hasura_cloud_magic.magics.user_input import nobody_can_answer

        if made_here or (named or "").casefold() == name.casefold() or not nobody_can_answer():
            return
        raise ConfirmationRequired(
            f"refusing to {verb} {name}{where}: this run did not {made} it and nobody is here "
            f"to confirm; to {verb} it anyway, name it: --confirm {name} (in a runbook, from a "
            "parameter)"
        )

    # ------------------------------------------------------------ lifecycle

    def use_emulator(self, emulator: RunningEmulator | None) -> None:
        """Point every command at ``emulator`` (None: back to the configured endpoint).

        The HTTP pool, resolved targets and completion cache belonged to the other endpoint.
        """
        self.close_client()
        if self.emulator is not None and self.emulator is not emulator:
            self.emulator.stop()
        self.emulator = emulator
        self.forget_targets()
        self.cache.clear()

    def close_client(self) -> None:
        if self._cloud is not None:
            self._cloud.close()
            self._cloud = None

    def close(self) -> None:
        """Release the HTTP pool and stop an emulator this session started."""
        self.close_client()
        if self.emulator is not None:
            self.emulator.stop()
            self.emulator = None
