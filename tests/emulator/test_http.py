"""Transport, authentication and the error envelope, over real HTTP."""

from __future__ import annotations

import uuid

import httpx
import pytest
from emulator_helpers import Gql, create_tenant

from hasura_cloud_magic.emulator import RunningEmulator

PROJECTS = "{ projects { id } }"
DELETE = f'mutation {{ deleteTenant(tenantId: "{uuid.uuid4()}") {{ status }} }}'


@pytest.mark.parametrize(
    "header",
    [None, "pat wrong-token", "Bearer token-alice", "token-alice", "pat"],
    ids=["missing", "wrong-token", "bearer", "no-scheme", "empty"],
)
def test_unauthorized_query_and_mutation_see_no_fields(
    emu: RunningEmulator, header: str | None
) -> None:
    headers = {} if header is None else {"Authorization": header}
    for query, field, root in [
        (PROJECTS, "projects", "query_root"),
        (DELETE, "deleteTenant", "mutation_root"),
    ]:
        body = httpx.post(emu.endpoint, json={"query": query}, headers=headers).json()
        assert body == {
            "errors": [
                {
                    "extensions": {"path": f"$.selectionSet.{field}", "code": "validation-failed"},
                    "message": f"field \"{field}\" not found in type: '{root}'",
                }
            ]
        }


def test_header_name_and_scheme_are_case_insensitive(emu: RunningEmulator) -> None:
    headers = {"AUTHORIZATION": f"PAT {emu.token}"}
    body = httpx.post(emu.endpoint, json={"query": PROJECTS}, headers=headers).json()
    assert "errors" not in body
    assert isinstance(body["data"]["projects"], list)


def test_typename_alone_is_answered_without_a_token(emu: RunningEmulator) -> None:
    body = httpx.post(emu.endpoint, json={"query": "{ __typename }"}).json()
    assert body == {"data": {"__typename": "query_root"}}


def test_unknown_field_is_reported_with_its_path(gql: Gql) -> None:
    error = gql.error("{ projects { id tenant { slugg } } }")
    assert error == {
        "extensions": {
            "path": "$.selectionSet.projects.selectionSet.tenant.selectionSet.slugg",
            "code": "validation-failed",
        },
        "message": "field \"slugg\" not found in type: 'tenant'",
    }


def test_unknown_argument_and_other_validation_errors(gql: Gql) -> None:
    error = gql.error("{ projects(first: 1) { id } }")
    assert error["message"] == "'projects' has no argument named 'first'"
    assert error["extensions"]["code"] == "validation-failed"
    missing_variable = gql.error("query($id: uuid!) { projects_by_pk(id: $id) { id } }")
    assert missing_variable["extensions"]["code"] == "validation-failed"
    assert "$id" in missing_variable["message"]


def test_unparsable_query(gql: Gql) -> None:
    error = gql.error("{ projects { id ")
    assert error["extensions"] == {"path": "$.query", "code": "validation-failed"}
    assert error["message"].startswith("not a valid graphql query")


def test_bad_json_and_bad_request_shapes(emu: RunningEmulator) -> None:
    headers = {"Authorization": f"pat {emu.token}"}
    response = httpx.post(emu.endpoint, content=b"{not json", headers=headers)
    assert response.status_code == 200
    [error] = response.json()["errors"]
    assert error["extensions"] == {"path": "$", "code": "invalid-json"}
    assert "data" not in response.json()
    no_query = httpx.post(emu.endpoint, json={"variables": {}}, headers=headers).json()
    assert no_query["errors"][0]["extensions"]["code"] == "parse-failed"


def test_only_post_v1_graphql_is_served(emu: RunningEmulator) -> None:
    assert httpx.get(emu.endpoint).status_code == 405
    base = emu.endpoint.removesuffix("/v1/graphql")
    assert httpx.post(f"{base}/v2/query", json={"query": PROJECTS}).status_code == 404


def test_invalid_uuid_is_a_data_exception(gql: Gql) -> None:
    expected = {
        "extensions": {"path": "$", "code": "data-exception"},
        "message": 'invalid input syntax for type uuid: "not-a-uuid"',
    }
    assert gql.error('{ tenant_by_pk(id: "not-a-uuid") { id } }') == expected
    by_variable = gql.error("query($id: uuid!) { jobs_by_pk(id: $id) { id } }", id="not-a-uuid")
    assert by_variable == expected
    in_filter = gql.error('{ projects(where: {id: {_eq: "not-a-uuid"}}) { id } }')
    assert in_filter == expected


def test_by_pk_of_unknown_ids_is_null(gql: Gql) -> None:
    unknown = str(uuid.uuid4())
    data = gql.data(
        "query($id: uuid!) { projects_by_pk(id: $id) { id } tenant_by_pk(id: $id) { id } "
        "jobs_by_pk(id: $id) { id } }",
        id=unknown,
    )
    assert data == {"projects_by_pk": None, "tenant_by_pk": None, "jobs_by_pk": None}


def test_another_users_project_is_invisible(gql: Gql, other_gql: Gql) -> None:
    created = create_tenant(gql)
    tenant_id, project_id = created["id"], created["tenant"]["project_id"]
    theirs = other_gql.data(
        "query($p: uuid!, $t: uuid!) { projects { id } tenant { id } "
        "projects_by_pk(id: $p) { id } tenant_by_pk(id: $t) { id } }",
        p=project_id,
        t=tenant_id,
    )
    assert project_id not in [p["id"] for p in theirs["projects"]]
    assert tenant_id not in [t["id"] for t in theirs["tenant"]]
    assert theirs["projects_by_pk"] is None and theirs["tenant_by_pk"] is None
    refused = other_gql.error(
        "mutation($t: uuid!) { deleteTenant(tenantId: $t) { status } }", t=tenant_id
    )
    assert refused["extensions"] == {"path": "$", "code": "not-found"}
    mine = gql.data("query($p: uuid!) { projects_by_pk(id: $p) { id } }", p=project_id)
    assert mine["projects_by_pk"] == {"id": project_id}


def test_a_failing_request_writes_nothing(gql: Gql) -> None:
    before = len(gql.data(PROJECTS)["projects"])
    body = gql.run(
        'mutation { a: createTenant(cloud: "aws", region: "us-east-2") { id } '
        'b: createTenant(cloud: "mars", region: "x") { id } }'
    )
    assert "data" not in body
    assert "mars" in body["errors"][0]["message"]
    assert len(gql.data(PROJECTS)["projects"]) == before


def test_repr_hides_the_token(emu: RunningEmulator) -> None:
    assert emu.token not in repr(emu)
    assert emu.endpoint in repr(emu)
