"""Check Python config files: byte-compile with py_compile, then AST rules.

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


def optional_imports(tree):
    """Import nodes inside `try:` blocks that catch ImportError: a fallback, allowed to be missing."""
    out = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        caught = set()
        for handler in node.handlers:
            types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
            caught.update(dotted(t) for t in types if t is not None)
        if caught & {"ImportError", "ModuleNotFoundError"}:
            for stmt in node.body:
                out.update(id(n) for n in ast.walk(stmt) if isinstance(n, (ast.Import, ast.ImportFrom)))
    return out


class Stdlib:
    """The standard library of the python3 running this script, asked through importlib."""

    def __init__(self):
        self.names = set(getattr(sys, "stdlib_module_names", ())) | set(sys.builtin_module_names) | {"__future__"}

    def has_module(self, name):
        import importlib.util

        try:
            return importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:
            return False

    def has_name(self, module, name):
        import importlib

        if self.has_module(f"{module}.{name}"):
            return True
        return hasattr(importlib.import_module(module), name)

    def public_names(self, module):
        import importlib

        return [n for n in dir(importlib.import_module(module)) if not n.startswith("_")]


class ImportChecker:
    """Imports of packages with an upstream API list, of the standard library, and of the rest
    (reported as not checked); then attributes and keyword arguments of calls to what they bind."""

    def __init__(self, apis, stdlib, problems):
        self.apis = apis
        self.stdlib = stdlib
        self.problems = problems
        self.bindings = {}  # local name -> ("module", root, module) | ("name", root, module, name)
        self.checked = set()
        self.imported = set()  # modules this file imports itself (`import a.b` makes a.b reachable as an attribute of a)
        self.types = {}  # local name -> "module:Class" it was assigned from, or None when assigned more than one type
        self.stdlib_used = False
        self.unchecked = set()

    def label(self, root, module):
        api = self.apis[root]
        for package, ref, modules in api["parts"]:
            if module in modules:
                return f"{package} {ref}"
        return " and ".join(f"{p} {r}" for p, r, _ in api["parts"])

    def problem(self, node, message):
        self.problems.append({"line": node.lineno, "message": message})

    def run(self, tree):
        optional = optional_imports(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.import_module(node, alias, id(node) in optional)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    self.unchecked.add("relative imports")
                    continue
                self.import_from(node, id(node) in optional)
        # Names assigned the result of a known call (pipeline = dlt.pipeline(...)), so that methods
        # called on them can be checked. Two passes: one assignment may use another's name.
        for _ in range(2):
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    self.record_type(node.targets[0].id, self.type_of(node.value))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                self.check_attribute(node)
            elif isinstance(node, ast.Call):
                self.check_call(node)

    def record_type(self, name, cls):
        if name in self.types and self.types[name] != cls:
            self.types[name] = None  # reassigned with something else: unknown
        else:
            self.types[name] = cls

    def class_entry(self, ref):
        """(root, module, class name, class API) of a "module:Class" reference."""
        module, name = ref.split(":")
        root = module.split(".")[0]
        entry = self.apis.get(root, {}).get("modules", {}).get(module)
        cls = entry.get("classes", {}).get(name) if entry else None
        return (root, module, name, cls) if cls else None

    def type_of(self, expr):
        """"module:Class" of what an expression evaluates to, when known."""
        if isinstance(expr, ast.Name):
            return self.types.get(expr.id)
        if isinstance(expr, ast.Call):
            found = self.signature_of(expr.func)
            return found[1].get("returns") if found else None
        return None

    def signature_of(self, func):
        """(label, signature) of a called function, class or method, when known."""
        target = self.callee(func)
        if target:
            root, module, name = target
            entry = self.apis[root]["modules"].get(module)
            sig = entry["signatures"].get(name) if entry else None
            return (self.label(root, module), sig) if sig else None
        if isinstance(func, ast.Attribute):
            owner = self.type_of(func.value)
            found = self.class_entry(owner) if owner else None
            if found:
                root, module, _, cls = found
                sig = cls["methods"].get(func.attr)
                return (self.label(root, module), sig) if sig else None
        return None

    def import_module(self, node, alias, optional):
        root = alias.name.split(".")[0]
        ok = self.module_exists(node, alias.name, optional)
        if ok:
            parts = alias.name.split(".")
            self.imported.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        if ok and root in self.apis:
            if alias.asname:
                self.bindings[alias.asname] = ("module", root, alias.name)
            else:
                self.bindings[root] = ("module", root, root)

    def module_exists(self, node, module, optional):
        root = module.split(".")[0]
        if root in self.apis:
            self.checked.add(root)
            modules = self.apis[root]["modules"]
            if module in modules:
                return True
            if not optional:
                self.problem(node, f'module "{module}" does not exist in {self.label(root, module)}{hint(module, modules)}')
            return False
        if root in self.stdlib.names:
            self.stdlib_used = True
            if self.stdlib.has_module(module):
                return True
            if not optional:
                version = ".".join(str(v) for v in sys.version_info[:2])
                self.problem(node, f'module "{module}" is not in the Python {version} standard library')
            return False
        self.unchecked.add(root)
        return False

    def import_from(self, node, optional):
        module = node.module
        root = module.split(".")[0]
        if not self.module_exists(node, module, optional):
            return
        parts = module.split(".")
        self.imported.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        for alias in node.names:
            if alias.name == "*":
                continue
            local = alias.asname or alias.name
            if root in self.apis:
                modules = self.apis[root]["modules"]
                if f"{module}.{alias.name}" in modules:
                    self.bindings[local] = ("module", root, f"{module}.{alias.name}")
                elif alias.name in modules[module]["names"] or modules[module].get("dynamic"):
                    self.bindings[local] = ("name", root, module, alias.name)
                elif not optional:
                    self.problem(node, f'"{alias.name}" is not a name of {module} in {self.label(root, module)}{hint(alias.name, modules[module]["names"])}')
            elif not self.stdlib.has_name(module, alias.name) and not optional:
                self.problem(node, f'"{alias.name}" is not a name of the standard library module {module}{hint(alias.name, self.stdlib.public_names(module))}')

    def as_module(self, expr):
        """(root, module) when expr names a module of a package with an API list."""
        if isinstance(expr, ast.Name):
            b = self.bindings.get(expr.id)
            if b and b[0] == "module":
                return b[1], b[2]
            return None
        if isinstance(expr, ast.Attribute):
            inner = self.as_module(expr.value)
            if inner and f"{inner[1]}.{expr.attr}" in self.apis[inner[0]]["modules"] and self.reachable(inner, expr.attr):
                return inner[0], f"{inner[1]}.{expr.attr}"
        return None

    def reachable(self, owner, attr):
        """A submodule is an attribute of its package only once imported: by the package itself
        (then it is one of its names) or by this file."""
        root, module = owner
        return attr in self.apis[root]["modules"][module]["names"] or f"{module}.{attr}" in self.imported

    def check_attribute(self, node):
        owner = self.as_module(node.value)
        if not owner:
            return
        root, module = owner
        modules = self.apis[root]["modules"]
        entry = modules[module]
        if node.attr in entry["names"] or f"{module}.{node.attr}" in self.imported or entry.get("dynamic"):
            return
        if f"{module}.{node.attr}" in modules:
            self.problem(node, f'"{node.attr}" is a submodule that {module} does not import in {self.label(root, module)}; write import {module}.{node.attr}')
            return
        self.problem(node, f'"{node.attr}" is not a name of {module} in {self.label(root, module)}{hint(node.attr, entry["names"])}')

    def callee(self, func):
        """(root, module, name) of a called function or class of a package with an API list."""
        if isinstance(func, ast.Name):
            b = self.bindings.get(func.id)
            if b and b[0] == "name":
                return b[1], b[2], b[3]
        elif isinstance(func, ast.Attribute):
            owner = self.as_module(func.value)
            if owner:
                return owner[0], owner[1], func.attr
        return None

    def check_call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute) and not self.callee(func):
            owner = self.type_of(func.value)
            found = self.class_entry(owner) if owner else None
            if found and not found[3]["open"] and func.attr not in found[3]["methods"] and func.attr not in found[3]["members"]:
                root, module, cls_name, cls = found
                self.problem(func, f'{cls_name} has no method "{func.attr}" in {self.label(root, module)}{hint(func.attr, cls["methods"])}')
                return
        found = self.signature_of(func)
        if not found or found[1]["varkw"]:
            return
        label, sig = found
        called = dotted(func) or (ast.unparse(func) if isinstance(func, ast.Attribute) else "")
        for kw in node.keywords:
            if kw.arg is not None and kw.arg not in sig["params"]:
                self.problem(kw.value, f'{called}(...) has no keyword argument "{kw.arg}" in {label}{hint(kw.arg, sig["params"])}')


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
    imports = ImportChecker(apis, stdlib, problems)
    imports.run(tree)
    problems.sort(key=lambda p: p["line"])
    return {
        "file": item["file"],
        "kinds": kinds or ["python"],
        "problems": problems,
        "imports": {"checked": sorted(imports.checked), "stdlib": imports.stdlib_used, "unchecked": sorted(imports.unchecked)},
    }


def load_apis(paths):
    """Upstream API files grouped by import root (airflow core, task SDK and providers share one)."""
    apis = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        api = apis.setdefault(data["root"], {"modules": {}, "parts": []})
        api["modules"].update(data["modules"])
        api["parts"].append((data["package"], data["x-provenance"]["ref"], data["modules"]))
    return apis


def main():
    payload = json.load(sys.stdin)
    apis = load_apis(payload["apis"])
    stdlib = Stdlib()
    with tempfile.TemporaryDirectory() as cache_dir:
        results = [check_file(item, cache_dir, apis, stdlib) for item in payload["items"]]
    version = ".".join(str(v) for v in sys.version_info[:3])
    json.dump({"python": version, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
