from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class GetErrorStats(BaseModel):
    search_error_metrics_aggregate: Optional[
        "GetErrorStatsSearchErrorMetricsAggregate"
    ] = Field(alias="searchErrorMetricsAggregate")
    search_error_metrics: Optional[list["GetErrorStatsSearchErrorMetrics"]] = Field(
        alias="searchErrorMetrics"
    )


class GetErrorStatsSearchErrorMetricsAggregate(BaseModel):
    count: int


class GetErrorStatsSearchErrorMetrics(BaseModel):
    error_code: Optional[str]
    operation_name: Optional[str]
    operation_type: Optional[str]
    request_count: Optional[int]
    error_count: Optional[int]
