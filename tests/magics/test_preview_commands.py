"""Preview create, status and delete, as the official action runs them.

The %hasura magic, driven through a real IPython shell against the emulator.
"""

from __future__ import annotations

import uuid

import pytest
from magic_shell import GITHUB_TOKEN, TestingShell, preview_args, run, unique

from hasura_cloud_magic.errors import (
    ConfigurationError,
    NotFoundError,
    PreviewAppFailed,
)

# ---------------------------------------------------------------- preview apps


def test_preview_create_wait_status_delete(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", GITHUB_TOKEN)
    name = unique("pv")
    status = run(ip, f"%hasura preview create {preview_args(name)} --env K=v --wait")
    assert status.status == "success"
    assert status.graphql_endpoint == f"https://{name}.hasura.app/v1/graphql"
    assert [t.state for t in status.progress.tasks] == ["success"] * 6
    assert "check-healthz" in repr(status) and "<progress" in status._repr_html_()
    again = run(ip, f"%hasura preview status {status.job_id} --wait --timeout 30")
    assert again.project_id == status.project_id
    run(ip, f"%hasura preview delete {name} --yes")
    with pytest.raises(NotFoundError, match="does not exist"):
        run(ip, f"%hasura preview delete {name} --yes")


def test_preview_create_without_wait_returns_the_job(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", GITHUB_TOKEN)
    name = unique("pv")
    job = run(ip, f"%hasura preview create {preview_args(name)}")
    assert f"%hasura preview status {job.job_id} --wait" in repr(job)
    run(ip, f"%hasura preview status {job.job_id} --wait")
    run(ip, f"%hasura preview delete {name} --yes")


def test_preview_with_bad_github_token_fails_with_the_task(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "not-a-github-token")
    name = unique("pv")
    with pytest.raises(PreviewAppFailed, match="gh-validation failed: Bad credentials"):
        run(ip, f"%hasura preview create {preview_args(name)} --wait")
    assert "not-a-github-token" not in capsys.readouterr().out
    run(ip, f"%hasura preview delete {name} --yes")


def test_preview_needs_a_github_token_env_var(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    with pytest.raises(ConfigurationError, match="GITHUB_TOKEN is not set"):
        run(ip, f"%hasura preview create {preview_args(unique('pv'))}")


def test_preview_status_of_unknown_job(ip: TestingShell) -> None:
    with pytest.raises(NotFoundError, match="No such preview app creation job"):
        run(ip, f"%hasura preview status {uuid.uuid4()}")


def test_ctrl_c_while_following_says_the_job_goes_on(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hasura_cloud_magic.errors import Interrupted
    from hasura_cloud_magic.magics.commands import preview

    real_follow = preview.follow

    def interrupted_while_waiting(*args: object, **kwargs: object) -> object:
        if kwargs.get("wait"):
            raise KeyboardInterrupt
        return real_follow(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setenv("GITHUB_TOKEN", GITHUB_TOKEN)
    monkeypatch.setattr(preview, "follow", interrupted_while_waiting)
    name = unique("pv-int")
    with pytest.raises(Interrupted) as caught:
        run(ip, f"%hasura preview create {preview_args(name)} --wait")
    job_id = ip.find_magic("hasura").__self__.session.preview_jobs[name]  # type: ignore[union-attr]
    assert str(caught.value) == (
        f"Stopped watching; the job goes on: %hasura preview status {job_id} --wait"
    )
    monkeypatch.setattr(preview, "follow", real_follow)
    status = run(ip, f"%hasura preview status {name}")  # the app name works too
    assert status.progress.job_id == job_id
    run(ip, f"%hasura preview delete {name} --yes")
