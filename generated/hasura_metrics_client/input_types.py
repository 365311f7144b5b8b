from datetime import datetime
from typing import Optional
from uuid import UUID

from pydantic import Field

from .base_model import BaseModel


class String_comparison_exp(BaseModel):
    eq: Optional[str] = Field(alias="_eq", default=None)
    neq: Optional[str] = Field(alias="_neq", default=None)
    gt: Optional[str] = Field(alias="_gt", default=None)
    gte: Optional[str] = Field(alias="_gte", default=None)
    lt: Optional[str] = Field(alias="_lt", default=None)
    lte: Optional[str] = Field(alias="_lte", default=None)
    in_: Optional[list[str]] = Field(alias="_in", default=None)
    nin: Optional[list[str]] = Field(alias="_nin", default=None)
    like: Optional[str] = Field(alias="_like", default=None)
    ilike: Optional[str] = Field(alias="_ilike", default=None)
    is_null: Optional[bool] = Field(alias="_is_null", default=None)


class uuid_comparison_exp(BaseModel):
    eq: Optional[UUID] = Field(alias="_eq", default=None)
    neq: Optional[UUID] = Field(alias="_neq", default=None)
    in_: Optional[list[UUID]] = Field(alias="_in", default=None)
    nin: Optional[list[UUID]] = Field(alias="_nin", default=None)
    is_null: Optional[bool] = Field(alias="_is_null", default=None)


class timestamptz_comparison_exp(BaseModel):
    eq: Optional[datetime] = Field(alias="_eq", default=None)
    neq: Optional[datetime] = Field(alias="_neq", default=None)
    gt: Optional[datetime] = Field(alias="_gt", default=None)
    gte: Optional[datetime] = Field(alias="_gte", default=None)
    lt: Optional[datetime] = Field(alias="_lt", default=None)
    lte: Optional[datetime] = Field(alias="_lte", default=None)
    is_null: Optional[bool] = Field(alias="_is_null", default=None)


class Boolean_comparison_exp(BaseModel):
    eq: Optional[bool] = Field(alias="_eq", default=None)
    neq: Optional[bool] = Field(alias="_neq", default=None)
    is_null: Optional[bool] = Field(alias="_is_null", default=None)


class Float_comparison_exp(BaseModel):
    eq: Optional[float] = Field(alias="_eq", default=None)
    gt: Optional[float] = Field(alias="_gt", default=None)
    gte: Optional[float] = Field(alias="_gte", default=None)
    lt: Optional[float] = Field(alias="_lt", default=None)
    lte: Optional[float] = Field(alias="_lte", default=None)
    is_null: Optional[bool] = Field(alias="_is_null", default=None)


class operation_logs_bool_exp(BaseModel):
    and_: Optional[list["operation_logs_bool_exp"]] = Field(alias="_and", default=None)
    or_: Optional[list["operation_logs_bool_exp"]] = Field(alias="_or", default=None)
    not_: Optional["operation_logs_bool_exp"] = Field(alias="_not", default=None)
    project_id: Optional["uuid_comparison_exp"] = None
    time: Optional["timestamptz_comparison_exp"] = None
    request_id: Optional["String_comparison_exp"] = None
    operation_id: Optional["String_comparison_exp"] = None
    operation_name: Optional["String_comparison_exp"] = None
    operation_type: Optional["String_comparison_exp"] = None
    client_name: Optional["String_comparison_exp"] = None
    user_role: Optional["String_comparison_exp"] = None
    transport: Optional["String_comparison_exp"] = None
    execution_time: Optional["Float_comparison_exp"] = None
    is_error: Optional["Boolean_comparison_exp"] = None
    error_code: Optional["String_comparison_exp"] = None
