from datetime import datetime
from typing import Any, Optional

from .base_model import BaseModel


class GetOperationLogs(BaseModel):
    operation_logs: list["GetOperationLogsOperationLogs"]


class GetOperationLogsOperationLogs(BaseModel):
    time: datetime
    request_id: str
    operation_name: Optional[str]
    operation_type: Optional[str]
    user_role: Optional[str]
    client_name: Optional[str]
    transport: Optional[str]
    execution_time: Optional[float]
    response_size: Optional[int]
    is_error: bool
    error_code: Optional[str]
    error: Optional[Any]
