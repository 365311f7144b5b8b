"""The facade: the one way hasura-cloud-magic talks to Hasura Cloud.

Magics and widgets call :class:`HasuraCloud`; it calls the generated
``hasura_cloud_client.HasuraCloudClient`` over one ``httpx.Client`` per session (keep-alive),
which carries ``Authorization: pat <token>``. Every failure comes out as a
:class:`~hasura_cloud_magic.errors.HasuraCloudError` with a one-line message.

>>> with HasuraCloud(ClientSettings.from_env()) as cloud:
...     for project in cloud.list_projects():
...         print(project.name, project.tenant.id if project.tenant else None)
"""

from __future__ import annotations

import ssl
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from urllib.parse import urlsplit

import httpx
import pydantic
from hasura_cloud_client import HasuraCloudClient

from hasura_cloud_magic import error_mapping
from hasura_cloud_magic.documents import Operation
from hasura_cloud_magic.env_vars import TenantEnv, check_env_key, check_env_value
from hasura_cloud_magic.errors import (
    ConfigurationError,
    HasuraCloudError,
    InvalidInputError,
    NotFoundError,
    ServerError,
)
from hasura_cloud_magic.redaction import quoted
from hasura_cloud_magic.retry import DEFAULT_RETRY, RetryPolicy, is_retryable
from hasura_cloud_magic.settings import (
    DEFAULT_PREVIEW_PLACEMENT,
    HEALTHZ_TIMEOUT_SECONDS,
    ClientSettings,
)

if TYPE_CHECKING:
    # Result and input models: a first command builds only the ones it uses.
    from hasura_cloud_client import (
        CreateTenantCreateTenant,
        GetDBLatencyJobJobsByPk,
        GetDeploymentJobStatusJobsByPk,
        GetEnvRollout,
        GetPreviewAppCreationStatusJobsByPk,
        GetTenantDetailsTenantByPk,
        ListRegionsRegion,
        ProjectStatus,
        ProjectSummary,
        ResolveTarget,
        TenantEnvFields,
        UpdateEnvObject,
        UpdateEnvsObject,
        UpdateTenantNameUpdateTenantName,
        cloud_enum,
    )

    from hasura_cloud_magic.access_api import ProjectAccessApi
    from hasura_cloud_magic.domains_api import CustomDomains
    from hasura_cloud_magic.metrics_api import MetricsApi

__all__ = ["Caller", "EndpointAnswer", "HasuraCloud", "Id", "parse_id"]

T = TypeVar("T")
#: Anything that names a tenant, project or job: a uuid, or its text.
Id = str | uuid.UUID


class Caller(Protocol):
    """How a part of the facade sends a call: :meth:`HasuraCloud._call` (error mapping,
    retries of what may be retried)."""

    def __call__(self, operation: str, send: Callable[[], T], /) -> T: ...


def parse_id(value: Id, what: str = "id") -> uuid.UUID:
    """A uuid from a string or uuid, or a one-line InvalidInputError."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value).strip())
    except ValueError:
        raise InvalidInputError(f"{what} must be a UUID, got {quoted(str(value))}") from None


@dataclass(frozen=True)
class EndpointAnswer:
    """What a project's own URL answered: an HTTP status, or why there was none."""

    url: str
    status_code: int | None
    problem: str | None
    seconds: float


class HasuraCloud:
    """Typed access to the Hasura Cloud management API (or the local emulator).

    One instance holds one HTTP connection pool; close it with :meth:`close` or ``with``.
    It refuses (ConfigurationError) to send a token over plain http to another machine.

    Parameters:
        settings: endpoint, token and timeout (default: :meth:`ClientSettings.from_env`).
        http_client: an ``httpx.Client`` to use instead of making one; it must carry the
            ``Authorization`` header itself, and closing the facade closes it.
        retry: which failures are retried and how long to wait between tries (retry.py);
            a mutation that may have been sent is never retried.
        sleep: how to wait between tries (tests pass a no-op).
    """

    def __init__(
        self,
        settings: ClientSettings | None = None,
        *,
        http_client: httpx.Client | None = None,
        retry: RetryPolicy = DEFAULT_RETRY,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings or ClientSettings.from_env()
        exposure = self.settings.token_exposure()
        if exposure:
            raise ConfigurationError(exposure)
        self.retry = retry
        self._sleep = sleep
        self._token_answered = False  # a request with this token has succeeded
        # Headers passed to the generated client are ignored once it gets its own
        # http_client, so the token goes on the httpx client itself.
        self._http = http_client or httpx.Client(
            headers=self.settings.authorization_header,
            timeout=self.settings.timeout_seconds,
            verify=_tls_for(self.settings.endpoint),
        )
        # The generated HttpClient protocol is narrower than httpx.Client's real signature.
        self._client = HasuraCloudClient(
            url=self.settings.endpoint,
            http_client=self._http,  # type: ignore[arg-type]
        )
        # Projects' own URLs (their /healthz): another host, so another client, never
        # carrying the token; made on first use.
        self._projects_http: httpx.Client | None = None
        self._metrics: MetricsApi | None = None

    def __repr__(self) -> str:
        token_state = "set" if self.settings.token else "not set"
        return f"HasuraCloud(endpoint={self.settings.shown_endpoint!r}, token={token_state})"

    def __enter__(self) -> HasuraCloud:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()
        if self._projects_http is not None:
            self._projects_http.close()
        if self._metrics is not None:
            self._metrics.close()

    @property
    def metrics(self) -> MetricsApi:
        """The Metrics API of this account's projects (one client per metrics host)."""
        if self._metrics is None:
            from hasura_cloud_magic.metrics_api import MetricsApi

            self._metrics = MetricsApi(self.settings, self._call, self._new_http)
        return self._metrics

    @property
    def domains(self) -> CustomDomains:
        """Custom domains of projects: list, add, follow, delete."""
        from hasura_cloud_magic.domains_api import CustomDomains

        return CustomDomains(self._client, self._call)

    @property
    def access(self) -> ProjectAccessApi:
        """Who has access to projects: collaborators, privileges, invitations."""
        from hasura_cloud_magic.access_api import ProjectAccessApi

        return ProjectAccessApi(self._client, self._call)

    def _new_http(self, url: str, headers: Mapping[str, str]) -> httpx.Client:
        """A client for another host of the service, with this facade's timeout and TLS."""
        return httpx.Client(
            headers=dict(headers), timeout=self.settings.timeout_seconds, verify=_tls_for(url)
        )

    # ------------------------------------------------------------ projects and tenants

    def list_projects(self, name_like: str | None = None) -> list[ProjectSummary]:
        """Projects visible to the token, by name; ``name_like`` is a SQL LIKE pattern."""
        from hasura_cloud_client import String_comparison_exp

        name = String_comparison_exp(_like=name_like) if name_like is not None else None
        result = self._call("ListProjects", lambda: self._client.list_projects(name=name))
        return list(result.projects)

    def projects_named(self, name: str) -> list[ProjectSummary]:
        """Every project with exactly this name (normally zero or one)."""
        result = self._call("GetProjectByName", lambda: self._client.get_project_by_name(name))
        return list(result.projects)

    def find_project_by_name(self, name: str) -> ProjectSummary | None:
        """The project with exactly this name, or None."""
        found = self.projects_named(name)
        return found[0] if found else None

    def get_project(self, project_id: Id) -> ProjectSummary | None:
        """A project by project id (not tenant id), or None if not visible."""
        pid = parse_id(project_id, "project id")
        result = self._call("GetProjectTenantId", lambda: self._client.get_project_tenant_id(pid))
        return result.projects_by_pk

    def get_tenant(self, tenant_id: Id) -> GetTenantDetailsTenantByPk | None:
        """A tenant by tenant id, with its project, or None if not visible."""
        tid = parse_id(tenant_id, "tenant id")
        result = self._call("GetTenantDetails", lambda: self._client.get_tenant_details(tid))
        return result.tenant_by_pk

    def resolve_id(self, some_id: Id) -> ResolveTarget:
        """Look ``some_id`` up as a tenant id and as a project id in one round trip."""
        sid = parse_id(some_id)
        return self._call("ResolveTarget", lambda: self._client.resolve_target(sid))

    def create_project(
        self,
        *,
        cloud: str,
        region: str,
        name: str | None = None,
        plan: str | None = None,
        envs: Mapping[str, str] | None = None,
    ) -> CreateTenantCreateTenant:
        """Create a project; the result's ``id`` is the tenant id, ``name`` the project name."""
        from hasura_cloud_client import UpdateEnvsObject

        env_list = _env_inputs(UpdateEnvsObject, envs)
        result = self._call(
            "CreateTenant",
            lambda: self._client.create_tenant(
                cloud=cloud, region=region, envs=list(env_list), name=name, plan=plan
            ),
        )
        return _required(result.create_tenant, "CreateTenant")

    def rename_project(self, tenant_id: Id, name: str) -> UpdateTenantNameUpdateTenantName:
        """Rename the project behind a tenant."""
        tid = parse_id(tenant_id, "tenant id")
        result = self._call(
            "UpdateTenantName", lambda: self._client.update_tenant_name(tenant_id=tid, name=name)
        )
        return _required(result.update_tenant_name, "UpdateTenantName")

    def delete_tenant(self, tenant_id: Id) -> str:
        """Delete the project behind a tenant (also how preview apps are deleted)."""
        tid = parse_id(tenant_id, "tenant id")
        result = self._call("DeleteTenant", lambda: self._client.delete_tenant(tid))
        return _required(result.delete_tenant, "DeleteTenant").status

    def list_regions(self, cloud: str | None = None) -> list[ListRegionsRegion]:
        """Active regions, optionally of one cloud (``aws``, ``gcp``...)."""
        from hasura_cloud_client import cloud_enum_comparison_exp

        cloud_filter = cloud_enum_comparison_exp(_eq=_cloud(cloud)) if cloud is not None else None
        result = self._call("ListRegions", lambda: self._client.list_regions(cloud=cloud_filter))
        return list(result.region)

    # ------------------------------------------------------------ status and health

    def project_status(self, project_ids: Sequence[Id]) -> list[ProjectStatus]:
        """Status, plan, owner, env rollout and region (NAT IPs) of these projects, in one
        round trip, by name; projects not visible to the token are left out."""
        ids = [parse_id(pid, "project id") for pid in project_ids]
        if not ids:
            return []
        result = self._call("GetProjectStatus", lambda: self._client.get_project_status(ids))
        return list(result.projects)

    def get_entitlements(self, project_id: Id) -> dict[str, bool]:
        """What the project's plan entitles it to: entitlement type → enabled."""
        pid = parse_id(project_id, "project id")
        result = self._call(
            "GetProjectEntitlements", lambda: self._client.get_project_entitlements(pid)
        )
        if result.projects_by_pk is None:
            raise NotFoundError(f"no project {pid} visible to this token")
        return {
            access.entitlement.type_.value: access.entitlement.config_is_enabled
            for access in result.projects_by_pk.entitlements
        }

    def env_rollout(self, tenant_id: Id) -> GetEnvRollout:
        """The env hash written last (``tenant_by_pk.config.hash``) and the hash each live
        server runs (``config_status``)."""
        tid = parse_id(tenant_id, "tenant id")
        result = self._call("GetEnvRollout", lambda: self._client.get_env_rollout(tid))
        if result.tenant_by_pk is None:
            raise NotFoundError(f"no tenant {tid} visible to this token")
        return result

    def check_db_latency(self, project_id: Id) -> uuid.UUID:
        """Start measuring the latency from the project's region to its databases; returns
        the job's id (follow it with :meth:`get_db_latency_job`)."""
        pid = parse_id(project_id, "project id")
        result = self._call("CheckDBLatency", lambda: self._client.check_db_latency(pid))
        return _required(result.check_db_latency, "CheckDBLatency").db_latency_job_id

    def get_db_latency_job(self, job_id: Id) -> GetDBLatencyJobJobsByPk | None:
        """The DB-latency job (status, task events with the result), or None if unknown."""
        jid = parse_id(job_id, "job id")
        result = self._call("GetDBLatencyJob", lambda: self._client.get_db_latency_job(jid))
        return result.jobs_by_pk

    def reactivate_project(self, project_id: Id) -> bool:
        """Bring a hibernated or suspended project back; False if it was active already."""
        pid = parse_id(project_id, "project id")
        result = self._call(
            "ReactivateSuspendedProject",
            lambda: self._client.reactivate_suspended_project(pid),
        )
        return result.reactivate_suspended_project.success

    def get_project_url(
        self, url: str, timeout_seconds: float = HEALTHZ_TIMEOUT_SECONDS
    ) -> EndpointAnswer:
        """``GET`` a project's own URL (e.g. ``<endpoint>/healthz``) without the token.

        Never raises for the project's sake: no answer within ``timeout_seconds``, a refused
        connection or a TLS failure comes back as ``problem``.
        """
        target, headers = self.settings.route_to_project(url)
        if self._projects_http is None:
            self._projects_http = httpx.Client(follow_redirects=False, verify=_tls_for(target))
        started = time.monotonic()
        problem, status = None, None
        try:
            response = self._projects_http.get(target, headers=headers, timeout=timeout_seconds)
            status = response.status_code
        except httpx.TimeoutException:
            problem = f"no answer within {timeout_seconds:g} s"
        except httpx.HTTPError as error:
            problem = _transport_problem(error)
        return EndpointAnswer(url, status, problem, time.monotonic() - started)

    # ------------------------------------------------------------ env vars

    def get_env(self, tenant_id: Id) -> TenantEnv:
        """The tenant's env vars and the hash the next write must quote."""
        tid = parse_id(tenant_id, "tenant id")
        result = self._call("GetTenantEnv", lambda: self._client.get_tenant_env(tid))
        if result.get_tenant_env is None:
            raise NotFoundError(f"no tenant {tid} visible to this token")
        return _tenant_env(tid, result.get_tenant_env)

    def update_env(self, tenant_id: Id, current_hash: str, values: Mapping[str, str]) -> TenantEnv:
        """Add or change ``values`` (other keys are kept); raises HashConflictError if stale."""
        from hasura_cloud_client import UpdateEnvObject

        tid = parse_id(tenant_id, "tenant id")
        envs = _env_inputs(UpdateEnvObject, values)
        result = self._call(
            "UpdateTenantEnv",
            lambda: self._client.update_tenant_env(
                tenant_id=tid, current_hash=current_hash, envs=envs
            ),
        )
        return _tenant_env(tid, _required(result.update_tenant_env, "UpdateTenantEnv"))

    def delete_env(self, tenant_id: Id, current_hash: str, keys: Sequence[str]) -> TenantEnv:
        """Remove ``keys``; raises HashConflictError if ``current_hash`` is stale."""
        tid = parse_id(tenant_id, "tenant id")
        delete_envs = [check_env_key(key) for key in keys]
        result = self._call(
            "DeleteTenantEnv",
            lambda: self._client.delete_tenant_env(
                tenant_id=tid, current_hash=current_hash, delete_envs=delete_envs
            ),
        )
        return _tenant_env(tid, _required(result.delete_tenant_env, "DeleteTenantEnv"))

    # ------------------------------------------------------------ preview apps

    def create_preview_app(
        self,
        *,
        name: str,
        owner: str,
        repo: str,
        branch: str,
        directory: str,
        github_token: str,
        cloud: str = DEFAULT_PREVIEW_PLACEMENT.cloud,
        region: str = DEFAULT_PREVIEW_PLACEMENT.region,
        plan: str = DEFAULT_PREVIEW_PLACEMENT.plan,
        envs: Mapping[str, str] | None = None,
    ) -> uuid.UUID:
        """Queue a preview app from a GitHub branch; returns the creation job's id."""
        from hasura_cloud_client import (
            CreateGithubPreviewAppInputPayload,
            GithubRepoDetails,
            ProjectOptions,
            UpdateEnvsObject,
        )

        payload = CreateGithubPreviewAppInputPayload(
            githubPersonalAccessToken=github_token,
            githubRepoDetails=GithubRepoDetails(
                branch=branch, directory=directory, owner=owner, repo=repo
            ),
            projectOptions=ProjectOptions(
                cloud=cloud,
                region=region,
                name=name,
                plan=plan,
                envVars=list(_env_inputs(UpdateEnvsObject, envs)),
            ),
        )
        result = self._call(
            "CreateGitHubPreviewApp", lambda: self._client.create_git_hub_preview_app(payload)
        )
        created = _required(result.create_git_hub_preview_app, "CreateGitHubPreviewApp")
        return created.github_preview_app_job_id

    def get_preview_app_creation_status(
        self, job_id: Id
    ) -> GetPreviewAppCreationStatusJobsByPk | None:
        """The creation job (status, its task and events), or None if unknown."""
        jid = parse_id(job_id, "job id")
        result = self._call(
            "GetPreviewAppCreationStatus",
            lambda: self._client.get_preview_app_creation_status(jid),
        )
        return result.jobs_by_pk

    def get_deployment_job_status(self, job_id: Id) -> GetDeploymentJobStatusJobsByPk | None:
        """The GitHub deployment job (tasks in order, each with its latest event), or None."""
        jid = parse_id(job_id, "job id")
        result = self._call(
            "GetDeploymentJobStatus", lambda: self._client.get_deployment_job_status(jid)
        )
        return result.jobs_by_pk

    # ------------------------------------------------------------ any document

    def execute(
        self,
        document: str | Operation,
        variables: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
    ) -> dict[str, Any]:
        """Run any GraphQL document (text, or an :class:`Operation` parsed already); returns
        its ``data``. Errors map as for the typed calls; a mutation is never retried."""
        operation = (
            document
            if isinstance(document, Operation)
            else Operation.parse(document, operation_name)
        )
        label = operation.name or ("mutation" if operation.is_mutation else "query")

        values = _json_variables(variables or {})

        def send() -> dict[str, Any]:
            response = self._client.execute(
                operation.document, operation_name=operation.name, variables=values
            )
            return self._client.get_data(response) or {}

        return self._call(label, send, mutation=operation.is_mutation)

    # ------------------------------------------------------------ plumbing

    def _call(self, operation: str, send: Callable[[], T], *, mutation: bool | None = None) -> T:
        """Send, map failures to our errors, and retry what the policy (retry.py) allows.

        Our error is raised outside the ``except`` block, so it carries neither ``__cause__``
        nor ``__context__``: the httpx error holds the request (token, env values) and the
        pydantic one the response (env values), and neither may travel with ours.
        """
        is_mutation = error_mapping.is_mutation(operation) if mutation is None else mutation
        for attempt in range(self.retry.attempts):
            error: HasuraCloudError
            try:
                answer = send()
                self._token_answered = True
                return answer
            except error_mapping.CLIENT_ERRORS as exc:
                error = error_mapping.from_client_error(
                    exc, operation, mutation=is_mutation, token_works=self._token_answered
                )
                retryable = is_retryable(error, mutation=is_mutation)
            except pydantic.ValidationError:
                error = ServerError(f"{operation}: the API answered with an unexpected shape")
                retryable = False  # the same answer would come back
            if not retryable or attempt == self.retry.attempts - 1:
                raise error
            self._sleep(self.retry.delay(attempt))
        raise AssertionError("unreachable: the last attempt returns or raises")


def _json_variables(variables: Mapping[str, Any]) -> dict[str, Any]:
    """The variables as JSON values, checked before anything is sent (never quoted)."""
    from pydantic_core import PydanticSerializationError, to_jsonable_python

    values, unsendable = {}, []
    for name, value in variables.items():
        try:
            values[name] = to_jsonable_python(value)
        except PydanticSerializationError:
            unsendable.append(name)
    if unsendable:
        raise InvalidInputError(
            f"variables must be JSON values (text, numbers, lists, dicts): {', '.join(unsendable)}"
        )
    return values


def _tls_for(endpoint: str) -> ssl.SSLContext | bool:
    """TLS for the client: httpx's default (verify against certifi) for an https endpoint.

    httpx loads its CA bundle when a client is made, about 0.1 s: most of a first command.
    A plain-HTTP endpoint (the local emulator) never speaks TLS, so it gets a context that
    trusts nothing: nothing is loaded, and any TLS use from it would fail closed.
    """
    if urlsplit(endpoint).scheme == "http":
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return True


def _transport_problem(error: httpx.HTTPError) -> str:
    """Why a request got no answer, in a few words (never the request itself)."""
    if isinstance(error, httpx.ConnectError):
        return "connection failed"
    return type(error).__name__.replace("Error", " error").strip().lower()


EnvInput = TypeVar("EnvInput", "UpdateEnvObject", "UpdateEnvsObject")


def _env_inputs(input_type: type[EnvInput], values: Mapping[str, str] | None) -> list[EnvInput]:
    """KEY → value as the API's list of {key, value} (two input types of the same shape)."""
    return [
        input_type(key=check_env_key(key), value=check_env_value(key, value))
        for key, value in (values or {}).items()
    ]


def _required(value: T | None, operation: str) -> T:
    if value is None:
        raise ServerError(f"{operation}: the API answered null without an error")
    return value


def _tenant_env(tenant_id: uuid.UUID, fields: TenantEnvFields) -> TenantEnv:
    return TenantEnv.from_api(str(tenant_id), fields.hash, fields.env_vars)


def _cloud(name: str) -> cloud_enum:
    from hasura_cloud_client import cloud_enum

    try:
        return cloud_enum(name)
    except ValueError:
        choices = ", ".join(member.value for member in cloud_enum)
        raise InvalidInputError(f"unknown cloud {quoted(name)}: choose one of {choices}") from None
