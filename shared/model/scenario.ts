import { z } from 'zod';
import { IdSchema } from './ids';
import { describeType } from './schema-issue-text';
import { isSequenceFormat, SEQUENCE_FORMAT_RULE } from './sequence-format';

const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);
/** A value a step sets: null among the union's members, so what it refuses names null as taken too. */
const SetValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

function minNotAboveMax(range: { min: number; max: number }, context: z.RefinementCtx): void {
  if (range.min > range.max) {
    context.addIssue({ code: 'custom', path: ['min'], message: `min (${range.min}) is above max (${range.max})` });
  }
}

/** Values drawn at random; with `weights` (one per value), each as often as its weight says: `[45, 35, 20]`. */
const WeightedValuesFields = {
  values: z.array(ScalarSchema).min(1),
  weights: z.array(z.number().min(0, 'a weight cannot be negative')).optional(),
};

function weightsFitValues(choice: { values: unknown[]; weights?: number[] }, context: z.RefinementCtx): void {
  const { values, weights } = choice;
  if (!weights) return;
  if (weights.length !== values.length) {
    context.addIssue({
      code: 'custom',
      path: ['weights'],
      message: `${weights.length} weights for ${values.length} values: give one weight per value`,
    });
  } else if (weights.every((weight) => weight === 0)) {
    context.addIssue({
      code: 'custom',
      path: ['weights'],
      message: 'every weight is 0: give at least one value a weight above 0',
    });
  }
}

const WeightedValuesSchema = z.strictObject(WeightedValuesFields).superRefine(weightsFitValues);
export type WeightedValues = z.infer<typeof WeightedValuesSchema>;

/** A lifecycle's stage: one value, or one of several drawn as `oneOf` draws (a game's result: 1-0, 0-1 or ½-½). */
const LifecycleStageSchema = z.union([ScalarSchema, WeightedValuesSchema]);
export type LifecycleStage = z.infer<typeof LifecycleStageSchema>;

/** How the simulator fills one column of generated rows. */
export const ValueGeneratorSchema = z.discriminatedUnion('kind', [
  /** The next number from `start`; with a `format` (`2026A-%04d`), the text it makes of each number, for a text column. */
  z.strictObject({
    kind: z.literal('sequence'),
    start: z.number().int().optional(),
    format: z.string().refine(isSequenceFormat, SEQUENCE_FORMAT_RULE).optional(),
  }),
  z.strictObject({ kind: z.literal('uuid') }),
  z.strictObject({ kind: z.literal('oneOf'), ...WeightedValuesFields }).superRefine(weightsFitValues),
  /** A status that moves forward: a new row starts at the first stage, a rate's update moves a row one stage on. */
  z.strictObject({
    kind: z.literal('lifecycle'),
    stages: z.array(LifecycleStageSchema).min(2, 'a lifecycle needs at least two stages; for one value, use oneOf'),
  }),
  z
    .strictObject({ kind: z.literal('integer'), min: z.number().int(), max: z.number().int() })
    .superRefine(minNotAboveMax),
  z
    .strictObject({ kind: z.literal('decimal'), min: z.number(), max: z.number(), scale: z.number().int().min(0) })
    .superRefine(minNotAboveMax),
  z.strictObject({
    kind: z.literal('fake'),
    what: z.enum(['fullName', 'email', 'street', 'city', 'country', 'phone', 'word', 'sentence']),
  }),
  /** The tick's time, or (`laterByMinutes`) a random number of minutes in the range after it: a booking's end after its start. */
  z.strictObject({
    kind: z.literal('now'),
    laterByMinutes: z
      .strictObject({ min: z.number().int().min(0), max: z.number().int() })
      .superRefine(minNotAboveMax)
      .optional(),
  }),
  /** A value of an existing row of `table`; with `differentFrom`, never the value the row's column of that name has (a game's two players). */
  z.strictObject({
    kind: z.literal('reference'),
    table: z.string().min(1),
    column: z.string().min(1),
    differentFrom: z.string().min(1).optional(),
  }),
]);
export type ValueGenerator = z.infer<typeof ValueGeneratorSchema>;

export const TableDataSchema = z.strictObject({
  systemId: IdSchema,
  table: z.string().min(1),
  /** Rows present before CDC starts (captured as snapshot records). */
  initialRows: z.number().int().min(0),
  generators: z.record(z.string(), ValueGeneratorSchema),
});
export type TableData = z.infer<typeof TableDataSchema>;

/** What `updateColumns` is for, as a problem with it says: with a column of the table as the example. */
export const updateColumnsHint = (exampleColumn: string) =>
  `list the columns an update changes, e.g. ["${exampleColumn}"]`;

/** Changes per tick on one table; updates set the `updateColumns` to freshly generated values. */
export const ChangeRateSchema = z.strictObject({
  systemId: IdSchema,
  table: z.string().min(1),
  insertsPerTick: z.number().min(0),
  updatesPerTick: z.number().min(0),
  deletesPerTick: z.number().min(0),
  /** Needed only where `updatesPerTick` is above 0. */
  updateColumns: z
    .array(z.string().min(1), {
      error: (issue) => `must ${updateColumnsHint('status')}, not ${describeType(issue.input)}`,
    })
    .optional(),
});
export type ChangeRate = z.infer<typeof ChangeRateSchema>;

/**
 * One explicit operation at a given tick, for hand-written teaching scripts. `truncate` empties
 * the table at once, as `TRUNCATE` does: CDC sends one `t` record, not a delete per row.
 */
export const ScriptStepSchema = z.strictObject({
  tick: z.number().int().min(0),
  systemId: IdSchema,
  table: z.string().min(1),
  op: z.enum(['insert', 'update', 'delete', 'truncate']),
  values: z.record(z.string(), SetValueSchema).optional(),
  where: z.record(z.string(), ScalarSchema).optional(),
});
export type ScriptStep = z.infer<typeof ScriptStepSchema>;

/**
 * A fault injected at a tick, to show how the pipeline copes (the fault deck fires the same kinds
 * during a run). `redeliver`: the connector restarts and sends the topic's last `records` records
 * again, as at-least-once delivery does; `out-of-order`: the last `records` records arrive once
 * more, newest first; `null-field`: a change record on a CDC topic carries null in `column` (a
 * producer bug); `rename-column`: from this tick the source's `column` is called `renamedTo`, so
 * CDC records no longer carry it under its old name; `consumer-offline`: a product stops
 * consuming for `ticks` ticks, then catches up.
 */
const TopicFaultFields = { tick: z.number().int().min(0), systemId: IdSchema, topicId: IdSchema };
export const FaultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('redeliver'), ...TopicFaultFields, records: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('out-of-order'), ...TopicFaultFields, records: z.number().int().min(2) }),
  z.strictObject({ kind: z.literal('null-field'), ...TopicFaultFields, column: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('rename-column'),
    ...TopicFaultFields,
    column: z.string().min(1),
    renamedTo: z.string().min(1),
  }),
  z.strictObject({
    kind: z.literal('consumer-offline'),
    tick: z.number().int().min(0),
    productId: IdSchema,
    ticks: z.number().int().min(1),
  }),
]);
export type Fault = z.infer<typeof FaultSchema>;
export type FaultKind = Fault['kind'];
/** A fault on a system's topic (every kind but `consumer-offline`). */
export type TopicFault = Extract<Fault, { systemId: string }>;

export function isTopicFault(fault: Fault): fault is TopicFault {
  return fault.kind !== 'consumer-offline';
}

/** The stages of one change's path through the mesh, as a trace and presenter mode walk them. */
export const TRACE_STAGE_KINDS = [
  'service-write',
  'table-row',
  'cdc-record',
  'outbox-event',
  'raw',
  'clean',
  'history',
  'output-port',
  'transformation',
] as const;
export const TraceStageKindSchema = z.enum(TRACE_STAGE_KINDS);
export type TraceStageKind = z.infer<typeof TraceStageKindSchema>;

/** How the CDC connectors of every system behave (Debezium's settings, where they exist). */
export const ConnectorSettingsSchema = z.strictObject({
  /**
   * Milliseconds from a change to the connector processing it: a record's `ts_ms` is its
   * `source.ts_ms` plus this, and it reaches the topic at the first tick at or after that time.
   */
  delayMillis: z.number().int().min(0).optional(),
  /**
   * Debezium's `provide.transaction.metadata`: every change record names its transaction, and
   * each connector writes BEGIN and END events to its `<prefix>.transaction` topic.
   */
  transactionMetadata: z.boolean().optional(),
});
export type ConnectorSettings = z.infer<typeof ConnectorSettingsSchema>;

/**
 * Kafka's retention, counted in records: every topic and output port log keeps its newest
 * `records`, and a consumer's raw zone as many. A consumer that falls further behind loses the
 * records removed before it read them, and says so.
 */
export const RetentionSettingsSchema = z.strictObject({
  records: z.number().int().min(1),
});

export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  description: z.string(),
  seed: z.number().int(),
  /** The simulated clock's start: every timestamp in a run derives from it. */
  startTime: z.iso.datetime({
    error: (issue) =>
      issue.code === 'invalid_format'
        ? `must be a date and time in UTC, written as 2026-05-04T07:00:00Z (seconds and the Z included; an offset such as +02:00 is not taken) (got '${String(issue.input)}')`
        : undefined,
  }),
  tickMillis: z.number().int().positive(),
  data: z.array(TableDataSchema),
  rates: z.array(ChangeRateSchema),
  steps: z.array(ScriptStepSchema),
  faults: z.array(FaultSchema).optional(),
  connector: ConnectorSettingsSchema.optional(),
  /** Retention of every log; without it, 20,000 records. */
  retention: RetentionSettingsSchema.optional(),
  /** Speaker notes per stage, shown in presenter mode beside the stage they explain. */
  presenterNotes: z.partialRecord(TraceStageKindSchema, z.string()).optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
