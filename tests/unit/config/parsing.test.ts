// The small parsers and renderers the validators are built on.
import { describe, expect, test } from 'vitest';
import { renderDbt } from '../../../src/lib/config/dbt-jinja.ts';
import { locateJsonError } from '../../../src/lib/config/locate-json-error.ts';
import { parseProperties } from '../../../src/lib/config/parse-properties.ts';
import { lineOfPath, parseYamlDocuments } from '../../../src/lib/config/positions.ts';
import { isPlaceholder, isSecretName } from '../../../src/lib/config/secrets.ts';
import { splitStatements } from '../../../src/lib/config/split-statements.ts';
import { planTrinoStatement } from '../../../src/lib/config/sql-extensions.ts';
import { isPinned } from '../../../src/lib/config/validators/terraform-rules.ts';

describe('parseProperties', () => {
  test('reads =, : and whitespace separators, comments, escapes and continuations like java.util.Properties', () => {
    const text = '# comment\n! also\na=1\nb : two\nc three\nd = x\\\n    y\ne=\\u0041\\=\nempty\n';
    expect(parseProperties(text)).toEqual([
      { key: 'a', value: '1', line: 3 },
      { key: 'b', value: 'two', line: 4 },
      { key: 'c', value: 'three', line: 5 },
      { key: 'd', value: 'xy', line: 6 },
      { key: 'e', value: 'A=', line: 8 },
      { key: 'empty', value: '', line: 9 },
    ]);
  });
});

describe('splitStatements', () => {
  test('splits on semicolons outside quotes and comments and keeps each statement line', () => {
    const sql =
      '-- header; not a split\nSELECT \';\' AS a;\n\n/* block ; */ SELECT 2\n;SELECT "x;y" FROM t';
    expect(splitStatements(sql).map((s) => [s.line, s.text.trim(), s.terminated])).toEqual([
      [2, "-- header; not a split\nSELECT ';' AS a", true],
      [4, '/* block ; */ SELECT 2', true],
      [5, 'SELECT "x;y" FROM t', false],
    ]);
  });
});

describe('renderDbt', () => {
  const model =
    "{{ config(materialized='incremental') }}\nselect * from {{ ref('orders') }} join {{ source('raw', 'shop') }} on true\n{% if is_incremental() %}\nwhere ts > (select max(ts) from {{ this }})\n{% endif %}\n";

  test('renders ref, source, config and this, keeping every line in place', () => {
    const { sql } = renderDbt(model, true);
    expect(sql.split('\n')).toEqual([
      '',
      'select * from orders join raw.shop on true',
      '',
      'where ts > (select max(ts) from dbt_this)',
      '',
      '',
    ]);
  });

  test('drops the incremental branch for a full refresh', () => {
    expect(renderDbt(model, false).sql).not.toContain('where');
  });

  test('lists the constructs it could only approximate', () => {
    const { approximations } = renderDbt(
      "select {{ dbt_utils.star(ref('a')) }} from t {% if target.name == 'prod' %}where x{% endif %}",
      true,
    );
    expect(approximations).toEqual([
      "{{ dbt_utils.star(ref('a')) }} replaced by the placeholder dbt_jinja_value",
      "{% if target.name == 'prod' %} rendered with its first branch only",
    ]);
  });

  test('reports blocks closed by the wrong tag', () => {
    expect(renderDbt('{% if x %}\n{% endfor %}', true).problems).toEqual([
      { line: 2, message: '{% endfor %} closes {% if %} from line 1; expected {% endif %}' },
    ]);
  });
});

describe('planTrinoStatement', () => {
  test('checks table properties itself and hands the rest to the parser', () => {
    const plan = planTrinoStatement(
      "CREATE TABLE t (a BIGINT)\nWITH (format = 'PARQUET', partitioning = ARRAY['day(ts)'])",
      'p',
    );
    expect(plan.problems).toEqual([]);
    expect(plan.parse[0]!.text).not.toContain('PARQUET');
    expect(plan.parse[0]!.text.split('\n')).toHaveLength(2);
  });

  test('accepts every Trino 483 Iceberg table procedure, rollback_to_snapshot included, and no misspelling', () => {
    const rollback =
      'ALTER TABLE lake.a.b EXECUTE rollback_to_snapshot(snapshot_id => 8954597067493422955)';
    expect(planTrinoStatement(rollback, 'p').problems).toEqual([]);
    // IcebergTableProcedureId in plugin/trino-iceberg at the 483 release commit.
    for (const name of [
      'optimize',
      'optimize_manifests',
      'drop_extended_stats',
      'rollback_to_snapshot',
      'expire_snapshots',
      'remove_orphan_files',
      'add_files',
      'add_files_from_table',
    ])
      expect(planTrinoStatement(`ALTER TABLE lake.a.b EXECUTE ${name}`, 'p').problems).toEqual([]);
    expect(planTrinoStatement(rollback.replace('snapshot(', 'snapshots('), 'p').problems).toEqual([
      expect.stringContaining(
        'unknown table procedure "rollback_to_snapshots"; nearest valid: "rollback_to_snapshot"',
      ),
    ]);
  });

  test("checks table procedure arguments as Trino 483's analyzer does", () => {
    const problems = (sql: string) => planTrinoStatement(sql, 'p').problems;
    // Positional, as in the connector page's example, and named.
    expect(problems('ALTER TABLE t EXECUTE rollback_to_snapshot(8954597067493422955)')).toEqual([]);
    expect(
      problems(
        "ALTER TABLE t EXECUTE expire_snapshots(retention_threshold => '7d', retain_last => 3)",
      ),
    ).toEqual([]);
    expect(problems("ALTER TABLE t EXECUTE optimize(file_size_treshold => '1B')")).toEqual([
      'optimize has no argument "file_size_treshold"; nearest valid: "file_size_threshold"; it takes file_size_threshold',
    ]);
    expect(problems("ALTER TABLE t EXECUTE expire_snapshots('7d', retain_last => 3)")).toEqual([
      'expire_snapshots: named and positional arguments cannot be mixed',
    ]);
    expect(problems('ALTER TABLE t EXECUTE optimize_manifests(1)')).toEqual([
      'optimize_manifests: 1 positional argument(s), it takes no arguments',
    ]);
  });

  test('parses the WHERE clause of ALTER TABLE ... EXECUTE as a query', () => {
    const plan = planTrinoStatement(
      "ALTER TABLE lake.a.b EXECUTE optimize(file_size_threshold => '1GB') WHERE d > DATE '2026-01-01'",
      'p',
    );
    expect(plan.parse.map((p) => p.text)).toEqual([
      "SELECT 1 FROM lake.a.b WHERE d > DATE '2026-01-01'",
    ]);
  });
});

describe('locateJsonError', () => {
  test('is undefined for valid JSON and points at the first error otherwise', () => {
    expect(locateJsonError('{"a": [1, 2.5e3, true, null, "x\\"y"]}')).toBeUndefined();
    expect(locateJsonError('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      line: 3,
      column: 3,
      message: 'expected "," or "}", found """',
    });
    expect(locateJsonError("{'a': 1}")).toEqual({
      line: 1,
      column: 2,
      message: `expected a quoted member name, found "'"`,
    });
  });
});

describe('lineOfPath', () => {
  test('finds the line of a nested field, of a key inside a map, and falls back to the nearest parent', () => {
    const [doc] = parseYamlDocuments('a:\n  b:\n    - x: 1\n      y: 2\n').docs;
    expect(lineOfPath(doc!, ['a', 'b', '0', 'y'])).toBe(4);
    expect(lineOfPath(doc!, ['a', 'b', '0'], 'x')).toBe(3);
    expect(lineOfPath(doc!, ['a', 'missing', 'deeper'])).toBe(1);
  });
});

describe('credential rules', () => {
  test('treats snake, kebab, dotted and camelCase credential names alike', () => {
    expect(
      ['db_password', 'client-secret', 's3.aws-secret-key', 'keyStorePassword', 'api_token'].every(
        isSecretName,
      ),
    ).toBe(true);
    expect(['secretName', 'secret_arn', 'password_length', 'tokenizer'].some(isSecretName)).toBe(
      false,
    );
  });

  test('accepts references and placeholders but not literals', () => {
    expect(
      [
        '${ENV:X}',
        '{{ env_var("X") }}',
        '<password>',
        '{"type":"environment","variable":"X"}',
        '',
      ].every(isPlaceholder),
    ).toBe(true);
    expect(isPlaceholder('hunter2')).toBe(false);
  });
});

describe('isPinned', () => {
  test('requires an upper bound', () => {
    expect(['~> 6.0', '= 1.2.3', '1.2.3', '>= 5.0, < 7.0'].every(isPinned)).toBe(true);
    expect(['>= 5.0', '> 1', ''].some(isPinned)).toBe(false);
  });
});
