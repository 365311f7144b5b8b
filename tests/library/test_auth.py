"""A missing, wrong or mis-schemed token fails as the real API does, and maps to one clear error."""

import httpx
import pytest

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import AuthenticationError
from hasura_cloud_magic.settings import ClientSettings


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_query_and_mutation_without_access(emulator: object, token: str | None) -> None:
    settings = ClientSettings(endpoint=emulator.endpoint, token=token)  # type: ignore[attr-defined]
    with HasuraCloud(settings) as cloud:
        with pytest.raises(AuthenticationError, match="field 'projects' of query_root"):
            cloud.list_projects()
        with pytest.raises(AuthenticationError, match="field 'createTenant' of mutation_root"):
            cloud.create_project(cloud="aws", region="us-east-2")


def test_wire_shape_matches_the_real_api(emulator: object) -> None:
    response = httpx.post(
        emulator.endpoint,  # type: ignore[attr-defined]
        json={"query": "{ projects { id } }"},
        headers={"Authorization": f"Bearer {emulator.token}"},  # type: ignore[attr-defined]
    )
    assert response.status_code == 200
    assert response.json() == {
        "errors": [
            {
                "extensions": {"path": "$.selectionSet.projects", "code": "validation-failed"},
                "message": "field \"projects\" not found in type: 'query_root'",
            }
        ]
    }
