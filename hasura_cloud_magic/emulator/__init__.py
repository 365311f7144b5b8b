"""A local emulator of the Hasura Cloud management GraphQL API, for offline work and tests.

It serves the schema in ``queries/cloud/schema.graphql`` (installed as
``hasura_cloud_magic/schema.graphql``) at ``POST /v1/graphql``, the Metrics API (see "Metrics
API") at the same path for a region's metrics host, keeps its state in SQLite and
answers like the real API: HTTP 200 always, Hasura-shaped ``errors``, and authentication by
``Authorization: pat <token>``. It also answers each project's ``GET /healthz`` (by ``Host``)
and, with an admin key, an admin route to change projects' state (see "State controls").

Starting it
===========

From a shell::

    hasura-cloud-emulator [--host 127.0.0.1] [--port 0] [--db PATH] [--token T ...]
                          [--token-env NAME] [--admin-key-env NAME]
                          [--step-seconds S] [--fault SPEC ...] [--metrics-seed N]
    python -m hasura_cloud_magic.emulator ...

When it listens it prints exactly two lines on stdout, then serves until SIGINT/SIGTERM (exit 0)::

    HASURA_CLOUD_ENDPOINT=http://127.0.0.1:<port>/v1/graphql
    HASURA_CLOUD_ACCESS_TOKEN=<the first token>

Logs go to stderr (one line saying where it listens and that Ctrl+C stops it, then warnings
and errors only; never tokens, headers or env values).

* ``--host`` defaults to ``127.0.0.1``: only this machine can connect unless you say otherwise.
* ``--port 0`` (default) picks a free port.
* ``--db PATH`` keeps state in a SQLite file (WAL mode, ``synchronous=FULL``) so it survives
  restarts; without it the state lives in memory and is gone on exit. A write is committed
  before its response is sent, so every acknowledged write survives even ``kill -9``.
* ``--token T`` (repeatable): the accepted personal access tokens; each token is its own user
  (id ``uuid5(<fixed namespace>, token)``, stable across restarts, e-mail
  ``user-<first 8 hex digits of the id>@emulator.invalid``) and sees the projects it owns or
  collaborates on (see "Access and privileges" below) and its own jobs. Two tokens make a
  two-person team: one can invite the other by e-mail. Without ``--token`` the token stored
  in ``--db`` is reused, else a new one is generated (``secrets.token_urlsafe(32)``). The
  first token is stored in the database as it is (a restart without ``--token`` must print it
  again), so the file is created (or made) readable by its owner only (mode 0600), like the
  env values it holds.
* ``--token-env NAME``: take an accepted token from that env var instead (``--token T`` is
  visible to every local user in the process list).
* ``--host``: anything but loopback warns on stderr that anyone who can reach the machine
  there can use the emulator with its token; listening on every address (``0.0.0.0``,
  ``::``), the printed endpoint is the loopback one. A ``--db`` that cannot be opened is one
  line on stderr and exit status 2.
* ``--admin-key-env NAME``: enable the admin route (see "State controls") with the key in that
  env var; unset or empty is one line on stderr and exit status 2. Without it there is no
  admin route.
* ``--step-seconds S``: how long each step of a job or an env rollout takes (default 0.5, so a
  preview app is healthy after about 4 s and an env change is live on both servers after 1 s);
  ``0`` makes every job finish, and every env change go live, as soon as it is next observed.
* ``--fault SPEC`` (repeatable): inject a fault; see "Fault injection" below. None by default.

From Python::

    from hasura_cloud_magic.emulator import start

    with start(db=None, tokens=None, step_seconds=0.5, host="127.0.0.1", port=0,
               faults=(), admin_key=None, metrics_seed=20240611) as emu:
        emu.endpoint, emu.token   # pass to the client; repr(emu) never shows the token
        emu.faults                # the FaultRegistry: arm and clear faults while it runs
        emu.admin                 # the state controls (see "State controls")
    # or: emu = start(); ...; emu.stop()   (stop() is idempotent, frees the port and the db)

``start`` also takes ``clock`` (a ``time.time``-like callable) to drive jobs, env rollouts and
custom domains' DNS validation in tests. ``admin_key`` enables the HTTP admin routes;
``repr(emu)`` never shows it.

State controls (tests and demos)
================================

A project's state is ``active`` (with an ``active_status_reason`` when not), ``maintenance_mode``
and its endpoint: ``up`` (default), ``down`` (its ``/healthz`` answers 503) or ``hang`` (its
``/healthz`` never answers). The public API cannot change them (except
``reactivateSuspendedProject``); these controls can. Projects are found by name, whoever owns
them. Every change is one transaction and happens whole or not at all.

From Python, ``emu.admin`` (thread-safe)::

    emu.admin.state(name)        # {"name", "active", "active_status_reason",
                                 #  "maintenance_mode", "endpoint"}
    emu.admin.set_state(name, *, maintenance=None, active=None, reason=None, endpoint=None)
    emu.admin.hibernate(name)    # active=False, reason "hibernated"
    emu.admin.suspend(name, reason="suspended")

Each returns the new state. ``None`` leaves a field as it is; ``active=False`` without a reason
means ``hibernated``; a reason alone changes an inactive project's reason. An unknown name
raises ``LookupError`` (``no project named 'x'``); a wrong value (``endpoint`` not ``up``,
``down`` or ``hang``; a reason with ``active=True`` or for an active project; a non-bool flag;
an empty or multi-line reason) raises ``ValueError`` and changes nothing.

Over HTTP, only with an admin key (``start(admin_key=...)`` or ``--admin-key-env NAME``)::

    GET  /emulator/admin?project=NAME                      -> {"project": {state}}
    POST /emulator/admin  {"project": NAME, "maintenance"?: bool, "active"?: bool,
                           "reason"?: str, "endpoint"?: "up"|"down"|"hang"}
                                                           -> {"project": {state}}

Errors are ``{"error": "<one line>"}`` with 400 (a bad value, an unknown field, a body that is
not a JSON object) or 404 (an unknown project).

Users and DNS (tests and demos), from Python (thread-safe, one transaction each)::

    token = emu.admin.add_user(email)   # a new user with this e-mail and a new accepted token
    emu.admin.point_dns(fqdn, project=NAME)   # fqdn -> that project's <name>.hasura.app
    emu.admin.point_dns(fqdn, host=HOST)      # fqdn -> any host
    emu.admin.dns(fqdn)                 # {"fqdn", "target", "set_at"} or None

``add_user`` returns the token (``secrets.token_urlsafe(32)``), accepted at once; the database
keeps only its SHA-256, so with ``--db`` the user and its token survive a restart (the token is
shown once, here). It raises ``ValueError`` (``invalid e-mail address '<e>'``) for an e-mail that
is not valid (see "Users" below) and ``ValueError`` (``accounts.EmailTaken``:
``the e-mail address '<e>' is already in use``) for one another user has, whatever its case.
``point_dns`` takes exactly one of ``project`` (a project's name: ``LookupError`` ``no project
named 'x'`` if none) or ``host``; a name that is not a host is a ``ValueError``. It sets (or
replaces) the record now; hosts are stored lower-cased without a trailing dot. A record may be
set before the domain is added (people create the CNAME first). Over HTTP, guarded exactly like
``/emulator/admin``::

    POST /emulator/admin/users  {"email": E}                 -> {"email": E, "token": T}
    GET  /emulator/admin/dns?fqdn=F                          -> {"dns": {fqdn, target, set_at}}
    POST /emulator/admin/dns    {"fqdn": F, "project": NAME} -> {"dns": {...}}
    POST /emulator/admin/dns    {"fqdn": F, "host": H}       -> {"dns": {...}}

Errors: 400 (a wrong value or body, an unknown field), 404 (an unknown project, a name without a
record), 409 (an e-mail already in use). The route answers only requests with
``Authorization: admin <key>`` (compared in constant time) from a loopback peer; anything else
(no key, a wrong key, a user's ``pat`` token, another machine, an emulator without an admin
key) gets the same ``404 Not Found`` as a path that does not exist, whatever the method. The
peer is checked in the proxy, the only socket clients reach: it adds an
``x-emulator-remote-peer`` header to every request from a non-loopback peer, which a client can
add but never remove.

``GET /healthz`` (no token) is routed by the ``Host`` header (port and case ignored): for a
project's host ``<name>.hasura.app`` it answers ``200`` ``OK`` when the project is active and
its endpoint up (maintenance included), ``503`` with a short reason (``project is
hibernated``, ``endpoint down``) when it is inactive or down, and nothing at all when its
endpoint hangs (until the client gives up, the emulator stops, or 60 s pass: then ``504``). Any
other ``*.hasura.app`` host is ``404``; any other host (the emulator's own address) is the
emulator itself: ``200`` ``OK``. To reach a project's host, connect to the emulator and send
``Host: <name>.hasura.app`` (``curl --connect-to <name>.hasura.app:80:127.0.0.1:<port>``).
A hanging ``/healthz`` holds no thread and does not delay ``stop()``.

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

Metrics API
===========

``POST /v1/graphql`` whose ``Host`` (port and case ignored) is a region's ``metrics_fqdn``
(``metrics-us-east-2.aws.hasura.app``) executes ``queries/metrics/schema.graphql`` (installed as
``hasura_cloud_magic/metrics_schema.graphql``); every other host is the management API. Connect
to the emulator and send that ``Host`` (``curl --connect-to``). Body handling, the error shape,
``Authorization: pat <token>`` and the refusal of a request without a valid token (no
validation, ``field "X" not found in type: 'query_root'``) are the management API's. A
subscription validates, then is refused: ``subscriptions are not supported over HTTP, use
websockets instead`` (``validation-failed``). Faults (``--fault``) apply by root field as for
the management API. The Metrics API has no mutations and runs outside the store's lock (each
read it makes takes the lock briefly), so a heavy answer never holds up the management API.

Who sees what: a token sees the projects it owns or holds ``view_metrics`` or ``admin`` on (a
``graphql_admin``-only collaborator sees nothing there, as for another user's project), and a
metrics host only the projects of its region. Any other id in ``project_ids`` /
``where.project_id`` is dropped silently: empty rows and zero counts, never an error. Null or empty
``project_ids`` (``"{}"``, ``""``, ``[]``) means every project the caller may see there.

Invented traffic, as if each project had been serving for 30 days: requests exist in the 30
days before the last whole 5-minute cell before now (the emulator's clock), none after. A
project's traffic follows from ``metrics_seed`` (``start(metrics_seed=N)``, ``--metrics-seed
N``, default 20240611, ``metrics.traffic.DEFAULT_METRICS_SEED``) and the project's *name*: the
same name has the same traffic in every run whatever its id. The atom is a 5-minute cell and
the traffic repeats every UTC day (cell of day 0..287), so any window of whole days, or of 24
whole hours, holds exactly the same totals whatever the day. Per project: 5 to 8
operations from a catalogue
(``GetProducts``, ``GetProductById``, ``SearchProducts``, ``GetUserProfile``, ``ListOrders``,
``GetCart``, ``CreateOrder``, ``UpdateCart``, ``InsertReview``, ``DeleteCartItem``, and the
subscriptions ``OnOrderStatus``, ``OnInventoryChange`` over ``ws``), each with a stable
``operation_id`` (a hash of type and name), callers by role (``user``, ``anonymous``,
``admin``, ``manager``), client (``web-app``, ``ios-app``, ``android-app``,
``hasura-console``) and transport (``http``, ``ws``), and a log-normal latency per operation;
a daily curve (quiet at night, a peak in the UTC afternoon, tens to a few hundred requests per
cell); a background error rate of 0.2-1.5% with real Hasura codes (``validation-failed``,
``constraint-violation``, ``permission-error``, ``data-exception``, ``postgres-error``,
``unexpected``, ``access-denied``, ``invalid-jwt``); for most projects one error burst a day
(15-30 minutes at a seeded time in which one operation fails 30-60% of the time with one
code). Each project's day is computed once and cached: 7 days at 5 minutes is a few ms of work.

Arguments:

* ``time_interval``: ``5m``, ``10m``, ``15m``, ``30m``, ``1h``, ``6h``, ``12h``, ``1d``,
  ``1 day``, ``<n> minutes|hours|days`` (also ``<n>m``, ``<n>h``, ``<n>d``); anything else
  (``<n> months`` included) is ``invalid input syntax for type interval: "<text>"``
  (``data-exception``). A bucket starts at ``floor(t, interval)`` from the UTC epoch; every
  bucket overlapping ``[from_time, to_time)`` is returned, zero-filled, counting the cells that
  start inside the range. ``from_time >= to_time`` (or a null bound) returns no rows; more than
  50 000 buckets is a ``data-exception``.
* ``_text``/``_uuid`` arguments are Postgres array literals (``"{a,b}"``, ``{"a,b"}``); null,
  ``""`` or ``"{}"`` is no filter; a malformed one is ``malformed array literal: "<text>"``
  (``data-exception``). A malformed uuid is ``invalid input syntax for type uuid``.
* ``searchUsageMetrics``/``searchErrorMetrics``: ``group_by`` any of ``operation_id``,
  ``operation_name``, ``operation_type``, ``user_role``, ``client_name``, ``transport`` (errors
  also ``error_code``); empty or null is one row of totals; a column not grouped by is null; an
  unknown column, or an unknown ``order_by`` column or direction, is ``validation-failed``.
  ``order_by`` is ``{"column": "asc"|"desc"}``; groups are otherwise sorted by their values.
  ``searchErrorMetrics`` counts failed requests only (``request_count == error_count``).
  ``*Aggregate`` is the number of groups. Empty ``[String!]`` filters mean no filter.
* ``search_general_operation_metrics_over_time``: a row per (project, bucket);
  ``average_execution_time`` in ms (0 for an empty bucket), ``requests_per_minute`` per bucket
  minute. ``search_usage_over_time``, ``search_errors_over_time`` (``value``: failed requests,
  ``error_codes`` honoured), ``search_requests_over_time``: per bucket over all the projects.
* ``search_operation_name_summaries``: grouped by ``group_bys`` (default ``{operation_id,
  operation_name}``), ``error_rate`` 0..1, ``requests_per_minute`` over the window,
  ``max_execution_time``. ``search_summary_metrics``: one row of totals.
  ``search_latest_project_metrics``: live numbers following the daily curve at "now".
* ``operations``, ``http_logs`` (``http`` requests only; ``error_code`` null for successes),
  ``http_query_logs``, ``frequent_errors``: what each project has served (invented and recorded),
  with ``distinct_on`` and ``where``. ``database_metrics``: a ``default`` primary and, for about
  a third of the projects, a read replica, one sample per 5 minutes over the last day.
* ``operation_logs``: each request of the traffic, newest first by default, built lazily one
  cell at a time (``limit`` at most 1000, also the default; ``order_by`` ``time`` streams,
  another column keeps only the best ``limit + offset``). ``where`` supports ``_and``, ``_or``,
  ``_not`` and every column with ``_eq``, ``_neq``, ``_in``, ``_nin``, ``_gt``, ``_gte``,
  ``_lt``, ``_lte``, ``_is_null``, ``_like``, ``_ilike``. ``request_id`` is a deterministic
  uuid; a failure has ``error_code`` and ``error`` ``{"path", "error", "code"}``. ``query``,
  ``user_vars``, ``generated_sql`` and ``http_info`` are invented and hold no secrets.
  Aggregates and logs come from the same requests, so they agree.

Recording traffic (tests). ``emu.admin`` (thread-safe, one transaction each, stored in SQLite so
it survives a ``--db`` restart)::

    emu.admin.record_requests(project_id, *, operation_name, at, count=1,
                              operation_type="query", role="user", client="web-app",
                              transport="http", latency_ms=20.0, error_code=None)
    emu.admin.quiet(project_id, quiet=True)   # invented traffic off (False: back on)

``record_requests`` adds ``count`` identical requests at ``at`` (a datetime, naive is UTC, or an
ISO string), on top of the invented traffic and at any time (not only the last 30 days); they
appear in every field, ``operation_logs`` included. An unknown project id raises
``LookupError``; a wrong value (``operation_type`` not query/mutation/subscription,
``transport`` not http/ws, ``count`` outside 1..100000, a negative latency, an empty name)
``ValueError``. With an admin key, over HTTP, guarded like ``/emulator/admin``::

    POST /emulator/admin/metrics  {"project_id": ID, "operation_name": ..., "at": ISO, ...}
                                                           -> {"recorded": {...}}
    POST /emulator/admin/metrics  {"project_id": ID, "quiet": true}
                                                           -> {"project_id": ID, "quiet": true}

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
``region``, ``getTenantEnv``, ``users``, ``config_status``, ``tenant_public_status``,
``custom_domain``, ``custom_domain_by_pk``, ``project_collaborators``,
``project_collaborator_invitations``, ``fetchPendingInvitations``; mutations
``createTenant``, ``deleteTenant``, ``updateTenantEnv``, ``deleteTenantEnv``,
``updateTenantName``, ``createGitHubPreviewApp``, ``checkDBLatency``,
``reactivateSuspendedProject``, ``insert_custom_domain_one``, ``delete_custom_domain_by_pk``,
``inviteCollaborator``, ``resendInvite``, ``acceptInvite``, ``declineInvite``,
``delete_project_collaborators_by_pk``, ``delete_project_collaborator_invitations_by_pk``,
``insert_project_collaborator_privileges`` (and ``_one``),
``delete_project_collaborator_privileges`` (and ``_by_pk``); every field of the schema,
including relationships and ``where``/``order_by``/``limit``/``offset`` (operators ``_eq``,
``_neq``, ``_in``, ``_nin``, ``_is_null``, ``_like``, ``_ilike``, ``_gt``, ``_gte``, ``_lt``,
``_lte``, ``_and``, ``_or``, ``_not``; ``citext`` compares case-insensitively, ``timestamptz``
operands are ISO-8601 strings),
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
* Any error fails the whole request: the response has only ``errors`` and nothing is written
  (a mutation with several root fields, like ``setCollaboratorPrivileges``' insert and delete,
  applies whole or not at all).
* ``*_by_pk`` of an unknown or another user's id: ``null``, no error. ``delete_*_by_pk`` of a
  row the caller may not delete: ``null``; a bulk ``delete_...(where:)`` affects (and counts)
  only the rows the caller may delete.
* A table insert the caller may not make (a domain on a project they are not admin of, or
  cannot see; privileges for a collaborator of such a project, or an unknown one): Hasura's
  ``check constraint of an insert permission has failed``, code ``permission-error``, path
  ``$.selectionSet.<field>.args.object`` (``.objects``); nothing is inserted.
* An input column the caller may not set (``custom_domain_insert_input``'s ``cert``,
  ``dns_validation``, ``id``, ``created_at``, ``updated_at``): ``field "<name>" not found in
  type: 'custom_domain_insert_input'``, code ``validation-failed``, path
  ``$.selectionSet.insert_custom_domain_one.args.object.<name>``.
* Postgres constraint errors, code ``constraint-violation``, path ``$``: ``Uniqueness
  violation. duplicate key value violates unique constraint "<constraint>"``
  (``custom_domain_fqdn_key``, ``project_collaborator_privileges_pkey``), ``Check constraint
  violation. new row for relation "custom_domain" violates check constraint
  "custom_domain_fqdn_check"``, ``Foreign key violation. insert or update on table
  "project_collaborator_privileges" violates foreign key constraint
  "project_collaborator_privileges_privilege_slug_fkey"``, ``Not-NULL violation. null value in
  column "<c>" of relation "<t>" violates not-null constraint``.

Behaviour where the real API is unknown
=======================================

Invented, so code must not rely on these beyond the emulator:

* Action error codes: ``bad-request`` for invalid arguments (name, cloud, region, plan, env key,
  duplicate key, null payload, empty ``deleteEnvs``, any ``dedicatedVPCID``, an invitation's
  e-mail or privileges); ``not-found`` when
  an action names a tenant the caller cannot see (``tenant <id> not
  found``; this includes ``getTenantEnv``, which errors rather than returning null), or such a
  project (``checkDBLatency``, ``reactivateSuspendedProject``, ``inviteCollaborator``,
  ``resendInvite``: ``project <id> not found``); ``access-denied`` when the caller sees the
  project but lacks the privilege (``you need the admin privilege on project <name> to
  <what>``, what being ``read its env vars``, ``change its env vars``, ``delete its env vars``,
  ``rename it``, ``delete it``, ``check its database latency``, ``reactivate it``, ``invite
  collaborators``, ``resend invitations``);
  ``constraint-violation`` for a taken project name (``the project name '<n>' is already taken;
  choose another name``); ``unexpected`` for a refusal caused by the current state (stale hash,
  no-op update, absent key, protected key, maintenance mode, an inactive project). Every action
  error has path ``$``.
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
  ``maintenance_mode`` false, ``major_version`` 2 (only the state controls change the first
  two); ``health_status`` is ``{"status": "inactive"}`` for an inactive tenant, else
  ``"maintenance"`` in maintenance mode, else ``"deploying"`` while a preview-app deployment job
  runs, else ``"healthy"``.
* Users: stored in a ``users`` table (id, e-mail unique case-insensitively). A start-time
  token's user has the e-mail ``user-<first 8 hex digits of the id>@emulator.invalid``; a user
  added with ``add_user`` the e-mail it was given. ``users`` is the token's own user (one row);
  ``projects.owner`` and ``project_collaborators.collaborator`` are those users' rows;
  ``enterprise_user`` is null. An e-mail is valid when it matches
  ``^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$`` and has at most 254 characters; e-mails compare
  case-insensitively (citext) and are kept as given.
* Access and privileges (one layer, ``access.py``): a user sees a project (its tenant, status,
  config, ``config_status``, ``tenant_public_status``, collaborators and custom domains) when
  they own it or are a collaborator on it; any other project reads as absent. Privileges are
  ``admin``, ``graphql_admin`` and ``view_metrics``; the owner has all three and is not a
  collaborator row. ``admin`` (owner or admin collaborator) is needed for ``getTenantEnv``,
  ``updateTenantEnv``, ``deleteTenantEnv``, ``updateTenantName``, ``deleteTenant``,
  ``checkDBLatency``, ``reactivateSuspendedProject``, adding and deleting custom domains, and
  every collaborator, privilege and invitation write. ``view_metrics`` or ``admin``: the Metrics
  API. ``graphql_admin`` alone sees the project, its status, collaborators and domains (the real
  privilege is about the project's own GraphQL API, which is not emulated). Any member sees the
  project's collaborators; only admins see ``projects.invitations`` and
  ``project_collaborator_invitations`` (others get ``[]``). Jobs stay their creator's (an admin
  collaborator's ``checkDBLatency`` job is theirs). Plan entitlements (``collaborator_limit``,
  the ``collaborator_privilege_*`` entitlements, ``custom_domain_limit``) are NOT enforced.
* Invitations: ``inviteCollaborator`` needs ``admin``; it refuses (``bad-request``, one line)
  an invalid e-mail (``invalid e-mail address '<e>'``), empty, unknown or repeated privileges,
  the owner's own e-mail (``<e> owns project <name>; the owner has every privilege already``),
  a collaborator's (``<e> is already a collaborator on project <name>; change their privileges
  instead``) and an e-mail with a pending invitation to the project (``<e> already has a pending
  invitation to project <name>; resend it instead``). An invitation has a secret ``key``
  (``secrets.token_urlsafe(24)``), ``invited_by`` the caller, ``resend_invitation_count`` 0;
  ``ProjectCollaboratorInvitation.invited_at`` is ISO 8601. ``resendInvite`` (admin) needs a
  pending invitation for that e-mail (else ``not-found``: ``no pending invitation for '<e>' to
  project <name>``) and counts it. ``fetchPendingInvitations``: invitations to the caller's
  e-mail neither accepted nor declined (``invitedBy`` is the inviter's e-mail,
  ``isBillable``/``isBillingInvitee`` false). ``acceptInvite``/``declineInvite`` need a pending
  invitation addressed to the caller's e-mail, else ``not-found`` ``invitation not found``
  (whether the key exists is not revealed). Accepting creates the collaborator (``status``
  ``active``) with the invited privileges (``granted_by`` the inviter) and sets ``accepted_at``
  and ``project_collaborator_id``; declining sets ``declined_at``. Both stay in the table.
  ``delete_project_collaborator_invitations_by_pk`` (revoke): admins only.
  ``delete_project_collaborators_by_pk``: admins, or the collaborator themself (leaving); the
  row is returned with the privileges it had, which go with it.
  ``insert_project_collaborator_privileges`` (``_one``): the insert permission is checked first
  (admin on every named collaborator's project), then the slugs (foreign key), then existing
  rows: without ``on_conflict`` a uniqueness violation; with ``update_columns: []`` skipped and
  not counted (``_one`` returns null); with columns, ``granted_at``/``granted_by`` are renewed.
  ``granted_by`` is the caller. Deleting a project deletes its collaborators, their privileges,
  its invitations and its custom domains.
* Custom domains: ``insert_custom_domain_one(object: {fqdn, tenant_id})`` (admin) stores the
  fqdn lower-cased, unique across all users; ``cert`` is ``letsencrypt``. A valid fqdn has at
  most 253 characters, two labels or more of 1-63 ``[a-z0-9-]`` characters not starting or
  ending with ``-``, an alphabetic last label, and is not ``hasura.app`` or under it.
  ``custom_domain``, ``custom_domain_by_pk`` and ``tenant.custom_domains``: any member of the
  project. ``delete_custom_domain_by_pk``: admins (others get null).
* DNS validation, emulated (computed on each read from the emulator's clock, stored once
  final): ``dns_validation`` is ``pending`` until one step (``--step-seconds``; 0: at the next
  read) after max(domain added, record set) the record (``point_dns``) points at the domain's
  tenant fqdn (case and a trailing dot ignored): ``succeeded``; or elsewhere: ``failed``. No
  record within 600 s of the domain being added: ``failed``. ``succeeded`` and ``failed`` never
  change back (a fixed record needs the domain deleted and added again; renaming the project
  does not revalidate). The insert itself answers ``pending``. Certificate: ``ssl_status`` null
  while DNS is pending or failed; ``pending`` for one step after DNS succeeded (``ssl_message``
  ``certificate being issued by Let's Encrypt``), then ``active`` (``ssl_message`` null). When
  DNS failed, ``ssl_message`` is ``<fqdn> does not point at <tenant fqdn>``.
* Entitlements (``projects.entitlements``), ``config_is_enabled`` true, ``id``
  ``uuid5(<fixed namespace>, "<plan>:<type>")``: ``cloud_free`` has ``collaborator_limit``,
  ``custom_domain_limit``, ``data_passthrough_limit``, ``db_limit``, ``vanilla_pg_db``;
  ``cloud_payg`` and ``cloud_free_v2`` also the APM integrations (Datadog, New Relic,
  OpenTelemetry, Prometheus), the three collaborator privileges, ``console_metrics_tab``,
  ``gql_allow_lists``, ``multiple_admin_secrets``, ``multiple_jwt``, ``non_pg_db``,
  ``read_replicas``, ``region_migration`` and ``server_metrics_endpoint``.
* Regions: ``metrics_fqdn`` is ``metrics-<region>.<cloud>.hasura.app`` (the emulator's Metrics
  API answers there, see "Metrics API");
  ``tenant.region_info`` is the tenant's row of ``region``.
* Inactive reasons: ``hibernated`` and ``suspended`` (the state controls accept any one-line
  reason). ``tenant_public_status`` has one row per tenant: ``endpoint``
  ``https://<fqdn>/v1/graphql``, ``type`` ``graphql``, ``is_active`` = active and endpoint up,
  ``message`` null or why not (the reason, ``endpoint down``, ``endpoint not responding``),
  ``updated_at`` its last change.
* Maintenance mode refuses ``updateTenantEnv``, ``deleteTenantEnv`` and ``deleteTenant`` with
  ``project <name> is in maintenance mode; env vars, plan, region and deletion are locked until
  maintenance ends`` (code ``unexpected``), changing nothing; a preview-app creation job that
  would replace such a project fails with ``error creating tenant: <that message>`` and the
  project stays. Renaming, reads, ``checkDBLatency`` and reactivation are allowed.
* An inactive project: env writes are stored (they go live when it is reactivated); its servers
  do not run (no ``config_status`` rows), its ``/healthz`` answers 503, and ``checkDBLatency`` is
  refused with ``project <name> is <reason>; reactivate it first`` (code ``unexpected``).
  ``reactivateSuspendedProject`` of an active project returns ``success: false`` and changes
  nothing; of an inactive one it makes it active (reason null), returns ``success: true``, and its
  servers come back and roll out the latest config as if it were written then.
* Env rollout: every tenant has 2 servers (``worker_id`` ``uuid5(<tenant id>, "0")`` and
  ``"1"``). The tenant's creation and every successful env write are recorded; with step s,
  server i (0-based) runs the newest config written at least (i + 1) * s ago (the creation's at
  once), computed from stored timestamps on each read. ``config_status`` has per server a row
  ``worker_state`` ``live``, ``is_active`` true, ``message`` null with the hash it runs, and while
  a newer hash rolls out to it a second row ``pending``, ``is_active`` false, ``message``
  ``rolling out``. ``tenant.config``: ``hash`` = the ``getTenantEnv`` hash, ``updated_at`` = the
  last write (or reactivation), ``vault_path`` ``secret/tenants/<tenant id>/env``. A tenant from
  a database older than this has no history and runs its current env on both servers.
* ``checkDBLatency`` returns a job (``job_type`` ``db_latency``, ``input`` ``{"project_id"}``)
  with one task ``check-db-latency``: at s ``running`` and ``created``; at 2s ``success`` with
  ``public_event_data`` ``{"sources": {"<source>": {"connection_source": "<env var>",
  "avg_latency": <ms, one decimal>, "error": null}}}`` (or ``failed``, if the project went
  inactive meanwhile). Sources: every env var ending in ``DATABASE_URL`` but the metadata one;
  ``HASURA_GRAPHQL_DATABASE_URL`` is ``default``, ``<PREFIX>_DATABASE_URL`` is ``<prefix>``
  lower-cased; with none, the metadata database is ``default``. The latency is a function of the
  region and the URL's host (5 to 250 ms); a value that is not a ``postgres://`` or
  ``postgresql://`` URL gives ``avg_latency`` null and ``error`` ``invalid connection string``
  (values are never echoed).
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
  s completes one deployment task and starts the next; done at 8s. Progress (of every job kind)
  is computed lazily at the start of each request from stored timestamps, so it survives
  restarts. Timestamps are strictly increasing across the database.
* Deleting a project fails its unfinished jobs of every kind (``deployment terminated: the
  project was deleted``).
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
