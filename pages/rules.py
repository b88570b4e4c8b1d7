"""Who may do what with public pages (django-rules). Views declare these names.

Everyone reads the published pages. Coordinators (and administrators) write them, keep the translation
queue, export batches for translators, import them and publish after review.
"""

import rules

from core.rules import is_administrator, is_coordinator

writes_pages = is_coordinator | is_administrator

rules.add_perm("pages.view_page", rules.always_allow)
rules.add_perm("pages.change_page", writes_pages)
rules.add_perm("pages.view_translation_queue", writes_pages)
