import type { Result } from '../model/problem';
import { type RunQuery, sqlLiteral } from './log-reader';
import type { PipelinePlan } from './pipeline-plan';
import type { InputPlan, ProductPlan } from './product-plan';
import { quoteIdentifier } from './sql-text';

/** A record on an input's log, by its place there: where a trace of a quarantined record starts. */
export interface QuarantinedRecordSource {
  log: string;
  position: number;
}

/**
 * The input record a product read when it quarantined `row` (a row of its quarantine table): the
 * newest record of the quarantined key on an input whose key the record holds, read in the tick
 * the record was quarantined (else the newest read before it). The input feeding the port's table
 * is asked first.
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
  for (const input of inputsByFeeding(product, output.dataset.name)) {
    const key = input.source.dataset.key;
    if (key.length === 0 || !key.every((name) => record[name] !== undefined && record[name] !== null)) continue;
    const isKey = key
      .map((name) => `json_extract(_key, ${sqlLiteral(`$.${name}`)}) = ${sqlLiteral(record[name])}`)
      .join(' AND ');
    const read = run.query(
      productId,
      `SELECT _position FROM ${quoteIdentifier(input.rawTable)} WHERE ${isKey} ORDER BY _position DESC LIMIT 200`,
    );
    if (!read.ok) continue;
    const readTick = (position: number) => {
      const millis = run.readTime(productId, input.port.id, position);
      return millis === undefined ? undefined : run.tickAt(millis);
    };
    const positions = read.value.rows.map((values) => Number(values[0]));
    const position =
      positions.find((candidate) => readTick(candidate) === tick) ??
      positions.find((candidate) => (readTick(candidate) ?? Number.POSITIVE_INFINITY) <= tick);
    if (position !== undefined) return { ok: true, value: { log: input.source.log.table, position } };
  }
  return fail(
    `no input record of ${output.port.name}'s quarantined record is kept in ${product.product.name}'s raw zones (retention may have dropped it)`,
  );
}

/** The product's inputs, the one whose clean table the port publishes first. */
function inputsByFeeding(product: ProductPlan, table: string): InputPlan[] {
  const feeding = product.inputs.filter((input) => input.dataset?.name === table);
  return [...feeding, ...product.inputs.filter((input) => !feeding.includes(input))];
}

function parsedRecord(text: unknown): Record<string, unknown> {
  try {
    const parsed: unknown = typeof text === 'string' ? JSON.parse(text) : undefined;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
