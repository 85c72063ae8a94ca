import { describe, expect, it } from 'vitest';
import { INPUT_PAUSE_MILLIS } from '../../../renderer/app/when-input-pauses';
import { refusalsPauseMillis } from '../../../renderer/governance/export-refusals-store';

describe('the pause before the export refusals are worked out again', () => {
  it('is short after a run that went unnoticed, so an undo clears a refusal at once', () => {
    expect(refusalsPauseMillis(12)).toBeLessThan(INPUT_PAUSE_MILLIS / 4);
  });

  it("is the app's background pause after a long run, or before the first run of a design", () => {
    expect(refusalsPauseMillis(600)).toBe(INPUT_PAUSE_MILLIS);
    expect(refusalsPauseMillis(Number.POSITIVE_INFINITY)).toBe(INPUT_PAUSE_MILLIS);
  });
});
