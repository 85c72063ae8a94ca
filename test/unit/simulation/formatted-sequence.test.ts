import { describe, expect, it } from 'vitest';
import { type ValueGenerator, ValueGeneratorSchema } from '../../../shared/model/scenario';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { aMesh, aScenario, aSystem, rowsOf, simulate } from './builders';

function runService() {
  return aMesh()
    .with(
      aSystem('scheduler').withTable('runs', { run_id: 'text', telescope: 'text' }).withCdcTopic('runs-cdc', 'runs'),
    )
    .build();
}

const formatProblems = (format: string) => {
  const parsed = ValueGeneratorSchema.safeParse({ kind: 'sequence', format });
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('a sequence with a format', () => {
  it('fills a text key with the format’s text of each number, padded as it says', async () => {
    const scenario = aScenario()
      .withData('scheduler', 'runs', 3, { run_id: { kind: 'sequence', start: 9, format: '2026A-%04d' } })
      .build();
    const simulation = await simulate(runService(), scenario);
    expect(simulation.metrics().errors).toEqual([]);
    const keys = rowsOf(simulation, 'scheduler', 'SELECT run_id FROM runs ORDER BY rowid').map((row) => row.run_id);
    expect(keys).toEqual(['2026A-0009', '2026A-0010', '2026A-0011']);
    simulation.dispose();
  });

  it('makes the same keys from any seed', async () => {
    const keysWithSeed = async (seed: number) => {
      const scenario = aScenario()
        .withSeed(seed)
        .withData('scheduler', 'runs', 2, { run_id: { kind: 'sequence', format: 'R%d (100%%)' } })
        .build();
      const simulation = await simulate(runService(), scenario);
      const keys = rowsOf(simulation, 'scheduler', 'SELECT run_id FROM runs ORDER BY rowid').map((row) => row.run_id);
      simulation.dispose();
      return keys;
    };
    expect(await keysWithSeed(1)).toEqual(['R1 (100%)', 'R2 (100%)']);
    expect(await keysWithSeed(2)).toEqual(await keysWithSeed(1));
  });

  it('fits a text column, where a sequence without a format does not', () => {
    const mesh = runService();
    const checked = (run_id: ValueGenerator) =>
      checkScenario(mesh, aScenario().withData('scheduler', 'runs', 1, { run_id }).build(), 'scenario');
    expect(checked({ kind: 'sequence', format: 'R-%03d' })).toEqual([]);
    expect(checked({ kind: 'sequence' }).map((problem) => problem.message)).toEqual([
      'a sequence does not fit \'run_id\', a text column; give the sequence a format ("R-%04d") to make text',
    ]);
  });

  it('refuses a format without exactly one number placeholder, at the format', () => {
    const rule =
      'format: a sequence’s format takes its number at one %d (%04d pads it to 4 digits); write %% for a percent sign';
    expect(formatProblems('R-%04d')).toEqual([]);
    expect(formatProblems('R-')).toEqual([rule]);
    expect(formatProblems('%d-%d')).toEqual([rule]);
    expect(formatProblems('%s')).toEqual([rule]);
    expect(formatProblems('50% R%d')).toEqual([rule]);
  });
});
