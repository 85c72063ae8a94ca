import { describe, expect, it } from 'vitest';
import { describeQualityMetric } from '../../../shared/contracts/quality-metrics';

describe('describeQualityMetric', () => {
  it('compares a rowCount with its thresholds as a number of rows, never a percentage', () => {
    const text = describeQualityMetric('rowCount');
    expect(text).toMatch(/number of rows/);
    expect(text).not.toMatch(/percent|share of the rows/);
  });

  it('tells a value-counting metric that unit: percent makes it a share of the rows', () => {
    expect(describeQualityMetric('nullValues')).toMatch(/`unit: percent` it is a share of the rows/);
  });

  it('has no text for a metric the library lacks', () => {
    expect(describeQualityMetric('rowCunt')).toBeUndefined();
  });
});
