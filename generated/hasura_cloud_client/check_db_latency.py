from typing import Optional
from uuid import UUID

from pydantic import Field

from .base_model import BaseModel


class CheckDBLatency(BaseModel):
    check_db_latency: Optional["CheckDBLatencyCheckDbLatency"] = Field(
        alias="checkDBLatency"
    )


class CheckDBLatencyCheckDbLatency(BaseModel):
    db_latency_job_id: UUID
