"""Checks on the values createTenant, updateTenantName and preview apps accept."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .errors import BadRequest, protected_env_key
from .regions import AVAILABLE_CLOUDS, DEFAULT_PLAN, PLANS, active_region_names, find_region

MAX_NAME_LENGTH = 50
_NAME = re.compile(r"[a-z][a-z0-9-]*")
_ENV_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# Managed by the platform; the real API refuses to set them on v2 projects (graphql-engine#6797).
PROTECTED_ENV_KEYS: frozenset[str] = frozenset(
    {"HASURA_GRAPHQL_METADATA_DATABASE_URL", "HASURA_GRAPHQL_V1_BOOLEAN_NULL_COLLAPSE"}
)

_ADJECTIVES = (
    "honest", "brave", "calm", "eager", "fancy", "gentle", "happy", "jolly", "kind", "lively",
    "merry", "nice", "proud", "quick", "silly", "tidy", "witty", "zany", "bold", "clever",
)  # fmt: skip
_ANIMALS = (
    "mutt", "otter", "panda", "koala", "lemur", "heron", "gecko", "bison", "camel", "dingo",
    "eagle", "ferret", "gibbon", "hyena", "ibis", "jackal", "llama", "moose", "newt", "okapi",
)  # fmt: skip


def validate_name(name: str) -> str:
    """A project name: lowercase letters, digits and hyphens, starting with a letter."""
    if not _NAME.fullmatch(name) or name.endswith("-"):
        raise BadRequest(
            f"invalid project name {name!r}: use lowercase letters, digits and hyphens, "
            "start with a letter and do not end with a hyphen"
        )
    if len(name) > MAX_NAME_LENGTH:
        raise BadRequest(
            f"invalid project name {name!r}: at most {MAX_NAME_LENGTH} characters allowed"
        )
    return name


def generate_name(is_taken: Callable[[str], bool]) -> str:
    """A free ``adjective-animal-NN`` name, like the ones Hasura Cloud assigns."""
    while True:
        name = "-".join(
            [secrets.choice(_ADJECTIVES), secrets.choice(_ANIMALS), str(secrets.randbelow(90) + 10)]
        )
        if not is_taken(name):
            return name


def validate_placement(cloud: str, region: str, plan: str | None) -> str:
    """Check cloud, region and plan; returns the plan with its default applied."""
    if cloud not in AVAILABLE_CLOUDS:
        choices = ", ".join(AVAILABLE_CLOUDS)
        raise BadRequest(f"unknown cloud {cloud!r}; available clouds: {choices}")
    found = find_region(cloud, region)
    if found is None or not found.is_active:
        problem = "unknown" if found is None else "inactive"
        choices = ", ".join(active_region_names(cloud))
        raise BadRequest(f"{problem} region {region!r} for cloud {cloud!r}; available: {choices}")
    chosen = DEFAULT_PLAN if plan is None else plan
    if chosen not in PLANS:
        raise BadRequest(f"unknown plan {chosen!r}; available plans: {', '.join(PLANS)}")
    return chosen


def env_from_pairs(pairs: Iterable[Mapping[str, Any] | None] | None) -> dict[str, str]:
    """Turn ``[{key, value}]`` into a dict, rejecting bad, duplicate and protected keys."""
    env: dict[str, str] = {}
    for pair in pairs or []:
        if pair is None:
            continue
        key = validate_env_key(pair["key"])
        if key in env:
            raise BadRequest(f"env var {key} is given more than once")
        env[key] = pair["value"]
    return env


def validate_env_key(key: str) -> str:
    if not _ENV_KEY.fullmatch(key):
        raise BadRequest(
            f"invalid env var name {key!r}: use letters, digits and underscores, "
            "not starting with a digit"
        )
    if key in PROTECTED_ENV_KEYS:
        raise protected_env_key(key)
    return key
