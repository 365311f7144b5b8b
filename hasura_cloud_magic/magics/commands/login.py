"""``%hasura login [--token-env NAME]``: take the token into memory, check it, never show it."""

from __future__ import annotations

import argparse
import getpass
import os

from hasura_cloud_magic.errors import AuthenticationError, ConfigurationError
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.magics.user_input import UnavailableInput, ask_secret
from hasura_cloud_magic.settings import ClientSettings


def _read_token(session: Session, env_name: str | None) -> tuple[str, str]:
    if env_name:
        token = os.environ.get(env_name)
        if not token:
            raise ConfigurationError(f"env var {env_name} is not set (or empty)")
        return token, f"env var {env_name}"
    default_name = session.preferences.token_env_var
    if os.environ.get(default_name):
        return os.environ[default_name], f"env var {default_name}"
    try:
        return ask_secret("Hasura Cloud personal access token: ", getpass.getpass), "login prompt"
    except UnavailableInput:
        raise ConfigurationError(
            f"no token: set {default_name}, or run %hasura login in an interactive session"
        ) from None


def run(session: Session, args: argparse.Namespace) -> None:
    token, source = _read_token(session, args.token_env)
    ClientSettings(token=token.strip())  # validates: not empty or blank
    if session.emulator is not None:
        session.login(token.strip(), source)
        session.out.info("Token kept; it is used after %hasura emulator stop.")
        return
    previous = session.token_source()
    session.login(token.strip(), source)
    try:
        session.cloud().list_regions()
    except AuthenticationError:
        session.logout()
        raise AuthenticationError(
            f"the token from {source} was refused by {session.settings().shown_endpoint}; "
            f"still using: {previous}"
        ) from None
    session.out.success(f"Logged in to {session.settings().shown_endpoint} (token from {source}).")
