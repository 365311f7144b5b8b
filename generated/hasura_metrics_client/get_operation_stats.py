from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class GetOperationStats(BaseModel):
    search_usage_metrics_aggregate: Optional[
        "GetOperationStatsSearchUsageMetricsAggregate"
    ] = Field(alias="searchUsageMetricsAggregate")
    search_usage_metrics: Optional[list["GetOperationStatsSearchUsageMetrics"]] = Field(
        alias="searchUsageMetrics"
    )


class GetOperationStatsSearchUsageMetricsAggregate(BaseModel):
    count: int


class GetOperationStatsSearchUsageMetrics(BaseModel):
    operation_name: Optional[str]
    operation_type: Optional[str]
    user_role: Optional[str]
    client_name: Optional[str]
    transport: Optional[str]
    request_count: Optional[int]
    error_count: Optional[int]
    average_execution_time: Optional[float]
    average_response_size: Optional[float]
