/**
 * An ODCS contract of one schema object with `fieldCount` fields, each described and classified:
 * about 210 bytes a field, so 10,000 fields make a 2 MB contract (the form's benchmark and e2e).
 */
export function aWideContractText(fieldCount: number): string {
  const lines = [
    'apiVersion: v3.1.0',
    'kind: DataContract',
    'id: wide',
    'name: Wide',
    'version: 1.0.0',
    'status: active',
    'schema:',
    '  - name: wide_table',
    '    properties:',
  ];
  for (let index = 0; index < fieldCount; index++) {
    lines.push(
      `      - name: field_${String(index).padStart(5, '0')}`,
      '        logicalType: string',
      `        description: Field ${index} of the wide table, one of many that a wide export from a warehouse holds.`,
      '        required: false',
      '        classification: internal',
    );
  }
  return `${lines.join('\n')}\n`;
}
