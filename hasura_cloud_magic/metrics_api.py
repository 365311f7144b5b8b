"""The Metrics API facade: requests, errors, latency and operation logs of projects.

Hasura Cloud serves monitoring data from a second GraphQL API, one host per region:
``https://<region_info.metrics_fqdn>/v1/graphql``, with the same ``Authorization: pat
<token>``, filtered by project id (not tenant id). Its schema is reconstructed from the
documents real clients send (``queries/metrics/schema.graphql``), so a refusal that names a
field says so and how to report it.

:class:`MetricsApi` is reached through the management facade, which knows the token and the
retry rules: ``HasuraCloud.metrics``. It keeps one ``httpx.Client`` per metrics host, made
on first use. The scheme follows the management endpoint's, and a loopback management
endpoint (the local emulator) routes every metrics host to that same address with the
host's ``Host`` header (:meth:`ClientSettings.route_to_project`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import httpx
from hasura_metrics_client import HasuraMetricsClient

from hasura_cloud_magic.errors import (
    ApiError,
    AuthenticationError,
    HasuraCloudError,
    ServerError,
)
from hasura_cloud_magic.settings import ClientSettings
from hasura_cloud_magic.times import TimeWindow

if TYPE_CHECKING:
    from hasura_metrics_client import (
        GetErrorsOverTimeSearchErrorsOverTime,
        GetErrorStats,
        GetOperationLogsOperationLogs,
        GetOperationStats,
        GetRequestsOverTimeSearchGeneralOperationMetricsOverTime,
    )

__all__ = ["REPORT_MISMATCH", "MetricsApi", "MetricsTarget", "postgres_array"]

T = TypeVar("T")
#: HasuraCloud._call: send, map failures to our errors, retry what may be retried.
Caller = Callable[[str, Callable[[], T]], T]
#: Makes the HTTP client of one host: (url, extra headers) → client with the facade's
#: timeout and TLS settings.
HttpFactory = Callable[[str, Mapping[str, str]], httpx.Client]

#: Said with every refusal that may come from our reconstruction of the schema.
REPORT_MISMATCH = (
    "the Metrics API's schema is reconstructed (see the README's Monitoring section): "
    "please report this mismatch with the line you ran"
)


@dataclass(frozen=True)
class MetricsTarget:
    """A project as the Metrics API knows it: its id and its region's metrics host."""

    project_id: uuid.UUID
    name: str
    metrics_fqdn: str


def postgres_array(values: Sequence[str] | None) -> str | None:
    """``["a", "b c"]`` → ``{"a","b c"}``: the literal the API's SQL functions take (None: no
    filter). Every element is quoted, so commas, braces and spaces in names are safe."""
    if not values:
        return None
    quoted = (value.replace("\\", "\\\\").replace('"', '\\"') for value in values)
    return "{" + ",".join(f'"{value}"' for value in quoted) + "}"


class MetricsApi:
    """Typed calls to the Metrics API; every failure is a one-line HasuraCloudError."""

    def __init__(self, settings: ClientSettings, call: Caller[Any], new_http: HttpFactory) -> None:
        self._settings = settings
        self._call = call
        self._new_http = new_http
        self._clients: dict[str, tuple[httpx.Client, HasuraMetricsClient]] = {}

    def __repr__(self) -> str:
        return f"MetricsApi(hosts={sorted(self._clients)!r})"

    def close(self) -> None:
        for http, _ in self._clients.values():
            http.close()
        self._clients.clear()

    def endpoint(self, metrics_fqdn: str) -> str:
        """``<scheme>://<metrics_fqdn>/v1/graphql``, the scheme of the management endpoint."""
        scheme = urlsplit(self._settings.endpoint).scheme
        return urlunsplit((scheme, metrics_fqdn, "/v1/graphql", "", ""))

    # ------------------------------------------------------------ time series

    def requests_over_time(
        self,
        targets: Sequence[MetricsTarget],
        window: TimeWindow,
        *,
        operation_names: Sequence[str] | None = None,
        user_roles: Sequence[str] | None = None,
        client_names: Sequence[str] | None = None,
        transports: Sequence[str] | None = None,
    ) -> list[GetRequestsOverTimeSearchGeneralOperationMetricsOverTime]:
        """Requests, successes and mean latency per bucket and project; one request per
        metrics host (projects in one region share one)."""
        filters = {
            "operation_names": postgres_array(operation_names),
            "user_roles": postgres_array(user_roles),
            "client_names": postgres_array(client_names),
            "transports": postgres_array(transports),
        }
        rows = []
        for fqdn, ids in _by_host(targets).items():
            rows += self._requests_over_time_at(fqdn, ids, window, filters)
        return rows

    def _requests_over_time_at(
        self,
        metrics_fqdn: str,
        project_ids: Sequence[uuid.UUID],
        window: TimeWindow,
        filters: Mapping[str, str | None],
    ) -> list[GetRequestsOverTimeSearchGeneralOperationMetricsOverTime]:
        answer = self._send(
            metrics_fqdn,
            "GetRequestsOverTime",
            lambda client: client.get_requests_over_time(
                project_ids=postgres_array([str(i) for i in project_ids]) or "{}",
                from_time=window.start,
                to_time=window.end,
                time_interval=window.interval.wire,
                **filters,
            ),
        )
        return answer.search_general_operation_metrics_over_time

    def errors_over_time(
        self, target: MetricsTarget, window: TimeWindow
    ) -> list[GetErrorsOverTimeSearchErrorsOverTime]:
        """Failed requests of one project per bucket."""
        answer = self._send(
            target.metrics_fqdn,
            "GetErrorsOverTime",
            lambda client: client.get_errors_over_time(
                project_ids=postgres_array([str(target.project_id)]) or "{}",
                from_time=window.start,
                to_time=window.end,
                time_interval=window.interval.wire,
            ),
        )
        return answer.search_errors_over_time

    # ------------------------------------------------------------ grouped

    def operation_stats(
        self,
        target: MetricsTarget,
        window: TimeWindow,
        *,
        group_by: Sequence[str],
        order_by: str,
        limit: int,
    ) -> GetOperationStats:
        """Requests grouped by ``group_by`` columns, the ``limit`` first by ``order_by``
        (descending), and how many groups there are in all."""
        return self._send(
            target.metrics_fqdn,
            "GetOperationStats",
            lambda client: client.get_operation_stats(
                project_ids=[target.project_id],
                from_time=window.start,
                to_time=window.end,
                group_by=list(group_by),
                order_by={order_by: "desc"},
                limit=limit,
            ),
        )

    def error_stats(
        self, target: MetricsTarget, window: TimeWindow, *, limit: int
    ) -> GetErrorStats:
        """Failed requests by error code and operation, most first."""
        return self._send(
            target.metrics_fqdn,
            "GetErrorStats",
            lambda client: client.get_error_stats(
                project_ids=[target.project_id],
                from_time=window.start,
                to_time=window.end,
                limit=limit,
            ),
        )

    # ------------------------------------------------------------ logs

    def operation_logs(
        self,
        target: MetricsTarget,
        window: TimeWindow,
        *,
        operation_name: str | None = None,
        errors_only: bool = False,
        limit: int,
    ) -> list[GetOperationLogsOperationLogs]:
        """One project's requests in the window, newest first (never their query text,
        variables or session)."""
        from hasura_metrics_client import (
            Boolean_comparison_exp,
            String_comparison_exp,
            operation_logs_bool_exp,
            timestamptz_comparison_exp,
            uuid_comparison_exp,
        )

        where = operation_logs_bool_exp(
            project_id=uuid_comparison_exp(_eq=target.project_id),
            time=timestamptz_comparison_exp(_gte=window.start, _lt=window.end),
            operation_name=(
                String_comparison_exp(_eq=operation_name) if operation_name is not None else None
            ),
            is_error=Boolean_comparison_exp(_eq=True) if errors_only else None,
        )
        answer = self._send(
            target.metrics_fqdn,
            "GetOperationLogs",
            lambda client: client.get_operation_logs(where=where, limit=limit),
        )
        return answer.operation_logs

    # ------------------------------------------------------------ plumbing

    def _client(self, metrics_fqdn: str) -> HasuraMetricsClient:
        if metrics_fqdn not in self._clients:
            url, host = self._settings.route_to_project(self.endpoint(metrics_fqdn))
            http = self._new_http(url, {**self._settings.authorization_header, **host})
            # The generated HttpClient protocol is narrower than httpx.Client's signature.
            client = HasuraMetricsClient(url=url, http_client=http)  # type: ignore[arg-type]
            self._clients[metrics_fqdn] = (http, client)
        return self._clients[metrics_fqdn][1]

    def _send(
        self, metrics_fqdn: str, operation: str, request: Callable[[HasuraMetricsClient], T]
    ) -> T:
        client = self._client(metrics_fqdn)
        try:
            answer: T = self._call(operation, lambda: request(client))
            return answer
        except HasuraCloudError as error:
            failure = _explained(error, operation, metrics_fqdn)
        # Raised outside the except block: our error carries no __context__.
        raise failure


def _explained(error: HasuraCloudError, operation: str, metrics_fqdn: str) -> HasuraCloudError:
    """The error, with what a refusal of the Metrics API most likely means."""
    if isinstance(error, AuthenticationError):
        return AuthenticationError(
            f"{error.message}; monitoring needs the view_metrics privilege and a plan with metrics"
        )
    if isinstance(error, ApiError) and error.code == "validation-failed":
        return ApiError(
            f"{operation}: {error.message}; {REPORT_MISMATCH}", code=error.code, operation=operation
        )
    if isinstance(error, ServerError) and "answered HTTP 404" in error.message:
        return ServerError(
            f"{error.message} at {metrics_fqdn}: this region may not serve the GraphQL Metrics "
            "API any more (newer dashboards open Grafana)"
        )
    return error


def _by_host(targets: Sequence[MetricsTarget]) -> dict[str, list[uuid.UUID]]:
    hosts: dict[str, list[uuid.UUID]] = {}
    for target in targets:
        hosts.setdefault(target.metrics_fqdn, []).append(target.project_id)
    return hosts
