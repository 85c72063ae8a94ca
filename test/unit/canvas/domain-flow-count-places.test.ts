import { describe, expect, it } from 'vitest';
import {
  countBoxAt,
  coveredArea,
  type FlowCount,
  placeFlowCounts,
} from '../../../renderer/canvas/domain-flow-count-places';
import { flowCurve, pointOnCurve } from '../../../renderer/canvas/domain-flow-curve';
import { overlaps, type Rect, type Size } from '../../../shared/editing/geometry';

const COUNT: Size = { width: 100, height: 70 };

/** A flow from the right side of `from` into the left side of `to`, as the overview draws it. */
function flowBetween(flowId: string, from: Rect, to: Rect, size = COUNT): FlowCount {
  const curve = flowCurve(
    { x: from.x + from.width, y: from.y + from.height / 2 },
    { x: to.x, y: to.y + to.height / 2 },
  );
  return { flowId, curve, size };
}

/** Three blocks in a row with room between them, as auto-layout sets three columns. */
const postOffices: Rect = { x: 0, y: 0, width: 1200, height: 700 };
const hr: Rect = { x: 1500, y: 0, width: 1200, height: 700 };
const retail: Rect = { x: 3000, y: 0, width: 1200, height: 700 };
const blocks = [postOffices, hr, retail];

describe('where the overview puts the count of a flow between domains', () => {
  it('keeps a count off the block its flow passes over (Post Offices → Retail over HR)', () => {
    const flow = flowBetween('post-offices→retail', postOffices, retail);
    const place = placeFlowCounts([flow], blocks).get(flow.flowId);
    expect(place).toBeDefined();
    if (!place) return;
    expect(blocks.filter((block) => overlaps(countBoxAt(place, COUNT), block))).toEqual([]);
  });

  it('leaves a count already clear on the middle of its curve', () => {
    const flow = flowBetween('post-offices→hr', postOffices, hr);
    expect(placeFlowCounts([flow], blocks).get(flow.flowId)).toEqual(pointOnCurve(flow.curve, 0.5));
  });

  it('never puts two counts over each other, where their flows run through the same gap', () => {
    const flows = [flowBetween('a', postOffices, hr), flowBetween('b', postOffices, retail)];
    const places = placeFlowCounts(flows, blocks);
    const [first, second] = flows.map((flow) => countBoxAt(places.get(flow.flowId) ?? { x: 0, y: 0 }, COUNT));
    expect(first && second && overlaps(first, second)).toBe(false);
  });

  it('places the same counts whatever order the flows come in', () => {
    const flows = [flowBetween('a', postOffices, hr), flowBetween('b', postOffices, retail)];
    expect(placeFlowCounts([...flows].reverse(), blocks)).toEqual(placeFlowCounts(flows, blocks));
  });

  it('covers as little of the blocks as it can where the count is wider than every gap', () => {
    const wide = { width: 500, height: 70 };
    const flow = flowBetween('post-offices→retail', postOffices, retail, wide);
    const place = placeFlowCounts([flow], blocks).get(flow.flowId) ?? { x: 0, y: 0 };
    const middle = pointOnCurve(flow.curve, 0.5);
    const covered = (at: typeof place) => coveredArea(countBoxAt(at, wide), blocks);
    expect(covered(place)).toBeLessThan(covered(middle));
  });
});
