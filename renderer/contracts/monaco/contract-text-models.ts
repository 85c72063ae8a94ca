import type * as Monaco from 'monaco-editor/editor/editor.api';
import { checkContractYaml, type LocatedFinding, parseOdcsYaml, serializeOdcsYaml } from '../../../shared/contracts';
import type { Contract } from '../../../shared/model';
import { useDocumentStore } from '../../store/document-store';
import { replaceContract } from '../contract-actions';
import { useContractTabs } from '../contract-tabs-store';
import type { MonacoApi } from './load-monaco';
import { CONTRACT_URI_SCHEME } from './odcs-language';

/** A pause in typing this long applies the text to the document: one undo step per pause. */
export const APPLY_DELAY_MS = 400;
const MARKER_OWNER = 'odcs';

interface ContractTextModel {
  model: Monaco.editor.ITextModel;
  /** The contract object this text last put into the document, to tell our own echo from outside edits. */
  lastApplied: Contract | undefined;
  isReplacingText: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  dispose(): void;
}

/**
 * Keeps one Monaco text model per open contract in step with the document, both ways:
 * valid text updates the contract; any other change of the contract rewrites the text.
 * Invalid text never reaches the document: the tab shows it is out of sync until fixed.
 */
export function createContractTextModels(monaco: MonacoApi) {
  const models = new Map<string, ContractTextModel>();

  const severityOf = (finding: LocatedFinding) =>
    finding.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning;

  /** Marks the text's findings; returns what it reads as, when it reads as a contract. */
  function inspect(id: string, entry: ContractTextModel): Contract | undefined {
    const text = entry.model.getValue();
    const findings = checkContractYaml(text);
    monaco.editor.setModelMarkers(
      entry.model,
      MARKER_OWNER,
      findings.map((finding) => ({
        severity: severityOf(finding),
        message: `${finding.message} (${finding.path})`,
        startLineNumber: finding.line,
        startColumn: finding.column,
        endLineNumber: finding.endLine,
        endColumn: Math.max(finding.endColumn, finding.column + 1),
      })),
    );
    const tabs = useContractTabs.getState();
    tabs.setFindings(id, findings);
    const parsed = parseOdcsYaml(text);
    if (!parsed.ok) {
      const reason = `${parsed.errors.length} problem(s): the design keeps the last valid version`;
      tabs.setSync(id, { isInSync: false, reason });
      return undefined;
    }
    if (parsed.value.id !== id) {
      tabs.setSync(id, { isInSync: false, reason: `the id must stay '${id}': other parts of the design refer to it` });
      return undefined;
    }
    tabs.setSync(id, { isInSync: true });
    return parsed.value;
  }

  function apply(id: string, entry: ContractTextModel): void {
    const contract = inspect(id, entry);
    if (!contract) return;
    entry.lastApplied = contract;
    replaceContract(contract);
  }

  function rewrite(entry: ContractTextModel, text: string): void {
    if (entry.model.getValue() === text) return;
    entry.isReplacingText = true;
    entry.model.pushEditOperations([], [{ range: entry.model.getFullModelRange(), text }], () => null);
    entry.isReplacingText = false;
  }

  function open(id: string): Monaco.editor.ITextModel | undefined {
    const existing = models.get(id);
    if (existing) return existing.model;
    const contract = useDocumentStore.getState().mesh?.contracts.find((candidate) => candidate.id === id);
    if (!contract) return undefined;
    const model = monaco.editor.createModel(
      serializeOdcsYaml(contract),
      'yaml',
      monaco.Uri.from({ scheme: CONTRACT_URI_SCHEME, path: `/${id}.odcs.yaml` }),
    );
    const entry: ContractTextModel = {
      model,
      lastApplied: contract,
      isReplacingText: false,
      timer: undefined,
      dispose: () => {
        clearTimeout(entry.timer);
        changes.dispose();
        model.dispose();
      },
    };
    const changes = model.onDidChangeContent(() => {
      if (entry.isReplacingText) return;
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => apply(id, entry), APPLY_DELAY_MS);
    });
    models.set(id, entry);
    inspect(id, entry);
    return model;
  }

  function close(id: string): void {
    models.get(id)?.dispose();
    models.delete(id);
  }

  /** Text follows the document when a contract changes elsewhere (form view, inspector, undo). */
  const unsubscribe = useDocumentStore.subscribe((state, previous) => {
    if (state.mesh === previous.mesh) return;
    for (const [id, entry] of models) {
      const contract = state.mesh?.contracts.find((candidate) => candidate.id === id);
      const before = previous.mesh?.contracts.find((candidate) => candidate.id === id);
      if (!contract || contract === before || contract === entry.lastApplied) continue;
      clearTimeout(entry.timer);
      entry.lastApplied = contract;
      rewrite(entry, serializeOdcsYaml(contract));
      inspect(id, entry);
    }
  });

  return {
    open,
    close,
    dispose() {
      unsubscribe();
      for (const id of [...models.keys()]) close(id);
    },
  };
}

export type ContractTextModels = ReturnType<typeof createContractTextModels>;
