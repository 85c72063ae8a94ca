import { pastedContractFileName } from '../../shared/contracts';
import { looksLikeMermaidFlowchart } from '../../shared/import';
import { importContractTexts } from '../contracts/import/import-contract-files';
import { openMermaidImportWith } from '../diagrams/dropped-mermaid-file';

/**
 * Takes text pasted on the canvas that is not copied elements as a dropped file would be taken:
 * a Mermaid flowchart opens in Import Mermaid, a contract (ODCS, SQL DDL, Avro, JSON Schema,
 * Protobuf) is imported. Returns whether the text was one of them.
 */
export function importPastedText(text: string): boolean {
  if (looksLikeMermaidFlowchart(text)) {
    openMermaidImportWith(new File([text], 'pasted.mmd'));
    return true;
  }
  const fileName = pastedContractFileName(text);
  if (fileName) void importContractTexts([{ name: fileName, text }]);
  return fileName !== undefined;
}
