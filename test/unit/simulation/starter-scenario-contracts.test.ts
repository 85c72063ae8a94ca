import { describe, expect, it } from 'vitest';
import { starterScenario } from '../../../shared/simulation/starter-scenario';
import { airlineDesign } from './airline-design';
import { simulate } from './builders';

describe('a starter scenario on a design whose contracts limit text lengths', () => {
  it('quarantines nothing in 15 ticks: every generated value keeps its contract', async () => {
    const mesh = airlineDesign();
    const simulation = await simulate(mesh, starterScenario(mesh));
    const metrics = simulation.step(15);
    const ports = Object.entries(metrics.ports);
    expect(ports.length).toBeGreaterThan(0);
    const quarantined = ports.flatMap(([port, stats]) =>
      (stats?.violations ?? []).map(
        (violation) => `${port}: ${violation.rule} on ${violation.property}: ${violation.first.message}`,
      ),
    );
    expect(quarantined).toEqual([]);
    for (const [, stats] of ports) expect(stats?.published).toBeGreaterThan(0);
    simulation.dispose();
  });
});
