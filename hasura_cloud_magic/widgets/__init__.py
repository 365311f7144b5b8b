"""ipywidgets forms: the env-var editor, the access form, the preview-app wizard, and the job
progress view.

Each form is a class that is handed the API facade, so tests drive it with ``.value`` and
``.click()``. Every callback is guarded: errors appear inside the form, never in a log console.
Secret values stay in Python: widget state only ever holds what a person typed or revealed,
and that is cleared after saving and on close. Roots carry stable CSS classes
(``hcm-env-editor``, ``hcm-access-editor``, ``hcm-preview-wizard``,
``hcm-progress``) for browser tests.
"""

from hasura_cloud_magic.widgets.access_editor import AccessEditor
from hasura_cloud_magic.widgets.env_editor import EnvEditor
from hasura_cloud_magic.widgets.preview_wizard import PreviewWizard
from hasura_cloud_magic.widgets.progress_view import ProgressView

__all__ = ["AccessEditor", "EnvEditor", "PreviewWizard", "ProgressView"]
