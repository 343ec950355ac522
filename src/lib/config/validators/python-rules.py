"""Check Python config files: byte-compile with py_compile, then AST rules.

Called by src/lib/config/validators/python.ts with a JSON list of {"file", "path"} on stdin;
prints a JSON object {"python": version, "results": [{"file", "kinds", "problems"}]} on stdout.
Pure standard library so that any python3 >= 3.9 can run it.
"""

import ast
import json
import os
import py_compile
import re
import sys
import tempfile

SECRET_NAME = re.compile(
    r"(^|[_.-])(password|passwd|pwd|secret|secret_?key|secret_?access_?key|access_?key|api_?key|token|private_?key|client_?secret)$",
    re.I,
)
PLACEHOLDER = re.compile(r"^(|\$\{.*|\{\{.*|<[^>]+>|changeme|change-me|example|x{3,}|\*+)$", re.I)
DAG_ID = re.compile(r"^[a-zA-Z0-9_.-]+$")

# Calls that do I/O or heavy work. Airflow runs module-level code of every DAG file on every
# parse (every 30 s by default), so these belong inside tasks.
HEAVY_CALLS = {
    "Variable.get": "reads the metadata database (in operator arguments use the template {{ var.value.<key> }})",
    "Variable.set": "writes the metadata database",
    "BaseHook.get_connection": "reads the metadata database",
    "Connection.get_connection_from_secrets": "reads the secrets backend",
    "requests.get": "makes a network call",
    "requests.post": "makes a network call",
    "urllib.request.urlopen": "makes a network call",
    "boto3.client": "creates an AWS client (network, credentials)",
    "boto3.resource": "creates an AWS client (network, credentials)",
    "boto3.Session": "creates an AWS session (credentials)",
    "psycopg2.connect": "opens a database connection",
    "create_engine": "creates a database engine",
    "sqlalchemy.create_engine": "creates a database engine",
    "time.sleep": "blocks the parser",
    "subprocess.run": "starts a process",
    "subprocess.check_output": "starts a process",
    "subprocess.Popen": "starts a process",
    "open": "reads a file",
    "pd.read_csv": "reads data",
    "pd.read_parquet": "reads data",
    "pd.read_sql": "reads data",
    "pandas.read_csv": "reads data",
}
DYNAMIC_DATES = {"datetime.now", "datetime.today", "datetime.datetime.now", "datetime.utcnow", "pendulum.now", "pendulum.today", "days_ago", "timezone.utcnow"}


def dotted(node):
    """Dotted name of a call target, e.g. "Variable.get", or None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def imports_dag(tree):
    """True when the file imports DAG or dag from Airflow: it is a DAG file, not a test or plugin."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "airflow":
            if any(a.name in ("DAG", "dag") for a in node.names):
                return True
        if isinstance(node, ast.Attribute) and node.attr == "DAG" and dotted(node) in ("airflow.DAG", "airflow.models.DAG", "airflow.sdk.DAG"):
            return True
    return False


def imported_roots(tree):
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def module_level_nodes(tree):
    """Nodes executed when the module is imported: everything outside def/lambda bodies."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            # Decorators and default values still run at import time.
            stack.extend(getattr(node, "decorator_list", []))
            args = node.args
            stack.extend(d for d in args.defaults + args.kw_defaults if d is not None)
            continue
        if isinstance(node, ast.ClassDef):
            stack.extend(node.decorator_list)
            stack.extend(node.body)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def kwarg(call, name):
    for k in call.keywords:
        if k.arg == name:
            return k.value
    return None


def check_secrets(tree, problems):
    for node in ast.walk(tree):
        pairs = []
        if isinstance(node, ast.Assign):
            pairs = [(t.id, node.value) for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.keyword) and node.arg:
            pairs = [(node.arg, node.value)]
        elif isinstance(node, ast.Dict):
            pairs = [(k.value, v) for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        for name, value in pairs:
            if SECRET_NAME.search(name) and isinstance(value, ast.Constant) and isinstance(value.value, str) and not PLACEHOLDER.match(value.value.strip()):
                problems.append({"line": value.lineno, "message": f'"{name}" holds a hard-coded value; read it from a Connection, Variable or secret store'})


def check_airflow(tree, problems):
    dag_ids = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and dotted(node.func) in ("DAG", "airflow.DAG", "models.DAG"):
            value = node.args[0] if node.args else kwarg(node, "dag_id")
            record_dag_id(value, node, dag_ids, problems)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for dec in node.decorator_list:
                target = dec.func if isinstance(dec, ast.Call) else dec
                if dotted(target) in ("dag", "airflow.decorators.dag", "airflow.sdk.dag"):
                    value = kwarg(dec, "dag_id") if isinstance(dec, ast.Call) else None
                    if value is None:
                        value = ast.Constant(value=node.name, lineno=node.lineno)
                    record_dag_id(value, node, dag_ids, problems)
        if isinstance(node, ast.Call):
            for removed, hint in (("schedule_interval", "schedule"), ("timetable", "schedule")):
                if kwarg(node, removed) is not None:
                    problems.append({"line": node.lineno, "message": f'"{removed}" was removed in Airflow 3; use "{hint}"'})
    if not dag_ids:
        problems.append({"line": 1, "message": "imports DAG or dag from Airflow but defines no DAG (DAG(...), with DAG(...) or @dag)"})
    for node in module_level_nodes(tree):
        if isinstance(node, ast.Call):
            name = dotted(node.func)
            if name in HEAVY_CALLS:
                problems.append({"line": node.lineno, "message": f"top-level call {name}() {HEAVY_CALLS[name]} on every DAG parse; move it into a task"})
            elif name in DYNAMIC_DATES:
                problems.append({"line": node.lineno, "message": f"top-level {name}() gives a moving date; use a fixed start_date such as pendulum.datetime(2026, 1, 1, tz=\"UTC\")"})
    return sorted(dag_ids)


def record_dag_id(value, node, dag_ids, problems):
    if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
        problems.append({"line": node.lineno, "message": "DAG id is not a string literal; write it out so it can be found and checked"})
        return
    dag_id = value.value
    if not DAG_ID.match(dag_id) or len(dag_id) > 250:
        problems.append({"line": node.lineno, "message": f'DAG id "{dag_id}" must be 1-250 letters, digits, "_", "." or "-"'})
    elif dag_id in dag_ids:
        problems.append({"line": node.lineno, "message": f'DAG id "{dag_id}" is defined twice (first on line {dag_ids[dag_id]})'})
    else:
        dag_ids[dag_id] = node.lineno


FEAST_REQUIRED = {
    "Entity": ("name", "join_keys"),
    "FeatureView": ("name", "entities", "schema", "source"),
    "StreamFeatureView": ("name", "entities", "schema", "source"),
    "OnDemandFeatureView": ("name", "sources", "schema"),
    "FeatureService": ("name", "features"),
}


def check_feast(tree, problems):
    names = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        kind = (dotted(node.func) or "").split(".")[-1]
        if kind not in FEAST_REQUIRED:
            continue
        for field in FEAST_REQUIRED[kind]:
            if kwarg(node, field) is None:
                problems.append({"line": node.lineno, "message": f'{kind}(...) has no {field}=; Feast needs it'})
        name = kwarg(node, "name")
        if isinstance(name, ast.Constant):
            key = (kind, name.value)
            if key in names:
                problems.append({"line": node.lineno, "message": f'{kind} "{name.value}" is defined twice (first on line {names[key]})'})
            names.setdefault(key, node.lineno)


def check_dlt(tree, problems):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and dotted(node.func) == "dlt.pipeline":
            for field in ("pipeline_name", "destination"):
                if kwarg(node, field) is None:
                    problems.append({"line": node.lineno, "message": f"dlt.pipeline(...) has no {field}=; set it so runs are reproducible"})


def nearest(name, candidates):
    """The candidate closest to name (difflib ratio), for "nearest valid" hints."""
    import difflib

    best = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0)
    return best[0] if best else None


def hint(name, candidates):
    best = nearest(name, candidates)
    return f'; nearest valid: "{best}"' if best else ""


def check_api(tree, api, problems):
    """Imports from an upstream package and keyword arguments of calls to what they import,
    against the API read from the package's source at the pinned release."""
    modules = api["modules"]
    label = f'{api["package"]} {api["ref"]}'
    imported = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == api["package"] and node.level == 0:
            if node.module not in modules:
                problems.append({"line": node.lineno, "message": f'module "{node.module}" does not exist in {label}{hint(node.module, modules)}'})
                continue
            names = modules[node.module]["names"]
            for alias in node.names:
                if alias.name == "*":
                    continue
                if alias.name not in names and f"{node.module}.{alias.name}" not in modules:
                    problems.append({"line": node.lineno, "message": f'"{alias.name}" is not a name of {node.module} in {label}{hint(alias.name, names)}'})
                    continue
                imported[alias.asname or alias.name] = (node.module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == api["package"] and alias.name not in modules:
                    problems.append({"line": node.lineno, "message": f'module "{alias.name}" does not exist in {label}{hint(alias.name, modules)}'})

    def signature(module, name):
        own = modules[module]["signatures"].get(name)
        if own is not None:
            return own
        # Re-exported: take the definition from the one module of the package that has it.
        found = [m["signatures"][name] for m in modules.values() if name in m["signatures"]]
        return found[0] if len(found) == 1 else None

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name) or node.func.id not in imported:
            continue
        module, name = imported[node.func.id]
        sig = signature(module, name)
        if sig is None or sig["varkw"]:
            continue
        for kw in node.keywords:
            if kw.arg is not None and kw.arg not in sig["params"]:
                problems.append({"line": kw.value.lineno, "message": f'{name}(...) has no keyword argument "{kw.arg}" in {label}{hint(kw.arg, sig["params"])}'})


def check_file(item, cache_dir, apis=()):
    problems = []
    kinds = []
    try:
        py_compile.compile(item["path"], cfile=os.path.join(cache_dir, "out.pyc"), doraise=True)
    except py_compile.PyCompileError as error:
        exc = error.exc_value
        line = getattr(exc, "lineno", None) or 1
        msg = getattr(exc, "msg", None) or str(exc)
        return {"file": item["file"], "kinds": ["python"], "problems": [{"line": line, "message": f"does not compile: {exc.__class__.__name__}: {msg}"}]}
    with open(item["path"], encoding="utf-8") as fh:
        tree = ast.parse(fh.read(), item["file"])
    check_secrets(tree, problems)
    roots = imported_roots(tree)
    if "airflow" in roots and imports_dag(tree):
        kinds.append("airflow-dag")
        check_airflow(tree, problems)
    if "feast" in roots:
        kinds.append("feast")
        check_feast(tree, problems)
    if "dlt" in roots:
        kinds.append("dlt")
        check_dlt(tree, problems)
    for api in apis:
        if api["package"] in roots:
            kinds.append(f'{api["package"]}-api')
            check_api(tree, api, problems)
    problems.sort(key=lambda p: p["line"])
    return {"file": item["file"], "kinds": kinds or ["python"], "problems": problems}


def main():
    payload = json.load(sys.stdin)
    # {"items": [...], "apis": [paths]}; a bare list of items is the older form.
    items = payload["items"] if isinstance(payload, dict) else payload
    apis = []
    for path in payload.get("apis", []) if isinstance(payload, dict) else []:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        apis.append({"package": data["package"], "ref": data["x-provenance"]["ref"], "modules": data["modules"]})
    with tempfile.TemporaryDirectory() as cache_dir:
        results = [check_file(item, cache_dir, apis) for item in items]
    version = ".".join(str(v) for v in sys.version_info[:3])
    json.dump({"python": version, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
