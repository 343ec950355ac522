"""Imports of a Python file, resolved: against the upstream API file of their package
(src/lib/config/upstream/python/, written by scripts/refresh-schemas.ts), against the standard
library of the running python3 through importlib, or reported as not checked. Then attributes of
imported modules, keyword arguments of calls to imported functions and classes, and methods called
on names assigned from those calls, against the signatures in the API file.

Loaded by python-rules.py (beside this file). Pure standard library.
"""

import ast
import json
import sys


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
