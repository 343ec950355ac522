"""Apply rls_rules.yaml to Superset through its REST API (Superset 6.1).

Rules are created or updated by name; with --prune, managed rules that are no longer in the file
are deleted. Run it from CI after the pull request that changes rls_rules.yaml is merged, with a
dedicated automation account (database-authenticated, Admin role, password in Secrets Manager):

    SUPERSET_URL=https://bi.data.example.com SUPERSET_USER=svc-rls-sync \
    SUPERSET_PASSWORD=... python sync_rls_rules.py --rules rls_rules.yaml --prune

--dry-run prints the planned changes without writing. Requires requests and PyYAML, and
FAB_ADD_SECURITY_API = True in the Superset config (for the roles endpoint).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass

import requests
import yaml

TIMEOUT_S = 30


def rison_string(value: str) -> str:
    """Quote a string for a Rison-encoded `q` parameter ('!' and "'" are escaped with '!')."""
    return "'" + value.replace("!", "!!").replace("'", "!'") + "'"


def rison_filters(**equals: str) -> str:
    """Build a Rison `q` value that filters a Superset list endpoint on column equality."""
    parts = [f"(col:{col},opr:eq,value:{rison_string(val)})" for col, val in equals.items()]
    return f"(filters:!({','.join(parts)}),page_size:100)"


@dataclass
class Superset:
    """A logged-in session against the Superset REST API."""

    base_url: str
    session: requests.Session

    @classmethod
    def login(cls, base_url: str, username: str, password: str, provider: str) -> "Superset":
        """Log in, then fetch a CSRF token so that writes are accepted."""
        session = requests.Session()
        resp = session.post(
            f"{base_url}/api/v1/security/login",
            json={"username": username, "password": password, "provider": provider, "refresh": False},
            timeout=TIMEOUT_S,
        )
        resp.raise_for_status()
        session.headers["Authorization"] = f"Bearer {resp.json()['access_token']}"
        csrf = session.get(f"{base_url}/api/v1/security/csrf_token/", timeout=TIMEOUT_S)
        csrf.raise_for_status()
        session.headers["X-CSRFToken"] = csrf.json()["result"]
        session.headers["Referer"] = base_url
        return cls(base_url, session)

    def get(self, path: str, q: str) -> list[dict]:
        """GET a list endpoint with a Rison query and return its `result` list."""
        resp = self.session.get(f"{self.base_url}{path}", params={"q": q}, timeout=TIMEOUT_S)
        resp.raise_for_status()
        return resp.json()["result"]

    def list_all(self, path: str) -> list[dict]:
        """Page through a list endpoint and return every row."""
        rows: list[dict] = []
        page = 0
        while True:
            batch = self.get(path, f"(page:{page},page_size:100)")
            rows.extend(batch)
            if len(batch) < 100:
                return rows
            page += 1

    def write(self, method: str, path: str, body: dict | None = None) -> None:
        """Send a POST, PUT or DELETE and fail loudly with Superset's error message."""
        resp = self.session.request(method, f"{self.base_url}{path}", json=body, timeout=TIMEOUT_S)
        if resp.status_code >= 400:
            raise RuntimeError(f"{method} {path} failed with {resp.status_code}: {resp.text}")

    def role_id(self, name: str) -> int:
        """Resolve a role name to its id, failing if it does not exist."""
        rows = self.get("/api/v1/security/roles/", rison_filters(name=name))
        if len(rows) != 1:
            raise LookupError(f"role {name!r} not found in Superset; create it or fix rls_rules.yaml")
        return rows[0]["id"]

    def dataset_id(self, database: str, schema: str, table: str) -> int:
        """Resolve database/schema/table to a dataset id, failing on zero or several matches."""
        rows = self.get("/api/v1/dataset/", rison_filters(table_name=table, schema=schema))
        matches = [r for r in rows if r.get("database", {}).get("database_name") == database]
        if len(matches) != 1:
            raise LookupError(
                f"dataset {database}.{schema}.{table}: expected one match, found {len(matches)}"
            )
        return matches[0]["id"]


def desired_payload(api: Superset, rule: dict, marker: str) -> dict:
    """Translate one YAML rule into the body the rowlevelsecurity endpoint expects."""
    if rule["filter_type"] not in ("Regular", "Base"):
        raise ValueError(f"rule {rule['name']}: filter_type must be Regular or Base")
    return {
        "name": rule["name"],
        "description": f"{marker} {rule.get('description', '')}".strip(),
        "filter_type": rule["filter_type"],
        "group_key": rule.get("group_key") or "",
        "clause": rule["clause"],
        "roles": sorted(api.role_id(r) for r in rule["roles"]),
        "tables": sorted(api.dataset_id(d["database"], d["schema"], d["table"]) for d in rule["datasets"]),
    }


def main() -> int:
    """Parse arguments, compute the plan and apply it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", default="rls_rules.yaml")
    parser.add_argument("--prune", action="store_true", help="delete managed rules missing from the file")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    with open(args.rules, encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    marker = spec["managed_marker"]
    names = [r["name"] for r in spec["rules"]]
    if len(names) != len(set(names)):
        raise ValueError("rule names must be unique in rls_rules.yaml")

    api = Superset.login(
        os.environ["SUPERSET_URL"].rstrip("/"),
        os.environ["SUPERSET_USER"],
        os.environ["SUPERSET_PASSWORD"],
        os.environ.get("SUPERSET_AUTH_PROVIDER", "db"),
    )

    # One listing up front: names are unique, so the current rules can be matched by name.
    current = {row["name"]: row for row in api.list_all("/api/v1/rowlevelsecurity/")}

    for rule in spec["rules"]:
        body = desired_payload(api, rule, marker)
        existing = current.get(rule["name"])
        if existing:
            print(f"update {rule['name']}")
            if not args.dry_run:
                api.write("PUT", f"/api/v1/rowlevelsecurity/{existing['id']}", body)
        else:
            print(f"create {rule['name']}")
            if not args.dry_run:
                api.write("POST", "/api/v1/rowlevelsecurity/", body)

    if args.prune:
        # Only rules carrying the marker are ours to delete; rules made in the UI are left alone.
        for row in current.values():
            if marker in (row.get("description") or "") and row["name"] not in names:
                print(f"delete {row['name']}")
                if not args.dry_run:
                    api.write("DELETE", f"/api/v1/rowlevelsecurity/{row['id']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
