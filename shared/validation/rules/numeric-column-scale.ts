import { distinctNodeName, quoted } from '../../model';
import { type DebeziumEngineId, debeziumEngineId } from '../../model/database-engine';
import { DEFAULT_NUMERIC_DIGITS, type FixedScaleEngineId, truncatesDecimals } from '../../model/engine-numeric-digits';
import { type Column, numericDigitsInFile } from '../../model/table';
import { systemPlace } from '../places';
import type { Rule } from '../rule';

/** What a numeric column without a precision and scale becomes on each engine that makes one something else than the design says. */
const UNSCALED_NUMERIC: Partial<Record<DebeziumEngineId, (column: Column) => string>> = {
  postgres: keptAtAnyScale('PostgreSQL'),
  oracle: keptAtAnyScale('Oracle'),
  mysql: declaredWithoutDecimals('mysql', 'MySQL', 'DECIMAL'),
  mariadb: declaredWithoutDecimals('mariadb', 'MariaDB', 'DECIMAL'),
  sqlserver: declaredWithoutDecimals('sqlserver', 'SQL Server', 'decimal'),
  db2: declaredWithoutDecimals('db2', 'Db2', 'DECIMAL'),
};

/** Debezium's precise decimal handling, which the Strimzi export sets, sends a number of any scale as a VariableScaleDecimal struct. */
function keptAtAnyScale(engineName: string): (column: Column) => string {
  return (column) =>
    `is a numeric without precision and scale, which ${engineName} keeps at any scale: Debezium writes each of its values as a struct of its scale and digits ({"scale": 2, "value": "…"}), not as the number the simulation shows, whatever the converter, so '${column.name}' is published differently once deployed.`;
}

function declaredWithoutDecimals(
  engine: FixedScaleEngineId,
  engineName: string,
  typeName: string,
): (column: Column) => string {
  const { precision, scale } = DEFAULT_NUMERIC_DIGITS[engine];
  const halfStoredAs = truncatesDecimals(engine) ? 2 : 3;
  return (column) =>
    `is a numeric without precision and scale, which ${engineName} declares ${typeName}(${precision},${scale}): its values lose their decimals (0.15 is stored as 0, 2.5 as ${halfStoredAs}), as the simulation shows, so '${column.name}' holds whole numbers of up to ${precision} digits once deployed.`;
}

export const numericColumnScaleRule: Rule = {
  id: 'numeric-column-scale',
  title: 'A numeric column of a system says its precision and scale',
  rationale:
    "On PostgreSQL and Oracle a numeric without precision and scale is variable-scale, which Debezium's precise decimal handling writes as a {scale, value} struct whatever the converter; on MySQL and MariaDB it is DECIMAL(10,0), on SQL Server decimal(18,0) and on Db2 DECIMAL(5,0), which drop the decimals. Declared as numeric(p,s), its values are exact decimals with s places, published as the numbers the simulation shows.",
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
              fixHint: `Give '${column.name}' a precision and a scale (its Precision and Scale fields; ${numericDigitsInFile(10, 2)}): precision the digits in all, scale those after the point.`,
            },
          ];
        }),
      );
    });
  },
};
