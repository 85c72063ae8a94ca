import { backstageTarget } from './backstage/backstage-target';
import type { ExportTarget } from './export-target';
import { jsonSchemaTarget } from './jsonschema/json-schema-target';
import { mermaidTarget } from './mermaid/mermaid-target';
import { odcsTarget } from './odcs/odcs-target';
import { odpsTarget } from './odps/odps-target';
import { sqlTarget } from './sql/sql-target';
import { strimziTarget } from './strimzi/strimzi-target';

/** Every export format, in the order the dialog and `--format` list them. */
export const EXPORT_TARGETS: readonly ExportTarget[] = [
  odcsTarget,
  odpsTarget,
  backstageTarget,
  strimziTarget,
  sqlTarget,
  jsonSchemaTarget,
  mermaidTarget,
];

export function exportTarget(id: string): ExportTarget | undefined {
  return EXPORT_TARGETS.find((target) => target.id === id);
}
