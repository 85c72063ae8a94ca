import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { starterScenario } from '../../../shared/simulation/starter-scenario';
import { simulate } from './builders';

function airlineDesign() {
  const parsed = parseMeshFile(
    readFileSync(new URL('../../fixtures/simulation/airline.mesh.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

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
