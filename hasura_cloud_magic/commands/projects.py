"""``%hasura projects [--name GLOB] [--df]``: the projects this token can see."""

from __future__ import annotations

import argparse
from typing import Any

from hasura_cloud_magic.conversions import project_from_summary
from hasura_cloud_magic.parsing import glob_to_like
from hasura_cloud_magic.results import ProjectList
from hasura_cloud_magic.session import Session


def run(session: Session, args: argparse.Namespace) -> ProjectList | Any:
    pattern = glob_to_like(args.name) if args.name else None
    found = session.cloud().list_projects(name_like=pattern)
    projects = ProjectList(
        [project_from_summary(p) for p in found],
        limit=session.preferences.display_limit,
        title=f"Projects matching {args.name}" if args.name else "Projects",
    )
    session.cache.project_names.update(projects.names())
    return projects.to_dataframe() if args.df else projects
