from typing import Optional
from uuid import UUID

from pydantic import Field

from .base_model import BaseModel


class CreateGitHubPreviewApp(BaseModel):
    create_git_hub_preview_app: Optional[
        "CreateGitHubPreviewAppCreateGitHubPreviewApp"
    ] = Field(alias="createGitHubPreviewApp")


class CreateGitHubPreviewAppCreateGitHubPreviewApp(BaseModel):
    github_preview_app_job_id: UUID = Field(alias="githubPreviewAppJobID")
