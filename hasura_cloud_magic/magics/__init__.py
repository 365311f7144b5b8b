"""Everything ``%hasura``: the IPython layer over the plain-Python library.

``%load_ext hasura_cloud_magic`` calls :func:`register`; the user reference is the magic's
own docstring (``%hasura?``), and ``%hasura help`` lists the commands. Inside: the magic
class (``extension``), the per-shell ``session``, the ``parsing`` grammar, the ``router`` to
one module per command (``commands/``), ``completion``, the ``config_file``, one-line
``short_errors``, ``user_input`` and the ``output`` channel. Nothing outside this package
imports it, except the extension entry points in ``hasura_cloud_magic/__init__.py``.
"""

from __future__ import annotations

from hasura_cloud_magic.magics.extension import HasuraMagics, register, unregister

__all__ = ["HasuraMagics", "register", "unregister"]
