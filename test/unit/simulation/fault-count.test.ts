import { describe, expect, it } from 'vitest';
import { faultCountProblem, offlineBackAt } from '../../../shared/simulation/fault-count';
import { firedFaultOutcome } from '../../../shared/simulation/fault-deck';
import { aShopMesh } from './builders';

describe('the Ticks or Records typed on a fault card', () => {
  it('takes a whole number within the card’s bounds', () => {
    expect(faultCountProblem('consumer-offline', '1')).toBeNull();
    expect(faultCountProblem('consumer-offline', '1000')).toBeNull();
    expect(faultCountProblem('out-of-order', '2')).toBeNull();
  });

  it.each(['0', '1.5', '-3', ''])('refuses %j as Ticks of a consumer going offline, rather than firing 1', (typed) => {
    expect(faultCountProblem('consumer-offline', typed)).toBe(
      `Ticks must be a whole number, at least 1 (got '${typed}')`,
    );
  });

  it('refuses more ticks offline than the card takes, naming the most', () => {
    expect(faultCountProblem('consumer-offline', '100000')).toBe("Ticks must be at most 1000 (got '100000')");
  });

  it('names Records, and 2 as the least, for an out-of-order burst', () => {
    expect(faultCountProblem('out-of-order', '1')).toBe("Records must be a whole number, at least 2 (got '1')");
  });
});

describe('a consumer gone offline in the list of fired faults', () => {
  it('says for how long, and the tick it is back at', () => {
    const fault = { kind: 'consumer-offline', tick: 4, productId: 'catalog', ticks: 3 } as const;
    expect(firedFaultOutcome(aShopMesh().build(), fault, { tickMillis: 60_000 })).toBe(
      'offline for 3 ticks, back at tick 7.',
    );
  });

  it('says tick, not ticks, for one', () => {
    const fault = { kind: 'consumer-offline', tick: 4, productId: 'catalog', ticks: 1 } as const;
    expect(firedFaultOutcome(aShopMesh().build(), fault, { tickMillis: 60_000 })).toBe(
      'offline for 1 tick, back at tick 5.',
    );
  });
});

describe('a product a consumer-offline fault took offline', () => {
  const offline = { kind: 'consumer-offline', tick: 21, productId: 'anomaly-watch', ticks: 5 } as const;

  it('is offline from the fault’s tick until the tick it is back at', () => {
    expect(offlineBackAt([offline], 'anomaly-watch', 20)).toBeUndefined();
    expect(offlineBackAt([offline], 'anomaly-watch', 21)).toBe(26);
    expect(offlineBackAt([offline], 'anomaly-watch', 25)).toBe(26);
    expect(offlineBackAt([offline], 'anomaly-watch', 26)).toBeUndefined();
  });

  it('is online when the fault took another product offline', () => {
    expect(offlineBackAt([offline], 'pass-report', 22)).toBeUndefined();
  });
});
