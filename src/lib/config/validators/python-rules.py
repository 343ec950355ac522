"""Check Python config files: byte-compile with py_compile, AST rules by file kind, and imports
(python-imports.py).

Called by src/lib/config/validators/python.ts with {"items": [{"file", "path"}], "apis": [paths of
upstream API files]} on stdin; prints {"python": version, "results": [{"file", "kinds", "problems",
"imports": {"checked", "stdlib", "unchecked"}}]} on stdout. Standard library imports are resolved
with importlib against the python3 that runs this script.
Pure standard library; python3 >= 3.10 (sys.stdlib_module_names) to tell standard library imports apart.
"""

import ast
import json
import os
import py_compile
import re
import sys
import tempfile
import importlib.util

# The import checks live beside this file (python-imports.py); a hyphen keeps it out of `import`.
_spec = importlib.util.spec_from_file_location("python_imports", os.path.join(os.path.dirname(os.path.abspath(__file__)), "python-imports.py"))
python_imports = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(python_imports)
dotted = python_imports.dotted

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


def check_file(item, cache_dir, apis, stdlib):
    problems = []
    kinds = []
    try:
        py_compile.compile(item["path"], cfile=os.path.join(cache_dir, "out.pyc"), doraise=True)
    except py_compile.PyCompileError as error:
        exc = error.exc_value
        line = getattr(exc, "lineno", None) or 1
        msg = getattr(exc, "msg", None) or str(exc)
        return {"file": item["file"], "kinds": ["python"], "problems": [{"line": line, "message": f"does not compile: {exc.__class__.__name__}: {msg}"}], "imports": {"checked": [], "stdlib": False, "unchecked": []}}
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
    imports = python_imports.ImportChecker(apis, stdlib, problems)
    imports.run(tree)
    problems.sort(key=lambda p: p["line"])
    return {
        "file": item["file"],
        "kinds": kinds or ["python"],
        "problems": problems,
        "imports": {"checked": sorted(imports.checked), "stdlib": imports.stdlib_used, "unchecked": sorted(imports.unchecked)},
    }


def main():
    payload = json.load(sys.stdin)
    apis = python_imports.load_apis(payload["apis"])
    stdlib = python_imports.Stdlib()
    with tempfile.TemporaryDirectory() as cache_dir:
        results = [check_file(item, cache_dir, apis, stdlib) for item in payload["items"]]
    version = ".".join(str(v) for v in sys.version_info[:3])
    json.dump({"python": version, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
