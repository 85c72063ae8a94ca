import { describe, expect, it } from 'vitest';
import { legendSwatch } from '../../../renderer/simulation/legend-swatch';

describe('the legend marker of a chart series', () => {
  it('is the plain colour of a solid line', () => {
    expect(legendSwatch({ stroke: '#1f6fc5' })).toBe('#1f6fc5');
  });

  it('cuts the colour by the line’s dash pattern, dash and gap in turn', () => {
    expect(legendSwatch({ stroke: '#1f6fc5', dash: [8, 3, 2, 3] })).toBe(
      'repeating-linear-gradient(to right, #1f6fc5 0px 8px, transparent 8px 11px, #1f6fc5 11px 13px, transparent 13px 16px)',
    );
  });
});
