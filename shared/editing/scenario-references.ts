import { isTopicFault, type Mesh } from '../model';

type TableEntry = { systemId: string; table: string };

/**
 * Applies `update` to every scenario entry (data, rates, steps) about one system's tables;
 * null drops the entry. Scenarios name tables, so renaming or removing one must follow here.
 */
export function withScenarioTables(
  mesh: Mesh,
  systemId: string,
  update: <E extends TableEntry>(entry: E) => E | null,
): Mesh {
  if (mesh.scenarios.length === 0) return mesh;
  const each = <E extends TableEntry>(entries: E[]) =>
    entries.flatMap((entry) => (entry.systemId === systemId ? (update(entry) ?? []) : [entry]));
  return {
    ...mesh,
    scenarios: mesh.scenarios.map((scenario) => ({
      ...scenario,
      data: each(scenario.data),
      rates: each(scenario.rates),
      steps: each(scenario.steps),
    })),
  };
}

/** Whether a scenario names a system or product by its id: table entries of a system, a fault on its topic or its consumption. */
export function isNamedInScenarios(mesh: Mesh, nodeId: string): boolean {
  return mesh.scenarios.some(
    (scenario) =>
      [...scenario.data, ...scenario.rates, ...scenario.steps].some((entry) => entry.systemId === nodeId) ||
      (scenario.faults ?? []).some((fault) => (isTopicFault(fault) ? fault.systemId : fault.productId) === nodeId),
  );
}

export interface RemovedFromSystems {
  systemIds?: ReadonlySet<string>;
  /** Topics removed from a system that stays, by system id. */
  topics?: { systemId: string; topicIds: ReadonlySet<string> };
}

/** Scenarios without what referred to removed systems: their table entries, and faults on their topics. */
export function withoutScenarioReferences(mesh: Mesh, removed: RemovedFromSystems): Mesh {
  if (mesh.scenarios.length === 0) return mesh;
  const systemGone = (systemId: string) => removed.systemIds?.has(systemId) ?? false;
  const topicGone = (systemId: string, topicId: string) =>
    systemGone(systemId) || (removed.topics?.systemId === systemId && removed.topics.topicIds.has(topicId));
  const keep = (entry: { systemId: string }) => !systemGone(entry.systemId);
  return {
    ...mesh,
    scenarios: mesh.scenarios.map((scenario) => ({
      ...scenario,
      data: scenario.data.filter(keep),
      rates: scenario.rates.filter(keep),
      steps: scenario.steps.filter(keep),
      ...(scenario.faults && {
        faults: scenario.faults.filter((fault) =>
          // A removed product takes the faults that take it offline.
          isTopicFault(fault) ? !topicGone(fault.systemId, fault.topicId) : !systemGone(fault.productId),
        ),
      }),
    })),
  };
}
