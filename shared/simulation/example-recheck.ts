import type { Mesh } from '../model/mesh';
import type { LogMessage } from './broker-log';
import {
  type ContractCheck,
  type ContractRule,
  type ContractViolation,
  jsonPathKey,
  violationSql,
} from './contract-rules';
import { contractColumns } from './dataset';
import { outputContractCheck } from './output-port';
import { planPipeline } from './pipeline-plan';
import { columnDefinitions, columnList, quoteLiteral } from './sql-text';
import type { SqlConnection } from './sql-workspace';

/** Per output-port log: each example's first broken rule, or null when it keeps the contract. */
export type ExampleViolations = Record<string, (ContractViolation | null)[]>;

/**
 * Example records of earlier runs checked by the rules their ports' contracts set in `mesh` now,
 * by the engine's own check (`violationSql`): a contract edited since a run may refuse records it
 * published. A log whose port publishes nothing now is left out.
 */
export function recheckExamples(
  connection: SqlConnection,
  mesh: Mesh,
  examples: Readonly<Record<string, readonly LogMessage[]>>,
): ExampleViolations {
  const violations: ExampleViolations = {};
  for (const product of planPipeline(mesh).products) {
    for (const output of product.outputs) {
      const messages = examples[output.log.log.table];
      if (messages) {
        const records = messages.map((message) => message.value);
        violations[output.log.log.table] = recheckRecords(connection, outputContractCheck(output), records);
      }
    }
  }
  return violations;
}

const CHECKED_TABLE = 'node._rechecked';

/**
 * Records stored as a port would store them under the check's contract (columns typed by it, so
 * SQLite converts their values alike) and checked as new records, in order.
 */
function recheckRecords(
  connection: SqlConnection,
  check: ContractCheck,
  records: readonly unknown[],
): (ContractViolation | null)[] {
  const names = check.properties.map((property) => property.name);
  const fields = names.map((name) => `value ->> ${quoteLiteral(`$.${jsonPathKey(name)}`)}`);
  const columns = columnDefinitions(contractColumns(check.properties));
  connection.exec(`CREATE TABLE ${CHECKED_TABLE} (_seq INTEGER PRIMARY KEY, ${columns.join(', ')})`);
  try {
    const insert = connection.prepare(
      `INSERT INTO ${CHECKED_TABLE} (_seq, ${columnList(names)}) SELECT key, ${fields.join(', ')} FROM json_each(?)`,
    );
    insert.run([JSON.stringify(records)]);
    insert.release();
    const select = connection.prepare(
      `SELECT _violation ->> 0, _violation ->> 1, _violation ->> 2
       FROM (SELECT _seq, ${violationSql(check)} AS _violation FROM (SELECT *, 'c' AS _op FROM ${CHECKED_TABLE}))
       ORDER BY _seq`,
    );
    const rows = select.all();
    select.release();
    return rows.map(([rule, property, message]) =>
      rule === null
        ? null
        : {
            rule: rule as ContractRule,
            property: property === null ? null : String(property),
            message: String(message),
          },
    );
  } finally {
    connection.exec(`DROP TABLE ${CHECKED_TABLE}`);
  }
}
