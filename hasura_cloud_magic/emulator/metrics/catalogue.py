"""The operations, roles and clients invented traffic is made of.

Each project serves a seeded pick of these operations; every operation has its own latency
distribution (a log-normal: ``median_ms`` and a spread ``sigma`` that makes the long tail) and
the error codes it fails with in the background.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

QUERY, MUTATION, SUBSCRIPTION = "query", "mutation", "subscription"
ROLES: tuple[str, ...] = ("user", "anonymous", "admin", "manager")
CLIENTS: tuple[str, ...] = ("web-app", "ios-app", "android-app", "hasura-console")
HTTP, WS = "http", "ws"

#: Real Hasura error codes.
VALIDATION_FAILED = "validation-failed"
CONSTRAINT_VIOLATION = "constraint-violation"
PERMISSION_ERROR = "permission-error"
DATA_EXCEPTION = "data-exception"
POSTGRES_ERROR = "postgres-error"
UNEXPECTED = "unexpected"
ACCESS_DENIED = "access-denied"
INVALID_JWT = "invalid-jwt"
#: Codes an error burst can have: the ones an outage or a bad deploy produces.
BURST_CODES: tuple[str, ...] = (POSTGRES_ERROR, UNEXPECTED, PERMISSION_ERROR, INVALID_JWT)
#: Failures Hasura reports before executing anything: they answer fast.
EARLY_CODES = frozenset({VALIDATION_FAILED, ACCESS_DENIED, INVALID_JWT, PERMISSION_ERROR})

_READ_CODES = (VALIDATION_FAILED, PERMISSION_ERROR, INVALID_JWT, ACCESS_DENIED, POSTGRES_ERROR)
_WRITE_CODES = (CONSTRAINT_VIOLATION, DATA_EXCEPTION, PERMISSION_ERROR, VALIDATION_FAILED)


def operation_id_for(operation_type: str, name: str) -> str:
    """Stable, like Hasura's hash of the normalised document."""
    return hashlib.sha256(f"{operation_type} {name}".encode()).hexdigest()[:40]


@dataclass(frozen=True)
class Operation:
    name: str
    type: str
    median_ms: float
    sigma: float
    response_bytes: int
    error_codes: tuple[str, ...]
    #: Relative share of a project's traffic.
    weight: float
    root_field: str

    @property
    def operation_id(self) -> str:
        return operation_id_for(self.type, self.name)

    @property
    def transport(self) -> str:
        return WS if self.type == SUBSCRIPTION else HTTP


CATALOGUE: tuple[Operation, ...] = (
    Operation("GetProducts", QUERY, 38, 0.55, 5200, _READ_CODES, 10, "products"),
    Operation("GetProductById", QUERY, 14, 0.45, 900, _READ_CODES, 8, "products_by_pk"),
    Operation("SearchProducts", QUERY, 95, 0.8, 7400, _READ_CODES, 5, "search_products"),
    Operation("GetUserProfile", QUERY, 11, 0.4, 640, _READ_CODES, 7, "users_by_pk"),
    Operation("ListOrders", QUERY, 62, 0.7, 3900, _READ_CODES, 4, "orders"),
    Operation("GetCart", QUERY, 9, 0.35, 720, _READ_CODES, 6, "carts_by_pk"),
    Operation("CreateOrder", MUTATION, 140, 0.6, 410, _WRITE_CODES, 2, "insert_orders_one"),
    Operation("UpdateCart", MUTATION, 45, 0.5, 380, _WRITE_CODES, 4, "update_carts_by_pk"),
    Operation("InsertReview", MUTATION, 70, 0.55, 300, _WRITE_CODES, 1, "insert_reviews_one"),
    Operation("DeleteCartItem", MUTATION, 30, 0.5, 210, _WRITE_CODES, 1.5, "delete_cart_items"),
    Operation("OnOrderStatus", SUBSCRIPTION, 22, 0.5, 260, _READ_CODES, 2, "orders_by_pk"),
    Operation("OnInventoryChange", SUBSCRIPTION, 28, 0.6, 340, _READ_CODES, 1, "inventory"),
)
