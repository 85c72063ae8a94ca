import { parseMeshFile } from '../../shared/contracts';
import { emptyMesh, formatProblem, MESH_FILE_EXTENSION, serializeMesh } from '../../shared/model';
import { importContracts } from '../contracts/import/import-contract-files';
import type { FileRef, Host } from '../host/host';
import { selectIsDirty, useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';

const notify = useNoticeStore.getState().show;

/** Opens text as a mesh; on failure keeps the current document and lists every located problem. */
export function openMeshText(text: string, file: FileRef | null, sourceName: string): boolean {
  const parsed = parseMeshFile(text);
  if (!parsed.ok) {
    notify({
      tone: 'error',
      text: `Could not open ${sourceName}: ${parsed.errors.length} problem(s). Nothing was changed.`,
      details: parsed.errors.map(formatProblem),
    });
    return false;
  }
  useDocumentStore.getState().open(parsed.value, file);
  notify({ tone: 'info', text: `Opened ${sourceName}` });
  return true;
}

async function confirmDiscard(host: Host): Promise<boolean> {
  if (!selectIsDirty(useDocumentStore.getState())) return true;
  return host.confirm('Discard unsaved changes?', 'The current design has changes that are not saved.');
}

export async function newMesh(host: Host): Promise<void> {
  if (!(await confirmDiscard(host))) return;
  useDocumentStore.getState().open(emptyMesh('untitled', 'Untitled mesh'), null);
}

export async function openFile(host: Host): Promise<void> {
  if (!(await confirmDiscard(host))) return;
  try {
    const opened = await host.openFile();
    if (opened) openMeshText(opened.text, opened.file, opened.file.name);
  } catch (error) {
    notify({ tone: 'error', text: `Could not open the file: ${(error as Error).message}` });
  }
}

export async function openRecentFile(host: Host, file: FileRef): Promise<void> {
  if (!(await confirmDiscard(host))) return;
  try {
    const opened = await host.openRecent(file);
    openMeshText(opened.text, opened.file, opened.file.name);
  } catch (error) {
    notify({ tone: 'error', text: `Could not open ${file.name}: ${(error as Error).message}` });
  }
}

export async function closeDesign(host: Host): Promise<void> {
  if (!(await confirmDiscard(host))) return;
  useDocumentStore.getState().close();
}

export async function reloadApp(host: Host): Promise<void> {
  if (!(await confirmDiscard(host))) return;
  window.location.reload();
}

export async function importContractFiles(host: Host): Promise<void> {
  const chosen = await host.chooseContractFiles();
  if (chosen) await importContracts(chosen.map(({ file, text }) => new File([text], file.name)));
}

export async function openSample(host: Host, title: string, text: string): Promise<void> {
  if (!(await confirmDiscard(host))) return;
  openMeshText(text, null, `sample “${title}”`);
}

export async function saveFile(host: Host, options: { saveAs: boolean }): Promise<void> {
  const { mesh, file, markSaved } = useDocumentStore.getState();
  if (!mesh) return;
  try {
    const target = options.saveAs ? null : file;
    const saved = await host.saveFile(target, `${mesh.id}${MESH_FILE_EXTENSION}`, serializeMesh(mesh));
    if (!saved) return;
    markSaved(saved);
    await host.clearAutosave();
    notify({ tone: 'info', text: `Saved ${saved.name}` });
  } catch (error) {
    notify({ tone: 'error', text: `Could not save: ${(error as Error).message}. Your design is still open.` });
  }
}
