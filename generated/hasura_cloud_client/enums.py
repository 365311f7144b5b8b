from enum import Enum


class cloud_enum(str, Enum):
    aws = "aws"
    azure = "azure"
    do = "do"
    gcp = "gcp"


class project_entitlement_types_enum(str, Enum):
    apm_integration_azuremonitor = "apm_integration_azuremonitor"
    apm_integration_datadog = "apm_integration_datadog"
    apm_integration_newrelic = "apm_integration_newrelic"
    apm_integration_opentelemetry = "apm_integration_opentelemetry"
    apm_integration_prometheus = "apm_integration_prometheus"
    collaborator_limit = "collaborator_limit"
    collaborator_privilege_admin = "collaborator_privilege_admin"
    collaborator_privilege_graphql_admin = "collaborator_privilege_graphql_admin"
    collaborator_privilege_view_metrics = "collaborator_privilege_view_metrics"
    console_metrics_tab = "console_metrics_tab"
    custom_domain_limit = "custom_domain_limit"
    data_passthrough_limit = "data_passthrough_limit"
    db_limit = "db_limit"
    gql_allow_lists = "gql_allow_lists"
    multiple_admin_secrets = "multiple_admin_secrets"
    multiple_jwt = "multiple_jwt"
    no_db = "no_db"
    non_pg_db = "non_pg_db"
    read_replicas = "read_replicas"
    region_migration = "region_migration"
    server_metrics_endpoint = "server_metrics_endpoint"
    vanilla_pg_db = "vanilla_pg_db"
