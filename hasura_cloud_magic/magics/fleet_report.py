"""How a fleet run ends in a cell: one line when it landed everywhere, else the table of
every project's outcome and a failure (``--allow-partial``: a warning instead)."""

from __future__ import annotations

from hasura_cloud_magic.errors import FleetIncompleteError
from hasura_cloud_magic.fleet import FleetResult
from hasura_cloud_magic.magics.session import Session


def finish(session: Session, result: FleetResult, *, allow_partial: bool) -> FleetResult:
    """Say how the run went; raise FleetIncompleteError (carrying ``result``) when it did
    not land everywhere, unless ``allow_partial``."""
    if result.complete:
        session.out.success(result.summary())
        return result
    session.out.show(result)
    if allow_partial:
        session.out.warning(result.summary())
        return result
    raise FleetIncompleteError(
        f"not every project changed ({result.summary()}); the table above says why "
        "(--allow-partial to carry on)",
        result=result,
    )
