import { importMermaidFlowchart, type MermaidImport } from '../../shared/import';
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
  const { domainIds, productIds, linkIds } = result.added;
  const skipped = result.warnings.length > 0 ? `; ${result.warnings.length} line(s) skipped` : '';
  useNoticeStore.getState().show({
    tone: 'info',
    text: `Imported ${domainIds.length} domain(s), ${productIds.length} data product(s) and ${linkIds.length} link(s) from Mermaid${skipped}.`,
    details: result.warnings.map((warning) => `line ${warning.line}: ${warning.message}`),
  });
  return true;
}
