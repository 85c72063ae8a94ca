import { type ImportMode, importMermaidFlowchart, type MatchedElements, type MermaidImport } from '../../shared/import';
import { counted } from '../../shared/model';
import { canvasCommands } from '../canvas/canvas-commands';
import { changeMesh, currentMesh } from '../store/document-store';
import { announceEdit } from '../store/notice-store';
import { selectOnly } from '../store/selection-store';

/** What importing the text into the open design would do, or why it cannot (for the dialog's preview). */
export function previewMermaidImport(text: string, mode: ImportMode): MermaidImport | null {
  const mesh = currentMesh();
  return mesh ? importMermaidFlowchart(text, mesh, mode) : null;
}

/**
 * Adds a Mermaid flowchart to the open design as one undoable change (updating the elements it
 * draws again, or adding all as new), selects the new domains, or else the updated ones, and
 * brings them into view; says in the status bar what was done and what was skipped, in words that
 * its Undo and Redo name it by.
 */
export function importMermaidText(text: string, mode: ImportMode): boolean {
  const mesh = currentMesh();
  const result = mesh && importMermaidFlowchart(text, mesh, mode);
  if (!result?.ok) return false;
  changeMesh(() => result.mesh);
  const isUpdate = mode === 'update' && elementCount(result.matched) > 0;
  selectOnly(result.added.domainIds.length > 0 || !isUpdate ? result.added.domainIds : result.matched.domainIds);
  requestAnimationFrame(() => canvasCommands.fitView());
  const skipped = result.warnings.length > 0 ? `; ${counted(result.warnings.length, 'line')} skipped` : '';
  const updated = isUpdate ? `Updated ${counted(elementCount(result.matched), 'element')} and imported` : 'Imported';
  announceEdit(`${updated} ${addedElements(result.added)} from Mermaid${skipped}.`, {
    details: result.warnings.map((warning) => `line ${warning.line}: ${warning.message}`),
  });
  return true;
}

/** What an import adds, as a sentence lists it: `2 domains, 5 data products, 1 operational system and 4 links`. */
export function addedElements({
  domainIds,
  productIds,
  systemIds,
  linkIds,
}: Extract<MermaidImport, { ok: true }>['added']): string {
  const systems = systemIds.length > 0 ? `, ${counted(systemIds.length, 'operational system')}` : '';
  return `${counted(domainIds.length, 'domain')}, ${counted(productIds.length, 'data product')}${systems} and ${counted(linkIds.length, 'link')}`;
}

/** How many domains, products and systems: what an import updates, or adds as new. */
export function elementCount({ domainIds, productIds, systemIds }: MatchedElements): number {
  return domainIds.length + productIds.length + systemIds.length;
}
