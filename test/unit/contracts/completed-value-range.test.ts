import { describe, expect, it } from 'vitest';
import { completedValueColumns } from '../../../shared/contracts/completed-value-range';

/** The text a completion taken at the caret (`|`) replaces. */
function replacedAt(lineWithCaret: string, isInFlow = false): string {
  const column = lineWithCaret.indexOf('|') + 1;
  const lineText = lineWithCaret.replace('|', '');
  const { startColumn, endColumn } = completedValueColumns(lineText, column, isInFlow);
  return lineText.slice(startColumn - 1, endColumn - 1);
}

describe('the value a completion replaces', () => {
  it('is the whole value written after the key, whatever side of the caret', () => {
    expect(replacedAt('        classification: re|stricted')).toBe('restricted');
    expect(replacedAt('        physicalType: double pre|')).toBe('double pre');
    expect(replacedAt('apiVersion: v3.1| # the latest')).toBe('v3.1');
  });

  it('keeps the comma and brackets of a block value in it: numeric(7,2) is one type, text[] another', () => {
    expect(replacedAt('        physicalType: |numeric(7,2)')).toBe('numeric(7,2)');
    expect(replacedAt('        physicalType: numeric(7,2)|')).toBe('numeric(7,2)');
    expect(replacedAt('        physicalType: numeric(7,|2)')).toBe('numeric(7,2)');
    expect(replacedAt('        physicalType: text[]|')).toBe('text[]');
  });

  it('is one item of a flow list', () => {
    expect(replacedAt('        from: [routes.route_id, routes.st|]', true)).toBe('routes.st');
    expect(replacedAt('        from: [routes.ro|ute_id, routes.stop]', true)).toBe('routes.route_id');
    expect(replacedAt('    validValues: [M, |F, U]', true)).toBe('F');
  });

  it('is the value of a flow mapping entry, not its key', () => {
    expect(replacedAt('      - {name: keeper, logicalType: str|}', true)).toBe('str');
    expect(replacedAt('      - {logicalType: |string, name: keeper}', true)).toBe('string');
    expect(replacedAt('      - {name: keeper, logicalTypeOptions: {format: uu|}}', true)).toBe('uu');
    expect(replacedAt('      - {name: keeper, logicalType:|}', true)).toBe('');
  });

  it('is an item of a block list after its dash', () => {
    expect(replacedAt('          - routes.ro|')).toBe('routes.ro');
  });
});
