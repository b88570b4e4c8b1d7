"""Settings for the Haninge portal, read from the environment (see .env.example).

Development needs nothing: SQLite, eager tasks and mail on the console. Production sets
DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL, REDIS_URL and DJANGO_SECURE_HTTPS=true.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("DJANGO_ALLOW_INSECURE_KEY", False):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see .env.example)."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")


def site_url_from_env() -> str:
    """SITE_URL, or the address `make run` serves on (PORT as runserver takes it) so links follow it."""
    explicit = os.environ.get("SITE_URL", "").strip()
    if explicit:
        return explicit.rstrip("/")
    port = os.environ.get("PORT", "").strip() or "8000"
    host, _sep, number = port.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    # runserver binds every interface on 0.0.0.0 or ::, but a link must name one a browser can reach.
    if host in {"0.0.0.0", "::", "0"}:  # noqa: S104
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{number}"


# The public address of the portal, used in links in mail and reports.
SITE_URL = site_url_from_env()

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_celery_beat",
    "django_htmx",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    # The shared app: people, minorities, departments, forums, memberships, meetings.
    "core",
    # One app per tier of the Haninge model.
    "consultations",
    "dialogues",
    "workinggroups",
    # Proposals for the agenda, their outcome, comments, support and the consultation log.
    "proposals",
    # The yearly wheel, goals and actions.
    "followup",
    "duties",
    # Questionnaires to a forum's members or every representative, anonymous where they say so.
    "surveys",
    # The yearly follow-up to the county administrative board: questions, figures, texts, approval.
    "annual",
    # Public pages (rights pages under § 3) in every content language, and the translation queue.
    "pages",
    # Search across meetings, minutes, proposals and actions; imports the others, nothing imports it.
    "search",
    "reports",
    # The open data API: read-only JSON of what is public, its OpenAPI description and DCAT-AP-SE catalogue.
    "api",
    # Demo data from the seeds (make run); imports the others, nothing imports it.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS headers on /api/ only (CORS_URLS_REGEX); other paths pass straight through.
    "corsheaders.middleware.CorsMiddleware",
    "core.plumbing.pagecache.BumpOnWriteMiddleware",
    "haninge_portal.middleware.CSPMiddleware",
    "haninge_portal.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "haninge_portal.middleware.IdleSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "haninge_portal.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the signed-in person read in the session's own query (core.sessions).
    "core.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.session_timing.KeepPostAcrossSignInMiddleware",
    "haninge_portal.middleware.AbsoluteSessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.middleware.RequireSecondFactorMiddleware",
    # A view's NeedsSignIn (core.views.access) becomes the sign-in redirect.
    "core.middleware.SignInForAccessMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "haninge_portal.urls"
WSGI_APPLICATION = "haninge_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "core.context_processors.portal",
                "core.context_processors.navigation",
            ],
        },
    },
]

# Every form field renders through one template (label, hint, error tied by aria-describedby).
FORM_RENDERER = "haninge_portal.forms.PortalFormRenderer"

# --- Database -------------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# A PostgreSQL read replica (streaming replication) takes the reads of GET requests; see db_router.py.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 15)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["haninge_portal.db_router.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(1, "haninge_portal.db_router.ReplicaReadsMiddleware")
# PostgreSQL's JIT compiler took a second to compile the trends' query of many filtered aggregates (ten years of
# data) that runs in 60 ms without it; the portal's short queries gain nothing from it.
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database.setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache and Celery broker -----------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")

# Two caches. "default" is in PostgreSQL: what signing in needs (allauth's rate limits, the record of
# authenticator codes already used) works with Redis down, and the limits still count. "shared" is Redis,
# which every web host shares: whole pages (core/plumbing/pagecache.py), and sessions with SESSION_STORE=cached_db.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "core_sign_in_cache",
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "shared": (
        {
            "BACKEND": "core.plumbing.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "haninge",
            "TIMEOUT": 300,
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
}

# Whole pages people open most are kept in the cache this long (core/plumbing/pagecache.py); 0 turns that off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

# Sessions live in the database so that signing in never depends on Redis being up. SESSION_STORE=cached_db
# reads them through the Redis cache (fewer database reads with many web hosts), at the price of that
# independence: with Redis down, pages that read the session fail until it is back.
SESSION_STORE = os.environ.get("SESSION_STORE", "db")
if SESSION_STORE not in {"db", "cached_db"}:
    raise ImproperlyConfigured("SESSION_STORE is 'db' (the default) or 'cached_db'.")
# core.sessions is Django's database store with its one hot read written out in SQL, which also reads the
# signed-in person; core.cached_sessions is Django's cached_db store. Both keep sessions in core.models.Session.
SESSION_ENGINE = "core.sessions" if SESSION_STORE == "db" else "core.cached_sessions"
SESSION_CACHE_ALIAS = "shared"
# A session ends after this long without activity (IdleSessionMiddleware refreshes it)...
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 60 * 60 * 2)
# ...and, however active, this long after signing in (AbsoluteSessionLifetimeMiddleware).
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 60 * 60 * 12)
# Signed-in pages warn this long before the idle end, with a button to stay (core/session_timing.py)...
SESSION_WARNING_SECONDS = env_int("SESSION_WARNING_SECONDS", 5 * 60)
# ...and a form posted after the session ended is kept this long for its writer to sign in again.
SESSION_KEPT_POST_SECONDS = env_int("SESSION_KEPT_POST_SECONDS", 30 * 60)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
# Without Redis, tasks run in the request that queues them (development without services).
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
# A task taken by a worker that then vanished whole (SIGKILL, a lost machine) goes back to the queue this
# long after it was taken, when a worker next looks. Keep it above the task time limit and the longest
# retry countdown, or a slow task runs twice; tests/integration/test_worker_killed.py sets it short.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("BROKER_VISIBILITY_TIMEOUT_SECONDS", 60 * 60),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Stockholm"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# The one place where the periodic work of the portal is scheduled.
CELERY_BEAT_SCHEDULE = {
    "deliver-waiting-mail": {
        "task": "core.deliver_waiting_mail",
        "schedule": crontab(minute="*/5"),
    },
    "remind-coordinators-of-waiting-proposals": {
        "task": "proposals.remind_coordinators",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
    },
    "queue-waiting-reports": {
        "task": "reports.queue_waiting",
        "schedule": crontab(minute="*/5"),
    },
    "quarterly-reports": {
        "task": "reports.quarterly",
        "schedule": crontab(minute=0, hour=5, day_of_month=1, month_of_year="1,4,7,10"),
    },
    "apply-retention-rules": {
        "task": "core.apply_retention",
        "schedule": crontab(minute=30, hour=2),
    },
    "open-the-phases-of-the-wheel": {
        "task": "annual.open_phases",
        "schedule": crontab(minute=0, hour=6),
    },
    "remind-those-who-have-not-answered-a-questionnaire": {
        "task": "surveys.remind",
        "schedule": crontab(minute=45, hour=7),
    },
    "remind-coordinators-of-the-yearly-follow-up": {
        "task": "annual.remind_due",
        "schedule": crontab(minute=30, hour=7),
    },
    "remind-owners-of-stale-actions": {
        "task": "followup.remind_stale_actions",
        "schedule": crontab(minute=15, hour=7, day_of_week="mon"),
    },
    "render-missing-protocols": {
        "task": "core.render_missing_protocols",
        "schedule": crontab(minute="*/15"),
    },
    # Reminders
    "remind-those-invited-to-a-coming-meeting": {
        "task": "core.remind_meetings",
        "schedule": crontab(minute=0, hour=7),
    },
    "remind-owners-of-past-due-actions-and-commitments": {
        "task": "followup.remind_past_due",
        "schedule": crontab(minute=5, hour=7),
    },
    "weekly-summary-of-what-is-overdue-to-coordinators": {
        "task": "followup.overdue_summary",
        "schedule": crontab(minute=20, hour=7, day_of_week="mon"),
    },
    # Digests: the messages people chose to get gathered, daily and on Monday mornings.
    "send-the-daily-digests": {
        "task": "core.send_daily_digests",
        "schedule": crontab(minute=30, hour=6),
    },
    "send-the-weekly-digests": {
        "task": "core.send_weekly_digests",
        "schedule": crontab(minute=35, hour=6, day_of_week="mon"),
    },
}

# --- Authentication (django-allauth) --------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # Django's and allauth's, with Django's model permissions for staff only (the admin site): see the module.
    "core.auth_backends.PortalModelBackend",
    "core.auth_backends.PortalAccountBackend",
]
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# One door in (core/auth.py): resetting a password or confirming an address never signs anyone in.
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Haninge] "
ACCOUNT_ADAPTER = "core.adapters.AccountAdapter"
ACCOUNT_FORMS = {"signup": "core.forms.SignupForm"}

# A second factor (an authenticator app, with recovery codes): required for these portal roles (and for
# staff and superusers), offered to everyone else on their profile. RequireSecondFactorMiddleware sends
# a person who must have one and has none to set it up before anything else.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "core.adapters.MFAAdapter"
MFA_TOTP_ISSUER = "Haninge nationella minoriteter"
MFA_REQUIRED_FOR = env_list("MFA_REQUIRED_FOR", "coordinator,administrator")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ----------------------------------------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", _("Swedish")),
    ("fi", _("Finnish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True
FORMAT_MODULE_PATH = ["haninge_portal.formats"]

# The languages of content (rights pages, information pages): the UI languages above and the minority
# languages the municipality publishes in. A code Django does not know takes its name and direction from
# core.models.languages.MINORITY_LANG_INFO; the UI itself stays in LANGUAGES, whose catalogs are complete.
CONTENT_LANGUAGES = env_list("CONTENT_LANGUAGES", "sv,fi,fit,se,smj,sma,rom,rmy,yi,en")

MODELTRANSLATION_DEFAULT_LANGUAGE = "sv"
MODELTRANSLATION_LANGUAGES = ("sv", "fi", "en")
# A missing translation shows the Swedish text, then Finnish, then English.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("sv", "fi", "en")}

# --- Open data (api/) ------------------------------------------------------------------------------
# Read-only JSON of what the public pages show: no sign-in, no writes, JSON only, fifty to a page.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.ReadsOpenData"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.OpenDataThrottle"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.OpenDataPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Whom the rate limit counts: the address the municipality's one reverse proxy saw, or the peer's own;
    # never an X-Forwarded-For a client wrote itself.
    "NUM_PROXIES": 1 if env_bool("DJANGO_BEHIND_PROXY", False) else 0,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Haninge kommun: nationella minoriteter, öppna data",
    "DESCRIPTION": (
        "Read-only open data on the municipality's work for the rights of the national minorities: meetings "
        "of the public forums with their published minutes, goals, indicators with values, public actions with "
        "progress, the rights pages in every published language and the published reports. Licence: CC0 1.0. Names and titles in "
        "Swedish, Finnish or English with `?lang=`."
    ),
    "VERSION": "1",
    "LICENSE": {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["api.permissions.ReadsOpenData"],
    "SERVE_AUTHENTICATION": [],
    "ENUM_NAME_OVERRIDES": {
        "MeetingStatusEnum": "core.models.meetings.MeetingStatus",
        "ActionStatusEnum": "followup.models.actions.ActionStatus",
        "ReportLanguageEnum": "reports.models.ReportLanguage",
        "WrittenInEnum": "django.conf.settings.LANGUAGES",
    },
}
# Requests per client address (api/throttling.py); a harvester reading everything stays far below it.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "300/minute")
# The catalogue's contact point (DCAT-AP-SE requires one); the sender address when not set.
OPEN_DATA_CONTACT_EMAIL = os.environ.get("OPEN_DATA_CONTACT_EMAIL", "")
# Any site may read the open data from a browser; only GET, never with cookies.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Link", "Content-Language")

# --- Static and uploaded files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Production images run collectstatic with hashed, compressed names (DJANGO_STATIC_MANIFEST=true);
# development and tests serve files by name through the finders.
STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded files and reports on S3-compatible object storage (FILE_STORAGE=s3, with the `s3` extra
# installed): every host then sees the same files. Files are still served only through the views that
# check permissions; the bucket stays private. Keys come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
FILE_STORAGE = os.environ.get("FILE_STORAGE", "filesystem")
if FILE_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("S3_BUCKET", ""),
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "location": os.environ.get("S3_PREFIX", "media"),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
elif FILE_STORAGE != "filesystem":
    raise ImproperlyConfigured("FILE_STORAGE is 'filesystem' (the default) or 's3'.")
# Tests and `runserver` without collectstatic still find files through the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_MANIFEST_STRICT = False

# --- Mail: every message goes through the outbox in the database, then a task delivers it --------
EMAIL_BACKEND = "core.mail.OutboxEmailBackend"
DELIVERY_EMAIL_BACKEND = os.environ.get(
    "DELIVERY_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Haninge kommun <minoriteter@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -----------------------------------------------------------------------------------
# On behind HTTPS in production; off for development and the test suite's plain-HTTP servers.
SECURE_HTTPS = env_bool("DJANGO_SECURE_HTTPS", False)
SECURE_SSL_REDIRECT = SECURE_HTTPS
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
LANGUAGE_COOKIE_SECURE = SECURE_HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # Designsystemet draws its icons with data: URLs in CSS masks.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Logging ------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- The portal's own settings ------------------------------------------------------------------
# Mail that could not be delivered is tried again after 1, 2, 4 … times this many seconds (exponential
# backoff), each wait at most MAIL_RETRY_MAX_DELAY_SECONDS (a retry the broker hands out twice is harmless:
# the first claims the message, the second finds it claimed or not yet due).
MAIL_RETRY_DELAY_SECONDS = env_int("MAIL_RETRY_DELAY_SECONDS", 60)
MAIL_RETRY_MAX_DELAY_SECONDS = env_int("MAIL_RETRY_MAX_DELAY_SECONDS", 60 * 60)
# A message not delivered this long after it was written (or after an administrator's retry) is marked failed.
MAIL_GIVE_UP_AFTER_SECONDS = env_int("MAIL_GIVE_UP_AFTER_SECONDS", 2 * 24 * 60 * 60)
# A worker's claim on a report lasts this long: past the task's hard time limit, when the worker is surely
# done or dead; a second delivery of the same task waits for it instead of rendering in parallel.
REPORT_LEASE_SECONDS = env_int("REPORT_LEASE_SECONDS", CELERY_TASK_TIME_LIMIT + 60)

# --- Personal data (docs/privacy.md) --------------------------------------------------------------
# How long an invitation link to an account stays valid.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
# Memberships are cut off from the person this many days after their term ended (nightly task).
MEMBERSHIP_PSEUDONYMISE_AFTER_DAYS = env_int("MEMBERSHIP_PSEUDONYMISE_AFTER_DAYS", 730)
# Delivered and failed mail is deleted from the outbox this many days later.
MAIL_RETENTION_DAYS = env_int("MAIL_RETENTION_DAYS", 90)
# A proposal waiting longer than this for a decision is flagged and in the coordinators' weekly reminder.
PROPOSAL_WAITING_DAYS = env_int("PROPOSAL_WAITING_DAYS", 21)
# The languages the scheduled quarterly reports are made in (coordinators may order any portal language).
REPORT_LANGUAGES = ["sv", "fi"]
# An unfinished action without a progress update for this many days is flagged and its owner reminded.
ACTION_STALE_DAYS = env_int("ACTION_STALE_DAYS", 90)
# Those invited to a called meeting are reminded this many days before it begins (1: the day before).
MEETING_REMINDER_DAYS_BEFORE = env_int("MEETING_REMINDER_DAYS_BEFORE", 1)
# An action or commitment past its due date is reminded to its owners on the first day past due and then
# every this many days (7: weekly; 0: only the first day), so that nobody is nagged every day.
DUE_REMINDER_REPEAT_DAYS = env_int("DUE_REMINDER_REPEAT_DAYS", 7)
# A questionnaire with fewer answers than this shows no breakdown or free texts, which could identify someone.
SURVEY_MIN_ANSWERS = env_int("SURVEY_MIN_ANSWERS", 5)
# The yearly follow-up of a year is due on this day of the next year (month, day), before the county
# administrative board's report in April; each follow-up's own due date can be changed on its page.
YEARLY_FOLLOW_UP_DUE = tuple(int(part) for part in os.environ.get("YEARLY_FOLLOW_UP_DUE", "03-01").split("-"))
# The coordinators are reminded this many days before a follow-up not yet approved is due, and on the day.
YEARLY_FOLLOW_UP_REMINDER_DAYS = [int(d) for d in env_list("YEARLY_FOLLOW_UP_REMINDER_DAYS", "30,7,1")]

# --- Uploads: bounded work per request (core/plumbing/uploads.py) ---------------------------------------------
# The most one request may make a worker allocate beyond the upload itself, whatever the file declares;
# the limits below keep checking an attachment well under it (tests/core/test_upload_bombs.py measures it).
UPLOAD_WORK_MAX_BYTES = 64 * 1024 * 1024
# Attachments (meetings, proposals, progress updates): the largest file accepted (the content decides the
# type, not the name).
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
# A request up to this size is held in memory; a larger one is streamed to a temporary file on disk.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The form fields of a request, files aside, are read into memory up to this size; beyond it, 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Files in one request; above the proposal form's own limit, so the form says what is wrong first.
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Attachments one proposal may have.
PROPOSAL_MAX_ATTACHMENTS = env_int("PROPOSAL_MAX_ATTACHMENTS", 10)
# Office documents are zip archives, judged by their central directory and never unpacked on the server;
# beyond these limits they are refused as possible zip bombs.
ARCHIVE_MAX_MEMBERS = 10_000
# zipfile makes an object of every entry of the central directory, up to 11 times its size in memory.
ARCHIVE_MAX_DIRECTORY_BYTES = 2 * 1024 * 1024
ARCHIVE_MAX_MEMBER_BYTES = 128 * 1024 * 1024
ARCHIVE_MAX_UNPACKED_BYTES = 256 * 1024 * 1024
# A part of 1 MiB or more may unpack to at most this many times its packed size (XML packs 5 to 20 times).
ARCHIVE_MAX_RATIO = 100
# Images with more pixels are refused, read from their header before anything decodes them.
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 50_000_000)
