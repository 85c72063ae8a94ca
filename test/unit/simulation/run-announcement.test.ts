import { describe, expect, it } from 'vitest';
import { runAnnouncement } from '../../../renderer/simulation/run-announcement';

describe('what a screen reader hears of the run', () => {
  it('says the tick a step, a step back or a reset left the run paused at', () => {
    expect(runAnnouncement('paused', 3)).toBe('Paused at tick 3');
    expect(runAnnouncement('paused', 0)).toBe('Paused at tick 0');
  });

  it('says that the run runs, once, not each tick it passes', () => {
    expect(runAnnouncement('running', 3)).toBe(runAnnouncement('running', 4));
    expect(runAnnouncement('running', 3)).toBe('Running');
  });

  it('says that the run stopped, and nothing while the run starts or goes back', () => {
    expect(runAnnouncement('stopped', 2)).toBe('Stopped at tick 2');
    expect(runAnnouncement('stopped', undefined)).toBe('Stopped');
    expect(runAnnouncement('starting', 0)).toBe('');
    expect(runAnnouncement('rewinding', 2)).toBe('');
    expect(runAnnouncement('idle', undefined)).toBe('');
  });
});
