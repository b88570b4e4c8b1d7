"""Core's plumbing: the pieces every app uses and none of them owns.

- ``broker``: hand a Celery task over after the transaction commits, and say so when the broker is down.
- ``pagecache``: the signed-in page cache and the middleware that bumps it on every write.
- ``compiled``: the page cache's hit read of the object a page's access rules judge, its SQL compiled once.
- ``uploads``: what an uploaded file must be (size, type, no zip bombs).
- ``richtext``: the one sanitiser for rich text.
- ``spreadsheets``: every CSV and XLSX the portal hands out, with no cell that runs as a formula.
- ``sections``: the registries through which higher apps add sections, links and navigation to core's pages.

Nothing here imports a portal app above core; see docs/architecture.md.
"""
