"""A token typed where a name or a word was expected is never repeated (the trial's M1, L1).

Every GitHub token (``ghp_…``) is a valid identifier, so it used to pass as an env var name
and come back as "env var ghp_… is not set" (and in the wizard's checkbox label: widget
state). Now a token-shaped word is refused as a name and shown as "[secret not shown]" in
every message that quotes input, the server's own messages included.
"""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from magic_shell import TestingShell

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import HasuraCloudError
from hasura_cloud_magic.widgets import PreviewWizard

GH = "ghp_" + secrets.token_hex(18)
PAT = secrets.token_urlsafe(32)

CASES = [
    "%hasura preview create --owner o --repo r --branch b --name x --github-token-env {{gh}}",
    "%hasura preview wizard --github-token-env {{gh}}",
    "%hasura login --token-env {{gh}}",
    "%hasura login --token-env {{pat}}",
    "%hasura login --token={{pat}}",
    "%hasura login {{pat}}",
    "%hasura env set some-project {{pat}}",
    "%hasura project {{pat}}",
    "%hasura tenant {{gh}}",
    "%%hasura\nquery ($id: uuid!) { tenant_by_pk(id: $id) { id } }",
]


@pytest.mark.parametrize("line", CASES)
def test_a_token_in_the_wrong_place_is_never_repeated(
    ip: TestingShell,
    line: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in (("gh", GH), ("pat", PAT), ("id", PAT)):
        monkeypatch.setitem(ip.user_ns, name, value)  # gone after the test: one shell for all
    with pytest.raises(HasuraCloudError) as caught:
        ip.run_cell(line)
    shown = capsys.readouterr().out + str(caught.value)
    assert GH not in shown and PAT not in shown
    assert GH[4:20] not in shown and PAT[:16] not in shown  # not even in part


def test_the_wizard_refuses_a_token_as_its_env_var_name(cloud: HasuraCloud) -> None:
    with pytest.raises(HasuraCloudError) as caught:
        PreviewWizard(cloud, github_token_env=GH)
    assert GH not in str(caught.value)


@pytest.mark.parametrize(
    "word",
    [
        "34c99ac2-3279-425c-937c-f54bd8fea27b",
        "hasura-cloud-magic-project-number-1234567",
        "https://data.pro.hasura.io/v1/graphql",
        "HASURA_CLOUD_ACCESS_TOKEN",
    ],
)
def test_ids_names_and_urls_are_still_shown(word: str) -> None:
    from hasura_cloud_magic.redaction import looks_like_secret, quoted

    assert not looks_like_secret(word) and word in quoted(word, limit=100)


def test_the_usual_errors_still_name_what_was_wrong(ip: TestingShell, emulator: Any) -> None:
    with pytest.raises(HasuraCloudError, match="no project named 'no-such-thing'"):
        ip.run_cell("%hasura project no-such-thing")
