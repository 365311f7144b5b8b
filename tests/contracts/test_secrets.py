"""The access token, GitHub tokens and env values never show in reprs, errors or logs."""

import logging
import traceback
import uuid

import pytest

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import HasuraCloudError
from hasura_cloud_magic.settings import ClientSettings

GITHUB_CANARY = "ghp_canaryGithubToken0123456789abcdefABCD"
VALUE_CANARY = "env-value-canary-7f3e9d"


def test_nothing_secret_in_logs_reprs_or_errors(
    cloud: HasuraCloud, settings: ClientSettings, caplog: pytest.LogCaptureFixture
) -> None:
    token = settings.token
    assert token
    produced: list[str] = [repr(cloud), str(cloud), repr(settings), settings.describe()]
    with caplog.at_level(logging.DEBUG):
        created = cloud.create_project(
            cloud="aws", region="us-east-2", envs={"DB_PASSWORD": VALUE_CANARY}
        )
        env = cloud.get_env(created.id)
        produced += [repr(created), repr(env), str(env)]
        job_id = cloud.create_preview_app(
            name=f"canary-{uuid.uuid4().hex[:6]}",
            owner="o",
            repo="r",
            branch="b",
            directory="",
            github_token=GITHUB_CANARY,
        )
        produced.append(repr(cloud.get_preview_app_creation_status(job_id)))
        for failing_call in (
            lambda: cloud.update_env(created.id, "0" * 40, {"X": VALUE_CANARY}),
            lambda: cloud.create_project(cloud="aws", region="nowhere", envs={"K": VALUE_CANARY}),
        ):
            with pytest.raises(HasuraCloudError) as caught:
                failing_call()
            produced += [str(caught.value), repr(caught.value)]
            produced += traceback.format_exception(caught.value)
        cloud.delete_tenant(created.id)
    produced += [record.getMessage() for record in caplog.records]
    assert caplog.records, "DEBUG logging of the HTTP stack was not captured"
    everything = "\n".join(produced)
    for secret in (token, GITHUB_CANARY, VALUE_CANARY):
        assert secret not in everything


def test_unauthenticated_error_does_not_echo_the_bad_token(emulator: object) -> None:
    bad = "pat-canary-wrong-token-55aa"
    settings = ClientSettings(endpoint=emulator.endpoint, token=bad)  # type: ignore[attr-defined]
    with HasuraCloud(settings) as cloud, pytest.raises(HasuraCloudError) as caught:
        cloud.list_projects()
    rendered = "".join(traceback.format_exception(caught.value))
    assert bad not in rendered
