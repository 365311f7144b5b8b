"""Every fault kind x every operation class, through the facade against the faulty emulator.

What the user is told, and what the server holds afterwards: reads recover by retrying; a
mutation is never retried once it may have arrived, so a processed one exists exactly once
(no duplicate), an unprocessed one not at all, and an env write is whole or absent.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.errors import HasuraCloudError, ServerError, TransportError
from hasura_cloud_magic.retry import RetryPolicy
from hasura_cloud_magic.settings import ClientSettings

#: kind → does the emulator execute the request before failing?
FAULTS = {
    "http500": False,
    "http502": False,
    "http503": False,
    "graphql-error": False,
    "reset-before": False,
    "timeout": False,
    "reset-after": True,
    "truncated": True,
    "not-json": True,
    "timeout-after": True,
}
#: Long enough that a loaded CI machine still answers in time; the hang outlasts it.
CLIENT_TIMEOUT = 1.5
HANG_SECONDS = 4.0
GOOD_GITHUB_TOKEN = "ghp_" + "F" * 36


@dataclass
class Faulty:
    emulator: Any
    cloud: HasuraCloud

    def arm(self, target: str, kind: str, times: int | None = 1) -> None:
        seconds = HANG_SECONDS if kind.startswith("timeout") else None
        self.emulator.faults.add(target, kind, seconds=seconds, times=times)


@pytest.fixture(scope="module")
def faulty() -> Iterator[Faulty]:
    with start(step_seconds=0) as emulator:
        settings = ClientSettings(emulator.endpoint, emulator.token, CLIENT_TIMEOUT)
        retry = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)
        with HasuraCloud(settings, retry=retry, sleep=lambda seconds: None) as cloud:
            yield Faulty(emulator, cloud)


@pytest.fixture(autouse=True)
def no_leftover_faults(faulty: Faulty) -> Iterator[None]:
    faulty.emulator.faults.clear()
    yield
    faulty.emulator.faults.clear()


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def assert_unknown_outcome(error: HasuraCloudError, hint: str) -> None:
    assert isinstance(error, (ServerError, TransportError))
    assert error.may_have_applied
    message = str(error)
    assert "may or may not have been applied" in message and hint in message
    assert "\n" not in message


@pytest.mark.parametrize("kind", list(FAULTS))
def test_reads_recover_by_retrying(faulty: Faulty, kind: str) -> None:
    faulty.arm("projects", kind)
    assert isinstance(faulty.cloud.list_projects(), list)
    assert [hit.fault.kind for hit in faulty.emulator.faults.hits()] == [kind]


def test_reads_give_up_with_a_clear_line_when_the_fault_persists(faulty: Faulty) -> None:
    faulty.arm("region", "http503", times=None)
    with pytest.raises(ServerError, match="ListRegions: the API answered HTTP 503"):
        faulty.cloud.list_regions()
    assert len(faulty.emulator.faults.hits()) == 3  # the policy's three attempts


@pytest.mark.parametrize(("kind", "processed"), list(FAULTS.items()))
def test_create_tenant_is_never_duplicated(faulty: Faulty, kind: str, processed: bool) -> None:
    name = unique("fault")
    faulty.arm("createTenant", kind)
    with pytest.raises(HasuraCloudError) as caught:
        faulty.cloud.create_project(cloud="aws", region="us-east-2", name=name)
    assert_unknown_outcome(caught.value, "look for the project")
    assert len(faulty.cloud.projects_named(name)) == (1 if processed else 0)


@pytest.mark.parametrize(("kind", "processed"), list(FAULTS.items()))
def test_env_write_is_whole_or_absent(faulty: Faulty, kind: str, processed: bool) -> None:
    created = faulty.cloud.create_project(cloud="aws", region="us-east-2", envs={"A": "1"})
    before = faulty.cloud.get_env(created.id)
    faulty.arm("updateTenantEnv", kind)
    with pytest.raises(HasuraCloudError) as caught:
        faulty.cloud.update_env(created.id, before.hash, {"A": "2", "B": "2"})
    assert_unknown_outcome(caught.value, "read the env again")
    after = faulty.cloud.get_env(created.id).values
    expected = {"A": "2", "B": "2"} if processed else {"A": "1"}
    assert {k: after.get(k) for k in ("A", "B") if k in after} == expected
    faulty.cloud.delete_tenant(created.id)


@pytest.mark.parametrize(("kind", "processed"), list(FAULTS.items()))
def test_preview_app_is_never_duplicated(faulty: Faulty, kind: str, processed: bool) -> None:
    name = unique("pv-fault")
    faulty.arm("createGitHubPreviewApp", kind)
    with pytest.raises(HasuraCloudError) as caught:
        faulty.cloud.create_preview_app(
            name=name,
            owner="o",
            repo="r",
            branch="b",
            directory="",
            github_token=GOOD_GITHUB_TOKEN,
        )
    assert_unknown_outcome(caught.value, "look for the app by name")
    faulty.cloud.list_projects()  # lets the emulator run the queued job
    apps = faulty.cloud.projects_named(name)
    assert len(apps) == (1 if processed else 0)
    for app in apps:
        faulty.cloud.delete_tenant(app.tenant.id)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "call",
    [
        lambda cloud: cloud.list_projects(),
        lambda cloud: cloud.create_project(cloud="aws", region="us-east-2"),
    ],
    ids=["read", "mutation"],
)
def test_latency_only_slows_things_down(faulty: Faulty, call: Callable[[HasuraCloud], Any]) -> None:
    faulty.emulator.faults.add("*", "latency", seconds=0.1, times=1)
    result = call(faulty.cloud)
    assert result is not None
    created = getattr(result, "id", None)
    if created is not None:
        faulty.cloud.delete_tenant(created)


def test_the_magic_says_it_in_one_line(faulty: Faulty, monkeypatch: pytest.MonkeyPatch) -> None:
    from magic_shell import make_shell

    from hasura_cloud_magic.errors import TransportError as Transport

    monkeypatch.setenv("HASURA_CLOUD_ENDPOINT", faulty.emulator.endpoint)
    monkeypatch.setenv("HASURA_CLOUD_ACCESS_TOKEN", faulty.emulator.token)
    shell = make_shell()
    shell.run_cell("%load_ext hasura_cloud_magic")
    try:
        faulty.arm("createTenant", "reset-after")
        with pytest.raises(Transport) as caught:
            shell.run_cell("%hasura create --cloud aws --region us-east-2 --name magic-fault-1")
        assert str(caught.value) == (
            "CreateTenant: the request failed after it was sent; the change may or may not "
            "have been applied — look for the project (%hasura projects) before creating it "
            "again"
        )
        assert len(faulty.cloud.projects_named("magic-fault-1")) == 1
    finally:
        shell.run_cell("%unload_ext hasura_cloud_magic")
