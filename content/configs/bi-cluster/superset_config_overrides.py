"""Platform settings appended to the chart-generated superset_config.py (Apache Superset 6.1).

Passed to Helm with --set-file configOverrides.platform=superset_config_overrides.py, so it runs
after the chart's own settings (metadata database URI, Redis host) and overrides them where both
set a key. Every secret is read from the environment, populated from the Kubernetes Secret listed
in envFromSecrets. CI runs `python -m py_compile` and ruff on this file.
"""

import os
from datetime import timedelta
from urllib.parse import quote

from cachelib.redis import RedisCache
from celery.schedules import crontab
from flask_appbuilder.security.manager import AUTH_OAUTH

# ------------------------------------------------------------------------------------------------
# Core
# ------------------------------------------------------------------------------------------------
# Signs sessions and encrypts database credentials stored in the metadata DB. Rotating it needs
# `superset re-encrypt-secrets`; losing it means re-entering every database password.
SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]

# Metadata database over TLS. Chart 0.17.x builds the URI from DB_* without TLS options, so it
# is rebuilt here (password URL-quoted) with sslmode=verify-full against the RDS CA bundle baked into the image.
SQLALCHEMY_DATABASE_URI = (
    f"postgresql+psycopg2://{os.environ['DB_USER']}:{quote(os.environ['DB_PASS'], safe='')}"
    f"@{os.environ['DB_HOST']}:{os.environ['DB_PORT']}/{os.environ['DB_NAME']}"
    "?sslmode=verify-full&sslrootcert=/app/certs/rds-global-bundle.pem"
)

# TLS terminates at the ALB; trust its X-Forwarded-* headers so redirects and OAuth callbacks
# use https://bi.data.example.com.
ENABLE_PROXY_FIX = True
PREFERRED_URL_SCHEME = "https"

SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
PERMANENT_SESSION_LIFETIME = timedelta(hours=8)

# Query guard rails. Engines enforce their own limits too (Trino resource groups, Druid timeouts).
ROW_LIMIT = 50_000
SQL_MAX_ROW = 100_000
DISPLAY_MAX_ROW = 10_000
SUPERSET_WEBSERVER_TIMEOUT = 110
SQLLAB_TIMEOUT = 300
SQLLAB_ASYNC_TIME_LIMIT_SEC = 3_600

# ------------------------------------------------------------------------------------------------
# Authentication: Keycloak (OIDC) is the only way in. Roles follow Keycloak groups at every login.
# ------------------------------------------------------------------------------------------------
_KEYCLOAK_REALM = "https://sso.data.example.com/realms/data-platform"

AUTH_TYPE = AUTH_OAUTH
OAUTH_PROVIDERS = [
    {
        # The provider name "keycloak" makes Flask-AppBuilder read preferred_username, email and
        # the groups claim (as role keys) from Keycloak's userinfo endpoint.
        "name": "keycloak",
        "icon": "fa-key",
        "token_key": "access_token",
        "remote_app": {
            "client_id": "superset",
            "client_secret": os.environ["SUPERSET_OIDC_CLIENT_SECRET"],
            "server_metadata_url": f"{_KEYCLOAK_REALM}/.well-known/openid-configuration",
            "api_base_url": f"{_KEYCLOAK_REALM}/protocol/openid-connect",
            "client_kwargs": {"scope": "openid email profile"},
        },
    }
]

AUTH_USER_REGISTRATION = True
# A new user gets no data access until a group maps them to a role that grants datasets.
AUTH_USER_REGISTRATION_ROLE = "Gamma"
AUTH_ROLES_SYNC_AT_LOGIN = True
AUTH_ROLES_MAPPING = {
    "platform-admins": ["Admin"],
    # Not Alpha: Alpha holds all_database_access, and with SQL Lab that reads the Druid database
    # past the RLS rules (RLS_IN_SQLLAB is off). bi_author edits charts, dashboards and datasets.
    "bi-authors": ["Gamma", "sql_lab", "gold_reader", "realtime_reader", "bi_author"],
    "data-analysts": ["Gamma", "sql_lab", "gold_reader"],
    "finance": ["Gamma", "gold_reader", "finance_analyst"],
    "sales-emea": ["Gamma", "gold_reader", "realtime_reader", "sales_emea"],
    "sales-amer": ["Gamma", "gold_reader", "realtime_reader", "sales_amer"],
    "sales-apac": ["Gamma", "gold_reader", "realtime_reader", "sales_apac"],
}

# The REST endpoints for roles are needed by sync_rls_rules.py to resolve role names to ids.
FAB_ADD_SECURITY_API = True

# ------------------------------------------------------------------------------------------------
# Features
# ------------------------------------------------------------------------------------------------
FEATURE_FLAGS = {
    # Embedded dashboards in internal portals via the embedded SDK and guest tokens.
    "EMBEDDED_SUPERSET": True,
    # Dashboard-level access lists on top of dataset permissions.
    "DASHBOARD_RBAC": True,
    # Scheduled e-mail and Slack reports, and SQL-based alerts.
    "ALERT_REPORTS": True,
    # Jinja in SQL Lab, virtual datasets and RLS clauses ({{ current_username() }}).
    # Only users with SQL Lab access can author templates; review that role list.
    "ENABLE_TEMPLATE_PROCESSING": True,
    # Trino datasets run as the logged-in user (impersonation), so the same chart returns
    # different rows per user. Without this flag the cache key has no user in it and one user's
    # cached rows are served to the next.
    "CACHE_IMPERSONATION": True,
}

# ------------------------------------------------------------------------------------------------
# Caching. Four caches with different lifetimes, all in Redis DB 1 under their own prefixes.
# ------------------------------------------------------------------------------------------------
_REDIS_HOST = os.environ.get("REDIS_HOST", "superset-cache.example.euc1.cache.amazonaws.com")
_REDIS_PORT = int(os.environ.get("REDIS_PORT", "6379"))
_REDIS_PASSWORD = os.environ["REDIS_PASSWORD"]
_REDIS_BASE = f"rediss://:{_REDIS_PASSWORD}@{_REDIS_HOST}:{_REDIS_PORT}"
_CACHE_URL = f"{_REDIS_BASE}/1?ssl_cert_reqs=required"
_CELERY_URL = f"{_REDIS_BASE}/0?ssl_cert_reqs=required"


def _redis_cache(prefix: str, timeout_s: int) -> dict:
    """Return a Flask-Caching config for one Superset cache."""
    return {
        "CACHE_TYPE": "RedisCache",
        "CACHE_REDIS_URL": _CACHE_URL,
        "CACHE_KEY_PREFIX": prefix,
        "CACHE_DEFAULT_TIMEOUT": timeout_s,
    }


# Table and column metadata: changes only when schemas change.
CACHE_CONFIG = _redis_cache("superset_meta_", 24 * 3600)
# Chart results. One hour matches the hourly dbt build of gold; Druid datasets set their own
# cache timeout of 60 s on the dataset, and Airflow invalidates gold datasets after each build.
DATA_CACHE_CONFIG = _redis_cache("superset_data_", 3600)
# Dashboard native-filter state and explore form data (permalinks): keep for 90 days.
FILTER_STATE_CACHE_CONFIG = _redis_cache("superset_filter_", 90 * 24 * 3600)
EXPLORE_FORM_DATA_CACHE_CONFIG = _redis_cache("superset_explore_", 90 * 24 * 3600)

# Results of async SQL Lab queries, fetched by the browser when the Celery task finishes.
RESULTS_BACKEND = RedisCache(
    host=_REDIS_HOST,
    port=_REDIS_PORT,
    password=_REDIS_PASSWORD,
    db=1,
    key_prefix="superset_results_",
    default_timeout=24 * 3600,
    ssl=True,
    ssl_cert_reqs="required",
)


class CeleryConfig:
    """Celery settings for workers and beat (SQL Lab, reports, cache warm-up)."""

    broker_url = _CELERY_URL
    result_backend = _CELERY_URL
    imports = (
        "superset.sql_lab",
        "superset.tasks.scheduler",
        "superset.tasks.thumbnails",
        "superset.tasks.cache",
    )
    # Long SQL Lab queries: take one task at a time and acknowledge after completion, so a
    # worker killed mid-query does not silently lose the task.
    worker_prefetch_multiplier = 1
    task_acks_late = True
    beat_schedule = {
        "reports.scheduler": {
            "task": "reports.scheduler",
            "schedule": crontab(minute="*", hour="*"),
        },
        "reports.prune_log": {
            "task": "reports.prune_log",
            "schedule": crontab(minute=10, hour=0),
        },
        # Re-run the charts of the 20 most-viewed dashboards of the last week five minutes after
        # each hourly gold build. Each chart runs as its owner (CACHE_WARMUP_EXECUTORS default),
        # and CACHE_IMPERSONATION keys gold results per user, so this warms the shared Druid
        # entries and only the owners' gold entries.
        "cache-warmup-hourly": {
            "task": "cache-warmup",
            "schedule": crontab(minute=5, hour="*"),
            "kwargs": {"strategy_name": "top_n_dashboards", "top_n": 20, "since": "7 days ago"},
        },
    }


CELERY_CONFIG = CeleryConfig

# ------------------------------------------------------------------------------------------------
# Embedding: guest tokens minted by the portal's backend, never by the browser.
# ------------------------------------------------------------------------------------------------
GUEST_ROLE_NAME = "embedded_viewer"
GUEST_TOKEN_JWT_SECRET = os.environ["SUPERSET_GUEST_TOKEN_JWT_SECRET"]
GUEST_TOKEN_JWT_ALGO = "HS256"
# Short-lived: the embedded SDK refreshes tokens through the portal backend before expiry.
GUEST_TOKEN_JWT_EXP_SECONDS = 300

# Content Security Policy. frame-ancestors lists the only sites allowed to embed dashboards.
TALISMAN_ENABLED = True
TALISMAN_CONFIG = {
    "content_security_policy": {
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": "'none'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'", "'strict-dynamic'"],
        "frame-ancestors": ["'self'", "https://portal.example.com"],
    },
    "content_security_policy_nonce_in": ["script-src"],
    # The ALB already redirects HTTP to HTTPS.
    "force_https": False,
    "session_cookie_secure": True,
}

# ------------------------------------------------------------------------------------------------
# Alerts and reports: screenshots are taken by the worker's headless browser against the
# in-cluster service, and mail goes out through Amazon SES over STARTTLS.
# ------------------------------------------------------------------------------------------------
WEBDRIVER_BASEURL = "http://superset.bi.svc.cluster.local:8088/"
WEBDRIVER_BASEURL_USER_FRIENDLY = "https://bi.data.example.com/"
ALERT_REPORTS_NOTIFICATION_DRY_RUN = False
SMTP_HOST = "email-smtp.eu-central-1.amazonaws.com"
SMTP_PORT = 587
SMTP_STARTTLS = True
SMTP_SSL = False
SMTP_USER = os.environ.get("SMTP_USER", "")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
SMTP_MAIL_FROM = "bi-reports@example.com"
