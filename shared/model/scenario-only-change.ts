import type { Mesh } from './mesh';

/**
 * Whether `after` differs from `before` in its scenarios alone: the one edit Simulate mode allows
 * (the scenario is what is simulated, the rest of the design is read-only), and so the one step an
 * undo or redo may cross then.
 */
export function changesOnlyScenarios(before: Mesh, after: Mesh): boolean {
  const parts = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Mesh)[]);
  return [...parts].every((part) => part === 'scenarios' || before[part] === after[part]);
}
