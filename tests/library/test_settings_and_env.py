"""ClientSettings validation and description; TenantEnv masking; env key checks."""

import pytest

from hasura_cloud_magic.env_vars import TenantEnv, check_env_key
from hasura_cloud_magic.errors import ConfigurationError, InvalidInputError
from hasura_cloud_magic.settings import DEFAULT_ENDPOINT, ClientSettings

SECRET = "pat-canary-3c1f"


def test_defaults_from_empty_environment() -> None:
    settings = ClientSettings.from_env({})
    assert settings.endpoint == DEFAULT_ENDPOINT
    assert settings.token is None
    assert settings.authorization_header == {}


def test_from_environment() -> None:
    settings = ClientSettings.from_env(
        {
            "HASURA_CLOUD_ENDPOINT": "http://127.0.0.1:1/v1/graphql",
            "HASURA_CLOUD_ACCESS_TOKEN": SECRET,
        }
    )
    assert settings.endpoint == "http://127.0.0.1:1/v1/graphql"
    assert settings.authorization_header == {"Authorization": f"pat {SECRET}"}


def test_token_env_var_name_is_configurable() -> None:
    settings = ClientSettings.from_env({"MY_TOKEN": SECRET}, token_env_var="MY_TOKEN")
    assert settings.token == SECRET


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"endpoint": "data.pro.hasura.io"}, "endpoint must be an http"),
        ({"endpoint": "ftp://x/v1/graphql"}, "endpoint must be an http"),
        ({"timeout_seconds": 0}, "timeout must be a positive"),
        ({"token": "   "}, "token is empty"),
    ],
)
def test_invalid_settings_fail_in_one_line(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message) as error:
        ClientSettings(**kwargs)  # type: ignore[arg-type]
    assert "\n" not in str(error.value)


def test_token_never_in_repr_or_description() -> None:
    settings = ClientSettings(token=SECRET)
    assert SECRET not in repr(settings)
    assert SECRET not in settings.describe()
    assert "token:    set" in settings.describe()
    assert "token:    not set" in ClientSettings().describe()


def test_tenant_env_masks_values() -> None:
    env = TenantEnv.from_api("t", "ab" * 20, {"environment": {"DB_PASSWORD": SECRET, "PORT": 8080}})
    assert env.values == {"DB_PASSWORD": SECRET, "PORT": "8080"}
    assert env.keys == ["DB_PASSWORD", "PORT"]
    assert SECRET not in repr(env) and SECRET not in str(env)


def test_tenant_env_tolerates_missing_environment() -> None:
    assert TenantEnv.from_api("t", "h", {}).values == {}
    assert TenantEnv.from_api("t", "h", None).values == {}


@pytest.mark.parametrize("key", ["A", "_X", "MY_VAR_2", "lower_ok"])
def test_valid_env_keys(key: str) -> None:
    assert check_env_key(key) == key


@pytest.mark.parametrize("key", ["", "1ABC", "WITH-DASH", "SPACE KEY", "DOLLAR$", "É"])
def test_invalid_env_keys(key: str) -> None:
    with pytest.raises(InvalidInputError, match="invalid env var name"):
        check_env_key(key)
