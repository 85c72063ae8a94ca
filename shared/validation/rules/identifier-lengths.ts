import { distinctNodeName, quoted } from '../../model';
import { identifierLengthProblem } from '../../model/identifier-limits';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

const CONSEQUENCE =
  "so the table is not the one the design and its connector's table.include.list name, and its changes are never captured";

export const identifierLengthsRule: Rule = {
  id: 'identifier-lengths',
  title: 'Table and column names fit their database',
  rationale:
    'PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and cuts the rest; MySQL and MariaDB refuse names over 64 characters, SQL Server over 128, Oracle over 128 bytes. A table named otherwise than the design names it is never matched by its connector, and its changes never reach the mesh.',
  defaultSeverity: 'error',
  reads: ['systems', 'product outlines', 'domains'],
  check({ graph, mesh }) {
    return mesh.systems.flatMap((system) => {
      const { element, path } = systemPlace(graph, system);
      const engine = system.database.engine;
      const finding = (at: string, what: string, problem: string) => ({
        element,
        path: `${path}.database.${at}.name`,
        message: `${what} of ${quoted(distinctNodeName(mesh, system))} ${problem}, ${CONSEQUENCE}.`,
        fixHint: 'Give it a shorter name, in the design and in the database.',
      });
      return system.database.tables.flatMap((table, tableIndex) => {
        const tableProblem = identifierLengthProblem(engine, table.name);
        return [
          ...(tableProblem ? [finding(`tables[${tableIndex}]`, `Table ${quoted(table.name)}`, tableProblem)] : []),
          ...table.columns.flatMap((column, columnIndex) => {
            const problem = identifierLengthProblem(engine, column.name);
            const what = `Column ${quoted(column.name)} of table ${quoted(table.name)}`;
            return problem ? [finding(`tables[${tableIndex}].columns[${columnIndex}]`, what, problem)] : [];
          }),
        ];
      });
    });
  },
};
