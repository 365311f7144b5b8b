"""Small contracts that are awkward to reach over HTTP."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from graphql import GraphQLError

from hasura_cloud_magic.emulator.errors import BadRequest
from hasura_cloud_magic.emulator.projects import env_hash
from hasura_cloud_magic.emulator.service import _execution_error


def test_package_import_is_cheap() -> None:
    code = (
        "import sys, hasura_cloud_magic.emulator as e; assert callable(e.start); "
        "print(sorted(m for m in ('ariadne', 'uvicorn', 'starlette', 'graphql') "
        "if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_unexpected_exception_becomes_generic_server_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    boom = GraphQLError("secret detail", path=["projects"], original_error=KeyError("secret"))
    with caplog.at_level(logging.ERROR, logger="hasura_cloud_magic.emulator"):
        body = _execution_error(boom)
    assert body["message"] == "there was an internal error while serving your request"
    extensions = body["extensions"]
    assert isinstance(extensions, dict) and extensions["code"] == "GenericServerError"
    assert "secret" not in str(body)
    assert extensions["id"] in caplog.text  # the id ties the response to the logged traceback


def test_expected_errors_keep_their_code() -> None:
    error = GraphQLError("x", path=["createTenant"], original_error=BadRequest("bad name"))
    assert _execution_error(error) == {
        "extensions": {"path": "$", "code": "bad-request"},
        "message": "bad name",
    }


def test_env_hash_is_canonical_sha1() -> None:
    assert env_hash({"B": "2", "A": "1"}) == env_hash({"A": "1", "B": "2"})
    assert env_hash({"A": "1"}) != env_hash({"A": "2"})
    assert len(env_hash({})) == 40
