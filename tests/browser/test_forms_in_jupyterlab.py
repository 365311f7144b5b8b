"""The forms where people use them: a real JupyterLab page in Chromium, against the emulator."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import nbformat
import pytest

from hasura_cloud_magic.api import HasuraCloud

pytestmark = pytest.mark.browser

KERNEL_IDLE = (
    "() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
    " return !!(w && w.sessionContext && w.sessionContext.session &&"
    " w.sessionContext.session.kernel && w.sessionContext.session.kernel.status === 'idle'); }"
)


def write_notebook(root: Path, name: str, *sources: str) -> str:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, root / name)
    return name


STARTED = (
    "() => [...document.querySelectorAll('.jp-InputPrompt')]"
    ".some(p => /\\[(\\d+|\\*)\\]/.test(p.textContent))"
)


def open_and_run(page: Any, lab: Any, name: str) -> None:
    """Open the notebook, wait for its kernel, run all cells (again if the first try is lost)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # A workspace of its own, so no tab from another test is restored and made current.
    page.goto(lab.url(f"lab/workspaces/{uuid.uuid4().hex[:8]}/tree/{name}") + "&reset")
    page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
    for _ in range(5):
        page.wait_for_function(KERNEL_IDLE, timeout=60_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        try:
            page.wait_for_function(STARTED, timeout=5_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"the cells of {name} never started running")


def test_env_editor_saves_an_edit_typed_in_the_page(
    lab: Any, browser: Any, cloud: HasuraCloud, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    name = f"browser-env-{uuid.uuid4().hex[:6]}"
    created = cloud.create_project(
        cloud="aws", region="us-east-2", name=name, envs={"API_URL": "https://old.example.com"}
    )
    notebook = write_notebook(
        lab.root, "env-editor.ipynb", "%load_ext hasura_cloud_magic", f"%hasura env edit {name}"
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_and_run(page, lab, notebook)
        form = page.locator(".hcm-env-editor")
        expect(form).to_be_visible(timeout=60_000)
        first_row = form.locator(".hcm-env-row").first  # rows are sorted: API_URL first
        first_row.locator("input[type=password]").fill("https://new.example.com")
        first_row.locator("input[type=password]").press("Tab")
        form.get_by_role("button", name="Save").click()
        expect(form.locator(".hcm-status")).to_contain_text("Saved: 1 changed.", timeout=30_000)
        expect(form.locator(".hcm-rollout")).to_contain_text(
            "Env rollout: live on every server.", timeout=30_000
        )
        page.screenshot(path=str(screenshots / "env-editor.png"))
        print(f"screenshot: {screenshots / 'env-editor.png'}")
    finally:
        page.close()
    assert cloud.get_env(created.id).values["API_URL"] == "https://new.example.com"
    cloud.delete_tenant(created.id)


def test_access_form_ticks_reviews_and_saves_in_the_page(
    lab: Any, browser: Any, emulator: Any, cloud: HasuraCloud, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    from hasura_cloud_magic.settings import ClientSettings
    from hasura_cloud_magic.targets import resolve

    name = f"browser-access-{uuid.uuid4().hex[:6]}"
    cloud.create_project(cloud="aws", region="us-east-2", name=name)
    target = resolve(cloud, name)
    ana = f"ana-{uuid.uuid4().hex[:6]}@example.com"
    token = emulator.admin.add_user(ana)
    cloud.access.invite(target.project_id, ana, ["view_metrics"])
    with HasuraCloud(ClientSettings(endpoint=emulator.endpoint, token=token)) as theirs:
        theirs.access.accept(theirs.access.my_invitations()[0])
    notebook = write_notebook(
        lab.root, "access.ipynb", "%load_ext hasura_cloud_magic", f"%hasura access {name}"
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_and_run(page, lab, notebook)
        form = page.locator(".hcm-access-editor")
        expect(form).to_be_visible(timeout=60_000)
        expect(form.locator(".hcm-access-row")).to_have_count(2, timeout=30_000)
        owner = form.locator(".hcm-access-owner")
        expect(owner.locator(".widget-checkbox input")).to_have_count(3)
        for box in owner.locator(".widget-checkbox input").all():
            expect(box).to_be_checked()
            expect(box).to_be_disabled()
        row = form.locator(".hcm-access-collaborator")
        expect(row).to_contain_text(ana)
        expect(row.locator(".hcm-privilege-view_metrics input")).to_be_checked()
        # The invite row refuses a wrong e-mail as it is typed.
        invite = form.locator(".hcm-invite-email input")
        invite.fill("bo@")
        expect(form.locator(".hcm-access-error")).to_contain_text("is not an e-mail address")
        invite.fill("")
        expect(form.locator(".hcm-access-error")).to_be_hidden()
        row.locator(".hcm-privilege-admin input").check()
        expect(row.locator(".hcm-access-state")).to_contain_text("changed")
        form.get_by_role("button", name="Review").click()
        expect(form.locator(".hcm-review")).to_contain_text(f"{ana}: +admin")
        form.get_by_role("button", name="Save").click()
        expect(form.locator(".hcm-status")).to_contain_text("Saved 1 change.", timeout=30_000)
        expect(form.locator(".hcm-outcome")).to_contain_text(f"{ana}: +admin")
        page.screenshot(path=str(screenshots / "access-form.png"))
        print(f"screenshot: {screenshots / 'access-form.png'}")
    finally:
        page.close()
    [access] = cloud.access.read([target.project_id])
    member = access.member(ana)
    assert member is not None and member.privileges == ("admin", "view_metrics")
    cloud.delete_tenant(target.tenant_id)


def test_preview_wizard_walks_to_a_healthy_app(
    lab: Any, browser: Any, cloud: HasuraCloud, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    name = f"browser-pv-{uuid.uuid4().hex[:6]}"
    notebook = write_notebook(
        lab.root,
        "wizard.ipynb",
        "%load_ext hasura_cloud_magic\n%config HasuraMagics.poll_interval = 0.3",
        "%hasura preview wizard",
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_and_run(page, lab, notebook)
        wizard = page.locator(".hcm-preview-wizard")
        expect(wizard).to_be_visible(timeout=60_000)
        visible_inputs = wizard.locator(".widget-text:visible input")
        visible_inputs.nth(0).fill("my-org")
        visible_inputs.nth(1).fill("shop")
        visible_inputs.nth(1).press("Tab")
        next_button = wizard.get_by_role("button", name="Next")
        next_button.click()
        expect(wizard).to_contain_text("step 2 of 6")
        visible_inputs.nth(0).fill(name)
        visible_inputs.nth(0).press("Tab")
        next_button.click()
        expect(wizard).to_contain_text("step 3 of 6")
        next_button.click()
        expect(wizard).to_contain_text("step 4 of 6")
        wizard.locator(".widget-checkbox input").check()
        next_button.click()
        expect(wizard).to_contain_text("step 5 of 6")
        expect(wizard.locator(".hcm-review")).to_contain_text("my-org/shop@main")
        wizard.get_by_role("button", name="Create").click()
        expect(wizard.locator(".hcm-status")).to_contain_text("Ready:", timeout=60_000)
        expect(wizard.locator(".hcm-progress")).to_contain_text("check-healthz")
        page.screenshot(path=str(screenshots / "preview-wizard.png"))
        print(f"screenshot: {screenshots / 'preview-wizard.png'}")
    finally:
        page.close()
    project = cloud.find_project_by_name(name)
    assert project is not None and project.tenant is not None
    cloud.delete_tenant(project.tenant.id)


# The rendered page, not the HTML string: is every revealed value inside the visible output,
# and is the editor's longest key shown whole? (the UX trial's M1 and M9)
INSIDE = (
    "([cell, area]) => { const c = cell.getBoundingClientRect(),"
    " a = area.getBoundingClientRect(); return c.left >= a.left && c.right <= a.right + 1; }"
)


def test_tables_and_the_editor_show_long_values_and_keys_whole(
    lab: Any, browser: Any, cloud: HasuraCloud, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    name = f"browser-look-{uuid.uuid4().hex[:6]}"
    created = cloud.create_project(
        cloud="aws",
        region="us-east-2",
        name=name,
        envs={"API_URL": "https://api.example.com", "DB_PASS": "s3cret-shown-on-purpose"},
    )
    notebook = write_notebook(
        lab.root,
        "look.ipynb",
        "%load_ext hasura_cloud_magic",
        f"%hasura env show {name} --reveal",
        f"%hasura env edit {name}",
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        open_and_run(page, lab, notebook)
        table = page.locator("table.hcm-table").first
        expect(table).to_be_visible(timeout=60_000)
        area = page.locator(".jp-OutputArea-output").filter(has=table).first
        for value in ("https://api.example.com", "s3cret-shown-on-purpose"):
            cell = table.locator("td", has_text=value).first
            expect(cell).to_be_visible()
            inside = page.evaluate(INSIDE, [cell.element_handle(), area.element_handle()])
            assert inside, f"{value} is outside the visible output"
        form = page.locator(".hcm-env-editor")
        expect(form).to_be_visible(timeout=60_000)
        form.locator(".hcm-env-row").first.wait_for(timeout=30_000)
        key = "HASURA_GRAPHQL_METADATA_DATABASE_URL"
        fits = form.locator("input").evaluate_all(
            f"els => els.filter(el => el.value === {key!r})"
            ".map(el => el.offsetWidth > 0 && el.scrollWidth <= el.clientWidth + 1)"
        )
        assert fits == [True], f"the key {key} is not shown whole: {fits}"
        page.screenshot(path=str(screenshots / "env-show.png"))
    finally:
        page.close()
        cloud.delete_tenant(created.id)


def test_monitoring_charts_are_drawn_by_jupyterlab(
    lab: Any, browser: Any, cloud: HasuraCloud, screenshots: Path
) -> None:
    """%hasura metrics and errors show Vega-Lite charts that JupyterLab itself draws."""
    from playwright.sync_api import expect

    name = f"browser-chart-{uuid.uuid4().hex[:6]}"
    created = cloud.create_project(cloud="aws", region="us-east-2", name=name)
    notebook = write_notebook(
        lab.root,
        "charts.ipynb",
        "%load_ext hasura_cloud_magic",
        f"%hasura metrics {name} --since 24h",
        f"%hasura operations {name} --top 5",
    )
    page = browser.new_page(viewport={"width": 1280, "height": 1100})
    try:
        open_and_run(page, lab, notebook)
        charts = page.locator(".jp-RenderedVegaLite")
        expect(charts).to_have_count(2, timeout=60_000)
        traffic, operations = charts.nth(0), charts.nth(1)
        # Drawn, not just placed: three panels of lines, and five bars.
        expect(traffic.locator("svg, canvas").first).to_be_visible(timeout=30_000)
        expect(traffic).to_contain_text("requests")
        expect(traffic).to_contain_text("mean latency (ms)")
        lines = traffic.locator("g.mark-line path")
        expect(lines).to_have_count(3, timeout=30_000)
        expect(operations.locator("g.mark-rect path")).to_have_count(5, timeout=30_000)
        # No table beside a chart: JupyterLab would have preferred it.
        assert page.locator("table.hcm-table").count() == 0
        traffic.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots / "metrics-chart.png"))
        print(f"screenshot: {screenshots / 'metrics-chart.png'}")
    finally:
        page.close()
        cloud.delete_tenant(created.id)
