import type uPlot from 'uplot';

/** 1, 2, 5, 10, 20, 50…: the steps between labels of an axis that counts (ticks, records), never 0.5 or 2.5. */
export const WHOLE_NUMBER_STEPS: readonly number[] = Array.from({ length: 16 }, (_, exponent) =>
  [1, 2, 5].map((multiple) => multiple * 10 ** exponent),
).flat();

/** An axis of whole numbers (the ticks below, the records beside), in the theme's text colour. */
export function countingAxis(textColour: string, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: textColour,
    grid: { stroke: 'rgba(128,128,128,0.18)' },
    ticks: { stroke: 'rgba(128,128,128,0.3)' },
    incrs: [...WHOLE_NUMBER_STEPS],
    ...extra,
  };
}
