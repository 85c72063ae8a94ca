import { type ReactNode, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportedFile } from '../../shared/contracts/import';
import { type ImportMode, looksLikeMermaidErDiagram, MAX_MERMAID_LENGTH } from '../../shared/import';
import { counted, MERMAID_FILES } from '../../shared/model';
import { AlertList } from '../app/alert-list';
import { keyedItems } from '../app/keyed-items';
import { ModalDialog } from '../app/modal-dialog';
import { ScrollPane } from '../app/scroll-pane';
import { ImportedFileNotes } from '../contracts/import/imported-file-notes';
import { UnreadableFileError } from '../host/host';
import { readFileText } from '../host/read-file-text';
import { useUiStore } from '../store/ui-store';
import './diagrams.css';
import { useDroppedMermaidFile } from './dropped-mermaid-file';
import {
  addErDiagramAsContract,
  ER_DIAGRAM_FILE,
  previewErDiagramContract,
  servingProduct,
} from './er-diagram-contract';
import { addedElements, elementCount, importMermaidText, previewMermaidImport } from './import-mermaid-text';

const PLACEHOLDER = `flowchart LR
  subgraph Orders
    A@{ shape: rect, label: orders }
  end
  subgraph Analytics
    B@{ shape: rect, label: sales dashboard }
  end
  A --> B`;

/** Paste or open a Mermaid flowchart, see what it gives and what is skipped, then add it in one step. */
export function MermaidImportDialog() {
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [fileName, setFileName] = useState(ER_DIAGRAM_FILE);
  const fileInput = useRef<HTMLInputElement>(null);
  const deferredText = useDeferredValue(text);
  const isErDiagram = looksLikeMermaidErDiagram(deferredText);
  const [chosenMode, setChosenMode] = useState<ImportMode | null>(null);
  const updating = useMemo(
    () => (deferredText.trim() && !isErDiagram ? previewMermaidImport(deferredText, 'update') : null),
    [deferredText, isErDiagram],
  );
  const matchedCount = updating?.ok ? elementCount(updating.matched) : 0;
  // Updating is the default only where the diagram draws nothing new: otherwise it may be another design's.
  const mode = chosenMode ?? (updating?.ok && elementCount(updating.added) === 0 ? 'update' : 'add');
  const adding = useMemo(
    () => (mode === 'add' && matchedCount > 0 ? previewMermaidImport(deferredText, 'add') : null),
    [deferredText, mode, matchedCount],
  );
  const preview = adding ?? updating;
  const contractPreview = useContractPreview(isErDiagram ? deferredText : '', fileName);
  const close = () => useUiStore.getState().openDialog(null);

  const readFile = useCallback(async (file: File | null | undefined) => {
    if (!file) return;
    if (file.size > MAX_MERMAID_LENGTH) {
      setFileError(`${file.name} is larger than ${MAX_MERMAID_LENGTH / 1024 / 1024} MB.`);
      return;
    }
    try {
      setText(await readFileText(file, MERMAID_FILES));
      setFileName(file.name);
      setFileError(null);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      setFileError(`${file.name} was not opened: ${error.message}.`);
    }
  }, []);
  const droppedFile = useDroppedMermaidFile((state) => state.file);
  useEffect(() => {
    if (!droppedFile) return;
    useDroppedMermaidFile.setState({ file: null });
    void readFile(droppedFile);
  }, [droppedFile, readFile]);

  return (
    <ModalDialog dialog="mermaid-import" title="Import Mermaid" className="mermaid-import">
      <div className="dialog-form">
        <h2>{isErDiagram ? 'Import a Mermaid erDiagram as a contract' : 'Import a Mermaid flowchart'}</h2>
        <p className="dialog-form__summary">
          Each subgraph becomes a domain, each node a data product, each edge a link between new ports. An erDiagram
          becomes a contract, each entity a schema object.
        </p>
        <textarea
          aria-label="Mermaid flowchart"
          placeholder={PLACEHOLDER}
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
        <div className="dialog-form__row">
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open a .mmd file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".mmd,.mermaid,.md,.txt"
            hidden
            aria-label="Mermaid file"
            onChange={(event) => void readFile(event.target.files?.[0])}
          />
          {fileError && <span className="diagram-view__error">{fileError}</span>}
        </div>
        {updating?.ok && matchedCount > 0 && (
          <fieldset className="dialog-form__choices">
            <legend>The design already has {counted(matchedCount, 'element')} of this diagram</legend>
            <ModeOption mode="update" chosen={mode} onChoose={setChosenMode}>
              Update the {counted(matchedCount, 'matching element')} and add {elementCount(updating.added)} new
            </ModeOption>
            <ModeOption mode="add" chosen={mode} onChoose={setChosenMode}>
              Add all as new
            </ModeOption>
          </fieldset>
        )}
        {isErDiagram ? (
          <ContractPreview preview={contractPreview} />
        ) : (
          <ImportPreview preview={preview} updatedCount={mode === 'update' ? matchedCount : 0} />
        )}
        <div className="dialog-form__row dialog-form__row--end">
          {isErDiagram ? (
            <button
              type="button"
              className="primary"
              disabled={!contractPreview?.ok || deferredText !== text}
              onClick={() => {
                close();
                void addErDiagramAsContract(text, fileName);
              }}
            >
              Add as a new contract
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={!preview?.ok || deferredText !== text}
              onClick={() => importMermaidText(text, mode) && close()}
            >
              Import
            </button>
          )}
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

/** What an erDiagram gives as a contract, read by the contract import (loaded on first use). */
function useContractPreview(text: string, fileName: string): ImportedFile | null {
  const [preview, setPreview] = useState<ImportedFile | null>(null);
  useEffect(() => {
    let isCurrent = true;
    if (text) void previewErDiagramContract(text, fileName).then((read) => isCurrent && setPreview(read));
    else setPreview(null);
    return () => {
      isCurrent = false;
    };
  }, [text, fileName]);
  return preview;
}

/** What the contract holds and where it is served, then what the contract import dialog would list for its file. */
function ContractPreview({ preview }: { preview: ImportedFile | null }) {
  if (!preview) return null;
  if (!preview.ok) {
    return <ImportErrors errors={preview.errors} />;
  }
  const product = servingProduct();
  return (
    <>
      <p className="dialog-form__summary" data-testid="import-summary">
        Adds a contract of {counted(preview.contract.schema.length, 'schema object')} (
        {preview.contract.schema.map((object) => object.name).join(', ')}),{' '}
        {product
          ? `served from a new output port of ${product.name}`
          : 'served by no port yet (select a product to serve it)'}
        .
      </p>
      <ImportedFileNotes file={preview} />
    </>
  );
}

/** Why the text cannot be imported, each reason at its line. */
function ImportErrors({ errors }: { errors: readonly { line: number; message: string }[] }) {
  return (
    <ScrollPane className="dialog-form__warnings" label="Why the text cannot be imported">
      <AlertList className="dialog-form__lines" testId="import-errors">
        {keyedItems(errors, (error) => `${error.line}:${error.message}`).map(({ key, item: error }) => (
          <li key={key}>
            Line {error.line}: {error.message}
          </li>
        ))}
      </AlertList>
    </ScrollPane>
  );
}

function ModeOption(props: {
  mode: ImportMode;
  chosen: ImportMode;
  onChoose(mode: ImportMode): void;
  children: ReactNode;
}) {
  const { mode, chosen, onChoose, children } = props;
  return (
    <label>
      <input type="radio" name="mermaid-import-mode" checked={mode === chosen} onChange={() => onChoose(mode)} />
      {children}
    </label>
  );
}

function ImportPreview({
  preview,
  updatedCount,
}: {
  preview: ReturnType<typeof previewMermaidImport>;
  updatedCount: number;
}) {
  if (!preview) return <p className="dialog-form__summary">Paste a flowchart above, or open a file.</p>;
  if (!preview.ok) {
    return <ImportErrors errors={preview.errors} />;
  }
  return (
    <>
      <p className="dialog-form__summary" data-testid="import-summary">
        {updatedCount > 0
          ? `Updates ${counted(updatedCount, 'element')} and adds ${addedElements(preview.added)}.`
          : `Adds ${addedElements(preview.added)}.`}
      </p>
      {preview.warnings.length > 0 && (
        <ScrollPane className="dialog-form__warnings" label="Lines not imported">
          <ul className="dialog-form__lines" data-testid="import-warnings">
            {preview.warnings.map((warning) => (
              <li key={`${warning.line}:${warning.message}`}>
                Line {warning.line}: {warning.message}
              </li>
            ))}
          </ul>
        </ScrollPane>
      )}
    </>
  );
}
