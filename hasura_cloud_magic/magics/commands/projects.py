"""``%hasura projects [--name GLOB] [--df]``: the projects this token can see."""

from __future__ import annotations

import argparse
from typing import Any

from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results import Project, ProjectList
from hasura_cloud_magic.targets import glob_to_like


def run(session: Session, args: argparse.Namespace) -> ProjectList | Any:  # Any: a DataFrame
    pattern = glob_to_like(args.name) if args.name else None
    found = session.cloud().list_projects(name_like=pattern)
    projects = ProjectList(
        [Project.from_api(p) for p in found],
        limit=session.preferences.display_limit,
        title=f"Projects matching {args.name}" if args.name else "Projects",
    )
    session.cache.project_names.update(projects.names())
    return projects.to_dataframe() if args.df else projects
