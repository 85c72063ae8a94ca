import type { Dataset } from './dataset';
import { applyView } from './dataset-table';
import type { TransformationPlan } from './product-plan';
import { checkSelect, subquerySql } from './select-check';
import { columnDefinitions, columnList, quoteIdentifier, quoteLiteral } from './sql-text';
import type { SqlConnection, SqlStatement } from './sql-workspace';

/** One run of a step; returns the SQLite message when it fails (its changes are then rolled back). */
export type RunStep = (tick: number, millis: number) => string | undefined;

export type PreparedStep = { ok: true; run: RunStep } | { ok: false; message: string };

/**
 * A transformation is a SELECT whose result becomes the table named after the step. A published
 * result is diffed against the table, so only real changes reach the output port; a result with a
 * missing or repeated key has those rows quarantined and the key left as it was.
 */
export function prepareStep(
  connection: SqlConnection,
  step: TransformationPlan,
  quarantinePort: string | undefined,
): PreparedStep {
  const checked = checkSelect(connection, step.transformation.sql);
  if (!checked.ok) return checked;
  const select = subquerySql(checked.select);
  const savepoint = quoteIdentifier(`step_${step.transformation.name}`);
  try {
    const statements = step.dataset
      ? preparePublishedStep(connection, step.dataset, select, quarantinePort ?? '')
      : prepareIntermediateStep(connection, step.transformation.name, select);
    const run: RunStep = (tick, millis) => {
      connection.exec(`SAVEPOINT ${savepoint}`);
      try {
        for (const { statement, params } of statements) statement.run(params(tick, millis));
        connection.exec(`RELEASE ${savepoint}`);
        return undefined;
      } catch (error) {
        connection.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        return (error as Error).message;
      }
    };
    return { ok: true, run };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

interface BoundStatement {
  statement: SqlStatement;
  params: (tick: number, millis: number) => (number | string)[];
}

const none = () => [];

function prepareIntermediateStep(connection: SqlConnection, name: string, select: string): BoundStatement[] {
  const table = `node.${quoteIdentifier(name)}`;
  const create = connection.prepare(`CREATE TABLE ${table} AS ${select} LIMIT 0`);
  try {
    create.run();
  } finally {
    create.release();
  }
  return [
    { statement: connection.prepare(`DELETE FROM ${table}`), params: none },
    { statement: connection.prepare(`INSERT INTO ${table} ${select}`), params: none },
  ];
}

function preparePublishedStep(
  connection: SqlConnection,
  dataset: Dataset,
  select: string,
  quarantinePort: string,
): BoundStatement[] {
  const names = dataset.columns.map((column) => column.name);
  const table = `node.${quoteIdentifier(dataset.name)}`;
  const next = `node.${quoteIdentifier(`_next_${dataset.name}`)}`;
  const key = dataset.key;
  connection.exec(`CREATE TABLE ${next} (${columnDefinitions(dataset.columns).join(', ')})`);
  if (key.length > 0) {
    connection.exec(
      `CREATE INDEX node.${quoteIdentifier(`_next_${dataset.name}_key`)} ON ${quoteIdentifier(`_next_${dataset.name}`)} (${columnList(key)})`,
    );
  }
  const statements: BoundStatement[] = [
    { statement: connection.prepare(`DELETE FROM ${next}`), params: none },
    {
      statement: connection.prepare(
        `INSERT INTO ${next} (${columnList(names)}) SELECT ${columnList(names)} FROM (${select})`,
      ),
      params: none,
    },
  ];
  const millisOnly = (_tick: number, millis: number) => [millis];
  if (dataset.kind === 'entity') {
    const sameKey = key.map((name) => `n.${quoteIdentifier(name)} = t.${quoteIdentifier(name)}`).join(' AND ');
    statements.push({
      statement: connection.prepare(`INSERT INTO node.${applyView(dataset)} (_op, _timestamp, ${columnList(key)})
SELECT 'd', ?, ${columnList(key)} FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM ${next} n WHERE ${sameKey})`),
      params: millisOnly,
    });
  }
  if (key.length > 0) {
    const missing = key.map((name) => `${quoteIdentifier(name)} IS NULL`).join(' OR ');
    const invalid = `${missing} OR (${columnList(key)}) IN (SELECT ${columnList(key)} FROM ${next} GROUP BY ${columnList(key)} HAVING count(*) > 1)`;
    const keyText = quoteLiteral(key.join(', '));
    statements.push(
      {
        statement: connection.prepare(`INSERT INTO node.quarantine (tick, port, rule, property, message, record)
SELECT ?, ${quoteLiteral(quarantinePort)}, CASE WHEN ${missing} THEN 'required' ELSE 'unique' END, ${keyText},
  CASE WHEN ${missing} THEN 'key ' || ${keyText} || ' is missing' ELSE 'key ' || ${keyText} || ' appears more than once in the result' END,
  json_object(${names.map((name) => `${quoteLiteral(name)}, ${quoteIdentifier(name)}`).join(', ')})
FROM ${next} WHERE ${invalid}`),
        params: (tick) => [tick],
      },
      { statement: connection.prepare(`DELETE FROM ${next} WHERE ${invalid}`), params: none },
    );
  }
  const changedRows = `SELECT ${columnList(names)} FROM ${next} EXCEPT SELECT ${columnList(names)} FROM ${table}`;
  statements.push(
    dataset.kind === 'entity'
      ? {
          statement: connection.prepare(
            `INSERT INTO node.${applyView(dataset)} (_op, _timestamp, ${columnList(names)}) SELECT 'u', ?, * FROM (${changedRows})`,
          ),
          params: millisOnly,
        }
      : {
          statement: connection.prepare(`INSERT OR IGNORE INTO ${table} (${columnList(names)}) ${changedRows}`),
          params: none,
        },
  );
  return statements;
}
