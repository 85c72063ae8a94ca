import { distinctNodeName, quoted } from '../../model';
import { type IdentifierLengthProblem, identifierLengthProblem } from '../../model/identifier-limits';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

const CONSEQUENCE = {
  table: {
    cut: "so the table is not the one the design and its connector's table.include.list name, and its changes are never captured",
    refused: 'so the table cannot be created, and none of its changes are captured',
  },
  // A cut column leaves its table captured, its values under a name no contract or consumer reads.
  column: {
    cut: 'so its changes carry the column under the cut name, which the design, its contracts and the products reading the table do not name',
    refused: 'so its table cannot be created, and none of its changes are captured',
  },
};

export const identifierLengthsRule: Rule = {
  id: 'identifier-lengths',
  title: 'Table and column names fit their database',
  rationale:
    'PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and cuts the rest; MySQL and MariaDB refuse names over 64 characters, SQL Server over 128, Oracle over 128 bytes. A table named otherwise than the design names it is never matched by its connector, and its changes never reach the mesh; a column cut so reaches it under a name nothing reads.',
  defaultSeverity: 'error',
  reads: ['systems', 'product outlines', 'domains'],
  check({ graph, mesh }) {
    return mesh.systems.flatMap((system) => {
      const { element, path } = systemPlace(graph, system);
      const engine = system.database.engine;
      const finding = (at: string, what: string, problem: IdentifierLengthProblem, named: 'table' | 'column') => ({
        element,
        path: `${path}.database.${at}.name`,
        message: `${what} of ${quoted(distinctNodeName(mesh, system))} ${problem.message}, ${CONSEQUENCE[named][problem.isCut ? 'cut' : 'refused']}.`,
        fixHint: 'Give it a shorter name, in the design and in the database.',
      });
      return system.database.tables.flatMap((table, tableIndex) => {
        const tableProblem = identifierLengthProblem(engine, table.name);
        return [
          ...(tableProblem
            ? [finding(`tables[${tableIndex}]`, `Table ${quoted(table.name)}`, tableProblem, 'table')]
            : []),
          ...table.columns.flatMap((column, columnIndex) => {
            const problem = identifierLengthProblem(engine, column.name);
            const what = `Column ${quoted(column.name)} of table ${quoted(table.name)}`;
            return problem ? [finding(`tables[${tableIndex}].columns[${columnIndex}]`, what, problem, 'column')] : [];
          }),
        ];
      });
    });
  },
};
