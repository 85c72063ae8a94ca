import type { SystemTable } from '../model/operational-system';
import type { ChangeRate, TableData } from '../model/scenario';

/** A column whose reference must differ from another column of its row. */
interface Difference {
  column: string;
  differentFrom: string;
}

function differencesOf(generators: TableData['generators']): Difference[] {
  return Object.entries(generators).flatMap(([column, generator]) =>
    generator.kind === 'reference' && generator.differentFrom
      ? [{ column, differentFrom: generator.differentFrom }]
      : [],
  );
}

/** What is wrong with the `differentFrom` of an entry's references (at `at`, the entry's path): a column it lacks, itself, a cycle. */
export function differentFromProblems(
  entry: TableData,
  table: SystemTable,
  at: string,
): { path: string; message: string }[] {
  const differences = differencesOf(entry.generators);
  return differences.flatMap(({ column, differentFrom }) => {
    const path = `${at}.generators.${column}.differentFrom`;
    if (!table.columns.some((candidate) => candidate.name === differentFrom)) {
      return [{ path, message: `no column '${differentFrom}' in table '${table.name}'` }];
    }
    if (differentFrom === column) {
      return [{ path, message: `a column cannot differ from itself: name another column of ${table.name}` }];
    }
    if (differences.some((other) => other.column === differentFrom && other.differentFrom === column)) {
      return [
        {
          path,
          message: `${column} and ${differentFrom} each differ from the other: keep differentFrom on one of them only`,
        },
      ];
    }
    return [];
  });
}

/**
 * A rate's update columns that would break a `differentFrom` (at `at`, the rate's path): an update
 * draws each column alone, without the row's other values, so it could set two that must differ equal.
 */
export function updatedDifferenceProblems(
  rate: ChangeRate,
  entry: TableData | undefined,
  at: string,
): { path: string; message: string }[] {
  const differences = differencesOf(entry?.generators ?? {});
  return (rate.updateColumns ?? []).flatMap((updated, index) => {
    const difference = differences.find(({ column, differentFrom }) => updated === column || updated === differentFrom);
    if (!difference) return [];
    const other = difference.column === updated ? difference.differentFrom : difference.column;
    return [
      {
        path: `${at}.updateColumns[${index}]`,
        message: `an update draws ${updated} without reading the row's ${other}, which must differ from it: leave it out of updateColumns`,
      },
    ];
  });
}
