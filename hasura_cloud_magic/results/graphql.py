"""What a ``%%hasura`` cell returns."""

from __future__ import annotations

from typing import Any

from hasura_cloud_magic.display import JsonView

__all__ = ["GraphQLResult"]


class GraphQLResult(JsonView):
    """What ``%%hasura`` returns: the ``data`` of a response; index it like a dict."""

    def __getitem__(self, key: str) -> Any:
        return self.data[key]
