import { distinctNodeName, quoted } from '../../model';
import { type DebeziumEngineId, debeziumEngineId } from '../../model/database-engine';
import type { Column } from '../../model/table';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

/** What a numeric column without a precision and scale becomes on each engine that makes one something else than the simulation shows. */
const UNSCALED_NUMERIC: Partial<Record<DebeziumEngineId, (column: Column) => string>> = {
  postgres: (column) =>
    `is a numeric without precision and scale, which PostgreSQL keeps at any scale: Debezium writes each of its values as a struct of its scale and digits ({"scale": 2, "value": "…"}), not as the number the simulation shows, whatever the converter, so '${column.name}' is published differently once deployed.`,
  mysql: declaredWithoutDecimals('MySQL'),
  mariadb: declaredWithoutDecimals('MariaDB'),
};

function declaredWithoutDecimals(engineName: string): (column: Column) => string {
  return (column) =>
    `is a numeric without precision and scale, which ${engineName} declares DECIMAL(10,0): its values lose their decimals there (0.15 is stored as 0), which the simulation does not show, so '${column.name}' is published differently once deployed.`;
}

export const numericColumnScaleRule: Rule = {
  id: 'numeric-column-scale',
  title: 'A numeric column of a system says its precision and scale',
  rationale:
    "On PostgreSQL a numeric without precision and scale is variable-scale, which Debezium's precise decimal handling writes as a {scale, value} struct whatever the converter; on MySQL and MariaDB it is DECIMAL(10,0), which drops the decimals. Declared as numeric(p,s), its values are exact decimals with s places, published as the numbers the simulation shows.",
  defaultSeverity: 'warning',
  reads: ['systems', 'product outlines', 'domains'],
  check({ graph, mesh }) {
    return mesh.systems.flatMap((system) => {
      const engine = debeziumEngineId(system.database.engine);
      const consequence = engine && UNSCALED_NUMERIC[engine];
      if (!consequence) return [];
      const { element, path } = systemPlace(graph, system);
      return system.database.tables.flatMap((table, tableIndex) =>
        table.columns.flatMap((column, columnIndex) => {
          if (column.type !== 'numeric' || column.precision !== undefined) return [];
          return [
            {
              element,
              path: `${path}.database.tables[${tableIndex}].columns[${columnIndex}]`,
              message: `Column ${quoted(column.name)} of table ${quoted(table.name)} of ${quoted(distinctNodeName(mesh, system))} ${consequence(column)}`,
              fixHint: `Give '${column.name}' a precision and scale, numeric(10,2) say: precision the digits in all, scale those after the point.`,
            },
          ];
        }),
      );
    });
  },
};
