"""Sphinx configuration: the tested notebooks, with their committed outputs, as a static site.

The source directory is ``notebooks/`` (the runbooks stay where nbval runs them) and this
folder is only the configuration directory, so the build is::

    python -m sphinx -W -b html -c notebooks/docs notebooks out/docs/html

(MyST-NB writes copies of the notebooks beside the output folder, in out/docs/jupyter_execute.)

The landing page (``docs/index.md``) includes the README; ``docs/api.rst`` is autodoc of the
facade, the library modules and the generated client. Notebooks are never executed here: their
committed outputs (checked by nbval) are what the site shows.
"""

from importlib.metadata import version as _version

project = "hasura-cloud-magic"
author = "hasura-cloud-magic contributors"
copyright = "hasura-cloud-magic contributors"
release = _version("hasura-cloud-magic")
version = release

extensions = ["myst_nb", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]

# Paths below are relative to the source directory, notebooks/.
root_doc = "docs/index"
exclude_patterns = [
    "**/.ipynb_checkpoints",
    "**/__pycache__",
    "**/.pytest_cache",
    "**/.jupyter_cache",
    "**/_build",
    "docs/_templates",
]

# ---------------------------------------------------------------- notebooks

nb_execution_mode = "off"  # they need the emulator; their committed outputs are the point
# Charts are Vega-Lite, which JupyterLab draws and a static page cannot without a script from a
# CDN: the site shows their text view (the same numbers, as a table) instead.
_VEGA_LITE = "application/vnd.vegalite.v5+json"
nb_mime_priority_overrides = [("html", _VEGA_LITE, None)]


def _skip_vega_lite() -> None:
    """MyST-NB renders every MIME type of an output before choosing one, and warns about a
    type it has no renderer for; a chart's is left out on purpose, without a warning."""
    from myst_nb.core.render import NbElementRenderer

    render = NbElementRenderer.render_mime_type

    def render_mime_type(self, data):  # type: ignore[no-untyped-def]
        return [] if data.mime_type == _VEGA_LITE else render(self, data)

    NbElementRenderer.render_mime_type = render_mime_type  # type: ignore[method-assign]


_skip_vega_lite()

# ---------------------------------------------------------------- API page

autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
# Defaults as written ("DEFAULT_RETRY", not a repr Sphinx cannot parse back into a signature).
autodoc_preserve_defaults = True
# The docstrings are Google style ("Parameters:", "Returns:").
napoleon_numpy_docstring = False

# ---------------------------------------------------------------- HTML

html_theme = "alabaster"
html_title = project
templates_path = ["_templates"]  # relative to this folder
# The root document is docs/index.html; /index.html sends the reader there.
html_additional_pages = {"index": "redirect.html"}
