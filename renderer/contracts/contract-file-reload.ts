import { formatLocatedProblem, parseContractKeepingId } from '../../shared/contracts';
import { counted, shownName } from '../../shared/model';
import { failureText } from '../app/failure-text';
import type { FileRef, Host } from '../host/host';
import { isSameFile } from '../host/same-file';
import { currentMesh, useDocumentStore } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { applyContractText } from './contract-actions';
import { contractNameOf, contractTextOf } from './contract-drafts';
import { useContractFiles } from './opened-contract-files';
import { applyPendingContractEdits } from './pending-contract-edits';

/** The contract linked to `file` (opened from it or saved to it), if any. */
function contractLinkedTo(file: FileRef): string | undefined {
  const linked = Object.entries(useContractFiles.getState().fileById);
  return linked.find(([, linkedFile]) => isSameFile(linkedFile, file))?.[0];
}

/** Whether the text the editors show for contract `id` differs from what its file held when last read or written. */
function hasEditsNotInFile(id: string): boolean {
  return contractTextOf(id) !== useContractFiles.getState().savedTextById[id];
}

/** When another program changed a contract's linked file, says so, offering to load that version. */
export function tellOfChangedContractFile(host: Host, changed: FileRef): void {
  const id = contractLinkedTo(changed);
  if (id === undefined) return;
  applyPendingContractEdits();
  const hasEdits = hasEditsNotInFile(id);
  const fileName = shownName(changed.name);
  useNoticeStore.getState().show({
    tone: hasEdits ? 'error' : 'info',
    text: hasEdits
      ? `${fileName} was changed by another program, and you have edits to ${contractNameOf(id)} not saved to it.`
      : `${fileName} was changed by another program.`,
    actions: [{ label: 'Reload contract', run: () => void reloadContractFile(host, id) }],
  });
}

/**
 * Puts the version of contract `id`'s file on disk in the editor, as one edit Undo takes back,
 * asking first when the contract has edits not saved to that file. A version that does not read
 * as this contract is reported, and changes nothing.
 */
export async function reloadContractFile(host: Host, id: string): Promise<void> {
  const file = useContractFiles.getState().fileById[id];
  if (!file) return;
  const name = contractNameOf(id);
  const fileName = shownName(file.name);
  const notify = useNoticeStore.getState().show;
  applyPendingContractEdits();
  if (hasEditsNotInFile(id)) {
    const agreed = await host.confirm({
      message: `Discard your unsaved edits to ${name} and load the version of ${fileName} on disk?`,
      detail: 'Keeping your edits and saving them to the file replaces the other version.',
      action: 'Discard and Reload',
    });
    if (!agreed) return;
  }
  try {
    const reread = await host.readContractFile(file);
    const read = parseContractKeepingId(reread.text, id);
    if (!read.ok) {
      notify({
        tone: 'error',
        text: `Could not reload ${name} from ${fileName}: ${counted(read.errors.length, 'problem')}. Nothing was changed.`,
        details: read.errors.map((error) => `${fileName} ${formatLocatedProblem(error)}`),
      });
      return;
    }
    applyContractText(id, reread.text);
    useContractFiles.getState().bind(id, file, reread.text);
    await host.adoptContractFile(file);
    // The file holds this version now, as after a save: the baseline of a contract opened from it follows.
    const reloaded = currentMesh()?.contracts.find((contract) => contract.id === id && contract.odcs === reread.text);
    if (reloaded) useDocumentStore.getState().markContractFileSaved(reloaded);
    notify({ tone: 'info', text: `Reloaded ${name} from ${fileName}.` });
  } catch (error) {
    notify({ tone: 'error', text: failureText(`Could not reload ${name} from ${fileName}`, error) });
  }
}
