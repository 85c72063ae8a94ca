import { LATEST_API_VERSION } from '../../contracts/odcs-versions';
import { quoted } from '../../model/isolated-names';
import type { Mesh } from '../../model/mesh';
import { counted } from '../../model/word-list';
import { type ExportScope, elementsInScope } from '../export-scope';

/**
 * ODCS files are written in the version their author wrote (users' contracts are not changed
 * silently), so a v3.0.x one stays v3.0.x: its library rules (`rule: duplicateCount`) fail the
 * v3.1.0 schema. The note points to the app's upgrade for whoever wants the newer form.
 */
export function v30ContractsNote(mesh: Mesh, scope: ExportScope): string[] {
  const scoped = elementsInScope(mesh, scope);
  const older = scoped.ok ? scoped.value.contracts.filter((contract) => contract.apiVersion.startsWith('v3.0.')) : [];
  if (older.length === 0) return [];
  return [
    `${counted(older.length, 'contract')} written as ODCS v3.0.x, as read (${older.map((contract) => quoted(contract.name)).join(', ')}): valid against v3.0.2's schema, not v3.1.0's; the app's contract editor upgrades one to ${LATEST_API_VERSION} (Upgrade to ${LATEST_API_VERSION})`,
  ];
}
