import type { Result } from '../model/problem';
import { parseExactJson } from './exact-json';
import { type RunQuery, recordsWithFields, sqlLiteral } from './log-reader';
import { pickedFields } from './picked-fields';
import type { PipelinePlan } from './pipeline-plan';
import type { InputPlan, ProductPlan } from './product-plan';
import { resultLinkingColumns } from './result-linking-columns';
import { quoteIdentifier } from './sql-text';

/** How many of an input's newest records of the key are asked when they were read. */
const MAX_CANDIDATES = 200;

/** A record on an input's log, by its place there: where a trace of a quarantined record starts. */
export interface QuarantinedRecordSource {
  log: string;
  position: number;
}

/**
 * The input record a product read when it quarantined `row` (a row of its quarantine table): the
 * newest record of the quarantined key on an input whose key the record holds, read in the tick
 * the record was quarantined (else the newest read before it). The input feeding the port's table
 * is asked first. A row its transformation made came from the step's inputs: where the record
 * holds no input's whole key (a total by `customer_id`, a key left NULL), the newest input record
 * sharing the values that link it to the step's rows, as a trace of that input record links them.
 */
export function quarantinedRecordSource(
  plan: PipelinePlan,
  run: {
    query: RunQuery;
    readTime(productId: string, portId: string, position: number): number | undefined;
    tickAt(millis: number): number;
  },
  productId: string,
  row: Readonly<Record<string, unknown>>,
): Result<QuarantinedRecordSource> {
  const fail = (message: string): Result<never> => ({ ok: false, errors: [{ path: 'trace', message }] });
  const product = plan.products.find((candidate) => candidate.product.id === productId);
  const output = product?.outputs.find((candidate) => candidate.port.id === row.port);
  if (!product || !output) return fail(`no output port '${String(row.port)}' quarantines records in '${productId}'`);
  const record = parsedRecord(row.record);
  const tick = Number(row.tick);
  const readInTick = (input: InputPlan, positions: readonly number[]) => {
    const readTick = (position: number) => {
      const millis = run.readTime(productId, input.port.id, position);
      return millis === undefined ? undefined : run.tickAt(millis);
    };
    return (
      positions.find((candidate) => readTick(candidate) === tick) ??
      positions.find((candidate) => (readTick(candidate) ?? Number.POSITIVE_INFINITY) <= tick)
    );
  };
  const inputs = inputsByFeeding(product, output.dataset.name);
  for (const input of inputs) {
    const position = readInTick(input, positionsWithKey(run.query, productId, input, record));
    if (position !== undefined) return { ok: true, value: { log: input.source.log.table, position } };
  }
  const step = product.transformations.find((candidate) => candidate.dataset?.name === output.dataset.name);
  for (const input of step ? inputs.filter((candidate) => step.inputPortIds.has(candidate.port.id)) : []) {
    const position = readInTick(input, positionsLinkedToResult(run.query, input, output.dataset.key, record));
    if (position !== undefined) return { ok: true, value: { log: input.source.log.table, position } };
  }
  return fail(
    `no input record of ${output.port.name}'s quarantined record is kept in ${product.product.name}'s raw zones (retention may have dropped it)`,
  );
}

/** The newest positions of the input's raw zone holding the record's key, none where the record lacks a part of it. */
function positionsWithKey(
  query: RunQuery,
  productId: string,
  input: InputPlan,
  record: Record<string, unknown>,
): number[] {
  const key = input.source.dataset.key;
  if (key.length === 0 || !key.every((name) => record[name] !== undefined && record[name] !== null)) return [];
  const isKey = key
    .map((name) => `json_extract(_key, ${sqlLiteral(`$.${name}`)}) = ${sqlLiteral(record[name])}`)
    .join(' AND ');
  const read = query(
    productId,
    `SELECT _position FROM ${quoteIdentifier(input.rawTable)} WHERE ${isKey} ORDER BY _position DESC LIMIT ${MAX_CANDIDATES}`,
  );
  return read.ok ? read.value.rows.map((values) => Number(values[0])) : [];
}

/** The newest positions of the input's log whose records share the values linking them to the result row `record`. */
function positionsLinkedToResult(
  query: RunQuery,
  input: InputPlan,
  resultKey: readonly string[],
  record: Record<string, unknown>,
): number[] {
  const linking = resultLinkingColumns(
    { key: resultKey, columns: Object.keys(record) },
    input.source.log.format.columns.map((column) => column.name),
  );
  if (linking.length === 0) return [];
  const read = recordsWithFields(query, input.source.log, pickedFields(record, linking), {
    order: 'newest',
    limit: MAX_CANDIDATES,
  });
  return read.ok ? read.value.map((candidate) => candidate.position) : [];
}

/** The product's inputs, the one whose clean table the port publishes first. */
function inputsByFeeding(product: ProductPlan, table: string): InputPlan[] {
  const feeding = product.inputs.filter((input) => input.dataset?.name === table);
  return [...feeding, ...product.inputs.filter((input) => !feeding.includes(input))];
}

function parsedRecord(text: unknown): Record<string, unknown> {
  try {
    const parsed: unknown = typeof text === 'string' ? parseExactJson(text) : undefined;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
