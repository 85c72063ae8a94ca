import { quoted } from '../model/isolated-names';
import { counted, inNumber, joinedWith } from '../model/word-list';
import type { DataProductRuntime } from './data-product-runtime';
import { createErrorLog } from './error-log';
import { type ConsumerProgress, lostRecords } from './input-consumer';
import { lackedColumnText } from './lacked-columns';
import type { InputPlan, ProductPlan } from './product-plan';
import type { InputGap } from './simulation-metrics';
import { sqlNameKey } from './sql-text';

type GapReport = Omit<InputGap, 'firstTick' | 'lastTick' | 'count'>;

/** One thing an input's clean table misses, `about` naming it whatever its count. */
interface Gap {
  about: string;
  records: number;
  report: GapReport;
}

/**
 * What the run's consumers miss of what their producers have, noted after each tick: an entry per
 * input and subject, with the ticks its count grew at.
 */
export function createInputGapLog(products: readonly DataProductRuntime[]) {
  const log = createErrorLog<GapReport>();
  const countsNoted = new Map<string, number>();
  return {
    note(tick: number): void {
      for (const product of products) {
        for (const consumer of product.consumers) {
          for (const gap of gapsOf(product.plan, consumer)) {
            const id = `${gap.report.path}\n${gap.about}`;
            if (countsNoted.get(id) === gap.records) continue;
            countsNoted.set(id, gap.records);
            log.record(gap.report, tick, gap.about);
          }
        }
      }
    },
    list: (): InputGap[] => log.list(),
  };
}

export type InputGapLog = ReturnType<typeof createInputGapLog>;

function gapsOf(plan: ProductPlan, consumer: ConsumerProgress): Gap[] {
  const { input } = consumer;
  const report = (message: string): GapReport => ({
    path: input.path,
    nodeId: plan.product.id,
    consumer: `${plan.product.id}/${input.port.id}`,
    message,
  });
  const lost = consumer.partitionOffsets.reduce((sum, _offset, partition) => sum + lostRecords(consumer, partition), 0);
  const lostGaps = lost > 0 ? [{ about: 'lost', records: lost, report: report(lostMessage(plan, input, lost)) }] : [];
  const lackedGaps = [...consumer.lackedColumns].map(([column, { records, unexpected }]) => ({
    about: `lacked ${column}`,
    records,
    report: report(lackedMessage(plan, input, column, records, unexpected)),
  }));
  const stale = [...consumer.staleKeys.keys()];
  const staleGaps =
    stale.length > 0
      ? [{ about: 'stale keys', records: stale.length, report: report(staleMessage(plan, input, stale)) }]
      : [];
  return [...lostGaps, ...staleGaps, ...lackedGaps];
}

/** Keys whose newer change compaction removed before the consumer read it, keeping an older one sent out of order. */
function staleMessage(plan: ProductPlan, input: InputPlan, keys: string[]): string {
  const dataset = input.dataset;
  const table = dataset
    ? `its ${dataset.kind} table ${quoted(dataset.name)}`
    : `its raw zone ${quoted(input.rawTable)}`;
  const them = inNumber(keys.length, 'it', 'them');
  return `${counted(keys.length, 'key')} left stale by compaction, ${joinedWith(keys, 'and', true)}: compaction removed ${inNumber(keys.length, 'its', 'their')} newest change before it read ${them} and kept an older change sent after it out of order (Kafka keeps a key's latest offset); ${table} holds ${them} as that older change until a later change of the key; ${computedFromText(plan, input)}`;
}

/** Records that lacked a column of the clean table: what it holds in its place (nothing is made up). */
function lackedMessage(
  plan: ProductPlan,
  input: InputPlan,
  column: string,
  records: number,
  unexpected: string[],
): string {
  const dataset = input.dataset;
  const table = dataset ? `its ${dataset.kind} table ${quoted(dataset.name)}` : 'its clean table';
  return `${counted(records, 'record')} lacked ${lackedColumnText(column, unexpected)}: ${table} holds NULL in ${quoted(column)} for ${whatRecordsDid(records, 'row', 'wrote')}; ${computedFromText(plan, input)}`;
}

/** What a count of records did, in its number: `the row it wrote`, `the rows they wrote`. */
function whatRecordsDid(records: number, noun: string, verb: string): string {
  return `the ${inNumber(records, noun)} ${inNumber(records, 'it', 'they')} ${verb}`;
}

/** What records lost to retention leave a consumer's clean table missing, and what the product computes from it. */
function lostMessage(plan: ProductPlan, input: InputPlan, lost: number): string {
  const them = inNumber(lost, 'it', 'them');
  const dataset = input.dataset;
  const misses = !dataset
    ? `its raw zone ${quoted(input.rawTable)} misses ${them}`
    : dataset.kind === 'event'
      ? `its event table ${quoted(dataset.name)} misses ${whatRecordsDid(lost, 'event', 'carried')}`
      : `its entity table ${quoted(dataset.name)} may now miss keys its producer has, or hold stale values or keys the producer deleted, until the consumer is bootstrapped again from the producer's current state`;
  return `${counted(lost, 'record')} lost to retention before it read ${them}: ${misses}; ${computedFromText(plan, input)}`;
}

/** What the product computes from an input, by its lineage: the steps that read it and the ports publishing its table or theirs. */
function computedFromText(plan: ProductPlan, input: InputPlan): string {
  const steps = plan.transformations
    .filter((step) => step.inputPortIds.has(input.port.id))
    .map((step) => step.transformation.name);
  const tables = new Set([...(input.dataset ? [input.dataset.name] : []), ...steps].map(sqlNameKey));
  const ports = plan.outputs
    .filter((output) => tables.has(sqlNameKey(output.dataset.name)))
    .map((output) => output.port.name);
  if (steps.length === 0 && ports.length === 0) return 'nothing the product computes or publishes reads it';
  const named = (kind: string, names: string[]) =>
    names.length === 0 ? [] : [`${inNumber(names.length, kind)} ${names.map(quoted).join(', ')}`];
  return `computed from it: ${[...named('transformation', steps), ...named('output port', ports)].join('; ')}`;
}
