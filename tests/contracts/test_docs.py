"""The docs site builds from the committed notebooks, warning-free, without running them.

notebooks/docs/ holds the Sphinx + MyST-NB configuration; the source directory is notebooks/
itself. The landing page is the README, every notebook gets a page showing its committed
outputs, and the API page is autodoc of the facade, the library and the generated client.
"""

import html
import json
import re
import runpy
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from paths import ROOT

NOTEBOOKS_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class _Text(HTMLParser):
    """The visible text of a page (no scripts: widget state must not count as output)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _squash(text: str) -> str:
    return " ".join(text.split())


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return _squash(html.unescape("".join(parser.parts)))


def _repo_paths() -> set[Path]:
    """What the build could litter: the top level and everything under notebooks/."""
    return {path for path in ROOT.iterdir() if path.name != ".git"} | {
        path for path in NOTEBOOKS_DIR.rglob("*") if "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("docs")
    before = _repo_paths()
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-b",
            "html",
            "-c",
            "notebooks/docs",
            "-d",
            str(work / "doctrees"),
            "notebooks",
            str(work / "html"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr
    assert not _repo_paths() - before, "the build wrote into the repository"
    assert not (work / ".jupyter_cache").exists()
    return work / "html"


def test_notebooks_are_never_executed() -> None:
    # They need the emulator; their committed outputs, checked by nbval, are what is shown.
    conf = runpy.run_path(str(NOTEBOOKS_DIR / "docs" / "conf.py"))
    assert conf["nb_execution_mode"] == "off"


@pytest.mark.slow  # the site fixture is one Sphinx build, about 10 s
def test_landing_page_is_the_readme(site: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = page_text(site / "docs" / "index.html")
    assert "The runbooks are also a static site" in text
    in_code = False
    for line in readme.splitlines():
        in_code ^= line.startswith("```")
        if not in_code and re.match(r"#{1,3} ", line):
            heading = _squash(line.lstrip("#").replace("`", ""))
            assert heading in text, heading
    assert "../_images/env-editor.png" in (site / "docs" / "index.html").read_text()
    assert 'url=docs/index.html"' in (site / "index.html").read_text()


def _first_heading(cells: list[dict]) -> str:
    for cell in cells:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("#"):
                    return _squash(line.lstrip("#").replace("`", "").replace("*", ""))
    raise AssertionError("no markdown heading")


def _output_texts(cells: list[dict]) -> list[str]:
    """Text the page must show: the first line of each committed stdout or text-only result,
    or, in a notebook with none, the text of its HTML outputs."""
    texts, html_texts = [], []
    for cell in cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if output["output_type"] == "stream" and output["name"] == "stdout":
                text = "".join(output["text"])
            elif set(data) == {"text/plain"}:
                text = "".join(data["text/plain"])
            else:
                if "text/html" in data and "application/vnd.jupyter.widget-view+json" not in data:
                    parser = _Text()
                    parser.feed("".join(data["text/html"]))
                    html_texts.append(_squash("".join(parser.parts)))
                continue
            lines = [_squash(ANSI.sub("", line.rsplit("\r", 1)[-1])) for line in text.split("\n")]
            texts += [line for line in lines if line][:1]
    return texts or [text for text in html_texts if text]


@pytest.mark.slow
def test_every_notebook_is_a_page_with_its_committed_outputs(site: Path) -> None:
    assert NOTEBOOKS
    index = (site / "docs" / "index.html").read_text(encoding="utf-8")
    for notebook in NOTEBOOKS:
        page = site / f"{notebook.stem}.html"
        assert page.is_file(), f"{notebook.name} has no page"
        assert f'href="../{notebook.stem}.html"' in index, f"{notebook.name} not in the toctree"
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        text = page_text(page)
        assert _first_heading(cells) in text, notebook.name
        outputs = _output_texts(cells)
        assert outputs, f"{notebook.name}: no text output to look for"
        missing = [output for output in outputs if output not in text]
        assert not missing, f"{notebook.name}: outputs not on its page: {missing}"


@pytest.mark.slow
def test_api_page_documents_the_facade_and_the_generated_client(site: Path) -> None:
    page = (site / "docs" / "api.html").read_text(encoding="utf-8")
    for name in (
        "hasura_cloud_magic.api.HasuraCloud",
        "hasura_cloud_magic.api.HasuraCloud.list_projects",
        "hasura_cloud_magic.api.HasuraCloud.update_env",
        "hasura_cloud_magic.errors.HasuraCloudError",
        "hasura_cloud_magic.settings.ClientSettings",
        "hasura_cloud_magic.env_writer.apply_edits",
        "hasura_cloud_client.HasuraCloudClient",
        "hasura_cloud_client.HasuraCloudClient.list_projects",
    ):
        assert f'id="{name}"' in page, name
