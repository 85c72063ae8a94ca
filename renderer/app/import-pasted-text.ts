import { pastedContractFileName } from '../../shared/contracts';
import { type PasteSpot, pasteServingProduct } from '../../shared/editing/paste-serving-product';
import { looksLikeMermaidErDiagram, looksLikeMermaidFlowchart } from '../../shared/import';
import { importContractTexts } from '../contracts/import/import-contract-files';
import { IMPORTED } from '../contracts/import/import-plan-store';
import { openMermaidImportWith } from '../diagrams/dropped-mermaid-file';
import { currentMesh } from '../store/document-store';
import { measuredSizeOf } from '../store/node-sizes';

/**
 * Takes text pasted on the canvas that is not copied elements as a dropped file would be taken:
 * a Mermaid flowchart or erDiagram opens in Import Mermaid, a contract (ODCS, SQL DDL, Avro, JSON Schema,
 * Protobuf) is imported, served from the product under the pointer or selected (`spot`) if there
 * is one. Returns whether the text was one of them.
 */
export function importPastedText(text: string, spot: PasteSpot): boolean {
  if (looksLikeMermaidFlowchart(text) || looksLikeMermaidErDiagram(text)) {
    openMermaidImportWith(new File([text], 'pasted.mmd'));
    return true;
  }
  const fileName = pastedContractFileName(text);
  const mesh = currentMesh();
  if (fileName && mesh) {
    const productId = pasteServingProduct(mesh, spot, measuredSizeOf);
    void importContractTexts([{ name: fileName, text }], IMPORTED, productId ? { productId } : {});
  }
  return fileName !== undefined;
}
