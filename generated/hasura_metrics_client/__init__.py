import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base_client import BaseClient
    from .base_model import BaseModel
    from .client import HasuraMetricsClient
    from .exceptions import (
        GraphQLClientError,
        GraphQLClientGraphQLError,
        GraphQLClientGraphQLMultiError,
        GraphQLClientHttpError,
        GraphQLClientInvalidResponseError,
    )
    from .get_error_stats import (
        GetErrorStats,
        GetErrorStatsSearchErrorMetrics,
        GetErrorStatsSearchErrorMetricsAggregate,
    )
    from .get_errors_over_time import (
        GetErrorsOverTime,
        GetErrorsOverTimeSearchErrorsOverTime,
    )
    from .get_operation_logs import GetOperationLogs, GetOperationLogsOperationLogs
    from .get_operation_stats import (
        GetOperationStats,
        GetOperationStatsSearchUsageMetrics,
        GetOperationStatsSearchUsageMetricsAggregate,
    )
    from .get_requests_over_time import (
        GetRequestsOverTime,
        GetRequestsOverTimeSearchGeneralOperationMetricsOverTime,
    )
    from .input_types import (
        Boolean_comparison_exp,
        Float_comparison_exp,
        String_comparison_exp,
        operation_logs_bool_exp,
        timestamptz_comparison_exp,
        uuid_comparison_exp,
    )
_LAZY_IMPORTS = {
    "BaseClient": ".base_client",
    "BaseModel": ".base_model",
    "Boolean_comparison_exp": ".input_types",
    "Float_comparison_exp": ".input_types",
    "GetErrorStats": ".get_error_stats",
    "GetErrorStatsSearchErrorMetrics": ".get_error_stats",
    "GetErrorStatsSearchErrorMetricsAggregate": ".get_error_stats",
    "GetErrorsOverTime": ".get_errors_over_time",
    "GetErrorsOverTimeSearchErrorsOverTime": ".get_errors_over_time",
    "GetOperationLogs": ".get_operation_logs",
    "GetOperationLogsOperationLogs": ".get_operation_logs",
    "GetOperationStats": ".get_operation_stats",
    "GetOperationStatsSearchUsageMetrics": ".get_operation_stats",
    "GetOperationStatsSearchUsageMetricsAggregate": ".get_operation_stats",
    "GetRequestsOverTime": ".get_requests_over_time",
    "GetRequestsOverTimeSearchGeneralOperationMetricsOverTime": ".get_requests_over_time",
    "GraphQLClientError": ".exceptions",
    "GraphQLClientGraphQLError": ".exceptions",
    "GraphQLClientGraphQLMultiError": ".exceptions",
    "GraphQLClientHttpError": ".exceptions",
    "GraphQLClientInvalidResponseError": ".exceptions",
    "HasuraMetricsClient": ".client",
    "String_comparison_exp": ".input_types",
    "operation_logs_bool_exp": ".input_types",
    "timestamptz_comparison_exp": ".input_types",
    "uuid_comparison_exp": ".input_types",
}


def __getattr__(name):
    """Import the module a generated name lives in, the first time it is used."""
    module_name = _LAZY_IMPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)


__all__ = [
    "BaseClient",
    "BaseModel",
    "Boolean_comparison_exp",
    "Float_comparison_exp",
    "GetErrorStats",
    "GetErrorStatsSearchErrorMetrics",
    "GetErrorStatsSearchErrorMetricsAggregate",
    "GetErrorsOverTime",
    "GetErrorsOverTimeSearchErrorsOverTime",
    "GetOperationLogs",
    "GetOperationLogsOperationLogs",
    "GetOperationStats",
    "GetOperationStatsSearchUsageMetrics",
    "GetOperationStatsSearchUsageMetricsAggregate",
    "GetRequestsOverTime",
    "GetRequestsOverTimeSearchGeneralOperationMetricsOverTime",
    "GraphQLClientError",
    "GraphQLClientGraphQLError",
    "GraphQLClientGraphQLMultiError",
    "GraphQLClientHttpError",
    "GraphQLClientInvalidResponseError",
    "HasuraMetricsClient",
    "String_comparison_exp",
    "operation_logs_bool_exp",
    "timestamptz_comparison_exp",
    "uuid_comparison_exp",
]
