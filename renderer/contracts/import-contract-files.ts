import { attachContracts, formatLocatedProblem, importContractFiles } from '../../shared/contracts';
import { nextChildPosition, nextDomainPosition } from '../../shared/editing/node-placement';
import type { Mesh } from '../../shared/model';
import { changeMesh, currentMesh } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { useContractTabs } from './contract-tabs-store';

export const CONTRACT_FILE_PATTERN = /\.(ya?ml)$/i;

/**
 * Imports ODCS YAML files as one undo step: valid files become contracts (served by matching
 * or new products), the others are reported file by file and change nothing.
 */
export async function importContracts(files: readonly File[]): Promise<void> {
  const texts = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
  await importContractTexts(texts);
}

/** The same from texts already read; returns the ids of the contracts imported. */
export async function importContractTexts(texts: readonly { name: string; text: string }[]): Promise<string[]> {
  const reports = importContractFiles(texts);
  const imported = reports.flatMap((report) => (report.ok ? [report.contract] : []));
  const mesh = currentMesh();
  const attached = mesh && imported.length > 0 ? attachContracts(mesh, imported) : null;
  if (mesh && attached) {
    changeMesh(() => placeNewNodes(mesh, attached.mesh));
    useContractTabs.getState().openContract(imported[0]!.id);
  }
  const attachedMessages = attached?.attachments.map((attachment) => attachment.message) ?? [];
  const failures = reports.flatMap((report) =>
    report.ok ? [] : report.errors.map((error) => `${report.file} ${formatLocatedProblem(error)}`),
  );
  useNoticeStore.getState().show({
    tone: failures.length > 0 ? 'error' : 'info',
    text: `Imported ${imported.length} of ${reports.length} contract file(s).`,
    details: [...attachedMessages, ...failures],
  });
  return imported.map((contract) => contract.id);
}

/** Domains and products the import created get a place on the canvas, like ones added by hand. */
function placeNewNodes(before: Mesh, after: Mesh): Mesh {
  const existed = new Set([...before.domains, ...before.products].map((node) => node.id));
  let placed = after;
  for (const domain of after.domains.filter((candidate) => !existed.has(candidate.id))) {
    placed = withLayout(placed, domain.id, nextDomainPosition(placed));
  }
  for (const product of after.products.filter((candidate) => !existed.has(candidate.id))) {
    placed = withLayout(placed, product.id, nextChildPosition(placed, product.domainId));
  }
  return placed;
}

function withLayout(mesh: Mesh, nodeId: string, position: { x: number; y: number }): Mesh {
  return { ...mesh, layout: { nodes: { ...mesh.layout.nodes, [nodeId]: position } } };
}
