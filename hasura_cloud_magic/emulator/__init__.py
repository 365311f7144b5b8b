"""A local emulator of the Hasura Cloud management GraphQL API, for offline work and tests.

It serves the schema in ``queries/schema.graphql`` (installed as
``hasura_cloud_magic/schema.graphql``) at ``POST /v1/graphql``, keeps its state in SQLite and
answers like the real API: HTTP 200 always, Hasura-shaped ``errors``, and authentication by
``Authorization: pat <token>``.

Starting it
===========

From a shell::

    hasura-cloud-emulator [--host 127.0.0.1] [--port 0] [--db PATH] [--token T ...]
                          [--step-seconds S] [--fault SPEC ...]
    python -m hasura_cloud_magic.emulator ...

When it listens it prints exactly two lines on stdout, then serves until SIGINT/SIGTERM (exit 0)::

    HASURA_CLOUD_ENDPOINT=http://127.0.0.1:<port>/v1/graphql
    HASURA_CLOUD_ACCESS_TOKEN=<the first token>

Logs go to stderr (warnings and errors only; never tokens, headers or env values).

* ``--host`` defaults to ``127.0.0.1``: only this machine can connect unless you say otherwise.
* ``--port 0`` (default) picks a free port.
* ``--db PATH`` keeps state in a SQLite file (WAL mode, ``synchronous=FULL``) so it survives
  restarts; without it the state lives in memory and is gone on exit. A write is committed
  before its response is sent, so every acknowledged write survives even ``kill -9``.
* ``--token T`` (repeatable): the accepted personal access tokens; each token is its own user
  (owner id ``uuid5(<fixed namespace>, token)``, stable across restarts) and sees only its own
  projects, tenants and jobs. Without ``--token`` the token stored in ``--db`` is reused, else a
  new one is generated (``secrets.token_urlsafe(32)``). The first token is stored in the database
  as it is (a restart without ``--token`` must print it again), so the file is created (or made)
  readable by its owner only (mode 0600), like the env values it holds.
* ``--token-env NAME``: take an accepted token from that env var instead (``--token T`` is
  visible to every local user in the process list).
* ``--host``: anything but loopback warns on stderr that anyone who can reach the machine
  there can use the emulator with its token; listening on every address (``0.0.0.0``,
  ``::``), the printed endpoint is the loopback one. A ``--db`` that cannot be opened is one
  line on stderr and exit status 2.
* ``--step-seconds S``: how long each preview-app step takes (default 0.5, so a preview app is
  healthy after about 4 s); ``0`` makes every job finish as soon as it is next observed.
* ``--fault SPEC`` (repeatable): inject a fault; see "Fault injection" below. None by default.

From Python::

    from hasura_cloud_magic.emulator import start

    with start(db=None, tokens=None, step_seconds=0.5, host="127.0.0.1", port=0,
               faults=()) as emu:
        emu.endpoint, emu.token   # pass to the client; repr(emu) never shows the token
        emu.faults                # the FaultRegistry: arm and clear faults while it runs
    # or: emu = start(); ...; emu.stop()   (stop() is idempotent, frees the port and the db)

``start`` also takes ``clock`` (a ``time.time``-like callable) to drive preview apps in tests.

Fault injection
===============

Off by default. Clients connect to a small asyncio HTTP/1.1 proxy inside the emulator, which
forwards each request to uvicorn (on a private loopback port) over one upstream connection per
client connection; the proxy is where faults happen, because only it controls the socket.

A fault rule is ``TARGET:KIND[=SECONDS][:times=N|:always]``::

    --fault createTenant:reset-after          # the next createTenant only
    --fault '*:latency=0.05:always'           # every request, forever
    --fault updateTenantEnv:http503:times=2   # the next two updateTenantEnv requests

* ``TARGET``: a GraphQL root field of the request's operation (``createTenant``,
  ``updateTenantEnv``, ``projects``; fragments are followed), the operation's name, or ``*`` for
  every request (including bodies that are not GraphQL). Aliases do not matter.
* ``times=N`` (default 1): the rule applies to the next N matching requests, then disarms;
  ``always``: it never disarms.
* ``SECONDS`` only for ``latency`` (default 1), ``timeout`` and ``timeout-after`` (default 30).
* Per request, every matching ``latency`` rule applies (their delays add up) and then the first
  matching rule of any other kind, in the order the rules were added; each applied rule uses up
  one of its ``times``.

Kinds, what the client sees, and whether the request is processed (processed = its write is
committed, so retrying a processed mutation does it twice; not processed = nothing changed):

====================  =============================================================  =========
kind                  on the wire                                                    processed
====================  =============================================================  =========
``latency=S``         waits S seconds, then the normal answer                        yes
``http500``           ``500`` (``502``, ``503`` likewise), ``text/html`` page,       no
``http502``           connection kept open
``http503``
``graphql-error``     ``200``, ``{"errors":[{"extensions":{"code":                   no
                      "GenericServerError","id":"<uuid4>"},"message":"there was an
                      internal error while serving your request"}]}``
``reset-before``      TCP RST (``SO_LINGER`` 0), no response (httpx: ``ReadError``)  no
``reset-after``       TCP RST after the request was executed (httpx: ``ReadError``)  yes
``truncated``         the real status and headers with ``Content-Length`` of the     yes
                      full body, half the body, then FIN (httpx:
                      ``RemoteProtocolError``)
``not-json``          ``200``, ``text/html`` body that is not JSON                   yes
``timeout=S``         no response for S seconds, then FIN (a client with a shorter   no
                      timeout sees ``ReadTimeout``; else ``RemoteProtocolError``)
``timeout-after=S``   executes the request, then the same hang and FIN               yes
====================  =============================================================  =========

From Python: ``start(faults=["createTenant:reset-after", Fault.make("*", "latency", 0.05,
None)])`` arms rules from the start; on a running emulator ``emu.faults`` is a thread-safe
``FaultRegistry``:

* ``add(spec)`` / ``add(target, kind, *, seconds=None, times=1)`` / ``add(Fault)``: arm a rule
  (``times=None`` is ``always``); returns the ``Fault``. ``kind`` is a ``FaultKind`` or its
  string value.
* ``clear()``: disarm every rule and forget the hits (call it between tests).
* ``pending()``: the armed rules with their ``remaining`` uses (``None``: always).
* ``hits()``: the rules applied so far (``fault``, the request's root ``fields`` and
  ``operation_name``).

``parse_fault(spec)`` parses a spec (``ValueError`` with the reason if it is wrong; the CLI
exits 2). ``FaultKind.processed`` tells whether a kind executes the request. Stopping the
emulator ends hanging faults at once.

Limits on what a stranger can make it do
========================================

A request without a valid token is parsed only, refused as the real API refuses it, and
never validated or cached (unless it asks for nothing but ``__typename``); fragment spreads
are followed once per selection set. ``_like``/``_ilike`` match in linear time. The socket
layer answers a body over 1 MiB with HTTP 413, closes a connection that has not sent a whole
request within 30 s (idle keep-alive time included), and past 256 connections closes the one
idle longest to make room (``proxy.MAX_BODY_BYTES``, ``REQUEST_SECONDS``,
``MAX_CONNECTIONS``). JSON nested past Python's limit is an ``invalid-json`` error.

What it implements
==================

Queries ``projects``, ``projects_by_pk``, ``tenant``, ``tenant_by_pk``, ``jobs_by_pk``,
``region``, ``getTenantEnv``; mutations ``createTenant``, ``deleteTenant``, ``updateTenantEnv``,
``deleteTenantEnv``, ``updateTenantName``, ``createGitHubPreviewApp``; every field of the schema,
including relationships and ``where``/``order_by``/``limit``/``offset`` (operators ``_eq``,
``_neq``, ``_in``, ``_nin``, ``_is_null``, ``_like``, ``_ilike``, ``_and``, ``_or``, ``_not``,
``projects(where: {tenant: ...})``) and the ``path`` argument of json fields (``$.a.b[0]``).

Errors, as the real API shapes them:

* Missing/unknown token or another scheme than ``pat``: as if the schema had no fields,
  ``field "<f>" not found in type: 'query_root'`` (or ``'mutation_root'``), code
  ``validation-failed``, path ``$.selectionSet.<f>``, for the first root field; no ``data``.
  A selection of only ``__typename`` is answered.
* Unknown field: the same message shape with the field's path; unknown argument:
  ``'<field>' has no argument named '<arg>'``; other validation errors: graphql-core's message;
  all ``validation-failed``. Unparsable query: ``not a valid graphql query: ...``,
  ``validation-failed``, path ``$.query``. Bad JSON body: code ``invalid-json``, path ``$``;
  a body without a string ``query``: ``key "query" not found``, code ``parse-failed``.
* ``uuid`` literals and variables are not checked during validation (the GitHub Action declares
  a non-uuid default); a malformed uuid reaching a resolver gives
  ``invalid input syntax for type uuid: "<value>"``, code ``data-exception``.
* Any unexpected exception: ``there was an internal error while serving your request``, code
  ``GenericServerError`` with an ``id`` that is also logged with the traceback.
* Any error fails the whole request: the response has only ``errors`` and nothing is written.
* ``*_by_pk`` of an unknown or another user's id: ``null``, no error.

Behaviour where the real API is unknown
=======================================

Invented, so code must not rely on these beyond the emulator:

* Action error codes: ``bad-request`` for invalid arguments (name, cloud, region, plan, env key,
  duplicate key, null payload, empty ``deleteEnvs``, any ``dedicatedVPCID``); ``not-found`` when
  an action names a tenant that does not exist or belongs to another user (``tenant <id> not
  found``; this includes ``getTenantEnv``, which errors rather than returning null);
  ``constraint-violation`` for a taken project name (``the project name '<n>' is already taken;
  choose another name``); ``unexpected`` for a refusal caused by the current state (stale hash,
  no-op update, absent key, protected key). Every action error has path ``$``.
* Names: lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen,
  at most 50 characters, unique across the whole emulator (all users): so ``createTenant``
  with another user's name says it is taken, which tells that the name exists (as project
  names being global on Hasura Cloud does; accepted, not hidden). Without ``name``,
  ``createTenant`` generates ``adjective-animal-NN`` (e.g. ``honest-mutt-59``); unlike the real
  API in 2023, a given ``name`` is honoured. Renaming to the current name is allowed.
* Clouds ``aws`` and ``gcp`` only; plans ``cloud_free`` (default), ``cloud_payg``,
  ``cloud_free_v2``. Regions (NAT IPs from the documentation ranges, ``nat_ips`` lists two):
  aws us-east-1, us-east-2, us-west-1, us-west-2, ca-central-1, sa-east-1 (inactive), eu-west-1,
  eu-west-2, eu-central-1, ap-south-1, ap-southeast-1, ap-southeast-2, ap-northeast-1; gcp
  us-central1, us-east4, us-west2, europe-west1, europe-west3, asia-south1 (inactive, no NAT IP),
  asia-southeast1, australia-southeast1 (active, no NAT IP). Inactive regions are refused.
* Projects: ``endpoint`` ``https://<name>.hasura.app``, ``plan_name`` = ``billing_plan_name`` =
  the plan; tenants: ``slug`` = name, ``fqdn`` ``<name>.hasura.app``, ``active`` true,
  ``maintenance_mode`` false, ``major_version`` 2; ``health_status`` is ``{"status":
  "healthy"}``, or ``"deploying"`` while a preview-app deployment job runs.
* Env: every new tenant is seeded with ``HASURA_GRAPHQL_ADMIN_SECRET`` (random) and
  ``HASURA_GRAPHQL_METADATA_DATABASE_URL`` (a random ``postgres://...metadata.emulator.invalid``
  URL); given envs override the admin secret. ``hash`` is the SHA-1 hex of the canonical JSON
  (sorted keys, no spaces) of ``{"environment": {...}}``. Env keys must match
  ``[A-Za-z_][A-Za-z0-9_]*``.
* ``updateTenantEnv`` upserts. Stale ``currentHash`` (also for ``deleteTenantEnv``):
  ``hash mismatch: the env was changed since currentHash was read; read it again with
  getTenantEnv``. A no-op (empty list, or every key already has that value) is an error:
  ``no changes: every given env var already has that value``. Setting or deleting
  ``HASURA_GRAPHQL_METADATA_DATABASE_URL`` or ``HASURA_GRAPHQL_V1_BOOLEAN_NULL_COLLAPSE`` (also
  in ``createTenant``/preview-app envs) gives the real message, a JSON string:
  ``{"location":"","message":"failed to process env update for K failed with variable K can not
  be updated on major version 2"}``. ``deleteTenantEnv`` of a key that is not set:
  ``env vars not found: K; nothing was deleted``. Every env write is all-or-nothing.
* ``deleteTenant`` returns ``{"status": "deleted"}``; the project, tenant and env are gone; its
  unfinished jobs end ``failed`` with ``deployment terminated: the project was deleted``.
* Preview apps: ``createGitHubPreviewApp`` validates name, cloud, region, plan and env keys at
  once (a name held by another user is ``constraint-violation``) and returns the creation job's
  id. The creation job (``job_type`` ``preview_app``) goes ``queued`` -> ``running`` ->
  ``success`` | ``failed`` | ``skipped``; its single task ``create-preview-app`` gets a
  ``created`` event, then ``success`` with ``public_event_data`` ``{"projectId",
  "githubDeploymentJobID"}`` or ``failed`` with ``error`` ``error creating tenant: ...`` and null
  ``public_event_data``. A newer request for the same name marks the user's still-``queued``
  creation jobs of that name ``skipped``. When a creation job runs, the user's existing project
  of that name is deleted and replaced by a fresh one. The deployment job (``job_type``
  ``github_deployment``, ``project_id`` set) is ``running`` until ``success``/``failed``; its
  tasks ``gh-validation``, ``parse-metadata-migration``, ``apply-migration``, ``apply-metadata``,
  ``reload-metadata``, ``check-healthz`` each get ``created`` then ``success`` (with a
  ``github_detail``) in that order. A GitHub token not starting with ``ghp_``, ``github_pat_``,
  ``gho_`` or ``ghs_`` makes ``gh-validation`` fail with ``Bad credentials: the GitHub personal
  access token was rejected by GitHub`` and the job ``failed``; the project stays. The token is
  never stored: ``jobs.input`` shows the payload with the token and env values replaced by
  ``[redacted]``. ``tasks.max_retry`` is 3; ``tasks.payload`` is ``{"name": <task>}``;
  ``event_data`` is ``{"event_type": ...}``.
* Timeline with step s after the request: s: creation ``running`` + task ``created``; 2s: app
  created, creation ``success``, deployment starts (``gh-validation`` ``created``); each further
  s completes one deployment task and starts the next; done at 8s. Progress is computed lazily at
  the start of each request from stored timestamps, so it survives restarts. Timestamps are
  strictly increasing across the database.
"""

from __future__ import annotations

from .faults import Fault, FaultKind, FaultRegistry, parse_fault
from .server import DEFAULT_STEP_SECONDS, RunningEmulator, start

__all__ = [
    "DEFAULT_STEP_SECONDS",
    "Fault",
    "FaultKind",
    "FaultRegistry",
    "RunningEmulator",
    "parse_fault",
    "start",
]
