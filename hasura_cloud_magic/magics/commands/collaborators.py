"""``%hasura collaborators TARGET | --projects GLOB``: who has access.

One project: its owner (every privilege), collaborators with their privileges, and the people
invited who have not answered yet, one row each (a
:class:`~hasura_cloud_magic.results.ProjectAccess`). Many projects: one row per person and one
column per project (a :class:`~hasura_cloud_magic.results.FleetAccess`; ``.to_dataframe()``
gives one row per person and project). Read in one round trip; a glob that matches nothing
gives an empty table, not an error: this only reads.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.errors import NotFoundError, UsageError
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results.access import FleetAccess, ProjectAccess
from hasura_cloud_magic.targets import resolve_glob


def _one(session: Session, target_text: str) -> ProjectAccess:
    target = session.target(target_text)
    found = session.cloud().access.read([target.project_id])
    if not found:
        raise NotFoundError(f"{target.name} is not visible to this token")
    return found[0]


def _many(session: Session, glob: str) -> FleetAccess:
    try:
        targets = resolve_glob(session.cloud(), glob)
    except NotFoundError as nothing:
        session.out.info(f"{nothing}: nobody to list.")
        return FleetAccess(())
    session.cache.project_names.update(t.name for t in targets)
    read = session.cloud().access.read([t.project_id for t in targets])
    seen = {access.project_id for access in read}
    unreadable = tuple((t.name, "not readable") for t in targets if t.project_id not in seen)
    return FleetAccess(tuple(read), unreadable)


def run(session: Session, args: argparse.Namespace) -> ProjectAccess | FleetAccess:
    if (args.target is None) == (args.projects is None):
        raise UsageError("%hasura collaborators: give TARGET or --projects GLOB (one of them)")
    if args.target is not None:
        return _one(session, args.target)
    return _many(session, args.projects)
