/** A published contract as a team keeps it in git: cheese batches at 1.0.0, gouda and edam allowed. */
export const CHEESE_BATCH_PUBLISHED = [
  'apiVersion: v3.2.0',
  'kind: DataContract',
  'id: cheese-batch',
  'name: Cheese batch',
  'version: 1.0.0',
  'status: active',
  'schema:',
  '  - name: cheese_batches',
  '    properties:',
  '      - name: batch_id',
  '        logicalType: string',
  '        primaryKey: true',
  '        required: true',
  '      - name: cheese_type',
  '        logicalType: string',
  '        description: Kind of cheese',
  '        enum:',
  '          - value: gouda',
  '          - value: edam',
  '',
].join('\n');

/** The published contract with gouda no longer allowed and cheese_type required: two breaking changes, under 1.0.0 still. */
export const CHEESE_BATCH_BROKEN = CHEESE_BATCH_PUBLISHED.replace('          - value: gouda\n', '').replace(
  '        description: Kind of cheese\n',
  '        description: Kind of cheese\n        required: true\n',
);
