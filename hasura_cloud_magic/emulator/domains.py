"""Custom domains of a tenant, and the emulated DNS that validates them.

A domain is added with ``insert_custom_domain_one`` by an admin of the tenant's project. Its DNS
validation is emulated: ``dns_records`` (fqdn -> target host) is an emulator-wide table only
the state controls change (``StateControls.point_dns``, never a user token). ``dns_validation``
is computed when the domain is read, from the store's clock, and stored once final:

* ``pending`` until, one step after max(domain added, record set), the record points at the
  tenant's own fqdn (``succeeded``) or elsewhere (``failed``); case and a trailing dot ignored;
* ``failed`` when no record was set within ``DNS_TIMEOUT_SECONDS`` of the domain being added.

The certificate follows: ``ssl_status`` null until DNS succeeded, ``pending`` for one step
after, then ``active``.
"""

from __future__ import annotations

import uuid
from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from . import access
from .context import RequestContext, checks_uuids, context_of
from .dns import normal_host, valid_host
from .errors import ConstraintViolation, FieldNotFound, InsertPermissionFailed
from .filters import select
from .projects import as_tenant
from .store import Store

Row = dict[str, Any]
PENDING, SUCCEEDED, FAILED = "pending", "succeeded", "failed"
LETSENCRYPT = "letsencrypt"
SSL_PENDING, SSL_ACTIVE = "pending", "active"
SSL_ISSUING = "certificate being issued by Let's Encrypt"
DNS_TIMEOUT_SECONDS = 600
_INSERTABLE = ("fqdn", "tenant_id")
_RESERVED = "hasura.app"

query = ObjectType("query_root")
mutation = ObjectType("mutation_root")
tenant_type = ObjectType("tenant")
domain_type = ObjectType("custom_domain")


# ---------------------------------------------------------------- validation state


def observe(store: Store, row: Row, step_us: int) -> Row:
    """The domain as it reads now: DNS validation decided (and stored) when due, and the
    certificate's status."""
    now = store.now_us()
    tenant = store.row("SELECT fqdn FROM tenant WHERE id = ?", (row["tenant_id"],))
    tenant_fqdn = "" if tenant is None else str(tenant["fqdn"])
    state, decided = row["dns_validation"], row["dns_decided_us"]
    if state == PENDING:
        state, decided = _decide(store, row, tenant_fqdn, now, step_us)
        if state != PENDING:
            updated = store.timestamp()
            store.update(
                "custom_domain",
                row["id"],
                {"dns_validation": state, "dns_decided_us": decided, "updated_at": updated},
            )
            row = {**row, "dns_validation": state, "dns_decided_us": decided, "updated_at": updated}
    ssl_status: str | None = None
    ssl_message: str | None = None
    if state == FAILED:
        ssl_message = f"{row['fqdn']} does not point at {tenant_fqdn}"
    elif state == SUCCEEDED:
        issuing = now < decided + step_us
        ssl_status = SSL_PENDING if issuing else SSL_ACTIVE
        ssl_message = SSL_ISSUING if issuing else None
    return {**row, "ssl_status": ssl_status, "ssl_message": ssl_message}


def _decide(store: Store, row: Row, tenant_fqdn: str, now: int, step_us: int) -> tuple[str, int]:
    added, deadline = row["added_us"], row["added_us"] + DNS_TIMEOUT_SECONDS * 1_000_000
    record = store.row("SELECT * FROM dns_records WHERE fqdn = ?", (row["fqdn"],))
    if record is not None and record["set_at"] < deadline:
        due = max(added, record["set_at"]) + step_us
        if now >= due:
            points_home = record["target"] == normal_host(tenant_fqdn)
            return (SUCCEEDED if points_home else FAILED), due
        return PENDING, 0
    if now >= deadline:
        return FAILED, deadline
    return PENDING, 0


def valid_domain(fqdn: str) -> bool:
    """A host a user may add: ``dns.valid_host`` and not ``hasura.app`` or under it."""
    return valid_host(fqdn) and fqdn != _RESERVED and not fqdn.endswith("." + _RESERVED)


def _view(context: RequestContext, row: Row) -> Row:
    return observe(context.store, row, context.step_us)


# ---------------------------------------------------------------- reads


def _visible_domains(context: RequestContext) -> list[Row]:
    return context.store.rows(
        "SELECT d.* FROM custom_domain d JOIN tenant t ON t.id = d.tenant_id "
        "JOIN projects p ON p.id = t.project_id WHERE p.owner_id = ?1 OR EXISTS ("
        "SELECT 1 FROM project_collaborators c WHERE c.project_id = p.id "
        "AND c.collaborator_id = ?1) ORDER BY d.created_at, d.id",
        (context.owner_id,),
    )


def _domain_of_member(context: RequestContext, domain_id: str) -> tuple[Row, str] | None:
    """The domain (and its project id) if the caller is a member of its project."""
    found = context.store.row(
        "SELECT d.*, t.project_id AS project_id FROM custom_domain d "
        "JOIN tenant t ON t.id = d.tenant_id WHERE d.id = ?",
        (domain_id,),
    )
    if found is None:
        return None
    project_id = found.pop("project_id")
    if access.privileges_on(context.store, context.owner_id, project_id) is None:
        return None
    return found, project_id


@query.field("custom_domain")
@checks_uuids
def resolve_domains(_: Any, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    return select([_view(context, row) for row in _visible_domains(context)], **args)


@query.field("custom_domain_by_pk")
@checks_uuids
def resolve_domain(_: Any, info: GraphQLResolveInfo, id: str) -> Row | None:
    context = context_of(info)
    found = _domain_of_member(context, id)
    return None if found is None else _view(context, found[0])


@tenant_type.field("custom_domains")
@checks_uuids
def resolve_tenant_domains(tenant: Row, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    rows = context.store.rows(
        "SELECT * FROM custom_domain WHERE tenant_id = ? ORDER BY created_at, id", (tenant["id"],)
    )
    return select([_view(context, row) for row in rows], **args)


@domain_type.field("tenant")
def resolve_domain_tenant(domain: Row, info: GraphQLResolveInfo) -> Row | None:
    # Only reached from a domain the caller was allowed to see.
    found = context_of(info).store.row("SELECT * FROM tenant WHERE id = ?", (domain["tenant_id"],))
    return None if found is None else as_tenant(found)


# ---------------------------------------------------------------- writes


@mutation.field("insert_custom_domain_one")
@checks_uuids
def resolve_add_domain(_: Any, info: GraphQLResolveInfo, object: Row) -> Row:
    context = context_of(info)
    store, field = context.store, str(info.path.key)
    for name in object:
        if name not in _INSERTABLE:
            path = f"$.selectionSet.{field}.args.object.{name}"
            raise FieldNotFound(name, "custom_domain_insert_input", path)
    tenant_id = object.get("tenant_id")
    tenant = (
        None if tenant_id is None else access.visible_tenant(store, context.owner_id, tenant_id)
    )
    if tenant is None or not access.is_admin(store, context.owner_id, tenant["project_id"]):
        raise InsertPermissionFailed(field, "object")
    given = object.get("fqdn")
    if given is None:
        raise ConstraintViolation(
            'Not-NULL violation. null value in column "fqdn" of relation "custom_domain" '
            "violates not-null constraint"
        )
    fqdn = given.lower()
    if not valid_domain(fqdn):
        raise ConstraintViolation(
            'Check constraint violation. new row for relation "custom_domain" violates check '
            'constraint "custom_domain_fqdn_check"'
        )
    if store.row("SELECT 1 AS taken FROM custom_domain WHERE fqdn = ?", (fqdn,)) is not None:
        raise ConstraintViolation(
            "Uniqueness violation. duplicate key value violates unique constraint "
            '"custom_domain_fqdn_key"'
        )
    created = store.timestamp()
    row = {
        "id": str(uuid.uuid4()),
        "tenant_id": tenant["id"],
        "fqdn": fqdn,
        "cert": LETSENCRYPT,
        "dns_validation": PENDING,
        "added_us": store.now_us(),
        "dns_decided_us": None,
        "created_at": created,
        "updated_at": created,
    }
    store.insert("custom_domain", row)
    return {**row, "ssl_status": None, "ssl_message": None}


@mutation.field("delete_custom_domain_by_pk")
@checks_uuids
def resolve_delete_domain(_: Any, info: GraphQLResolveInfo, id: str) -> Row | None:
    context = context_of(info)
    found = _domain_of_member(context, id)
    if found is None or not access.is_admin(context.store, context.owner_id, found[1]):
        return None  # Hasura: a row the role may not delete is no row
    domain = _view(context, found[0])
    context.store.execute("DELETE FROM custom_domain WHERE id = ?", (id,))
    return domain


OBJECT_TYPES = [query, mutation, tenant_type, domain_type]
