"""``%hasura logout``: forget the token taken by ``%hasura login``."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.session import Session


def run(session: Session, args: argparse.Namespace) -> None:
    session.logout()
    session.close_client()
    session.out.success(f"Logged out; token now: {session.token_source()}.")
