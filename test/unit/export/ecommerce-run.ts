import type { Scenario } from '../../../shared/model/scenario';
import type { Simulation } from '../../../shared/simulation';
import { ecommerceSample, rowsOf, simulate } from '../simulation/builders';

/** Ticks of the workshop scenario: enough for every table of the sample to hold rows. */
const TICKS = 60;

export interface EcommerceRun {
  simulation: Simulation;
  /** The rows of a product's table, as the simulation's SQLite holds them. */
  rows(productId: string, table: string): Record<string, unknown>[];
  /** Every record an output port published, oldest first (deletes have a null value). */
  published(productId: string, portId: string): { key: unknown; value: unknown }[];
}

let running: Promise<EcommerceRun> | undefined;

/** The e-commerce sample's workshop scenario run once per test file, for sample rows and records. */
export function ecommerceRun(): Promise<EcommerceRun> {
  running ??= (async () => {
    const mesh = ecommerceSample();
    const simulation = await simulate(mesh, mesh.scenarios[0] as Scenario, { recentMessages: 100_000 });
    const metrics = simulation.step(TICKS);
    if (metrics.errors.length > 0) throw new Error(`the sample run failed: ${JSON.stringify(metrics.errors)}`);
    return {
      simulation,
      rows: (productId, table) => rowsOf(simulation, productId, `SELECT * FROM "${table}"`),
      published(productId, portId) {
        const log = metrics.logs[`${productId}/${portId}`];
        if (!log) throw new Error(`no log for ${productId}/${portId}`);
        return log.recent;
      },
    };
  })();
  return running;
}
