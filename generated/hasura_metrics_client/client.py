from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional, Union
from uuid import UUID

from .base_client import BaseClient
from .base_model import UNSET

if TYPE_CHECKING:
    from .base_model import UnsetType
    from .get_error_stats import GetErrorStats
    from .get_errors_over_time import GetErrorsOverTime
    from .get_operation_logs import GetOperationLogs
    from .get_operation_stats import GetOperationStats
    from .get_requests_over_time import GetRequestsOverTime
    from .input_types import operation_logs_bool_exp


def gql(q: str) -> str:
    return q


class HasuraMetricsClient(BaseClient):
    def get_error_stats(
        self,
        project_ids: list[UUID],
        from_time: datetime,
        to_time: datetime,
        limit: int,
        **kwargs: Any,
    ) -> "GetErrorStats":
        from .get_error_stats import GetErrorStats

        query = gql("""
            query GetErrorStats($projectIds: [uuid!]!, $fromTime: timestamptz!, $toTime: timestamptz!, $limit: Int!) {
              searchErrorMetricsAggregate(
                args: {project_ids: $projectIds, from_time: $fromTime, to_time: $toTime, group_by: ["error_code", "operation_name"]}
              ) {
                count
              }
              searchErrorMetrics(
                args: {project_ids: $projectIds, from_time: $fromTime, to_time: $toTime, group_by: ["error_code", "operation_name"], order_by: {error_count: "desc"}, limit: $limit, offset: 0}
              ) {
                error_code
                operation_name
                operation_type
                request_count
                error_count
              }
            }
            """)
        variables: dict[str, object] = {
            "projectIds": project_ids,
            "fromTime": from_time,
            "toTime": to_time,
            "limit": limit,
        }
        response = self.execute(
            query=query, operation_name="GetErrorStats", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return GetErrorStats.model_validate(data)

    def get_errors_over_time(
        self,
        project_ids: str,
        from_time: datetime,
        to_time: datetime,
        time_interval: str,
        **kwargs: Any,
    ) -> "GetErrorsOverTime":
        from .get_errors_over_time import GetErrorsOverTime

        query = gql("""
            query GetErrorsOverTime($projectIds: _uuid!, $fromTime: timestamptz!, $toTime: timestamptz!, $timeInterval: String!) {
              search_errors_over_time(
                args: {project_ids: $projectIds, from_time: $fromTime, to_time: $toTime, time_interval: $timeInterval}
                order_by: {timestamp: asc}
              ) {
                timestamp
                value
              }
            }
            """)
        variables: dict[str, object] = {
            "projectIds": project_ids,
            "fromTime": from_time,
            "toTime": to_time,
            "timeInterval": time_interval,
        }
        response = self.execute(
            query=query,
            operation_name="GetErrorsOverTime",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetErrorsOverTime.model_validate(data)

    def get_operation_logs(
        self, where: "operation_logs_bool_exp", limit: int, **kwargs: Any
    ) -> "GetOperationLogs":
        from .get_operation_logs import GetOperationLogs

        query = gql("""
            query GetOperationLogs($where: operation_logs_bool_exp!, $limit: Int!) {
              operation_logs(where: $where, order_by: [{time: desc}], limit: $limit) {
                time
                request_id
                operation_name
                operation_type
                user_role
                client_name
                transport
                execution_time
                response_size
                is_error
                error_code
                error
              }
            }
            """)
        variables: dict[str, object] = {"where": where, "limit": limit}
        response = self.execute(
            query=query,
            operation_name="GetOperationLogs",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetOperationLogs.model_validate(data)

    def get_operation_stats(
        self,
        project_ids: list[UUID],
        from_time: datetime,
        to_time: datetime,
        group_by: list[str],
        limit: int,
        order_by: Union[Optional[Any], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetOperationStats":
        from .get_operation_stats import GetOperationStats

        query = gql("""
            query GetOperationStats($projectIds: [uuid!]!, $fromTime: timestamptz!, $toTime: timestamptz!, $groupBy: [String!]!, $orderBy: json, $limit: Int!) {
              searchUsageMetricsAggregate(
                args: {project_ids: $projectIds, from_time: $fromTime, to_time: $toTime, group_by: $groupBy}
              ) {
                count
              }
              searchUsageMetrics(
                args: {project_ids: $projectIds, from_time: $fromTime, to_time: $toTime, group_by: $groupBy, order_by: $orderBy, limit: $limit, offset: 0}
              ) {
                operation_name
                operation_type
                user_role
                client_name
                transport
                request_count
                error_count
                average_execution_time
                average_response_size
              }
            }
            """)
        variables: dict[str, object] = {
            "projectIds": project_ids,
            "fromTime": from_time,
            "toTime": to_time,
            "groupBy": group_by,
            "orderBy": order_by,
            "limit": limit,
        }
        response = self.execute(
            query=query,
            operation_name="GetOperationStats",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetOperationStats.model_validate(data)

    def get_requests_over_time(
        self,
        project_ids: str,
        from_time: datetime,
        to_time: datetime,
        time_interval: str,
        operation_names: Union[Optional[str], "UnsetType"] = UNSET,
        user_roles: Union[Optional[str], "UnsetType"] = UNSET,
        client_names: Union[Optional[str], "UnsetType"] = UNSET,
        transports: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "GetRequestsOverTime":
        from .get_requests_over_time import GetRequestsOverTime

        query = gql("""
            query GetRequestsOverTime($projectIds: _uuid!, $fromTime: timestamptz!, $toTime: timestamptz!, $timeInterval: String!, $operationNames: _text, $userRoles: _text, $clientNames: _text, $transports: _text) {
              search_general_operation_metrics_over_time(
                args: {project_ids: $projectIds, from_time: $fromTime, to_time: $toTime, time_interval: $timeInterval, operation_names: $operationNames, user_roles: $userRoles, client_names: $clientNames, transports: $transports}
                order_by: [{bucket_time: asc}, {project_id: asc}]
              ) {
                project_id
                bucket_time
                request_count
                success_count
                average_execution_time
              }
            }
            """)
        variables: dict[str, object] = {
            "projectIds": project_ids,
            "fromTime": from_time,
            "toTime": to_time,
            "timeInterval": time_interval,
            "operationNames": operation_names,
            "userRoles": user_roles,
            "clientNames": client_names,
            "transports": transports,
        }
        response = self.execute(
            query=query,
            operation_name="GetRequestsOverTime",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetRequestsOverTime.model_validate(data)
