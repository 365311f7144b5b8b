"""Custom domains: adding, listing, deleting, who may, refusals, and the emulated DNS driving
``dns_validation`` and the certificate, with a clock the tests move."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from emulator_helpers import Gql, ManualClock, create_tenant, unique_name
from team_helpers import REAL_CLIENTS, join, operation, people_of

from hasura_cloud_magic.emulator import RunningEmulator, start

STEP = 2.0
TOKENS = ["token-dora", "token-adam", "token-gina", "token-sam"]


@pytest.fixture(scope="module")
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture(scope="module")
def emu(clock: ManualClock) -> Iterator[RunningEmulator]:
    with start(step_seconds=STEP, tokens=TOKENS, clock=clock) as running:
        yield running


@pytest.fixture(scope="module")
def people(emu: RunningEmulator) -> Iterator[dict[str, Gql]]:
    with people_of(emu.endpoint, TOKENS) as made:
        yield made


@pytest.fixture
def tenant(people: dict[str, Gql]) -> dict[str, Any]:
    """A project of dora with adam as admin and gina as graphql_admin (sam is a stranger)."""
    dora = people["dora"]
    created = create_tenant(dora, name=unique_name("dom"))
    project_id = created["tenant"]["project_id"]
    join(dora, people["adam"], project_id, ["admin"])
    join(dora, people["gina"], project_id, ["graphql_admin"])
    return {"id": created["id"], "name": created["name"], "fqdn": f"{created['name']}.hasura.app"}


def domain_name() -> str:
    return f"{unique_name('api')}.example.com"


def add(gql: Gql, tenant_id: str, fqdn: str) -> dict[str, Any]:
    added: dict[str, Any] = gql.data(operation("addCustomDomain"), tenantId=tenant_id, fqdn=fqdn)[
        "insert_custom_domain_one"
    ]
    return added


def get(gql: Gql, domain_id: str) -> dict[str, Any] | None:
    found: dict[str, Any] | None = gql.data(operation("getCustomDomain"), id=domain_id)[
        "custom_domain_by_pk"
    ]
    return found


def listed(gql: Gql, tenant_id: str) -> list[str]:
    tenant = gql.data(operation("getCustomDomains"), tenantId=tenant_id)["tenant_by_pk"]
    return [] if tenant is None else [d["fqdn"] for d in tenant["custom_domains"]]


def constraint(error: dict[str, Any], message: str) -> None:
    assert error == {
        "extensions": {"path": "$", "code": "constraint-violation"},
        "message": message,
    }


def test_add_list_get_delete(people: dict[str, Gql], tenant: dict[str, Any]) -> None:
    dora, adam, gina, sam = people["dora"], people["adam"], people["gina"], people["sam"]
    upper = domain_name().upper()
    added = add(dora, tenant["id"], upper)
    assert added["fqdn"] == upper.lower()
    assert added["cert"] == "letsencrypt"
    assert added["dns_validation"] == "pending"
    assert added["ssl_status"] is None and added["ssl_message"] is None
    assert added["tenant_id"] == tenant["id"]
    assert added["created_at"] == added["updated_at"]
    second = add(adam, tenant["id"], "a-" + domain_name())
    # Any member sees them, ordered by fqdn; a stranger sees nothing.
    for member in (dora, adam, gina):
        assert listed(member, tenant["id"]) == sorted([added["fqdn"], second["fqdn"]])
        assert get(member, added["id"]) is not None
    assert listed(sam, tenant["id"]) == [] and get(sam, added["id"]) is None
    rows = gina.data(
        "query($t: uuid!) { custom_domain(where: {tenant_id: {_eq: $t}}, "
        "order_by: [{created_at: desc}], limit: 1) { fqdn tenant { slug } } }",
        t=tenant["id"],
    )["custom_domain"]
    assert rows == [{"fqdn": second["fqdn"], "tenant": {"slug": tenant["name"]}}]
    assert sam.data("{ custom_domain { id } }")["custom_domain"] == []
    # Only an admin deletes; anyone else gets null and nothing changes.
    for outsider in (gina, sam):
        answer = outsider.data(operation("deleteCustomDomain"), id=added["id"])
        assert answer == {"delete_custom_domain_by_pk": None}
    deleted = adam.data(operation("deleteCustomDomain"), id=added["id"])
    assert deleted == {"delete_custom_domain_by_pk": {"id": added["id"], "fqdn": added["fqdn"]}}
    assert listed(dora, tenant["id"]) == [second["fqdn"]]
    assert dora.data(operation("deleteCustomDomain"), id=added["id"]) == {
        "delete_custom_domain_by_pk": None
    }


def test_only_an_admin_adds(people: dict[str, Gql], tenant: dict[str, Any]) -> None:
    for who in ("gina", "sam"):
        error = people[who].error(
            operation("addCustomDomain"), tenantId=tenant["id"], fqdn=domain_name()
        )
        assert error == {
            "message": "check constraint of an insert permission has failed",
            "extensions": {
                "path": "$.selectionSet.insert_custom_domain_one.args.object",
                "code": "permission-error",
            },
        }
    assert listed(people["dora"], tenant["id"]) == []


@pytest.mark.parametrize(
    "fqdn",
    [
        "localhost",
        "example.",
        ".example.com",
        "a..example.com",
        "-api.example.com",
        "api-.example.com",
        "api.example.c0m",
        "api_1.example.com",
        "api example.com",
        "ünï.example.com",
        ("a" * 64) + ".example.com",
        ".".join(["abcdefghi"] * 26) + ".com",
        "hasura.app",
        "mine.hasura.app",
        "",
    ],
)
def test_invalid_domains_are_check_violations(
    people: dict[str, Gql], tenant: dict[str, Any], fqdn: str
) -> None:
    error = people["dora"].error(operation("addCustomDomain"), tenantId=tenant["id"], fqdn=fqdn)
    constraint(
        error,
        'Check constraint violation. new row for relation "custom_domain" violates check '
        'constraint "custom_domain_fqdn_check"',
    )
    assert listed(people["dora"], tenant["id"]) == []


def test_a_domain_is_unique_across_all_users(
    people: dict[str, Gql], tenant: dict[str, Any]
) -> None:
    fqdn = domain_name()
    add(people["dora"], tenant["id"], fqdn)
    elsewhere = create_tenant(people["sam"])
    for gql, tenant_id in ((people["sam"], elsewhere["id"]), (people["adam"], tenant["id"])):
        error = gql.error(operation("addCustomDomain"), tenantId=tenant_id, fqdn=fqdn.upper())
        constraint(
            error,
            "Uniqueness violation. duplicate key value violates unique constraint "
            '"custom_domain_fqdn_key"',
        )
    assert listed(people["sam"], elsewhere["id"]) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("cert", "none"),
        ("dns_validation", "succeeded"),
        ("id", "00000000-0000-4000-8000-000000000000"),
        ("created_at", "2020-01-01T00:00:00Z"),
        ("updated_at", "2020-01-01T00:00:00Z"),
    ],
)
def test_columns_clients_may_not_set(
    people: dict[str, Gql], tenant: dict[str, Any], field: str, value: str
) -> None:
    error = people["dora"].error(
        "mutation($o: custom_domain_insert_input!) { insert_custom_domain_one(object: $o) { id } }",
        o={"fqdn": domain_name(), "tenant_id": tenant["id"], field: value},
    )
    assert error == {
        "message": f"field \"{field}\" not found in type: 'custom_domain_insert_input'",
        "extensions": {
            "path": f"$.selectionSet.insert_custom_domain_one.args.object.{field}",
            "code": "validation-failed",
        },
    }
    assert listed(people["dora"], tenant["id"]) == []


def test_dns_pointing_home_succeeds_then_the_certificate_is_issued(
    emu: RunningEmulator, clock: ManualClock, people: dict[str, Gql], tenant: dict[str, Any]
) -> None:
    dora = people["dora"]
    fqdn = domain_name()
    added = add(dora, tenant["id"], fqdn)
    clock.advance(60)
    assert get(dora, added["id"])["dns_validation"] == "pending"  # type: ignore[index]
    record = emu.admin.point_dns(fqdn.upper() + ".", project=tenant["name"])
    assert record["fqdn"] == fqdn and record["target"] == tenant["fqdn"]
    assert emu.admin.dns(fqdn) == record
    clock.advance(STEP / 2)
    assert get(dora, added["id"])["dns_validation"] == "pending"  # type: ignore[index]
    clock.advance(STEP / 2)
    issuing = get(dora, added["id"])
    assert issuing is not None
    assert (issuing["dns_validation"], issuing["ssl_status"]) == ("succeeded", "pending")
    assert issuing["ssl_message"] == "certificate being issued by Let's Encrypt"
    assert issuing["updated_at"] > added["updated_at"]
    clock.advance(STEP)
    active = get(dora, added["id"])
    assert active is not None
    assert (active["dns_validation"], active["ssl_status"], active["ssl_message"]) == (
        "succeeded",
        "active",
        None,
    )
    # Final: pointing elsewhere later changes nothing.
    emu.admin.point_dns(fqdn, host="elsewhere.example.net")
    clock.advance(STEP * 2)
    assert get(dora, added["id"])["dns_validation"] == "succeeded"  # type: ignore[index]


def test_a_record_set_before_the_domain_counts_from_the_domain(
    emu: RunningEmulator, clock: ManualClock, people: dict[str, Gql], tenant: dict[str, Any]
) -> None:
    fqdn = domain_name()
    emu.admin.point_dns(fqdn, host=tenant["fqdn"].upper() + ".")
    clock.advance(600)
    added = add(people["adam"], tenant["id"], fqdn)
    assert added["dns_validation"] == "pending"
    clock.advance(STEP)
    found = get(people["gina"], added["id"])
    assert found is not None and found["dns_validation"] == "succeeded"


def test_dns_pointing_elsewhere_fails(
    emu: RunningEmulator, clock: ManualClock, people: dict[str, Gql], tenant: dict[str, Any]
) -> None:
    fqdn = domain_name()
    added = add(people["dora"], tenant["id"], fqdn)
    emu.admin.point_dns(fqdn, host="somewhere-else.example.net")
    clock.advance(STEP)
    failed = get(people["dora"], added["id"])
    assert failed is not None
    assert (failed["dns_validation"], failed["ssl_status"]) == ("failed", None)
    assert failed["ssl_message"] == f"{fqdn} does not point at {tenant['fqdn']}"
    # Final: fixing the record afterwards does not bring it back.
    emu.admin.point_dns(fqdn, project=tenant["name"])
    clock.advance(STEP * 2)
    assert get(people["dora"], added["id"])["dns_validation"] == "failed"  # type: ignore[index]
    filtered = people["dora"].data(
        "query($t: uuid!) { custom_domain(where: {tenant_id: {_eq: $t}, "
        'dns_validation: {_eq: "failed"}}) { id } }',
        t=tenant["id"],
    )["custom_domain"]
    assert filtered == [{"id": added["id"]}]


def test_no_record_within_ten_minutes_fails(
    clock: ManualClock, people: dict[str, Gql], tenant: dict[str, Any]
) -> None:
    added = add(people["dora"], tenant["id"], domain_name())
    clock.advance(599)
    assert get(people["dora"], added["id"])["dns_validation"] == "pending"  # type: ignore[index]
    clock.advance(1)
    timed_out = get(people["dora"], added["id"])
    assert timed_out is not None and timed_out["dns_validation"] == "failed"
    assert timed_out["ssl_message"] == f"{added['fqdn']} does not point at {tenant['fqdn']}"


def test_the_terraform_providers_documents_execute(
    people: dict[str, Gql], tenant: dict[str, Any]
) -> None:
    dora, fqdn = people["dora"], domain_name()
    create = (REAL_CLIENTS / "terraform_create_custom_domain.graphql").read_text()
    created = dora.data(create, tenantId=tenant["id"], fqdn=fqdn)["insert_custom_domain_one"]
    assert created["fqdn"] == fqdn and created["cert"] == "letsencrypt"
    assert created["__typename"] == "custom_domain" and created["dns_validation"] == "pending"
    of_tenant = (REAL_CLIENTS / "terraform_custom_domains_of_tenant.graphql").read_text()
    assert dora.data(of_tenant, tenant_id=tenant["id"]) == {
        "tenant_by_pk": {"custom_domains": [{"id": created["id"], "fqdn": fqdn}]}
    }
    one = (REAL_CLIENTS / "terraform_get_custom_domain.graphql").read_text()
    assert dora.data(one, id=created["id"]) == {"custom_domain_by_pk": {"fqdn": fqdn}}


def test_the_consoles_project_info_shows_collaborators(
    people: dict[str, Gql], tenant: dict[str, Any]
) -> None:
    document = (REAL_CLIENTS / "console_project_info.graphql").read_text()
    projects = people["gina"].data("{ projects { id name } }")["projects"]
    [project_id] = [p["id"] for p in projects if p["name"] == tenant["name"]]
    info = people["gina"].data(document, id=project_id)
    assert info["users"][0]["email"].startswith("user-")
    project = info["projects_by_pk"]
    assert project["owner"]["enterprise_user"] is None
    emails = {c["collaborator"]["email"] for c in project["collaborators"]}
    assert info["users"][0]["email"] in emails and len(emails) == 2
    assert project["tenant"]["region_info"]["metrics_fqdn"]
