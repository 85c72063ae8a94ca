import { importMermaidFlowchart, type MermaidImport } from '../../shared/import';
import { counted } from '../../shared/model';
import { canvasCommands } from '../canvas/canvas-commands';
import { changeMesh, currentMesh } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { selectOnly } from '../store/selection-store';

/** What importing the text into the open design would add, or why it cannot (for the dialog's preview). */
export function previewMermaidImport(text: string): MermaidImport | null {
  const mesh = currentMesh();
  return mesh ? importMermaidFlowchart(text, mesh) : null;
}

/**
 * Adds a Mermaid flowchart to the open design as one undoable change, selects the new domains
 * and brings them into view; says in the status bar what was added and what was skipped.
 */
export function importMermaidText(text: string): boolean {
  const mesh = currentMesh();
  const result = mesh && importMermaidFlowchart(text, mesh);
  if (!result?.ok) return false;
  changeMesh(() => result.mesh);
  selectOnly(result.added.domainIds);
  requestAnimationFrame(() => canvasCommands.fitView());
  const skipped = result.warnings.length > 0 ? `; ${counted(result.warnings.length, 'line')} skipped` : '';
  useNoticeStore.getState().show({
    tone: 'info',
    text: `Imported ${addedElements(result.added)} from Mermaid${skipped}.`,
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
