import type { ImportedFile } from '../../shared/contracts/import';
import { distinctNodeName } from '../../shared/model/distinct-node-name';
import { importContractTexts } from '../contracts/import/import-contract-files';
import { IMPORTED } from '../contracts/import/import-plan-store';
import { currentMesh } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';

/** The name an erDiagram typed or pasted in Import Mermaid is imported under (its contract is named after it). */
export const ER_DIAGRAM_FILE = 'er-diagram.mmd';

/** What importing an erDiagram as a contract gives, or why it cannot (the importers load on first use). */
export async function previewErDiagramContract(text: string, fileName: string): Promise<ImportedFile> {
  const { importContractSource } = await import('../../shared/contracts/import');
  return importContractSource(fileName, text);
}

/** The one data product selected, which serves the new contract from a new output port. */
export function servingProduct(): { id: string; name: string } | undefined {
  const mesh = currentMesh();
  const { nodeIds } = useSelectionStore.getState();
  const product = nodeIds.size === 1 ? mesh?.products.find((candidate) => nodeIds.has(candidate.id)) : undefined;
  return mesh && product ? { id: product.id, name: distinctNodeName(mesh, product) } : undefined;
}

/**
 * Adds an erDiagram as a new contract through the contract import, as a paste on the canvas
 * does: served from a new output port of the selected product, or by no port.
 */
export function addErDiagramAsContract(text: string, fileName: string): Promise<string[]> {
  const product = servingProduct();
  return importContractTexts([{ name: fileName, text }], IMPORTED, product ? { productId: product.id } : {});
}
