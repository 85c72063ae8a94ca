import { useMemo } from 'react';
import {
  diagramSummary,
  readOdcsDocument,
  relationshipEdit,
  schemaDiagramOf,
  whyUnreferenceable,
} from '../../../shared/contracts';
import { contractErDiagram } from '../../../shared/export/mermaid/contract-er-diagram';
import { SchemaDiagramFlow } from '../../canvas/schema-diagram-flow';
import { copyText } from '../../diagrams/copy-to-clipboard';
import { useDocumentStore } from '../../store/document-store';
import { useNoticeStore } from '../../store/notice-store';
import { editContract } from '../contract-actions';
import { useContractText } from '../contract-drafts';

/** The contract's schema objects as tables and its relationships as edges; drag between fields to relate them. */
export default function ContractSchemaDiagram({ contractId }: { contractId: string }) {
  const text = useContractText(contractId);
  const document = useMemo(() => (text === undefined ? undefined : readOdcsDocument(text)), [text]);
  const diagram = useMemo(() => (document ? schemaDiagramOf(document) : undefined), [document]);
  if (!document || !diagram) {
    return (
      <p className="contract-workspace__error">The YAML does not parse: fix it in the YAML view to see the diagram.</p>
    );
  }
  return (
    <div className="contract-diagram" data-testid="contract-diagram">
      <p className="contract-diagram__hint">
        {diagramSummary(diagram)} Drag from a field's right dot to another field to add a foreign key.{' '}
        <button type="button" data-testid="contract-diagram-copy-mermaid" onClick={() => void copyMermaid(contractId)}>
          Copy Mermaid
        </button>
      </p>
      <div className="contract-diagram__flow">
        <SchemaDiagramFlow
          diagram={diagram}
          onConnectFields={(from, to) => {
            const edit = relationshipEdit(document, from, to);
            if (!edit) return;
            const unreferenceable = whyUnreferenceable(to);
            if (unreferenceable) {
              useNoticeStore
                .getState()
                .show({ tone: 'error', text: `Could not add the relationship: ${unreferenceable}.` });
              return;
            }
            const result = editContract(contractId, [edit]);
            useNoticeStore
              .getState()
              .show(
                result.ok
                  ? { tone: 'info', text: `${from.table}.${from.field} now refers to ${to.table}.${to.field}.` }
                  : { tone: 'error', text: `Could not add the relationship: ${result.message}` },
              );
          }}
        />
      </div>
    </div>
  );
}

/** The contract's schema as a Mermaid erDiagram, as the export writes it, on the clipboard. */
async function copyMermaid(contractId: string): Promise<void> {
  const contracts = useDocumentStore.getState().mesh?.contracts ?? [];
  const contract = contracts.find((candidate) => candidate.id === contractId);
  if (!contract) return;
  const notices = useNoticeStore.getState();
  try {
    await copyText(contractErDiagram(contract, contracts).text);
    notices.show({ tone: 'info', text: `Copied the ER diagram of ${contract.name} as Mermaid.` });
  } catch (error) {
    notices.show({ tone: 'error', text: `Could not copy the ER diagram: ${String(error)}` });
  }
}
