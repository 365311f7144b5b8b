"""``%hasura access TARGET``: the access form (who has access, privileges, invitations).

It returns a form: a grid of the project's people by privilege, an invite row, a review of
the changes and a save that reads the access again first and never undoes a change someone
else made meanwhile (see :mod:`hasura_cloud_magic.widgets.access_editor`). In a terminal it
says which commands do the same.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.session import Session


def run(session: Session, args: argparse.Namespace) -> object:
    if not session.out.rich():
        session.out.warning(
            "The access form is a Jupyter form; in a terminal use %hasura collaborators "
            "and %hasura collaborator invite|set|remove"
        )
        return None
    from hasura_cloud_magic.widgets.access_editor import AccessEditor  # ipywidgets: only here

    target = session.target(args.target)
    return AccessEditor(session.cloud(), target, journal=session.journal).load()
