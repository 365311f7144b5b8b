from typing import Optional
from uuid import UUID

from pydantic import Field

from .base_model import BaseModel
from .enums import cloud_enum


class String_comparison_exp(BaseModel):
    eq: Optional[str] = Field(alias="_eq", default=None)
    neq: Optional[str] = Field(alias="_neq", default=None)
    in_: Optional[list[str]] = Field(alias="_in", default=None)
    nin: Optional[list[str]] = Field(alias="_nin", default=None)
    is_null: Optional[bool] = Field(alias="_is_null", default=None)
    like: Optional[str] = Field(alias="_like", default=None)
    ilike: Optional[str] = Field(alias="_ilike", default=None)


class cloud_enum_comparison_exp(BaseModel):
    eq: Optional[cloud_enum] = Field(alias="_eq", default=None)
    neq: Optional[cloud_enum] = Field(alias="_neq", default=None)
    in_: Optional[list[cloud_enum]] = Field(alias="_in", default=None)
    nin: Optional[list[cloud_enum]] = Field(alias="_nin", default=None)
    is_null: Optional[bool] = Field(alias="_is_null", default=None)


class UpdateEnvObject(BaseModel):
    """One env var for updateTenantEnv."""

    key: str
    value: str


class UpdateEnvsObject(BaseModel):
    """One env var for createTenant and preview apps: the same shape as UpdateEnvObject, a different type."""

    key: str
    value: str


class GithubRepoDetails(BaseModel):
    branch: str
    directory: str
    owner: str
    repo: str


class ProjectOptions(BaseModel):
    cloud: str
    region: str
    name: str
    plan: Optional[str] = None
    env_vars: Optional[list[Optional["UpdateEnvsObject"]]] = Field(
        alias="envVars", default=None
    )


class CreateGithubPreviewAppInputPayload(BaseModel):
    github_personal_access_token: str = Field(alias="githubPersonalAccessToken")
    github_repo_details: "GithubRepoDetails" = Field(alias="githubRepoDetails")
    project_options: "ProjectOptions" = Field(alias="projectOptions")


class InviteColloboratorRequest(BaseModel):
    collaborator_email: str
    privileges: list[str]
    project_id: UUID


class ResendInvitationRequest(BaseModel):
    collaborator_email: str
    project_id: UUID


class project_collaborator_privileges_insert_input(BaseModel):
    """A privilege to grant; granted_at and granted_by are set by Cloud."""

    privilege_slug: Optional[str] = None
    project_collaborator_id: Optional[UUID] = None
