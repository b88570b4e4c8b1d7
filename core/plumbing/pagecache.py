"""A cache of whole rendered pages in Redis, for the pages people open most, that nobody sees stale.

What a page shows depends on who asks, so a signed-in page is kept per session (its CSRF token and the
person's own links are in it); pages for visitors are shared when they carry no CSRF token. Every entry
is stamped with the data version it was rendered at, and only an entry of the current version is served.
Entries also end with the day and after PAGE_CACHE_SECONDS, for what changes with time alone (overdue,
upcoming).

The version is bumped once any write to the database is committed, wherever it comes from: a hook on every
database connection sees each INSERT, UPDATE, DELETE, TRUNCATE, MERGE or COPY ... FROM statement, so a
queryset's `.update()` or `.delete()`, `bulk_create`, raw SQL and Celery tasks bump as a model's `save()`
does. Tables that change no page (sessions, the mail outbox, the access log...) are left out. The next page
after a change, the changer's own first of all, is rendered afresh.

A bump that Redis refuses is written down in PostgreSQL (PendingPageCacheBump) and applied before the next
stored page is served; until Redis takes it, pages are rendered afresh and not stored. A page rendered from
a read replica is stored only if the replica had replayed every write committed before the version it is
stamped with (db_router.py decides, per request, whether reads go to the replica).

Access checks still run on every request: the cache wraps the view's `get`, after the permission mixins.
The CSP nonce of a stored page is swapped for the new request's. A page with a message waiting (after a
form was sent) is never served from or stored in the cache. If Redis is down, pages are rendered as if
there were no cache.
"""

import functools
import hashlib
import logging
import re
import time
import uuid

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, router, transaction
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator

from ..models import PendingPageCacheBump

logger = logging.getLogger(__name__)

# Redis, which every web host shares; "default" is the database cache that signing in uses (settings.CACHES).
CACHE_ALIAS = "shared"
VERSION_KEY = "pages:data-version"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Tables written on the way that change no page: sessions (every request refreshes its own), the mail outbox,
# the access log, the beat schedule, the admin's log, and the page cache's own pending bumps; other apps add
# theirs (e.g. reminders sent) with ignore_writes_to(). Historical tables are not left out: they are written
# beside their model's table, in the same transaction, which bumps once whatever it writes; and a page may
# show history.
IGNORED_MODELS = {
    "sessions.session",
    "core.session",
    "core.outgoingmail",
    "core.accesslogentry",
    "core.pendingpagecachebump",
    "core.sentreminder",
    "django_celery_beat.periodictask",
    "django_celery_beat.periodictasks",
    "django_celery_beat.crontabschedule",
    "django_celery_beat.intervalschedule",
    "admin.logentry",
}


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def _cache():
    return caches[CACHE_ALIAS]


# --- Bumping the version ------------------------------------------------------------------------------


def _increment() -> None:
    """Bump the version in Redis; raises if Redis refuses."""
    cache = _cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there yet, or evicted: start from a value no entry can carry
        cache.set(VERSION_KEY, time.time_ns(), None)


def bump() -> None:
    """A new data version: every stored page becomes stale; if Redis refuses, the database remembers it."""
    try:
        _increment()
    except Exception:
        logger.warning("Could not bump the page cache version; it waits in the database", exc_info=True)
        _remember_failed_bump()


# Bumps this process wrote down as pending: a pending-bump state read before one of them is no longer current.
_recorded = [0]


def _remember_failed_bump() -> None:
    _recorded[0] += 1
    table = PendingPageCacheBump._meta.db_table
    try:
        # A savepoint, so that a failure here leaves a surrounding transaction usable.
        with transaction.atomic(using=DEFAULT_DB_ALIAS), connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            # One row that counts the refusals, so that a long Redis outage leaves one row, not one per write.
            cursor.execute(
                f"INSERT INTO {table} (id, failures, since, marker) VALUES (1, 1, %s, %s) "  # noqa: S608 (our table)
                f"ON CONFLICT (id) DO UPDATE SET failures = {table}.failures + 1, marker = EXCLUDED.marker",
                [timezone.now(), uuid.uuid4()],
            )
    except Exception:
        logger.error(
            "Could not remember a page cache bump that Redis refused: pages may be stale until they expire",
            exc_info=True,
        )


def pending_bump_columns() -> tuple[str, str]:
    """The pending bump's columns and the join that reads them, for a request's first query to carry
    (core.sessions): `SELECT ..., <columns> FROM ... <join>`; read_with_request() takes what it found."""
    table = PendingPageCacheBump._meta.db_table
    return (
        "pending_bump.marker, pending_bump.failures, pending_bump.since",
        f"LEFT JOIN {table} AS pending_bump ON pending_bump.id = 1",
    )


def read_with_request(request_state, row) -> None:
    """Keep the pending bump (marker, failures, since; all None when there is none) that this request's
    session read found, on `request_state` (the request's session store): _look_up then asks no query."""
    request_state._pending_page_cache_bump = (None if row[0] is None else tuple(row), _recorded[0])


def _pending_bump(request) -> tuple | None:
    """The pending bump, read by this request's session read if it carried it and no bump was written down
    as pending since (a write earlier in this request whose bump Redis refused), else read here."""
    session = getattr(request, "session", None) if request is not None else None
    carried = getattr(session, "_pending_page_cache_bump", None) if session is not None else None
    if carried is not None and carried[1] == _recorded[0]:
        found: tuple | None = carried[0]
        return found
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(
            f"SELECT marker, failures, since FROM {PendingPageCacheBump._meta.db_table} WHERE id = 1"  # noqa: S608 (our table)
        )
        return cursor.fetchone()


def _apply_pending_bumps(request=None) -> bool:
    """Bump for the bumps Redis refused, if any; False while it still refuses (then no stored page may be used).

    This is the price of the cache-hit path: one query by primary key on a table that is empty but for the
    moments after Redis refused a bump. It reads the primary, which a replica may lag behind. The SQL is
    written out: building it through the ORM cost twice the round trip (0.75 ms against 0.3 ms a hit). A
    signed-in request's session read carries it (core.sessions: pending_bump_columns), earlier in the same
    request, so that a hit waits on one round trip fewer.
    """
    pending = _pending_bump(request)
    if pending is None:
        return True
    marker, failures, since = pending
    try:
        _increment()
    except Exception:
        logger.warning("Redis still refuses the page cache bump waiting since %s", since, exc_info=True)
        return False
    # Cleared only if no bump was refused after we read it (that one changed the marker and stays for later).
    PendingPageCacheBump.objects.using(DEFAULT_DB_ALIAS).filter(pk=1, marker=marker).delete()
    logger.info("Applied %d page cache bump(s) that Redis refused since %s", failures, since)
    session = getattr(request, "session", None)
    if session is not None and hasattr(session, "_pending_page_cache_bump"):
        session._pending_page_cache_bump = (None, _recorded[0])
    return True


class _BumpAfterCommit:
    """One bump for all the writes a connection made since its last bump: the first call bumps, the rest pass."""

    __slots__ = ("done",)

    def __init__(self) -> None:
        self.done = False

    def __call__(self) -> None:
        if not self.done:
            self.done = True
            bump()


def _bump_after_commit(connection) -> None:
    if not connection.in_atomic_block and not connection.get_autocommit():
        # Manual transaction management (set_autocommit(False)) has no commit hook; nothing here uses it.
        bump()
        return
    pending = getattr(connection, "page_cache_bump", None)
    if pending is None or pending.done:
        pending = connection.page_cache_bump = _BumpAfterCommit()
    # Registered for each write, not once: a savepoint rolled back drops what was registered inside it (and
    # tests run the callbacks of a part of their transaction). Runs now in autocommit (the statement is
    # committed), else when the outermost atomic block commits.
    transaction.on_commit(pending, using=connection.alias)


# --- Seeing writes in the SQL -------------------------------------------------------------------------

_NAME = r'(?:"[^"]*"|[\w$]+)'
_TABLE = rf"{_NAME}(?:\.{_NAME})*"
_COMMENTS = re.compile(r"/\*.*?\*/|--[^\n]*", re.S)
_FIRST_WORD = re.compile(r"\s*(\w+)")
# The table a statement that begins with the key writes to (COPY only when it copies into the table).
_TARGET = {
    "INSERT": re.compile(rf"\s*INSERT\s+INTO\s+({_TABLE})", re.I),
    "UPDATE": re.compile(rf"\s*UPDATE\s+(?:ONLY\s+)?({_TABLE})", re.I),
    "DELETE": re.compile(rf"\s*DELETE\s+FROM\s+(?:ONLY\s+)?({_TABLE})", re.I),
    "MERGE": re.compile(rf"\s*MERGE\s+INTO\s+(?:ONLY\s+)?({_TABLE})", re.I),
    "COPY": re.compile(rf"\s*COPY\s+({_TABLE})\s*(?:\([^)]*\)\s*)?FROM\b", re.I),
}
# Data-modifying statements anywhere in a WITH query (not FOR UPDATE, nor ON CONFLICT DO UPDATE).
_ANY_WRITE = re.compile(
    rf"(?<![\w\"$])(?:INSERT\s+INTO|(?<!FOR\s)(?<!KEY\s)(?<!DO\s)UPDATE|DELETE\s+FROM|MERGE\s+INTO)\s+"
    rf"(?:ONLY\s+)?({_TABLE})",
    re.I,
)
_TRUNCATE_WORDS = {"truncate", "table", "only", "restart", "continue", "identity", "cascade", "restrict"}
# Statements that may write and whose tables cannot be read from the text: they bump.
_OPAQUE = {"CALL", "DO"}
UNKNOWN_TABLE = "?"


def _table_name(token: str) -> str:
    return token.rsplit(".", 1)[-1].strip('"').lower()


def _statement_tables(statement: str) -> set[str]:
    first = _FIRST_WORD.match(statement)
    if first is None:
        return set()
    word = first.group(1).upper()
    if word in _TARGET:
        target = _TARGET[word].match(statement)
        if target:
            return {_table_name(target.group(1))}
        # COPY to a file or from a query reads; any other such statement we cannot read is taken for a write.
        return set() if word == "COPY" else {UNKNOWN_TABLE}
    if word == "WITH":
        return {_table_name(found.group(1)) for found in _ANY_WRITE.finditer(statement)}
    if word == "TRUNCATE":
        names = re.findall(_TABLE, statement[first.end() :])
        return {_table_name(name) for name in names if name.lower() not in _TRUNCATE_WORDS}
    if word in _OPAQUE:
        return {UNKNOWN_TABLE}
    return set()


def written_tables(sql) -> set[str]:
    """The tables a statement may write to, empty for a read; it may name too many, never too few."""
    if not isinstance(sql, str):  # psycopg's sql.Composed from hand-written code: take it for a write
        return {UNKNOWN_TABLE}
    if "--" in sql or "/*" in sql:
        sql = _COMMENTS.sub(" ", sql)
    tables: set[str] = set()
    # Django sends one statement at a time; hand-written SQL may send several.
    for statement in sql.split(";") if ";" in sql else (sql,):
        tables |= _statement_tables(statement)
    return tables


def ignore_writes_to(label: str) -> None:
    """Writes to this model's table (`app_label.modelname`) change no page; called from an app's ready()."""
    IGNORED_MODELS.add(label.lower())
    _ignored_tables.cache_clear()


@functools.cache
def _ignored_tables() -> frozenset[str]:
    """The tables of IGNORED_MODELS and of database caches; fixed while the process runs."""
    models = apps.get_models(include_auto_created=True)
    tables = {model._meta.db_table.lower() for model in models if model._meta.label_lower in IGNORED_MODELS}
    tables |= {
        str(config["LOCATION"]).lower()
        for config in settings.CACHES.values()
        if config["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    }
    return frozenset(tables)


def changes_pages(sql) -> bool:
    """Whether a statement may change what a page shows; a cheap string test for the reads Django sends."""
    # Nearly every statement: one prefix test and one search for a character Django never sends.
    if isinstance(sql, str) and sql.startswith("SELECT") and ";" not in sql:
        return False
    tables = written_tables(sql)
    return bool(tables) and not tables <= _ignored_tables()


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if changes_pages(sql) and enabled():
        _bump_after_commit(context["connection"])
    return result


def _install(connection, **kwargs) -> None:
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def connect_signals() -> None:
    """Watch the writes on every database connection, in web processes, Celery workers and commands alike.

    The hook sees every statement a model's save(), delete() or many-to-many change sends, so the
    post_save/post_delete/m2m_changed receivers that bumped before are gone.
    """
    connection_created.connect(_install, dispatch_uid="pagecache-watch-writes")
    for connection in connections.all(initialized_only=True):
        _install(connection)


class BumpOnWriteMiddleware:
    """A request that may have written anything makes every page stale.

    Still needed beside the database hook for what a request changes without a watched write: the session
    (its table is not watched, since every request refreshes it), and SQL the hook cannot see (a COPY
    through psycopg's copy(), a function called by a SELECT). It costs one Redis command per such request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS and enabled():
            bump()
        return response


# --- Replicas -----------------------------------------------------------------------------------------


def _reads_from() -> str:
    # The router sends all of a request's reads to one place (db_router.py); the model asked about is any.
    return router.db_for_read(PendingPageCacheBump)


def _primary_position() -> int:
    """Where the primary's write-ahead log ends: past every commit made so far."""
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        # The insert position, not the flushed one: with synchronous_commit off a commit returns before its flush.
        cursor.execute("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")
        return cursor.fetchone()[0]


def _replayed_position(alias: str) -> int | None:
    """How far a replica has replayed the primary's log; None when it is not replaying (no standby)."""
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint")
        return cursor.fetchone()[0]


def _replica_is_current() -> bool:
    """Whether this request's reads see every write committed before now; call it after reading the version.

    A replica that lags would give a page older than the version it is stamped with, and that page would
    be served until the next bump. Replay only moves forward, so a replica that has replayed the primary's
    position taken after the version was read shows, for the rest of the request, all that version stands for.
    """
    alias = _reads_from()
    if alias == DEFAULT_DB_ALIAS or connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
        return True
    try:
        needed = _primary_position()
        replayed = _replayed_position(alias)
    except DatabaseError:
        logger.warning("Could not compare the replica's position with the primary's", exc_info=True)
        return False
    return replayed is None or replayed >= needed


# --- The cache ------------------------------------------------------------------------------------------


def _key(request) -> str | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        session_key = request.session.session_key
        if not session_key:
            return None
        scope = hashlib.sha256(session_key.encode()).hexdigest()[:32]
    else:
        scope = "visitor"
    hx = "hx" if request.headers.get("HX-Request") else "page"
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    # "bytes": entries hold the page's bytes around its nonce (_store); a running deploy's older entries
    # hold text, and are not read.
    return f"pages:bytes:{scope}:{request.LANGUAGE_CODE}:{hx}:{timezone.localdate().isoformat()}:{path}"


def _current_version():
    """The version, starting one if Redis has none; None if Redis refuses."""
    try:
        _increment()
        return _cache().get(VERSION_KEY)
    except Exception:
        logger.warning("Could not start a page cache version", exc_info=True)
        return None


def _look_up(request) -> tuple[str, dict] | None:
    """The request's page key and what the cache holds for it (with the data version), or None when the
    page is not to be taken from the cache or kept: looked up once a request."""
    if "_page_lookup" in request.__dict__:
        return request._page_lookup
    looked = None
    if enabled() and request.method in {"GET", "HEAD"} and not len(messages.get_messages(request)):
        key = _key(request)
        if key is not None and _apply_pending_bumps(request):
            try:
                looked = (key, _cache().get_many([VERSION_KEY, key]))
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
    request._page_lookup = looked
    return looked


def holds_page(request) -> bool:
    """Whether the cache holds this request's page at the current data version, so that it will be served
    from there. A view's access check may then read only what its rules need (core.views.access); the rules
    run all the same, and the page is served only if they let the person in."""
    looked = _look_up(request)
    if looked is None:
        return False
    key, found = looked
    return _current_entry(found, key) is not None


def _current_entry(found: dict, key: str):
    """The entry `get_many([VERSION_KEY, key])` found, if it was stored at the current data version."""
    version, entry = found.get(VERSION_KEY), found.get(key)
    return entry if version is not None and entry is not None and entry[0] == version else None


def cached_page(view):
    """Decorate a view function (or a class-based view's `get`) whose page may be kept."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        looked = _look_up(request)
        if looked is None:
            return view(request, *args, **kwargs)
        key, found = looked
        entry = _current_entry(found, key)
        if entry is not None:
            return _from_entry(request, entry)
        version = found.get(VERSION_KEY)
        if version is None:
            version = _current_version()
        keep = version is not None and _replica_is_current()
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if keep and _may_keep(request, response):
            _store(request, response, key, version)
        return response

    return wrapper


def _may_keep(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Disposition") or "no-store" in response.get("Cache-Control", ""):
        return False
    user = getattr(request, "user", None)
    shared = user is None or not user.is_authenticated
    # A visitor's page with a CSRF token is theirs alone; it is not shared with other visitors.
    return not (shared and request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def _store(request, response, key: str, version: int) -> None:
    """Keep the page as its bytes cut where this request's CSP nonce stood, so that a hit joins them around
    its own nonce. Bytes, not text: a 120 KiB page cost a hit 0.4 ms more as text, decoded from UTF-8
    when Redis' answer was unpickled, searched and copied for the nonce, and encoded again for the response
    (in-process profile of the next consultation's page, from the cache)."""
    nonce = getattr(request, "_csp_nonce", None)
    content = response.content
    parts = tuple(content.split(nonce.encode())) if isinstance(nonce, str) else (content,)
    entry = (version, parts, response["Content-Type"])
    try:
        _cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("Could not store a page in the cache", exc_info=True)


def _from_entry(request, entry) -> HttpResponse:
    _version, parts, content_type = entry
    content = str(request.csp_nonce).encode().join(parts) if len(parts) > 1 else parts[0]
    response = HttpResponse(content, content_type=content_type)
    response["X-Page-Cache"] = "hit"
    return response


cached_get = method_decorator(cached_page, name="get")


def kept_for_everyone(key: str, build):
    """What `build()` returns (a picklable value the same for every visitor), kept while the data holds.

    The pages' freshness rule: an entry is served only at the data version it was built at, never while a
    bump waits in the database or the replica lags behind, and it ends with the day; if Redis refuses,
    `build()` runs each time. For answers that depend on nobody's session (the open data API).
    """
    if not enabled() or not _apply_pending_bumps():
        return build()
    full_key = f"shared:{timezone.localdate().isoformat()}:{hashlib.sha256(key.encode()).hexdigest()[:32]}"
    try:
        found = _cache().get_many([VERSION_KEY, full_key])
    except Exception:
        logger.warning("Page cache unavailable", exc_info=True)
        return build()
    entry = _current_entry(found, full_key)
    if entry is not None:
        return entry[1]
    version = found.get(VERSION_KEY)
    if version is None:
        version = _current_version()
    keep = version is not None and _replica_is_current()
    value = build()
    if keep:
        try:
            _cache().set(full_key, (version, value), settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Could not store an answer in the cache", exc_info=True)
    return value
