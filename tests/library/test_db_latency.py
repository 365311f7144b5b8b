"""The DB-latency check through the facade: a job with a task, like a preview app's."""

from __future__ import annotations

from typing import Any

import pytest

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.db_latency import follow_db_latency
from hasura_cloud_magic.errors import ApiError

SECRET_URL = "not-a-url-but-a-secret-7f3a"


def project(cloud: HasuraCloud, name: str, envs: dict[str, str]) -> tuple[Any, Any]:
    created = cloud.create_project(cloud="aws", region="eu-west-1", name=name, envs=envs)
    tenant = cloud.get_tenant(created.id)
    assert tenant is not None
    return created.id, tenant.project.id


def test_each_source_gets_a_latency_or_an_error(cloud: HasuraCloud) -> None:
    envs = {
        "HASURA_GRAPHQL_DATABASE_URL": "postgres://u:p@db.example.com:5432/app",
        "ORDERS_DATABASE_URL": SECRET_URL,
    }
    _tenant_id, project_id = project(cloud, "latency-1", envs)
    job_id = cloud.check_db_latency(project_id)
    result = follow_db_latency(cloud, job_id, project="latency-1", wait=True, timeout=30)
    assert result.status == "success" and result.finished
    sources = {s.source: s for s in result.sources}
    assert set(sources) == {"default", "orders"}
    default = sources["default"]
    assert default.connection_source == "HASURA_GRAPHQL_DATABASE_URL"
    assert default.avg_latency_ms is not None and 5 <= default.avg_latency_ms <= 250
    assert sources["orders"].avg_latency_ms is None
    assert sources["orders"].error == "invalid connection string"
    shown = repr(result) + result._repr_html_()
    assert "latency-1: success" in shown and SECRET_URL not in shown


def test_without_waiting_the_job_is_returned_as_it_stands(cloud: HasuraCloud) -> None:
    _tenant_id, project_id = project(cloud, "latency-2", {})
    job_id = cloud.check_db_latency(project_id)
    result = follow_db_latency(cloud, job_id, project="latency-2", wait=False, timeout=30)
    assert result.job_id == job_id


def test_an_inactive_project_is_refused(emulator: Any, cloud: HasuraCloud) -> None:
    _tenant_id, project_id = project(cloud, "latency-3", {})
    emulator.admin.hibernate("latency-3")
    with pytest.raises(ApiError, match="latency-3 is hibernated; reactivate it first"):
        cloud.check_db_latency(project_id)
