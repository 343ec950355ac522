// How a Python package's API is read from its source (scripts/lib/python-api.py), and how the
// python validator checks imports and keyword arguments against it. The package below is small
// and made up, but written in the forms the real packages use: airflow.sdk's lazy imports
// served by __getattr__, @overload signatures of the @dag decorator inside `if TYPE_CHECKING:`,
// an attrs class, operators whose **kwargs go to BaseOperator, which rejects leftovers.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  isPackageSource,
  PYTHON_API_DIR,
  readPythonApi,
  toModuleName,
} from '../../../scripts/lib/python-package-api.ts';
import { readProviderPins } from '../../../scripts/lib/schema-sources/python-apache-airflow-providers.ts';
import { createPythonValidator } from '../../../src/lib/config/validators/python.ts';
import type { ConfigInput } from '../../../src/lib/config/validators/types.ts';

const ROOT = process.cwd();

const SDK_INIT = `from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from airflow.sdk.definitions.dag import DAG, dag
    from airflow.sdk.bases.operator import BaseOperator
    from airflow.sdk.typing_only import OnlyForCheckers

__lazy_imports: dict[str, str] = {
    "DAG": ".definitions.dag",
    "dag": ".definitions.dag",
    "task": ".definitions.dag",
    "BaseOperator": ".bases.operator",
}


def __getattr__(name):
    ...
`;

const DAG_MODULE = `from typing import TYPE_CHECKING, overload
import attrs


@attrs.define
class DAG:
    dag_id: str
    schedule: object = None
    _access_control: dict = attrs.field(factory=dict)
    task_dict: dict = attrs.field(init=False)


if TYPE_CHECKING:
    @overload
    def dag(dag_id: str = "", *, schedule=None, start_date=None, catchup: bool = False): ...

    @overload
    def dag(func): ...


def dag(dag_id_or_func=None, **decorator_kwargs):
    return DAG(**decorator_kwargs)


def task(python_callable=None, **kwargs):
    ...
`;

const OPERATOR_MODULE = `from typing import TypeVar


class BaseOperator:
    def __init__(self, *, task_id, retries=0, **kwargs):
        self.pool = kwargs.pop("pool", None)
        if kwargs:
            raise TypeError(f"Invalid arguments were passed: {kwargs}")
        self.owner = None

    def expand(self, *, op_kwargs=None):
        return self

    @property
    def task_type(self):
        return "op"


TOperator = TypeVar("TOperator", bound=BaseOperator)


def clone(op) -> TOperator:
    return op
`;

const POD_MODULE = `from airflow.sdk import BaseOperator


class PodOperator(BaseOperator):
    def __init__(self, *, image, namespace=None, **kwargs):
        super().__init__(**kwargs)


class Decorators:
    def __getattr__(self, name):
        ...


class ExternalOperator(SomethingElse):
    def __init__(self, *, a, **kwargs):
        super().__init__(**kwargs)
`;

const SOURCES = {
  airflow: { source: '', package: true },
  'airflow.sdk': { source: SDK_INIT, package: true },
  'airflow.sdk.definitions': { source: '', package: true },
  'airflow.sdk.definitions.dag': { source: DAG_MODULE, package: false },
  'airflow.sdk.bases': { source: '', package: true },
  'airflow.sdk.bases.operator': { source: OPERATOR_MODULE, package: false },
  'airflow.providers.pods.operators.pod': { source: POD_MODULE, package: false },
};

interface Api {
  names: string[];
  signatures: Record<string, { params: string[]; varkw: boolean; returns?: string }>;
  classes?: Record<
    string,
    {
      methods: Record<string, { params: string[]; varkw: boolean }>;
      members?: string[];
      open: boolean;
    }
  >;
  dynamic?: boolean;
}

let api: Record<string, Api> | undefined;

/** The API of SOURCES, read once (each run starts python3). */
function readApi(): Record<string, Api> {
  api ??= readPythonApi(ROOT, SOURCES) as Record<string, Api>;
  return api;
}

describe('reading a package API from its source', () => {
  test('names module files as Python does, and leaves tests out', () => {
    expect(toModuleName('task-sdk/src/airflow/sdk/__init__.py', 'task-sdk/src/')).toEqual({
      module: 'airflow.sdk',
      isPackage: true,
    });
    expect(toModuleName('dlt/pipeline/pipeline.py', '')).toEqual({
      module: 'dlt.pipeline.pipeline',
      isPackage: false,
    });
    expect([
      isPackageSource('dlt/common/tests/x.py'),
      isPackageSource('dlt/common/x.py'),
      isPackageSource('dlt/x.pyi'),
    ]).toEqual([false, true, false]);
  });

  test('serves lazy imports as names of the module and leaves TYPE_CHECKING-only imports out', () => {
    const sdk = readApi()['airflow.sdk']!;
    expect(sdk.names).toEqual(expect.arrayContaining(['DAG', 'dag', 'task', 'BaseOperator']));
    expect(sdk.names).not.toContain('OnlyForCheckers');
    // Its __getattr__ serves exactly the lazy names, so the module is not open-ended.
    expect(sdk.dynamic).toBeUndefined();
  });

  test('takes @dag keyword arguments from its overloads, and DAG(...) from its attrs fields', () => {
    const sdk = readApi()['airflow.sdk']!;
    expect(sdk.signatures['dag']).toEqual({
      params: ['dag_id', 'schedule', 'start_date', 'catchup', 'func'],
      varkw: false,
    });
    // attrs strips the leading underscore of a private field and leaves init=False fields out.
    expect(sdk.signatures['DAG']).toEqual({
      params: ['dag_id', 'schedule', 'access_control'],
      varkw: false,
      returns: 'airflow.sdk.definitions.dag:DAG',
    });
  });

  test('follows **kwargs to the base class, closed where the base raises on leftovers but for the keys it pops', () => {
    const pod = readApi()['airflow.providers.pods.operators.pod']!;
    expect(pod.signatures['PodOperator']).toEqual({
      params: ['image', 'namespace', 'task_id', 'retries', 'pool'],
      varkw: false,
      returns: 'airflow.providers.pods.operators.pod:PodOperator',
    });
    // A base outside the package is unknown: the catch-all stays open, so nothing is rejected.
    expect(pod.signatures['ExternalOperator']).toEqual({
      params: ['a'],
      varkw: true,
      returns: 'airflow.providers.pods.operators.pod:ExternalOperator',
    });
  });

  test('reads provider versions from an Airflow constraints file', () => {
    const constraints =
      '# comment\napache-airflow-providers-cncf-kubernetes==10.9.0\napache-airflow-providers-slack==9.8.0\nslack_sdk==3.36.0\n';
    expect(readProviderPins(constraints)).toEqual({ 'cncf-kubernetes': '10.9.0', slack: '9.8.0' });
  });

  test('lists methods and members of a class with only in-package bases, and follows TypeVar bounds', () => {
    const op = readApi()['airflow.sdk.bases.operator']!;
    expect(op.classes?.['BaseOperator']).toEqual({
      methods: { expand: { params: ['op_kwargs'], varkw: false } },
      members: ['__init__', 'expand', 'owner', 'pool', 'task_type'],
      open: false,
    });
    expect(op.signatures['clone']?.returns).toBe('airflow.sdk.bases.operator:BaseOperator');
    // A class with a base outside the package may have more members: none are listed.
    expect(
      readApi()['airflow.providers.pods.operators.pod']!.classes?.['ExternalOperator'],
    ).toEqual({ methods: {}, open: true });
    // So may one whose __getattr__ serves members.
    expect(readApi()['airflow.providers.pods.operators.pod']!.classes?.['Decorators']).toEqual({
      methods: {},
      open: true,
    });
  });

  test('fails with the module name when a source does not parse', () => {
    expect(() =>
      readPythonApi(ROOT, { 'pkg.bad': { source: 'def f(:\n', package: false } }),
    ).toThrow(/pkg\.bad/);
  });
});

describe('the committed API files', () => {
  const files = readdirSync(PYTHON_API_DIR).filter((f) => f.endsWith('.json'));

  test.each(files)('%s records where it came from and covers its import root', (file) => {
    const api = JSON.parse(readFileSync(join(PYTHON_API_DIR, file), 'utf8')) as {
      'x-provenance': Record<string, unknown>;
      package: string;
      root: string;
      modules: Record<string, Api>;
    };
    expect(Object.keys(api['x-provenance']).sort()).toEqual([
      'commit',
      'generator',
      'licence',
      'paths',
      'ref',
      'repository',
      'retrieved',
    ]);
    expect(api['x-provenance']['commit']).toMatch(/^[0-9a-f]{40}$/);
    expect(file).toBe(`${api.package}.json`);
    expect(api.modules[api.root]?.names.length).toBeGreaterThan(0);
  });
});

describe('python validator against an upstream API', () => {
  const DAG_FILE = `import pendulum
from airflow.sdk import dag, task
from airflow.sdk import Dag
from airflow.providers.pods.operators.pod import PodOperator
from airflow.providers.pods.operators.pods import PodOperator as Other

try:
    from airflow.providers.pods.legacy import PodOperator as Legacy
except ImportError:
    Legacy = None


@dag(schedul="@hourly", start_date=pendulum.datetime(2026, 1, 1, tz="UTC"), catchup=False)
def orders():
    build = PodOperator(task_id="build", imagee="dbt:1.10", retries=2)
    build.expand(op_kwrgs={})
    build.expnd(op_kwargs={})
`;

  async function check(text: string) {
    const dir = mkdtempSync(join(tmpdir(), 'python-api-'));
    const file = {
      'x-provenance': { repository: 'example/airflow', ref: '9.9.9' },
      package: 'apache-airflow-example',
      root: 'airflow',
      modules: readApi(),
    };
    mkdirApi(dir, file);
    writeFileSync(join(dir, 'orders_dag.py'), text);
    const input: ConfigInput = {
      root: ROOT,
      file: 'dags/orders_dag.py',
      absPath: join(dir, 'orders_dag.py'),
      folderDir: 'dags',
      text,
      entry: { path: 'orders_dag.py', title: 't', description: 'd', validator: 'python' },
    };
    const [result] = await createPythonValidator('python3', join(dir, 'api'))([input]);
    return result!;
  }

  function mkdirApi(dir: string, api: object) {
    const apiDir = join(dir, 'api');
    mkdirSync(apiDir);
    writeFileSync(join(apiDir, 'apache-airflow-example.json'), JSON.stringify(api));
  }

  test('rejects a missing module, a misspelt name, a misspelt @dag argument, a misspelt operator argument and a misspelt method', async () => {
    const result = await check(DAG_FILE);
    expect(result.problems.map((p) => `${p.line}  ${p.message}`)).toMatchInlineSnapshot(`
      [
        "3  "Dag" is not a name of airflow.sdk in apache-airflow-example 9.9.9; nearest valid: "dag"",
        "5  module "airflow.providers.pods.operators.pods" does not exist in apache-airflow-example 9.9.9; nearest valid: "airflow.providers.pods.operators.pod"",
        "13  dag(...) has no keyword argument "schedul" in apache-airflow-example 9.9.9; nearest valid: "schedule"",
        "15  PodOperator(...) has no keyword argument "imagee" in apache-airflow-example 9.9.9; nearest valid: "image"",
        "16  build.expand(...) has no keyword argument "op_kwrgs" in apache-airflow-example 9.9.9; nearest valid: "op_kwargs"",
        "17  PodOperator has no method "expnd" in apache-airflow-example 9.9.9; nearest valid: "expand"",
      ]
    `);
  });

  test('says which imports it could not check instead of passing them silently', async () => {
    const result = await check(DAG_FILE);
    expect(result.limits.join('\n')).toContain(
      'imports of pendulum not checked: no API list for that package',
    );
    expect(result.checks.join('\n')).toContain(
      'imports of airflow resolved against the modules and names of apache-airflow-example 9.9.9',
    );
  });

  test('accepts the same DAG written correctly', async () => {
    const fixed = DAG_FILE.replace('from airflow.sdk import Dag\n', '')
      .replace('operators.pods import', 'operators.pod import')
      .replace('schedul=', 'schedule=')
      .replace('imagee=', 'image=')
      .replace('op_kwrgs', 'op_kwargs')
      .replace('.expnd(', '.expand(');
    expect((await check(fixed)).problems).toEqual([]);
  });
});
