"""Read a Python package's public API from its source: for each module, the names it defines or
imports at top level, and the keyword parameters of its functions and of its classes' __init__.

Called by scripts/lib/schema-sources/*.ts with a JSON object {module: source} on stdin; prints
{module: {"names": [...], "signatures": {name: {"params": [...], "varkw": bool}}}} on stdout.
"""

import ast
import json
import sys


def params_of(fn, skip_self):
    args = fn.args
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    if skip_self and names and names[0] in ("self", "cls"):
        names = names[1:]
    return {"params": names, "varkw": args.kwarg is not None}


def read_module(source):
    tree = ast.parse(source)
    names, signatures = set(), {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
            signatures[node.name] = params_of(node, False)
        elif isinstance(node, ast.ClassDef):
            names.add(node.name)
            init = next((n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
            if init is not None:
                signatures[node.name] = params_of(init, True)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name != "*":
                    names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        names.add(n.id)
        elif isinstance(node, ast.If):
            # try/if blocks at top level (optional imports) still bind names.
            for n in ast.walk(node):
                if isinstance(n, (ast.Import, ast.ImportFrom)):
                    for alias in n.names:
                        names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.Try):
            for n in ast.walk(node):
                if isinstance(n, (ast.Import, ast.ImportFrom)):
                    for alias in n.names:
                        names.add((alias.asname or alias.name).split(".")[0])
    return {"names": sorted(names), "signatures": signatures}


def main():
    modules = json.load(sys.stdin)
    out = {}
    for name, source in sorted(modules.items()):
        try:
            out[name] = read_module(source)
        except SyntaxError as error:
            print(f"{name}: {error}", file=sys.stderr)
            sys.exit(1)
    json.dump(out, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
