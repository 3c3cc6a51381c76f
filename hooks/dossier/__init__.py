"""Dossier: turn raw research about companies into a company guide site.

The package knows nothing of MkDocs: :func:`dossier.pipeline.build_site` reads a
folder of seeds and returns the pages of the site as Markdown in memory, with
every problem found on the way. ``hooks/dossier_hook.py`` adapts it to MkDocs.
"""

__version__ = "0.1.0"
