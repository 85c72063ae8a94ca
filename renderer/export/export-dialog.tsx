import './export-dialog.css';
import { useMemo, useState } from 'react';
import { describeScope, type ExportFile, type ExportScope, WHOLE_MESH } from '../../shared/export';
import { describeRemovedFiles } from '../../shared/files/export-manifest';
import { formatProblem, type Mesh } from '../../shared/model';
import { PartBoundary } from '../app/part-boundary';
import { copyPng } from '../diagrams/copy-to-clipboard';
import { useHost } from '../host/host-context';
import { useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { currentSelection } from '../store/selection-store';
import { useUiStore } from '../store/ui-store';
import { DEFAULT_DIAGRAM_CHOICES, type DiagramChoices } from './diagram-choices';
import { ExportChoices, MANIFEST_TARGETS } from './export-choices';
import { ExportFileTree } from './export-file-tree';
import { ExportPreview } from './export-preview';
import { type BundleState, useExportBundle } from './use-export-bundle';
import { warningSections } from './warning-sections';
import { writeBundle } from './write-bundle';

const ALL_MANIFEST_IDS = MANIFEST_TARGETS.map((target) => target.id);

/** Export…: choose formats and scope, look at every file, copy one, write them all through the Host. */
export default function ExportDialog() {
  const mesh = useDocumentStore((state) => state.mesh);
  return mesh ? <ExportDialogBody mesh={mesh} /> : <p>Open a design to export it.</p>;
}

function ExportDialogBody({ mesh }: { mesh: Mesh }) {
  const host = useHost();
  const baseline = useDocumentStore((state) => state.baseline);
  const selectedNodeIds = useMemo(() => [...currentSelection().nodeIds], []);
  const [targetIds, setTargetIds] = useState<readonly string[]>(ALL_MANIFEST_IDS);
  const [diagrams, setDiagrams] = useState<DiagramChoices>(DEFAULT_DIAGRAM_CHOICES);
  const [scope, setScope] = useState<ExportScope>(WHOLE_MESH);
  const [chosenPath, setChosenPath] = useState<string | null>(null);
  const [writing, setWriting] = useState<{ status: 'idle' | 'writing' } | { status: 'failed'; message: string }>({
    status: 'idle',
  });
  const [copied, setCopied] = useState<string | null>(null);
  const bundle = useExportBundle(mesh, baseline, targetIds, diagrams, scope);
  const files = bundle.status === 'ready' ? bundle.files : [];
  const previewed =
    files.find((file) => file.path === chosenPath) ??
    files.find((file) => file.path !== 'index.md') ??
    files[0] ??
    null;

  const copyPreviewed = async () => {
    if (!previewed) return;
    try {
      await copyFile(previewed);
      setCopied(previewed.path);
    } catch (error) {
      setWriting({ status: 'failed', message: `Could not copy ${previewed.path}: ${(error as Error).message}` });
    }
  };

  const write = async () => {
    setWriting({ status: 'writing' });
    try {
      const exported = await writeBundle(host, mesh, files);
      setWriting({ status: 'idle' });
      if (exported === null) return;
      const { folder, removed } = exported;
      const removal = removed.length > 0 ? `; ${describeRemovedFiles(removed, folder)}` : '';
      useNoticeStore.getState().show({ tone: 'info', text: `Exported ${files.length} files to ${folder}${removal}` });
      useUiStore.getState().openDialog(null);
    } catch (error) {
      setWriting({ status: 'failed', message: `Nothing was exported: ${(error as Error).message}` });
    }
  };

  return (
    <div className="export-dialog__content">
      <header className="export-dialog__header">
        <h2>Export</h2>
        <span className="export-dialog__scope">
          {mesh.name}: {describeScope(mesh, scope)}
        </span>
      </header>
      <div className="export-dialog__layout">
        <ExportChoices
          targetIds={targetIds}
          onTargetIdsChange={setTargetIds}
          diagrams={diagrams}
          onDiagramsChange={setDiagrams}
          scope={scope}
          onScopeChange={setScope}
          domains={mesh.domains}
          selectedNodeIds={selectedNodeIds}
        />
        <ExportFileTree files={files} selectedPath={previewed?.path ?? null} onSelect={setChosenPath} />
        <section className="export-dialog__preview" aria-label="Preview">
          <div className="export-dialog__preview-bar">
            <span className="export-dialog__preview-path" data-testid="export-preview-path">
              {previewed ? previewed.path : 'No file'}
            </span>
            <span className="export-dialog__preview-about">{previewed?.about}</span>
            <button type="button" disabled={!previewed} onClick={() => void copyPreviewed()}>
              {copied !== null && copied === previewed?.path ? 'Copied' : 'Copy'}
            </button>
          </div>
          <PartBoundary part="preview">
            <ExportPreview file={previewed} />
          </PartBoundary>
        </section>
      </div>
      <footer className="export-dialog__footer">
        <BundleStatus bundle={bundle} targetCount={targetIds.length + diagrams.kinds.length} />
        {writing.status === 'failed' && (
          <p className="export-dialog__error" role="alert">
            {writing.message}
          </p>
        )}
        <div className="export-dialog__actions">
          <button type="button" onClick={() => useUiStore.getState().openDialog(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="export-dialog__write"
            data-testid="export-write"
            disabled={bundle.status !== 'ready' || files.length <= 1 || writing.status === 'writing'}
            onClick={() => void write()}
          >
            {host.kind === 'desktop' ? 'Export to folder…' : 'Download .zip'}
          </button>
        </div>
      </footer>
    </div>
  );
}

function BundleStatus({ bundle, targetCount }: { bundle: BundleState; targetCount: number }) {
  if (targetCount === 0) return <p className="export-dialog__status">Choose at least one format.</p>;
  if (bundle.status === 'running') {
    const { progress } = bundle;
    return (
      <p className="export-dialog__status" data-testid="export-progress">
        <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />
        {progress ? `${progress.doing} (${progress.done + 1} of ${progress.total})…` : 'Exporting…'}
      </p>
    );
  }
  if (bundle.status === 'failed') {
    return (
      <div className="export-dialog__error" role="alert" data-testid="export-errors">
        <p>{bundle.heading}</p>
        <ul>
          {bundle.errors.map((problem) => (
            <li key={formatProblem(problem)}>{formatProblem(problem)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <>
      <p className="export-dialog__status" data-testid="export-ready">
        {bundle.files.length} files, {formatSize(bundle.files)}
      </p>
      {bundle.warnings.length > 0 && (
        <div className="export-dialog__warnings" data-testid="export-warnings">
          {warningSections(bundle.warnings).map(({ heading, warnings }) => (
            <section key={heading} aria-label={heading}>
              <p>{heading}:</p>
              <ul>
                {warnings.map((problem) => (
                  <li key={formatProblem(problem)}>{formatProblem(problem)}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}

/** Text as text; a PNG as an image, to paste into a document. */
function copyFile(file: ExportFile): Promise<void> {
  if (typeof file.content === 'string') return navigator.clipboard.writeText(file.content);
  return copyPng(Promise.resolve(new Blob([file.content as Uint8Array<ArrayBuffer>], { type: 'image/png' })));
}

function formatSize(files: readonly { content: string | Uint8Array }[]): string {
  const encoder = new TextEncoder();
  const bytes = files.reduce(
    (sum, file) => sum + (typeof file.content === 'string' ? encoder.encode(file.content).length : file.content.length),
    0,
  );
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
