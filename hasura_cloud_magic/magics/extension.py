"""The ``%hasura`` magic: one ``Magics`` + ``Configurable`` class and its (un)registration.

Loading the extension imports nothing heavy: the HTTP stack, the generated client and the
emulator are imported by the first command that needs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from IPython.core.magic import Magics, line_cell_magic, magics_class, no_var_expand
from traitlets import Bool, Float, Int, TraitError, Unicode, validate
from traitlets.config import Config, Configurable

from hasura_cloud_magic.display import NORMAL, VERBOSE
from hasura_cloud_magic.magics import config_file, short_errors
from hasura_cloud_magic.magics.output import Output, ipython_display
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.settings import (
    DEFAULT_DISPLAY_LIMIT,
    DEFAULT_TIMEOUT_SECONDS,
    POLL_INTERVAL_SECONDS,
    TOKEN_ENV_VAR,
    ClientSettings,
    is_env_var_name,
)


@magics_class
class HasuraMagics(Magics, Configurable):
    """Hasura Cloud from IPython. Settings: ``%config HasuraMagics``."""

    endpoint = Unicode(
        "", help="API endpoint; empty: $HASURA_CLOUD_ENDPOINT, else Hasura Cloud"
    ).tag(config=True)
    timeout = Float(DEFAULT_TIMEOUT_SECONDS, help="seconds to wait for one API call").tag(
        config=True
    )
    token_env_var = Unicode(
        TOKEN_ENV_VAR, help="NAME of the env var holding the token (never the token)"
    ).tag(config=True)
    display_limit = Int(
        DEFAULT_DISPLAY_LIMIT, help="rows shown for lists (all rows are returned)"
    ).tag(config=True)
    feedback = Int(NORMAL, help="0 quiet, 1 normal, 2 verbose").tag(config=True)
    verbose_errors = Bool(False, help="show full tracebacks for our errors").tag(config=True)
    poll_interval = Float(
        POLL_INTERVAL_SECONDS, help="seconds between job polls (the action uses 2)"
    ).tag(config=True)

    def __init__(self, shell: Any) -> None:
        problem = None
        try:
            # Also registers us in shell.configurables, which makes %config work.
            Magics.__init__(self, shell=shell)
        except TraitError as error:
            # A bad value left in the shell's config (by %config or a profile) must not
            # make the extension unloadable: start from the defaults and say why.
            shell.configurables.remove(self)  # the failed attempt registered us already
            without_ours = Config(shell.config)
            without_ours.pop(type(self).__name__, None)
            Magics.__init__(self, shell=shell, config=without_ours)
            problem = f"HasuraMagics settings ignored, defaults used: {error}"
        output = Output(
            ipython_display,
            feedback=lambda: self.feedback,
            rich=lambda: getattr(shell, "kernel", None) is not None,
        )
        self.session = Session(self, output)
        if problem:
            output.warning(problem)

    @validate("endpoint")
    def _valid_endpoint(self, proposal: dict[str, Any]) -> str:
        value = str(proposal["value"]).strip()
        if value:
            try:
                ClientSettings(endpoint=value)
            except ValueError as error:
                raise TraitError(str(error)) from None
        return value

    @validate("timeout", "poll_interval")
    def _positive(self, proposal: dict[str, Any]) -> float:
        if not proposal["value"] > 0:
            raise TraitError(f"{proposal['trait'].name} must be > 0 seconds")
        return float(proposal["value"])

    @validate("display_limit")
    def _non_negative(self, proposal: dict[str, Any]) -> int:
        if proposal["value"] < 0:
            raise TraitError("display_limit must be >= 0")
        return int(proposal["value"])

    @validate("feedback")
    def _feedback_level(self, proposal: dict[str, Any]) -> int:
        if proposal["value"] not in range(VERBOSE + 1):
            raise TraitError("feedback must be 0 (quiet), 1 (normal) or 2 (verbose)")
        return int(proposal["value"])

    @validate("token_env_var")
    def _env_var_name(self, proposal: dict[str, Any]) -> str:
        value = str(proposal["value"])
        if not is_env_var_name(value):  # never repeated: it may be the token itself
            raise TraitError("token_env_var must be the NAME of an env var, not its value")
        return value

    @no_var_expand
    @line_cell_magic
    def hasura(self, line: str, cell: str | None = None) -> object:
        """Drive the Hasura Cloud management API. TARGET: tenant id, project id or name.

        %hasura help [COMMAND [ACTION]]   one line per command, or a command's usage and
                examples (printed; also COMMAND --help)
        %hasura status                    endpoint, token set or not (never shown), emulator
        %hasura login [--token-env NAME]  token from an env var or a hidden prompt
        %hasura logout                    forget it
        %hasura emulator start [--step-seconds S] [--db PATH]   a local Hasura Cloud
        %hasura emulator stop
        %hasura emulator status
        %hasura emulator state NAME [--maintenance on|off] [--active yes|no] [--reason R]
                [--endpoint up|down|hang]     put an emulated project into a state
        %hasura emulator dns FQDN [--to PROJECT | --host HOST]   a domain's emulated DNS
        %hasura emulator user EMAIL       a teammate: returns a client acting as them
        %hasura projects [--name GLOB] [--df]
        %hasura project TARGET            with status, plan, owner, env rollout, NAT IPs
        %hasura health [TARGET | --projects GLOB] [--concurrency N]   is each project up
        %hasura tenant TENANT_ID
        %hasura regions [--cloud aws]
        %hasura create --cloud aws --region us-east-2 [--name N] [--plan P] [--env K=V ...]
        %hasura rename TARGET NEW_NAME [--confirm NAME]
        %hasura delete TARGET [--yes] [--confirm NAME]   a run nobody watches (papermill)
                deletes or renames only what it created, or the project --confirm names
        %hasura reactivate TARGET [--yes]  a hibernated or suspended project
        %hasura db-latency TARGET [--no-wait] [--timeout S]   region → databases, in ms
        %hasura metrics TARGET | --projects GLOB [--since 24h|7d|ISO] [--until WHEN]
                [--interval 5m|10m|15m|30m|1h|6h|12h|1d] [--by operation|role|client|transport]
                requests, errors and mean latency over time: a chart (table in a terminal)
        %hasura operations TARGET [--since WHEN] [--until WHEN] [--top N]
                [--sort count|errors|latency]   the dashboard's operations table
        %hasura errors TARGET | --projects GLOB [--since WHEN] [--until WHEN] [--interval I]
                [--top N]   by code and operation, and over time
        %hasura logs TARGET [--since WHEN] [--until WHEN] [--operation NAME] [--errors]
                [--limit N]   requests: time, request id, role, latency, error
        %hasura journal [--since 1h] [--save PATH]   this session's writes (keys, hashes,
                outcome; never a value), as a table or JSON lines
        %hasura env show TARGET [--reveal]
        %hasura env set TARGET KEY=VALUE ... [--dry-run] [--wait] [--timeout S]
        %hasura env set --projects GLOB KEY=VALUE ... [--yes] [--concurrency N] [--dry-run]
                [--allow-partial] [--wait] [--timeout S]   a fleet run that does not land
                everywhere fails; --wait returns once the change is live on every server
        %hasura env unset TARGET KEY ... [--dry-run] [--wait] [--timeout S]
        %hasura env unset --projects GLOB KEY ... [--yes] [--concurrency N] [--dry-run]
                [--allow-partial] [--wait] [--timeout S]
        %hasura env edit TARGET           a conflict-safe editor form (ipywidgets)
        %hasura env diff A B              compare two projects' keys (values masked)
        %hasura env copy A B [--keys KEY ...] [--dry-run] [--yes]   asks first, like --projects
        %hasura preview create --owner O --repo R --branch B --name N [--directory D]
                [--replace] [--cloud C] [--region R] [--plan P] [--env K=V ...]
                [--github-token-env GITHUB_TOKEN] [--wait] [--timeout S]
        %hasura preview status JOB_ID [--wait] [--timeout S]
        %hasura preview delete NAME [--yes] [--confirm NAME]
        %hasura preview wizard [--github-token-env NAME]   a step-by-step form
        %hasura domains TARGET            custom domains: DNS record, validation, certificate
        %hasura domain add TARGET FQDN [--wait] [--timeout S]   prints the DNS record to create
        %hasura domain status TARGET FQDN [--wait] [--timeout S]
        %hasura domain delete TARGET FQDN [--yes] [--confirm FQDN]
        %hasura collaborators TARGET | --projects GLOB   owner, collaborators, invitations
        %hasura collaborator invite TARGET EMAIL --privileges P [P ...]
        %hasura collaborator invite --projects GLOB EMAIL --privileges P [P ...] [--yes]
                [--concurrency N] [--dry-run] [--allow-partial]   existing access: unchanged
        %hasura collaborator set TARGET EMAIL --privileges P [P ...]
        %hasura collaborator resend TARGET EMAIL   send a pending invitation again
        %hasura collaborator remove TARGET EMAIL [--yes] [--confirm EMAIL]
        %hasura collaborator remove --projects GLOB EMAIL [--yes] [--concurrency N]
                [--dry-run] [--allow-partial]   privileges: admin graphql_admin view_metrics
        %hasura invitations               invitations waiting for you
        %hasura invitations accept PROJECT
        %hasura invitations decline PROJECT
        %hasura access TARGET             a form: collaborators by privileges (ipywidgets)

        %%hasura [--var NAME] [--variables JSON_OR_NAME] [--operation NAME]
        <any GraphQL document; each $variable is read from the namespace by its name>

        Env writes quote the env's hash; if someone wrote first, edits to keys nobody else
        changed are re-applied and a key changed on both sides is reported, never overwritten.

        {{name}} in a line is replaced by the notebook variable ``name`` (IPython's own $x and
        {x} are off): for name in names: %hasura env set {{name}} API_KEY={{new_key}}

        Results can be assigned (t = %hasura tenant ...; t.project.endpoint). Errors show one
        line and stop a notebook run; %config HasuraMagics.verbose_errors = True for the
        traceback. Env values are masked unless --reveal. Without a token, try:
        %hasura emulator start
        """
        assert self.shell is not None  # set by Magics.__init__
        from hasura_cloud_magic.magics import router

        if cell is None:
            return router.run_line(self.session, line, self.shell.user_ns)
        return router.run_cell(self.session, line, cell, self.shell.user_ns)

    def apply_file_settings(self, start: Path) -> None:
        """Take ``[tool.hasura_cloud_magic]`` from the nearest pyproject.toml (see config_file)."""
        found = config_file.read(start, set(self.trait_names(config=True)))
        explicit = set(self.config.get("HasuraMagics", {}))
        applied = []
        for key, value in found.values.items():
            if key in explicit:
                continue  # an IPython profile setting wins over the project file
            try:
                setattr(self, key, value)
                applied.append(key)
            except TraitError as error:
                found.problems.append(f"{found.path}: {key}: {error}")
        for problem in found.problems:
            self.session.out.warning(problem)
        if applied:
            self.session.out.info(f"Settings from {found.path}: {', '.join(applied)}")


_REGISTERED: dict[int, tuple[HasuraMagics, Any, Any]] = {}


def register(shell: Any) -> HasuraMagics:
    """Register the magic, its completer and its short-error handler on ``shell``."""
    if id(shell) in _REGISTERED:
        return _REGISTERED[id(shell)][0]
    from hasura_cloud_magic.magics.completion import make_matcher

    magics = HasuraMagics(shell)
    shell.register_magics(magics)
    matcher = make_matcher(magics.session.cache)
    shell.Completer.custom_matchers.append(matcher)
    uninstall_errors = short_errors.install(shell, lambda: magics.verbose_errors)
    _REGISTERED[id(shell)] = (magics, matcher, uninstall_errors)
    magics.apply_file_settings(Path.cwd())
    return magics


def unregister(shell: Any) -> None:
    """Undo :func:`register`: magic, completer, error handler, configurable, session."""
    entry = _REGISTERED.pop(id(shell), None)
    if entry is None:
        return
    magics, matcher, uninstall_errors = entry
    for kind in ("line", "cell"):
        shell.magics_manager.magics[kind].pop("hasura", None)
    shell.magics_manager.registry.pop(type(magics).__name__, None)
    if matcher in shell.Completer.custom_matchers:
        shell.Completer.custom_matchers.remove(matcher)
    uninstall_errors()
    if magics in shell.configurables:
        shell.configurables.remove(magics)
    magics.session.close()
