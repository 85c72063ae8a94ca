import type { Mesh } from '../model/mesh';
import { ChangeRateSchema, FaultSchema, ScenarioSchema, ScriptStepSchema, TableDataSchema } from '../model/scenario';
import { checkScenario, type ScenarioProblem } from './scenario-check';

const ENTRY_SCHEMAS = { data: TableDataSchema, rates: ChangeRateSchema, steps: ScriptStepSchema, faults: FaultSchema };
type ListName = keyof typeof ENTRY_SCHEMAS;
const LISTS = Object.keys(ENTRY_SCHEMAS) as ListName[];

/**
 * The reference checks of {@link checkScenario} on the parts of a scenario the schema takes, for a
 * scenario the schema refuses elsewhere: one bad entry (an empty topic) must not hide a step's
 * unknown table. Entries the schema refuses are left out, each problem keeps the place of its entry
 * in the text. None when the scenario's own fields (id, seed, …) are refused too.
 */
export function checkSchemaValidParts(mesh: Mesh, value: unknown, path: string): ScenarioProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const given = value as Record<string, unknown>;
  const kept = LISTS.map((list) => validEntries(list, given[list]));
  const scenario = ScenarioSchema.safeParse({
    ...given,
    ...Object.fromEntries(LISTS.map((list, at) => [list, given[list] === undefined ? undefined : kept[at]?.entries])),
  });
  if (!scenario.success) return [];
  return checkScenario(mesh, scenario.data, path, tablesRefusedEntriesMayFill(given)).map((problem) => ({
    ...problem,
    path: LISTS.reduce(
      (located, list, at) => withOriginalIndex(located, `${path}.${list}`, kept[at]?.indices ?? []),
      problem.path,
    ),
  }));
}

/**
 * Tables named by entries the schema refuses that would give them rows once fixed (a rate with a
 * negative insertsPerTick, an insert step at a bad tick): as written, not as the schema reads them.
 */
function tablesRefusedEntriesMayFill(given: Record<string, unknown>): Set<string> {
  const filling: ListName[] = ['data', 'rates', 'steps'];
  const tables = filling.flatMap((list) =>
    (Array.isArray(given[list]) ? given[list] : []).flatMap((entry: unknown) =>
      ENTRY_SCHEMAS[list].safeParse(entry).success ? [] : writtenFillTable(entry),
    ),
  );
  return new Set(tables);
}

/** The table an entry names, unless it says it inserts nothing: a step that cannot insert, no initialRows or insertsPerTick (0). */
function writtenFillTable(entry: unknown): string[] {
  if (typeof entry !== 'object' || entry === null) return [];
  const { table, op, initialRows, insertsPerTick } = entry as Record<string, unknown>;
  if (typeof table !== 'string') return [];
  const insertsNothing =
    op === 'update' || op === 'delete' || op === 'truncate' || initialRows === 0 || insertsPerTick === 0;
  return insertsNothing ? [] : [table];
}

/** The entries of one list the schema takes, and where each stood in the list as written. */
function validEntries(list: ListName, entries: unknown): { entries: unknown[]; indices: number[] } {
  const valid = (Array.isArray(entries) ? entries : []).flatMap((entry, index) =>
    ENTRY_SCHEMAS[list].safeParse(entry).success ? [{ entry, index }] : [],
  );
  return { entries: valid.map(({ entry }) => entry), indices: valid.map(({ index }) => index) };
}

/** `steps[0].table` of the kept entries as `steps[3].table`, the entry's place in the text. */
function withOriginalIndex(path: string, list: string, indices: readonly number[]): string {
  const entry = path.startsWith(list) ? /^\[(\d+)\]/.exec(path.slice(list.length)) : null;
  if (!entry) return path;
  const index = Number(entry[1]);
  return `${list}[${indices[index] ?? index}]${path.slice(list.length + entry[0].length)}`;
}
