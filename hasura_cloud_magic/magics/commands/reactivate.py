"""``%hasura reactivate TARGET [--yes]``: bring a hibernated or suspended project back.

Asks first (``--yes`` does not); an active project is left alone with a line saying so.
Returns the project's health row once the API has accepted the reactivation.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.errors import NotFoundError
from hasura_cloud_magic.health import (
    ACTIVE,
    MAINTENANCE,
    ProjectHealth,
    check_health,
    project_state,
)
from hasura_cloud_magic.journal import APPLIED, UNCHANGED
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.magics.user_input import confirm


def run(session: Session, args: argparse.Namespace) -> ProjectHealth | None:
    target = session.target(args.target, to_write=True)
    cloud = session.cloud()
    found = cloud.project_status([target.project_id])
    if not found:
        session.forget_targets(target.tenant_id)
        raise NotFoundError(f"project {target.name} no longer exists")
    state = project_state(found[0].tenant)
    if state in (ACTIVE, MAINTENANCE):
        session.out.info(f"{target.name} is {state}: nothing to reactivate.")
        return None
    confirm(f"Reactivate {target.name} ({state})?", assume_yes=args.yes)
    with session.journal.writing("reactivate", target.name) as entry:
        reactivated = cloud.reactivate_project(target.project_id)
        entry.outcome = APPLIED if reactivated else UNCHANGED
    if not reactivated:
        session.out.info(f"{target.name} was active already: nothing changed.")
    else:
        session.out.success(
            f"{target.name} reactivated; its servers are starting (%hasura health {target.name})."
        )
    [row] = check_health(cloud, [target.project_id])
    return row  # type: ignore[no-any-return]
