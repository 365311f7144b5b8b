from datetime import datetime
from typing import Optional
from uuid import UUID

from .base_model import BaseModel


class GetRequestsOverTime(BaseModel):
    search_general_operation_metrics_over_time: list[
        "GetRequestsOverTimeSearchGeneralOperationMetricsOverTime"
    ]


class GetRequestsOverTimeSearchGeneralOperationMetricsOverTime(BaseModel):
    project_id: UUID
    bucket_time: datetime
    request_count: Optional[int]
    success_count: Optional[int]
    average_execution_time: Optional[float]
