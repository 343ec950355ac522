"""Read a Python package's public API from its source, without importing it.

For each module: the names it binds at run time (definitions, imports, aliases, the lazy imports
its __getattr__ serves), and for every such name that is a function or class of the package
(defined there or re-exported), the keyword parameters a call accepts. Classes without an
__init__ of their own take it from a base class of the package, or from their fields when they
are dataclasses, attrs classes or pydantic models. A function or __init__ whose **kwargs is only
passed on to another known callable (`super().__init__(**kwargs)`, `DAG(**kwargs)`) accepts that
callable's parameters too; @overload signatures are what a type checker accepts, so they win over
the implementation's catch-all.

Called by scripts/lib/python-package-api.ts with JSON {"modules": {module: {"source", "package"}}}
on stdin ("package" is true for an __init__.py);
prints {module: {"names": [...], "signatures": {name: {"params": [...], "varkw": bool}},
"dynamic"?: true}} on stdout. "dynamic" marks a module whose __getattr__ serves names this
reader cannot list.
"""

import ast
import json
import sys

DATACLASS_DECORATORS = {"dataclass", "define", "frozen", "mutable", "s", "attrs", "dataclasses.dataclass", "attr.s", "attr.attrs"}
FIELD_CALLS = {"field", "Field", "attrib", "ib"}


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def absolute(module, is_package, level, target):
    """Absolute module name of `from <level dots><target> import ...` inside `module`."""
    if level == 0:
        return target
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def is_type_checking(test):
    return dotted(test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")


def params_of(fn, skip_self):
    args = fn.args
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    if skip_self and names and names[0] in ("self", "cls"):
        names = names[1:]
    varkw = args.kwarg.arg if args.kwarg is not None else None
    if varkw and rejects_leftovers(fn):
        # Keys it takes out of **kwargs before raising on the rest are accepted too.
        names += [k for k in keys_read(fn, varkw) if k not in names]
        varkw = None
    return {"params": names, "varkw": varkw, "forwards": forwards_of(fn), "returns": return_name(fn)}


def return_name(fn):
    """Dotted name of a plain return annotation (`-> Pipeline`, `-> "Pipeline"`), else None."""
    r = fn.returns
    if isinstance(r, ast.Constant) and isinstance(r.value, str):
        try:
            r = ast.parse(r.value, mode="eval").body
        except SyntaxError:
            return None
    return dotted(r) if r is not None else None


def keys_read(fn, name):
    """String keys a function reads from its **kwargs dict: kwargs.pop("x"), .get("x"), kwargs["x"], "x" in kwargs."""
    keys = []
    for node in ast.walk(fn):
        key = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("pop", "get", "setdefault"):
            if isinstance(node.func.value, ast.Name) and node.func.value.id == name and node.args:
                key = node.args[0]
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name:
            key = node.slice
        elif isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.In) and isinstance(node.comparators[0], ast.Name) and node.comparators[0].id == name:
            key = node.left
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value not in keys:
            keys.append(key.value)
    return keys


def rejects_leftovers(fn):
    """True when the body raises on any **kwargs left over (`if kwargs: raise TypeError(...)`, as
    Airflow's BaseOperator does): the catch-all accepts nothing beyond the named parameters."""
    name = fn.args.kwarg.arg
    for node in ast.walk(fn):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == name:
            if any(isinstance(stmt, ast.Raise) for stmt in node.body):
                return True
    return False


def forwards_of(fn):
    """Callables that receive the function's **kwargs unchanged: dotted names, or "super" for super().__init__."""
    if fn.args.kwarg is None:
        return []
    name = fn.args.kwarg.arg
    out = []
    for node in ast.walk(fn):
        if not isinstance(node, ast.Call):
            continue
        if not any(k.arg is None and isinstance(k.value, ast.Name) and k.value.id == name for k in node.keywords):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "__init__" and isinstance(func.value, ast.Call) and dotted(func.value.func) == "super":
            out.append("super")
        elif dotted(func):
            out.append(dotted(func))
    return out


def class_fields(node):
    """Constructor fields of a dataclass-like class body: annotated names that are not ClassVar,
    private pydantic attributes or init=False fields (attrs strips a leading underscore)."""
    fields = []
    for stmt in node.body:
        if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
            continue
        annotation = ast.unparse(stmt.annotation)
        if "ClassVar" in annotation:
            continue
        name = stmt.target.id
        value = stmt.value
        alias = None
        if isinstance(value, ast.Call) and (dotted(value.func) or "").split(".")[-1] in FIELD_CALLS | {"PrivateAttr"}:
            if (dotted(value.func) or "").endswith("PrivateAttr"):
                continue
            init = next((k.value for k in value.keywords if k.arg == "init"), None)
            if isinstance(init, ast.Constant) and init.value is False:
                continue
            a = next((k.value for k in value.keywords if k.arg == "alias"), None)
            if isinstance(a, ast.Constant) and isinstance(a.value, str):
                alias = a.value
        fields.append((name, alias))
    return fields


class Module:
    def __init__(self, name, source, is_package):
        self.name = name
        self.is_package = is_package
        self.tree = ast.parse(source)
        self.defs = {}  # name -> ("function", sig) | ("class", info)
        self.refs = {}  # local name -> (module, name or None for a module)
        self.lazy = {}  # name -> module that defines it
        self.names = set()
        self.dynamic = False
        self.overloads = {}
        self.typevars = {}  # TypeVar name -> its bound, so `-> TPipeline` reads as `-> Pipeline`
        self.read(self.tree.body, runtime=True)
        for name, sigs in self.overloads.items():
            # What a type checker accepts: the union of the overloads.
            params = []
            for s in sigs:
                params.extend(p for p in s["params"] if p not in params)
            returns = {self.typevars.get(s["returns"], s["returns"]) for s in sigs}
            self.defs[name] = (
                "function",
                {"params": params, "varkw": next((s["varkw"] for s in sigs if s["varkw"]), None), "forwards": [], "returns": returns.pop() if len(returns) == 1 else None},
            )
            self.names.add(name)

    def read(self, body, runtime):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if any(dotted(d) in ("overload", "typing.overload") for d in node.decorator_list):
                    self.overloads.setdefault(node.name, []).append(params_of(node, False))
                    continue
                if not runtime:
                    continue
                self.names.add(node.name)
                self.defs[node.name] = ("function", params_of(node, False))
                if node.name == "__getattr__":
                    self.dynamic = True
            elif isinstance(node, ast.ClassDef) and runtime:
                self.names.add(node.name)
                self.defs[node.name] = ("class", self.read_class(node))
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                self.read_import(node, runtime)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and runtime:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    # `X = ...` and `a, b = ...` bind names; `X.attr = ...` and `X[k] = ...` do not.
                    for n in ([t] if isinstance(t, ast.Name) else t.elts if isinstance(t, (ast.Tuple, ast.List)) else []):
                        if isinstance(n, ast.Name):
                            self.names.add(n.id)
                            self.defs.pop(n.id, None)
                            self.refs.pop(n.id, None)
                if isinstance(node.value, ast.Call) and (dotted(node.value.func) or "").split(".")[-1] == "TypeVar" and isinstance(targets[0], ast.Name):
                    bound = next((k.value for k in node.value.keywords if k.arg == "bound"), None)
                    if bound is not None and dotted(bound):
                        self.typevars[targets[0].id] = dotted(bound)
                # `pipeline = _pipeline`: an alias of something already bound.
                if len(targets) == 1 and isinstance(targets[0], ast.Name) and node.value is not None:
                    target = targets[0].id
                    if isinstance(node.value, ast.Name) and (node.value.id in self.refs or node.value.id in self.defs):
                        self.refs[target] = (self.name, node.value.id)
                    if "lazy" in target.lower() and isinstance(node.value, ast.Dict):
                        self.read_lazy(node.value)
            elif isinstance(node, ast.If):
                # `if TYPE_CHECKING:` imports exist for type checkers only, but overloads there are
                # the signatures a checker accepts.
                inner = runtime and not is_type_checking(node.test)
                self.read(node.body, inner)
                self.read(node.orelse, runtime)
            elif isinstance(node, ast.Try):
                for part in [node.body, node.orelse, node.finalbody] + [h.body for h in node.handlers]:
                    self.read(part, runtime)

    def read_import(self, node, runtime):
        if not runtime:
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                self.names.add(local)
                self.refs[local] = (alias.name if alias.asname else alias.name.split(".")[0], None)
                self.bind_submodule(alias.name)
            return
        source = absolute(self.name, self.is_package, node.level, node.module)
        self.bind_submodule(source)
        for alias in node.names:
            if alias.name == "*":
                self.refs.setdefault("*", [])
                self.refs["*"].append(source)
                continue
            local = alias.asname or alias.name
            self.names.add(local)
            self.refs[local] = (source, alias.name)
            self.defs.pop(local, None)

    def bind_submodule(self, imported):
        """Importing pkg.sub.x from pkg's own __init__ sets pkg.sub as an attribute of pkg."""
        if self.is_package and imported.startswith(self.name + "."):
            self.names.add(imported[len(self.name) + 1 :].split(".")[0])

    def read_lazy(self, value):
        # airflow.sdk: {"DAG": ".definitions.dag", ...}, served by the module's __getattr__.
        for k, v in zip(value.keys, value.values):
            if isinstance(k, ast.Constant) and isinstance(v, ast.Constant) and isinstance(k.value, str) and isinstance(v.value, str):
                target = v.value
                if target.startswith("."):
                    level = len(target) - len(target.lstrip("."))
                    target = absolute(self.name, self.is_package, level, target.lstrip("."))
                self.lazy[k.value] = target.split(":")[0]

    def read_class(self, node):
        decorators = [(dotted(d.func if isinstance(d, ast.Call) else d) or "") for d in node.decorator_list]
        init = next((n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
        overloads = [n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__" and any(dotted(d) in ("overload", "typing.overload") for d in n.decorator_list)]
        extra_allowed = False
        for stmt in node.body:
            # pydantic: `class Config: extra = Extra.allow` or `model_config = ConfigDict(extra="allow")`.
            if isinstance(stmt, ast.ClassDef) and stmt.name == "Config":
                for inner in stmt.body:
                    if isinstance(inner, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "extra" for t in inner.targets):
                        extra_allowed = extra_allowed or "allow" in ast.unparse(inner.value)
            elif isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "model_config" for t in stmt.targets):
                for n in ast.walk(stmt.value):
                    if isinstance(n, ast.keyword) and n.arg == "extra":
                        extra_allowed = extra_allowed or "allow" in ast.unparse(n.value)
        methods, members = {}, set()
        for stmt in node.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                members.add(stmt.name)
                decorators_of = [dotted(d) or "" for d in stmt.decorator_list]
                if any(d in ("property", "overload", "typing.overload") or d.endswith((".setter", "cached_property")) for d in decorators_of):
                    continue
                if not stmt.name.startswith("_") or stmt.name == "__call__":
                    methods[stmt.name] = params_of(stmt, "staticmethod" not in decorators_of)
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                for t in stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]:
                    if isinstance(t, ast.Name):
                        members.add(t.id)
            elif isinstance(stmt, ast.ClassDef):
                members.add(stmt.name)
        # Instance attributes set anywhere in the class (self.x = ...).
        for n in ast.walk(node):
            if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store) and isinstance(n.value, ast.Name) and n.value.id == "self":
                members.add(n.attr)
        info = {
            "methods": methods,
            "members": members,
            "bases": [dotted(b) for b in node.bases],
            "init": params_of(overloads[-1] if overloads and init is None else init, True) if (init or overloads) else None,
            "fields": class_fields(node),
            "dataclass": any(d.split(".")[-1] in DATACLASS_DECORATORS or d in DATACLASS_DECORATORS for d in decorators),
            "attrs": any(d.startswith("attr") for d in decorators),
            "extra_allowed": extra_allowed,
        }
        if overloads:
            params = []
            for o in overloads:
                params.extend(p for p in params_of(o, True)["params"] if p not in params)
            info["init"] = {"params": params, "varkw": None, "forwards": [], "returns": None}
        return info


class Package:
    def __init__(self, sources):
        self.modules = {}
        for name, source in sources.items():
            try:
                self.modules[name] = Module(name, source["source"], source["package"])
            except SyntaxError as error:
                raise SyntaxError(f"{name}: {error}") from None
        self.cache = {}

    def resolve(self, module, name, seen=None):
        """The (module, name) that defines `name` as seen from `module`, following imports."""
        seen = seen or set()
        if (module, name) in seen or module not in self.modules:
            return None
        seen.add((module, name))
        m = self.modules[module]
        if name in m.defs:
            return (module, name)
        if name in m.refs and isinstance(m.refs[name], tuple):
            target_module, target_name = m.refs[name]
            if target_name is None:
                return None
            if target_module in self.modules:
                return self.resolve(target_module, target_name, seen)
            return None
        if name in m.lazy:
            return self.resolve(m.lazy[name], name, seen)
        for star in m.refs.get("*", []):
            found = self.resolve(star, name, seen)
            if found:
                return found
        return None

    def resolve_dotted(self, module, dotted_name):
        head, _, rest = dotted_name.partition(".")
        if not rest:
            return self.resolve(module, dotted_name)
        m = self.modules.get(module)
        ref = m.refs.get(head) if m else None
        if isinstance(ref, tuple):
            base = ref[0] if ref[1] is None else f"{ref[0]}.{ref[1]}"
            parts = rest.split(".")
            if f"{base}.{'.'.join(parts[:-1])}".rstrip(".") in self.modules:
                return self.resolve(f"{base}.{'.'.join(parts[:-1])}".rstrip("."), parts[-1])
        return None

    def signature(self, module, name, depth=0):
        key = (module, name)
        if key in self.cache:
            return self.cache[key]
        self.cache[key] = None  # cycle guard
        sig = self.compute(module, name, depth)
        self.cache[key] = sig
        return sig

    def compute(self, module, name, depth):
        if depth > 30:
            return None
        kind, info = self.modules[module].defs[name]
        if kind == "function":
            sig = self.forward(module, info, None, depth)
            sig["returns"] = self.class_ref(module, info.get("returns"))
            return sig
        sig = self.constructor(module, name, info, depth)
        if sig is not None:
            # A copy: the constructor may be a base class's cached signature.
            sig = {**sig, "returns": f"{module}:{name}"}
        return sig

    def class_ref(self, module, dotted_name):
        """"module:Class" for an annotation naming a class of the package, else None."""
        if not dotted_name:
            return None
        dotted_name = self.modules[module].typevars.get(dotted_name, dotted_name)
        target = self.resolve_dotted(module, dotted_name)
        if target and self.modules[target[0]].defs[target[1]][0] == "class":
            return f"{target[0]}:{target[1]}"
        return None

    def constructor(self, module, name, info, depth):
        if info["init"] is not None:
            return self.forward(module, info["init"], info, depth)
        if info["dataclass"] or self.is_pydantic(module, info):
            params, varkw = [], None
            for base in self.base_classes(module, info):
                base_sig = self.signature(*base, depth + 1) if base[0] else None
                if base_sig is None:
                    return None
                params.extend(p for p in base_sig["params"] if p not in params)
                varkw = varkw or base_sig["varkw"]
            for field, alias in info["fields"]:
                shown = alias or (field.lstrip("_") if info["attrs"] else field)
                if field.startswith("_") and not info["attrs"]:
                    continue
                if shown not in params:
                    params.append(shown)
            if info["extra_allowed"]:
                varkw = "extra"
            return {"params": params, "varkw": varkw}
        # No __init__ of its own: the first base of the package that has a signature.
        for base in info["bases"]:
            target = self.resolve_dotted(module, base) if base else None
            if target is None:
                return None  # an external base (or object): unknown, so unchecked
            sig = self.signature(*target, depth + 1)
            if sig is not None:
                return sig
        return None

    IGNORED_BASES = ("object", "ABC", "Generic", "Protocol", "Enum", "str", "int", "dict", "list", "Exception")

    def class_api(self, module, name, seen=None):
        """Methods (own first, then in-package bases) and member names of a class; "open" when a
        base outside the package (other than object, ABC, Generic, ...) may add more."""
        seen = seen or set()
        if (module, name) in seen:
            return {"methods": {}, "members": set(), "open": True}
        seen.add((module, name))
        info = self.modules[module].defs[name][1]
        methods = {}
        for m, sig in info["methods"].items():
            full = self.forward(module, sig, info, 0)
            full["returns"] = self.class_ref(module, sig.get("returns"))
            methods[m] = full
        members = set(info["members"])
        # __getattr__ serves members this reader cannot list (airflow's @task.<provider>).
        is_open = "__getattr__" in members or "__getattribute__" in members
        for base in info["bases"]:
            if not base or base.split(".")[-1].split("[")[0] in self.IGNORED_BASES or base.startswith(("typing.", "abc.")):
                continue
            target = self.resolve_dotted(module, base)
            if target is None or self.modules[target[0]].defs[target[1]][0] != "class":
                is_open = True
                continue
            inherited = self.class_api(*target, seen)
            for m, sig in inherited["methods"].items():
                methods.setdefault(m, sig)
            members |= inherited["members"]
            is_open = is_open or inherited["open"]
        return {"methods": methods, "members": members, "open": is_open}

    def is_pydantic(self, module, info, depth=0):
        if depth > 20:
            return False
        for base in info["bases"]:
            if base and base.split(".")[-1] == "BaseModel":
                return True
            target = self.resolve_dotted(module, base) if base else None
            if target and self.modules[target[0]].defs[target[1]][0] == "class":
                if self.is_pydantic(target[0], self.modules[target[0]].defs[target[1]][1], depth + 1):
                    return True
        return False

    def base_classes(self, module, info):
        out = []
        for base in info["bases"]:
            if not base or base.split(".")[-1] in ("BaseModel", "object", "ABC", "Generic") or base.startswith("Generic"):
                continue
            target = self.resolve_dotted(module, base)
            if target is None:
                return [(None, None)]
            out.append(target)
        return out

    def forward(self, module, sig, cls, depth):
        params = list(sig["params"])
        varkw = sig["varkw"]
        if varkw and sig["forwards"]:
            targets = []
            for f in sig["forwards"]:
                if f == "super":
                    bases = self.base_classes(module, cls) if cls else []
                    targets.extend(bases[:1])
                else:
                    targets.append(self.resolve_dotted(module, f))
            resolved = [self.signature(*t, depth + 1) if t and t[0] else None for t in targets]
            # Only when every receiver is known: otherwise the catch-all stays open.
            if resolved and all(r is not None for r in resolved):
                varkw = None
                for r in resolved:
                    params.extend(p for p in r["params"] if p not in params)
                    varkw = varkw or r["varkw"]
        return {"params": params, "varkw": varkw}

    def export(self):
        out = {}
        for name, m in sorted(self.modules.items()):
            names = set(m.names) | set(m.lazy)
            signatures = {}
            for n in sorted(names):
                target = self.resolve(name, n)
                if target is None:
                    continue
                sig = self.signature(*target)
                if sig is not None:
                    signatures[n] = {"params": sig["params"], "varkw": bool(sig["varkw"])}
                    if sig.get("returns"):
                        signatures[n]["returns"] = sig["returns"]
            classes = {}
            for n, (kind, _) in sorted(m.defs.items()):
                if kind != "class" or n.startswith("_"):
                    continue
                api = self.class_api(name, n)
                methods = {}
                for meth, sig in sorted(api["methods"].items()):
                    methods[meth] = {"params": sig["params"], "varkw": bool(sig["varkw"])}
                    if sig.get("returns"):
                        methods[meth]["returns"] = sig["returns"]
                # Member names matter only for a closed class (an open one may have more).
                classes[n] = {"methods": methods, "open": True} if api["open"] else {"methods": methods, "members": sorted(api["members"] | set(api["methods"])), "open": False}
            entry = {"names": sorted(names), "signatures": signatures, "classes": classes}
            if m.dynamic and not m.lazy:
                entry["dynamic"] = True
            out[name] = entry
        return out


def main():
    payload = json.load(sys.stdin)
    try:
        package = Package(payload["modules"])
    except SyntaxError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    json.dump(package.export(), sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
