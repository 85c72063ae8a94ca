import { useMemo } from 'react';
import {
  asNextVersion,
  CONFLICT_POLICIES,
  type ConflictPolicy,
  type ContractAttachment,
  formatLocatedProblem,
  type ImportedVersion,
} from '../../../shared/contracts';
import type { ImportedFile } from '../../../shared/contracts/import';
import { nextVersionCandidates } from '../../../shared/contracts/next-version-candidates';
import { type Contract, counted, formatProblem } from '../../../shared/model';
import { distinctNodeName } from '../../../shared/model/distinct-node-name';
import { NativeModalDialog } from '../../app/modal-dialog';
import { useDocumentStore } from '../../store/document-store';
import { ChangeList } from '../contract-changes';
import { confirmImport } from './import-contract-files';
import { type ImportChoice, type ImportOrigin, useImportPlan } from './import-plan-store';
import { ImportedFileNotes } from './imported-file-notes';
import { planImport } from './planned-import';

const NO_CONTRACTS: Contract[] = [];
const CONFLICT_LABELS: Record<ConflictPolicy, string> = {
  rename: 'import under a new id',
  replace: 'replace the one in the design',
  skip: 'skip this file',
};

/** The dialog in the words of what the user asked for: Open contract… opens one file, to edit and save back to it. */
const WORDING: Record<
  ImportOrigin['verb'],
  { title: (fileCount: number) => string; label: string; action: string; done: string }
> = {
  Imported: {
    title: (fileCount) => `Import ${counted(fileCount, 'file')}`,
    label: 'Import contracts',
    action: 'Import',
    done: 'imported',
  },
  Opened: { title: () => 'Open contract', label: 'Open contract', action: 'Open', done: 'opened' },
};

/**
 * What an import will do, file by file, before it does it: a new contract or the next
 * version of an existing one (with the breaking changes that makes), what to do with an
 * id that is taken, and what the source had that ODCS cannot say exactly.
 */
export function ImportDialog() {
  const files = useImportPlan((state) => state.files);
  const choices = useImportPlan((state) => state.choices);
  const pastedOn = useImportPlan((state) => state.pastedOn);
  const wording = useImportPlan((state) => WORDING[state.origin.verb]);
  const mesh = useDocumentStore((state) => state.mesh);
  const plan = useMemo(
    () => (files && mesh ? planImport(mesh, files, choices, pastedOn) : null),
    [files, mesh, choices, pastedOn],
  );
  const refusal = plan?.refusal ?? null;
  if (!files) return null;
  const close = () => useImportPlan.getState().close();
  return (
    <NativeModalDialog label={wording.label} testId="import-dialog" className="import-dialog" onDismiss={close}>
      <h2>{wording.title(files.length)}</h2>
      <ul className="import-dialog__files">
        {files.map((file) => (
          <ImportRow
            key={file.file}
            file={file}
            earlier={files.slice(0, files.indexOf(file))}
            attachment={plan?.attachmentOfFile.get(file.file)}
          />
        ))}
      </ul>
      {refusal && (
        <div className="import-dialog__refusal" role="alert" data-testid="import-refusal">
          <p>
            Nothing can be {wording.done} as chosen: {refusal.reason}. Change a choice above, or cancel.
          </p>
          <ErrorLines lines={refusal.problems.map(formatProblem)} />
        </div>
      )}
      <div className="import-dialog__actions">
        <button type="button" className="primary" disabled={refusal !== null} onClick={() => confirmImport()}>
          {wording.action}
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </NativeModalDialog>
  );
}

function ErrorLines({ lines }: { lines: readonly string[] }) {
  return (
    <ul>
      {lines.map((line) => (
        <li key={line} className="problem problem--error">
          {line}
        </li>
      ))}
    </ul>
  );
}

function ImportRow({
  file,
  earlier,
  attachment,
}: {
  file: ImportedFile;
  earlier: ImportedFile[];
  attachment: ContractAttachment | undefined;
}) {
  const contracts = useDocumentStore((state) => state.mesh?.contracts ?? NO_CONTRACTS);
  const choice = useImportPlan((state) => state.choices[file.file]);
  const action = useImportPlan((state) => WORDING[state.origin.verb].action);
  if (!file.ok) {
    return (
      <li className="import-dialog__file import-dialog__file--failed">
        <strong>{file.file}</strong> cannot be imported:
        <ErrorLines lines={file.errors.map(formatLocatedProblem)} />
      </li>
    );
  }
  const target = choice?.target ?? 'new';
  const candidates = nextVersionCandidates(contracts, file.contract);
  const takenBy = contracts.some((contract) => contract.id === file.contract.id)
    ? 'the design'
    : earlier.find((other) => other.ok && other.contract.id === file.contract.id)?.file;
  return (
    <li className="import-dialog__file" data-testid={`import-${file.file}`}>
      <div className="import-dialog__head">
        <strong>{file.file}</strong>
        <span className="import-dialog__format">{file.format}</span>
        <label>
          {action} as{' '}
          <select
            aria-label={`${action} ${file.file} as`}
            value={target}
            onChange={(event) => useImportPlan.getState().choose(file.file, { target: event.target.value })}
          >
            <option value="new">a new contract ({file.contract.id})</option>
            {candidates.map((contract) => (
              <option key={contract.id} value={contract.id}>
                the next version of {contract.name} ({contract.version})
              </option>
            ))}
            <option value="skip">nothing (skip)</option>
          </select>
        </label>
      </div>
      {target === 'new' && takenBy && (
        <p className="import-dialog__conflict" role="alert">
          The id '{file.contract.id}' is taken by {takenBy}:{' '}
          <select
            aria-label={`When ${file.file}'s id is taken`}
            value={choice?.onConflict ?? 'rename'}
            onChange={(event) =>
              useImportPlan
                .getState()
                .choose(file.file, { onConflict: event.target.value as ImportChoice['onConflict'] })
            }
          >
            {CONFLICT_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {CONFLICT_LABELS[policy]}
              </option>
            ))}
          </select>
        </p>
      )}
      {target === 'new' && attachment && <ServingPort fileName={file.file} attachment={attachment} />}
      {target === 'new' && attachment?.isServedByPaste && <PastedServing productId={attachment.productId} />}
      {target !== 'new' && target !== 'skip' && (
        <VersionChanges contracts={contracts} targetId={target} imported={file} />
      )}
      <ImportedFileNotes file={file} />
    </li>
  );
}

/** Which port of its product will serve a new contract: the one without a contract it fills, or a new port if the user prefers. */
function ServingPort({ fileName, attachment }: { fileName: string; attachment: ContractAttachment }) {
  const productName = useDocumentStore(
    (state) => state.mesh?.products.find((product) => product.id === attachment.productId)?.name,
  );
  const isNewPort = useImportPlan((state) => state.choices[fileName]?.isNewPort ?? false);
  const { freePort } = attachment;
  if (!freePort || productName === undefined) return null;
  return (
    <p className="import-dialog__serving">
      Served by {productName} from{' '}
      <select
        aria-label={`Port serving ${fileName}`}
        value={isNewPort ? 'new' : 'free'}
        onChange={(event) => useImportPlan.getState().choose(fileName, { isNewPort: event.target.value === 'new' })}
      >
        <option value="free">
          port {freePort.name}, {freePort.why}
        </option>
        <option value="new">a new output port</option>
      </select>
    </p>
  );
}

/** The product a contract pasted over it will be served from, as the status line will say it. */
function PastedServing({ productId }: { productId: string | undefined }) {
  const productName = useDocumentStore((state) => {
    const product = state.mesh?.products.find((candidate) => candidate.id === productId);
    return state.mesh && product && distinctNodeName(state.mesh, product);
  });
  if (!productName) return null;
  return <p className="import-dialog__serving">Served from {productName} by a new output port.</p>;
}

function VersionChanges({
  contracts,
  targetId,
  imported,
}: {
  contracts: Contract[];
  targetId: string;
  imported: ImportedVersion;
}) {
  const existing = contracts.find((contract) => contract.id === targetId);
  const next = useMemo(() => existing && asNextVersion(existing, imported), [existing, imported]);
  if (!existing || !next) return null;
  if (!next.ok)
    return (
      <p className="problem problem--error">
        Cannot be a version of {existing.name}: {next.message}
      </p>
    );
  // Breaking ones first: an ODCS file lists its other sections' changes (status, SLA, team) before its schema's.
  const changes = next.comparison.changes.toSorted((one, other) => Number(other.isBreaking) - Number(one.isBreaking));
  return (
    <div className="import-dialog__version" data-testid="import-version-changes">
      <p>
        {existing.name} {existing.version} → {next.contract.version}: {counted(changes.length, 'change')},{' '}
        {changes.filter((change) => change.isBreaking).length} breaking
      </p>
      <ChangeList changes={changes} />
      {next.notes && next.notes.length > 0 && (
        <ul className="import-dialog__notes">
          {next.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
