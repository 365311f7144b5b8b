"""``%hasura collaborator invite|set|resend|remove``: one person's access, one project or many.

``invite TARGET EMAIL --privileges P ...`` sends an invitation (the person accepts it in
the dashboard, or with ``%hasura invitations accept``); someone who has access or an
invitation already is left as they are ("unchanged"), so running it again converges.
``set TARGET EMAIL --privileges P ...`` makes a collaborator's privileges exactly these, in
one request (whole or not at all). ``resend TARGET EMAIL`` sends a pending invitation's
e-mail again (someone with no pending invitation there is a one-line error; nothing sent).
``remove TARGET EMAIL`` removes a collaborator and revokes their pending invitation; it asks
first unless ``--yes``, and a run nobody watches removes only people it invited, or one named
with ``--confirm EMAIL``. The owner cannot be removed.
Privileges: ``admin``, ``graphql_admin``, ``view_metrics`` (separate words, or one word with
commas: ``--privileges graphql_admin,view_metrics``).

With ``--projects GLOB`` (``invite``, ``remove``) it reads every matching project's access in
one round trip, shows the plan, applies it only with ``--yes`` (or a confirmation),
``--concurrency`` projects at a time with a progress bar, and ends with a summary; a run that
did not land everywhere fails the cell after showing every project's outcome
(``--allow-partial``: warn instead). ``--dry-run`` shows the plan and sends nothing. A glob
that matches no project changes nothing, and says so.
"""

from __future__ import annotations

import argparse
import re

from hasura_cloud_magic.errors import InvalidInputError, NotFoundError
from hasura_cloud_magic.fleet import APPLIED, UNCHANGED, FleetResult
from hasura_cloud_magic.journal import PendingEntry
from hasura_cloud_magic.magics.fleet_report import finish
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.magics.user_input import confirm
from hasura_cloud_magic.results.access import ProjectAccess
from hasura_cloud_magic.targets import Target, resolve_glob
from hasura_cloud_magic.team import (
    REMOVE,
    AccessChange,
    AccessPlan,
    apply_access,
    apply_steps,
    plan_access,
)


def _change(args: argparse.Namespace) -> AccessChange:
    # "admin,view_metrics" works too: one word, as a {{placeholder}} gives it.
    words = getattr(args, "privileges", None) or ()
    privileges = tuple(p for word in words for p in re.split(r"[,\s]+", word) if p)
    return AccessChange(args.action, args.email, privileges)


def _guard(session: Session, args: argparse.Namespace, plan: AccessPlan) -> None:
    """A run nobody watches removes only the people it invited (or one it names)."""
    if args.action != REMOVE:
        return
    for project in plan.to_change:
        name = project.target.name
        invited_here = args.email.casefold() in session.journal.applied_keys(
            "collaborator invite", name
        )
        session.guard_unwatched(
            "remove", args.email, invited_here, args.confirm, made="invite", where=f" from {name}"
        )


def _journal(session: Session, args: argparse.Namespace, result: FleetResult) -> None:
    for outcome in result.results:
        detail = "" if outcome.status == APPLIED else outcome.detail
        session.journal.record(
            PendingEntry(
                f"collaborator {args.action}",
                outcome.name,
                (args.email,),
                outcome=outcome.status,
                detail=detail,
            )
        )


def _one(session: Session, args: argparse.Namespace, plan: AccessPlan) -> ProjectAccess:
    [project] = plan.projects
    target = project.target
    if project.refused:
        raise InvalidInputError(f"{target.name}: {project.refused}")
    action = f"collaborator {args.action}"
    if not project.steps:
        session.journal.record(PendingEntry(action, target.name, (args.email,), outcome=UNCHANGED))
        session.out.info(f"{target.name}: {args.email}: {project.unchanged}; nothing sent.")
    else:
        if args.action == REMOVE:
            confirm(f"Remove {args.email}'s access to {target.name}?", assume_yes=args.yes)
        with session.journal.writing(action, target.name, keys=(args.email,)) as entry:
            done = apply_steps(session.cloud().access, target.project_id, project.steps)
            if not done:
                entry.outcome, entry.detail = UNCHANGED, "already so (someone else did it)"
        session.out.success(f"{target.name}: {done or 'already so'}.")
    [access] = session.cloud().access.read([target.project_id])
    return access


def _many(session: Session, args: argparse.Namespace, plan: AccessPlan) -> object:
    if args.dry_run:  # the plan is the result: shown once, as Out
        session.out.info(
            f"{len(plan.to_change)} of {len(plan.projects)} projects would change; "
            "dry run, nothing sent."
        )
        return plan
    session.out.show(plan)
    if plan.to_change:
        confirm(f"Apply to {len(plan.to_change)} projects?", assume_yes=args.yes)
    tally = session.out.tally(len(plan.projects))
    result = apply_access(
        session.cloud(),
        plan,
        concurrency=args.concurrency,
        on_result=lambda r: tally.advance(f"{r.name}: {r.status}"),
    )
    _journal(session, args, result)
    return finish(session, result, allow_partial=args.allow_partial)


def _targets(session: Session, args: argparse.Namespace) -> list[Target]:
    if args.projects is None:
        return [session.target(args.target, to_write=True)]
    try:
        return resolve_glob(session.cloud(), args.projects)
    except NotFoundError as nothing:  # a runbook's glob may match nothing yet: say so
        session.out.info(f"{nothing}: nothing to change.")
        return []


def run(session: Session, args: argparse.Namespace) -> object:
    change = _change(args)  # checks the e-mail and privileges before anything is sent
    targets = _targets(session, args)
    session.cache.project_names.update(t.name for t in targets)
    plan = plan_access(session.cloud(), targets, change)
    _guard(session, args, plan)
    if args.projects is not None:
        return _many(session, args, plan)
    if getattr(args, "dry_run", False):
        return plan
    return _one(session, args, plan)
