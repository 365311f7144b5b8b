from datetime import datetime
from typing import Optional

from .base_model import BaseModel


class GetErrorsOverTime(BaseModel):
    search_errors_over_time: list["GetErrorsOverTimeSearchErrorsOverTime"]


class GetErrorsOverTimeSearchErrorsOverTime(BaseModel):
    timestamp: datetime
    value: Optional[float]
