"""``%hasura env show|set|unset|edit|diff|copy``: env vars with the hash protocol, masked.

``set`` and ``unset`` read the env and its hash, send one hash-checked write (nothing when
nothing changes), and show what changed; ``--dry-run`` shows the same diff and sends nothing.
If someone wrote first, the rule of ``env_writer`` applies (re-apply, never overwrite).
With ``--projects GLOB`` they plan the change for every matching project, show the plan, and
apply it only with ``--yes`` (or a confirmation), ``--concurrency`` projects at a time, with a
summary of what was applied, unchanged or failed; a run that did not land everywhere fails the
cell after showing every project's outcome (``--allow-partial``: warn instead). ``edit``
returns the editor form; ``diff`` compares two projects' keys; ``copy`` puts A's values (or
``--keys``) into B.

``--wait`` (``set``, ``unset``, one project or many) returns only once the change is live on
every server of each project (a line kept current meanwhile); after ``--timeout`` seconds,
or when a project is not running, it fails with one line that says the change *is written*
but not live yet.
"""

from __future__ import annotations

import argparse
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from hasura_cloud_magic.display import did_you_mean
from hasura_cloud_magic.env_plan import EnvDiff, EnvEdits, plan_change
from hasura_cloud_magic.env_vars import PROJECT_SPECIFIC_KEYS, check_env_key
from hasura_cloud_magic.env_writer import apply_edits
from hasura_cloud_magic.errors import EnvNotLiveError, NotFoundError
from hasura_cloud_magic.journal import PendingEntry
from hasura_cloud_magic.magics.fleet_report import finish
from hasura_cloud_magic.magics.parsing import parse_assignments
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.magics.user_input import confirm
from hasura_cloud_magic.results import EnvComparison, EnvView
from hasura_cloud_magic.rollout import wait_until_live

if TYPE_CHECKING:
    from hasura_cloud_magic.fleet import FleetPlan, FleetResult, ProjectResult


def _show(session: Session, args: argparse.Namespace) -> EnvView:
    target = session.target(args.target)
    env = session.cloud().get_env(target.tenant_id)
    session.cache.env_keys.update(env.keys)
    return EnvView(
        project=target.name,
        tenant_id=str(target.tenant_id),
        hash=env.hash,
        keys=tuple(env.keys),
        revealed_values=dict(env.values) if args.reveal else None,
    )


def _edits(args: argparse.Namespace) -> EnvEdits:
    if args.action == "set":
        return EnvEdits(parse_assignments(args.assignments))
    return EnvEdits({}, frozenset(check_env_key(key) for key in args.keys))


def _keys(edits: EnvEdits) -> list[str]:
    return sorted({*edits.set_values, *edits.removed})


def _change_one(
    session: Session,
    target_text: str,
    edits: EnvEdits,
    dry_run: bool,
    wait: float | None = None,
    action: str = "env set",
    ask: bool | None = None,
) -> EnvDiff:
    """One project's change; ``wait``: seconds to wait for it to go live (None: don't);
    ``action``: how the journal names it; ``ask``: show the change and confirm it first
    (False: ``--yes`` given; None: do not ask)."""
    target = session.target(target_text, to_write=not dry_run)
    cloud = session.cloud()
    current = cloud.get_env(target.tenant_id)
    diff = plan_change(current, edits.set_values, edits.removed)
    missing = sorted(key for key in edits.removed if key not in current.values)
    if missing:  # a typo'd key must not read as a quiet success
        hint = did_you_mean(missing[0], current.keys)
        session.out.warning(f"{', '.join(missing)} not set on {target.name}.{hint}")
    written_hash = current.hash
    if dry_run:
        session.out.info(f"Dry run, nothing sent: would apply {diff.summary()} to {target.name}.")
    elif diff.empty:
        session.out.info(f"{target.name}: nothing to change, nothing sent.")
        session.journal.record(
            PendingEntry(action, target.name, tuple(_keys(edits)), current.hash, None, "unchanged")
        )
    else:
        if ask is not None:
            session.out.show(diff.without_values(f"Would change {target.name}"))
            confirm(f"{action}: {diff.summary()} on {target.name}?", assume_yes=not ask)
        with session.journal.writing(
            action, target.name, keys=_keys(edits), hash_before=current.hash
        ) as entry:
            outcome = apply_edits(cloud, current, edits)
            written_hash = entry.hash_after = outcome.final_hash or current.hash
        rebased = " (re-applied on top of a newer env)" if outcome.rebased else ""
        session.out.success(f"{target.name}: {diff.summary()}.{rebased}")
    session.cache.env_keys.update(current.keys)
    session.cache.env_keys.update(edits.set_values)
    if not dry_run:  # completion offers what is set now, not what was just removed
        session.cache.env_keys.difference_update(edits.removed)
    if wait is not None and not dry_run:
        _wait_live(session, target.tenant_id, target.name, written_hash, wait)
    return diff.without_values(f"Changes to {target.name}")


def _wait_live(
    session: Session, tenant_id: uuid.UUID, name: str, env_hash: str, timeout: float
) -> None:
    live = session.out.live_line()
    wait_until_live(
        session.cloud(),
        tenant_id,
        env_hash,
        name=name,
        timeout=timeout,
        interval=session.preferences.poll_interval,
        on_update=lambda rollout: live.update(f"{name}: env {rollout.describe()}"),
    )
    session.out.success(f"{name}: the change is live on every server.")


def _wait_fleet(session: Session, applied: list[ProjectResult], timeout: float) -> None:
    """Wait for every applied project in turn against one deadline (they roll out at once)."""
    ends = time.monotonic() + timeout
    not_live = []
    for result in applied:
        assert result.tenant_id is not None and result.env_hash is not None
        try:
            _wait_live(
                session,
                result.tenant_id,
                result.name,
                result.env_hash,
                max(ends - time.monotonic(), 0.0),
            )
        except EnvNotLiveError:
            not_live.append(result.name)
    if not_live:
        raise EnvNotLiveError(
            f"the change is written everywhere but not live yet on {', '.join(not_live)} "
            f"(after {timeout:g} s); it goes on rolling out: %hasura health --projects GLOB"
        )


def _change_many(session: Session, args: argparse.Namespace) -> object:
    from hasura_cloud_magic import fleet
    from hasura_cloud_magic.targets import resolve_glob

    cloud = session.cloud()
    targets = resolve_glob(cloud, args.projects)
    plan = fleet.plan_fleet(cloud, targets, _edits(args), concurrency=args.concurrency)
    session.cache.project_names.update(t.name for t in targets)
    session.out.show(plan)
    if args.dry_run:
        session.out.info(
            f"{len(plan.to_change)} of {len(targets)} projects would change; dry run, nothing sent."
        )
        return plan.without_values()
    if plan.to_change:
        confirm(f"Apply to {len(plan.to_change)} projects?", assume_yes=args.yes)
    tally = session.out.tally(len(plan.projects))
    result = fleet.apply_fleet(
        cloud,
        plan,
        concurrency=args.concurrency,
        on_result=lambda r: tally.advance(f"{r.name}: {r.status}"),
    )
    _journal_fleet(session, f"env {args.action}", plan, result)
    finish(session, result, allow_partial=args.allow_partial)
    if result.complete and args.wait:
        _wait_fleet(session, [r for r in result.results if r.env_hash], args.timeout)
    return result


def _journal_fleet(session: Session, action: str, plan: FleetPlan, result: FleetResult) -> None:
    """One journal entry per project of a fleet change, with its own outcome."""
    before = {p.target.name: p.env.hash if p.env else None for p in plan.projects}
    keys = tuple(_keys(plan.edits))
    for outcome in result.results:
        session.journal.record(
            PendingEntry(
                action,
                outcome.name,
                keys,
                before.get(outcome.name),
                outcome.env_hash,
                outcome.status,
                "" if outcome.status in ("applied", "unchanged") else outcome.detail,
            )
        )


def _diff(session: Session, args: argparse.Namespace) -> EnvComparison:
    cloud = session.cloud()
    a, b = session.target(args.target), session.target(args.other)
    env_a, env_b = cloud.get_env(a.tenant_id), cloud.get_env(b.tenant_id)
    return EnvComparison.from_api(a.name, env_a, b.name, env_b)


def _copy(session: Session, args: argparse.Namespace) -> EnvDiff:
    cloud = session.cloud()
    source = cloud.get_env(session.target(args.target).tenant_id)
    keys = (
        [check_env_key(k) for k in args.keys]
        if args.keys
        else [k for k in source.keys if k not in PROJECT_SPECIFIC_KEYS]
    )
    missing = [k for k in keys if k not in source.values]
    if missing:
        raise NotFoundError(f"{args.target} has no {', '.join(missing)}")
    edits = EnvEdits({k: source.values[k] for k in keys})
    # Promoting values into another project is the risky case: asked, like a fleet change.
    return _change_one(
        session, args.other, edits, args.dry_run, action="env copy", ask=not args.yes
    )


def _edit(session: Session, args: argparse.Namespace) -> object:
    if not session.out.rich():
        session.out.warning(
            "The env editor is a Jupyter form; in a terminal use %hasura env show/set/unset"
        )
        return None
    from hasura_cloud_magic.widgets.env_editor import EnvEditor  # ipywidgets: only here

    target = session.target(args.target)
    editor = EnvEditor(
        session.cloud(),
        target.tenant_id,
        target.name,
        poll_interval=session.preferences.poll_interval,
        journal=session.journal,
    )
    return editor.load()


def _change(session: Session, args: argparse.Namespace) -> object:
    if args.projects is not None:
        return _change_many(session, args)
    wait = args.timeout if args.wait else None
    action = f"env {args.action}"
    return _change_one(session, args.target, _edits(args), args.dry_run, wait, action)


_ACTIONS: dict[str, Callable[[Session, argparse.Namespace], object]] = {
    "show": _show,
    "set": _change,
    "unset": _change,
    "edit": _edit,
    "diff": _diff,
    "copy": _copy,
}


def run(session: Session, args: argparse.Namespace) -> object:
    return _ACTIONS[args.action](session, args)
