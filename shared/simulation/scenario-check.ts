import type { PathProblem } from '../contracts/path-problem';
import type { Mesh } from '../model/mesh';
import type { OperationalSystem, SystemTable, Topic } from '../model/operational-system';
import type { Problem } from '../model/problem';
import {
  type Fault,
  isTopicFault,
  type Scenario,
  type ScriptStep,
  type TableData,
  updateColumnsHint,
} from '../model/scenario';
import { topicReferredTo, topicsOf } from '../model/topic-references';
import { columnGenerators } from './column-generators';
import { generatorTypeProblem, referenceTypeProblem } from './generator-fit';
import { documentIdChangeProblem, keepsDocuments } from './record-shape';
import { differentFromProblems, updatedDifferenceProblems } from './reference-differences';
import { sequenceStartProblem } from './sequence-limit';
import { clockRangeProblem, connectorDelayProblem } from './simulated-clock';
import { stepValueMisfits } from './step-failure';
import { isPatterned, patternProblem, textPatterns } from './text-patterns';
import { truncateRefusal } from './truncate-refusal';

/** A scenario problem; `target: 'key'` places it at the key its path names last rather than at that key's value. */
export interface ScenarioProblem extends Problem {
  target?: PathProblem['target'];
}

/** A column a scenario names, and where: a key of a record (`generators`, `values`) or an entry of a list. */
interface NamedColumn {
  column: string;
  path: string;
  target?: 'key';
}

function keysOf(record: Record<string, unknown> | undefined, at: string): NamedColumn[] {
  return Object.keys(record ?? {}).map((column) => ({ column, path: `${at}.${column}`, target: 'key' }));
}

function entriesOf(columns: readonly string[], at: string): NamedColumn[] {
  return columns.map((column, index) => ({ column, path: `${at}[${index}]` }));
}

/**
 * A scenario's references the schema cannot check: systems, tables, columns and topics that must
 * exist; and a clock that reaches the ticks the scenario needs.
 * `mayGetRows`: tables an entry left out of `scenario` may fill (one the schema refused), so none is said to have no rows.
 */
export function checkScenario(
  mesh: Mesh,
  scenario: Scenario,
  path: string,
  mayGetRows: ReadonlySet<string> = new Set(),
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const systemOf = (systemId: string, at: string) => {
    const system = mesh.systems.find((candidate) => candidate.id === systemId);
    if (!system) problems.push({ path: `${at}.systemId`, message: `no system '${systemId}'` });
    return system;
  };
  const tableOf = (entry: { systemId: string; table: string }, at: string) => {
    const system = systemOf(entry.systemId, at);
    const table = system?.database.tables.find((candidate) => candidate.name === entry.table);
    if (system && !table)
      problems.push({ path: `${at}.table`, message: `no table '${entry.table}' in '${system.id}'` });
    return table;
  };
  const keepsDocumentsIn = (systemId: string) => {
    const system = mesh.systems.find((candidate) => candidate.id === systemId);
    return system !== undefined && keepsDocuments(system);
  };
  const checkKeyKept = (systemId: string, table: SystemTable, columns: NamedColumn[]) => {
    const keyColumn = columns.find(({ column }) => table.primaryKey.includes(column));
    if (keyColumn !== undefined && keepsDocumentsIn(systemId)) {
      const { path, target } = keyColumn;
      problems.push({ path, target, message: documentIdChangeProblem(table.name, table.primaryKey) });
    }
  };
  const patternsChecked = new Set<string>();
  /** Text columns whose generator makes values up, under a contract pattern no text can be made for: once a table, at its first place. */
  const checkPatterns = (
    entry: { systemId: string; table: string },
    table: SystemTable,
    at: string,
    written: TableData['generators'] = {},
  ) => {
    const system = mesh.systems.find((candidate) => candidate.id === entry.systemId);
    const id = `${entry.systemId}/${table.name}`;
    if (!system || patternsChecked.has(id)) return;
    patternsChecked.add(id);
    const patterns = textPatterns(mesh, scenario, system, table.name);
    if (patterns.size === 0) return;
    const generators = columnGenerators(mesh, scenario, system, table);
    table.columns.forEach((column, index) => {
      const pattern = patterns.get(column.name);
      const generator = generators[index];
      const problem = pattern && generator && isPatterned(column, generator) && patternProblem(column.name, pattern);
      if (!problem) return;
      problems.push(
        written[column.name]
          ? { path: `${at}.generators.${column.name}`, target: 'key', message: problem }
          : { path: `${at}.table`, message: problem },
      );
    });
  };
  const checkColumns = (table: SystemTable, columns: NamedColumn[]) => {
    for (const { column, path, target } of columns) {
      if (!table.columns.some((candidate) => candidate.name === column)) {
        problems.push({ path, target, message: `no column '${column}' in table '${table.name}'` });
      }
    }
  };

  scenario.data.forEach((entry, index) => {
    const at = `${path}.data[${index}]`;
    const first = scenario.data.findIndex((other) => other.systemId === entry.systemId && other.table === entry.table);
    if (first < index) {
      problems.push({
        path: `${at}.table`,
        message: `data[${first}] already generates the rows of '${entry.table}' in '${entry.systemId}': give each table one entry`,
      });
      return;
    }
    const table = tableOf(entry, at);
    if (!table) return;
    checkColumns(table, keysOf(entry.generators, `${at}.generators`));
    checkPatterns(entry, table, at, entry.generators);
    const engine = mesh.systems.find((candidate) => candidate.id === entry.systemId)?.database.engine ?? '';
    for (const [name, generator] of Object.entries(entry.generators)) {
      const column = table.columns.find((candidate) => candidate.name === name);
      const misfit = column && generatorTypeProblem(generator, column, engine);
      if (misfit) problems.push({ path: `${at}.generators.${name}${misfit.field}`, message: misfit.message });
      const startProblem =
        generator.kind === 'sequence' && sequenceStartProblem(generator.start ?? 1, rowsMadeFirst(scenario, entry));
      if (startProblem) problems.push({ path: `${at}.generators.${name}.start`, message: startProblem });
    }
    problems.push(...differentFromProblems(entry, table, at));
    for (const [column, generator] of Object.entries(entry.generators)) {
      if (generator.kind !== 'reference') continue;
      const generatorAt = `${at}.generators.${column}`;
      const ownSystem = mesh.systems.find((candidate) => candidate.id === entry.systemId);
      const referenced = findTable(mesh.systems, generator.table, ownSystem)?.table;
      const referencedColumn = referenced?.columns.find((candidate) => candidate.name === generator.column);
      const ownColumn = table.columns.find((candidate) => candidate.name === column);
      const typeProblem =
        ownColumn &&
        referencedColumn &&
        referenceTypeProblem(ownColumn, { table: generator.table, column: referencedColumn });
      if (!referencedColumn) {
        problems.push({
          path: `${generatorAt}.${referenced ? 'column' : 'table'}`,
          message: `no table '${generator.table}' with a column '${generator.column}' in any system`,
        });
      } else if (typeProblem) {
        problems.push({ path: `${generatorAt}.column`, message: typeProblem });
      } else if (!everHasRows(scenario, generator.table) && !mayGetRows.has(generator.table)) {
        problems.push({
          path: `${generatorAt}.table`,
          message: `references ${generator.table}.${generator.column}, which has no rows: ${generator.table} has no initialRows, and no rate or step inserts any`,
        });
      }
    }
  });
  scenario.rates.forEach((rate, index) => {
    const at = `${path}.rates[${index}]`;
    const table = tableOf(rate, at);
    if (table) {
      const updateColumns = entriesOf(rate.updateColumns ?? [], `${at}.updateColumns`);
      checkColumns(table, updateColumns);
      checkKeyKept(rate.systemId, table, updateColumns);
      checkPatterns(rate, table, at);
      const entry = scenario.data.find((data) => data.systemId === rate.systemId && data.table === rate.table);
      problems.push(...updatedDifferenceProblems(rate, entry, at));
    }
    if (rate.updatesPerTick > 0 && (rate.updateColumns ?? []).length === 0) {
      const example = table?.columns.find((column) => !table.primaryKey.includes(column.name))?.name ?? 'status';
      problems.push({
        path: `${at}.updateColumns`,
        message: `${updateColumnsHint(example)} (updatesPerTick is ${rate.updatesPerTick})`,
      });
    }
  });
  scenario.steps.forEach((given, index) => {
    const at = `${path}.steps[${index}]`;
    const table = tableOf(given, at);
    if (!table) return;
    for (const { field, message } of unusedStepFields(given, table.name)) {
      problems.push({ path: `${at}.${field}`, target: 'key', message });
    }
    const step = usedStepFields(given);
    if (step.op === 'update' && Object.keys(step.values ?? {}).length === 0) {
      problems.push({ path: `${at}.values`, message: 'an update needs at least one value to set' });
    }
    const values = keysOf(step.values, `${at}.values`);
    checkColumns(table, values);
    if (step.op === 'update') checkKeyKept(step.systemId, table, values);
    checkColumns(table, keysOf(step.where, `${at}.where`));
    const system = mesh.systems.find((candidate) => candidate.id === step.systemId);
    for (const { entry, column, message } of system ? stepValueMisfits(system, table, step) : []) {
      problems.push({ path: `${at}.${entry}.${column}`, message });
    }
    if (step.op === 'insert') checkPatterns(step, table, at);
    const refusal = step.op === 'truncate' && system ? truncateRefusal(system, table) : undefined;
    if (refusal) problems.push({ path: `${at}.op`, message: refusal });
  });
  (scenario.faults ?? []).forEach((fault, index) => {
    const at = `${path}.faults[${index}]`;
    if (!isTopicFault(fault)) {
      if (!mesh.products.some((product) => product.id === fault.productId)) {
        problems.push({ path: `${at}.productId`, message: `no product '${fault.productId}'` });
      }
      return;
    }
    const system = systemOf(fault.systemId, at);
    const topic = system && topicReferredTo(system, fault.topicId);
    if (system && !topic) {
      problems.push({
        path: `${at}.topicId`,
        message: `no topic '${fault.topicId}' in '${system.id}': name one of ${topicsOf(system)}`,
      });
    }
    if (system && topic && (fault.kind === 'null-field' || fault.kind === 'rename-column')) {
      const table = capturedTable(system, topic);
      if (!table) problems.push({ path: `${at}.topicId`, message: `'${fault.topicId}' is not a CDC topic` });
      else if (!table.columns.some((candidate) => candidate.name === fault.column)) {
        problems.push({ path: `${at}.column`, message: `no column '${fault.column}' in table '${table.name}'` });
      } else if (table.primaryKey.includes(fault.column)) {
        problems.push({
          path: `${at}.column`,
          message: `'${fault.column}' is the primary key of '${table.name}', which every record needs: pick another column`,
        });
      }
      // ALTER TABLE … RENAME COLUMN fails on a name the table has; the records would carry two values under it.
      if (table && fault.kind === 'rename-column' && table.columns.some(({ name }) => name === fault.renamedTo)) {
        problems.push({
          path: `${at}.renamedTo`,
          message: `'${table.name}' already has a column '${fault.renamedTo}', and the database refuses to rename '${fault.column}' to it: pick a new name`,
        });
      }
    }
  });
  problems.push(...renamesAnEarlierRenamePrevents(mesh, scenario.faults ?? [], path));
  const clockProblem = clockRangeProblem(scenario);
  if (clockProblem) problems.push({ path: `${path}.tickMillis`, message: clockProblem });
  const delayProblem = connectorDelayProblem(scenario);
  if (delayProblem) problems.push({ path: `${path}.connector.delayMillis`, message: delayProblem });
  return problems;
}

/** The fields of a step its `op` reads: the engine ignores the rest. */
const STEP_FIELDS_USED: Record<ScriptStep['op'], ReadonlySet<'values' | 'where'>> = {
  insert: new Set(['values']),
  update: new Set(['values', 'where']),
  delete: new Set(['where']),
  truncate: new Set(),
};

/**
 * `values` or `where` given to a step whose operation ignores it: a delete given `values` where
 * `where` was meant would delete every row, so each is refused, saying what the step does instead.
 */
function unusedStepFields(step: ScriptStep, table: string): { field: 'values' | 'where'; message: string }[] {
  const unused = (['values', 'where'] as const).filter(
    (field) => step[field] !== undefined && !STEP_FIELDS_USED[step.op].has(field),
  );
  return unused.map((field) => {
    switch (step.op) {
      case 'delete':
        return {
          field,
          message: `a delete sets no values: it deletes the rows its where names, and with no where every row of '${table}'; write these in where`,
        };
      case 'truncate':
        return {
          field,
          message:
            field === 'values'
              ? `a truncate empties all of '${table}' and sets no values: leave values out`
              : `a truncate empties all of '${table}' and takes no where: to delete only these rows, make it a delete`,
        };
      default:
        return { field, message: 'an insert adds the row its values give and takes no where: leave where out' };
    }
  });
}

/** The step as its operation reads it, so a field it ignores is reported once, not also for its columns. */
function usedStepFields(step: ScriptStep): ScriptStep {
  const used = STEP_FIELDS_USED[step.op];
  return {
    ...step,
    values: used.has('values') ? step.values : undefined,
    where: used.has('where') ? step.where : undefined,
  };
}

/** The table a CDC topic captures; none for an outbox topic. */
function capturedTable(system: OperationalSystem, topic: Topic): SystemTable | undefined {
  const source = topic.source;
  return source.kind === 'cdc'
    ? system.database.tables.find((candidate) => candidate.name === source.table)
    : undefined;
}

/**
 * A rename that an earlier rename of the same table (by tick, then order) makes impossible: to the
 * name that one gave a column (the records would carry two values under it), or of the column it
 * renamed away, as the database refuses both.
 */
function renamesAnEarlierRenamePrevents(mesh: Mesh, faults: readonly Fault[], path: string): ScenarioProblem[] {
  const renames = faults.flatMap((fault, index) => {
    if (fault.kind !== 'rename-column') return [];
    const system = mesh.systems.find((candidate) => candidate.id === fault.systemId);
    const topic = system && topicReferredTo(system, fault.topicId);
    const table = system && topic && capturedTable(system, topic);
    return table && system ? [{ fault, index, table: table.name, systemId: system.id }] : [];
  });
  renames.sort((a, b) => a.fault.tick - b.fault.tick || a.index - b.index);
  return renames.flatMap((rename, place) => {
    const { fault, index, table } = rename;
    const earlierOfTable = renames
      .slice(0, place)
      .filter((other) => other.systemId === rename.systemId && other.table === table);
    const renamedAway = earlierOfTable.find((other) => other.fault.column === fault.column);
    if (renamedAway) {
      return [
        {
          path: `${path}.faults[${index}].column`,
          message: `'${table}' has no column '${fault.column}' at tick ${fault.tick} (faults[${renamedAway.index}] renamed it to '${renamedAway.fault.renamedTo}' at tick ${renamedAway.fault.tick}), and the database refuses to rename a column it does not have: a column is renamed once in a run, so drop one of the two renames`,
        },
      ];
    }
    const sameName = earlierOfTable.find((other) => other.fault.renamedTo === fault.renamedTo);
    if (!sameName) return [];
    return [
      {
        path: `${path}.faults[${index}].renamedTo`,
        message: `'${table}' already has a column '${fault.renamedTo}' at tick ${fault.tick} (faults[${sameName.index}] renamed '${sameName.fault.column}' to it at tick ${sameName.fault.tick}), and the database refuses to rename '${fault.column}' to it: pick a new name`,
      },
    ];
  });
}

/** The rows of a data entry's table a run makes before any other: its initial rows and the first tick's inserts. */
function rowsMadeFirst(scenario: Scenario, entry: TableData): number {
  const isOfTable = (rate: Scenario['rates'][number]) => rate.systemId === entry.systemId && rate.table === entry.table;
  // A rate inserts floor(insertsPerTick) rows at tick 1, as the workload counts them.
  const firstInserts = scenario.rates.filter(isOfTable).reduce((sum, rate) => sum + Math.floor(rate.insertsPerTick), 0);
  return entry.initialRows + firstInserts;
}

/** Whether a run ever gives the table rows: initial rows, a rate's inserts or an insert step. */
function everHasRows(scenario: Scenario, table: string): boolean {
  return (
    scenario.data.some((entry) => entry.table === table && entry.initialRows > 0) ||
    scenario.rates.some((rate) => rate.table === table && rate.insertsPerTick > 0) ||
    scenario.steps.some((step) => step.table === table && step.op === 'insert')
  );
}

/** A table by name and the system that owns it; references may cross services, the own system first. */
export function findTable(
  systems: readonly OperationalSystem[],
  name: string,
  preferred?: OperationalSystem,
): { system: OperationalSystem; table: SystemTable } | undefined {
  for (const system of preferred ? [preferred, ...systems] : systems) {
    const table = system.database.tables.find((candidate) => candidate.name === name);
    if (table) return { system, table };
  }
  return undefined;
}
