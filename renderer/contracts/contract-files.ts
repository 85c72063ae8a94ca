import { formatLocatedProblem } from '../../shared/contracts';
import { contractFileName } from '../../shared/contracts/contract-file-name';
import { readableContractId } from '../../shared/contracts/readable-contract-id';
import { counted, shownName } from '../../shared/model';
import type { Finding } from '../../shared/validation/finding';
import { describeFix } from '../../shared/validation/fixes';
import { BREAKING_CHANGES_RULE_ID } from '../../shared/validation/rules/breaking-changes';
import { failureText } from '../app/failure-text';
import { findingsOf } from '../governance/mesh-findings';
import { fixProblem } from '../governance/problem-actions';
import type { Host } from '../host/host';
import { currentMesh, useDocumentStore } from '../store/document-store';
import { type Notice, useNoticeStore } from '../store/notice-store';
import { contractFindingsOf, contractNameOf, contractTextOf, useContractDrafts } from './contract-drafts';
import { useContractTabs } from './contract-tabs-store';
import { importContractTexts } from './import/import-contract-files';
import { isOpenedDraft, useContractFiles } from './opened-contract-files';

/**
 * Writes the text the editor shows, byte for byte, to the contract's file, or asks where
 * (`saveAs`). Text with problems is written as it is (the file is the user's text, as in any
 * text editor); only the design waits until it reads as a valid contract. A version that does
 * not allow the contract's changes since its baseline is written too, and said, with its fix.
 */
export async function saveContractFile(host: Host, id: string, options: { saveAs: boolean }): Promise<void> {
  const notices = useNoticeStore.getState();
  const text = contractTextOf(id);
  if (text === undefined) return;
  const name = contractNameOf(id);
  const bound = options.saveAs ? null : (useContractFiles.getState().fileById[id] ?? null);
  try {
    const saved = await host.saveContractFile(bound, contractFileName(name), text);
    if (!saved) return;
    useContractFiles.getState().bind(id, saved, text);
    const written = currentMesh()?.contracts.find((contract) => contract.id === id && contract.odcs === text);
    const versionErrors = written ? versionErrorsOf(id) : [];
    if (written) useDocumentStore.getState().markContractFileSaved(written);
    const savedTo = `Saved ${name} to ${shownName(saved.name)}`;
    notices.show(
      versionErrors.length > 0
        ? versionWarning(savedTo, versionErrors)
        : { tone: 'info', text: `${savedTo}${draftStateOf(id, text)}.` },
    );
  } catch (error) {
    notices.show({ tone: 'error', text: failureText(`Could not save ${name}`, error) });
  }
}

/** The `breaking-changes` rule's errors about contract `id`: a version that does not allow its changes since its baseline. */
function versionErrorsOf(id: string): Finding[] {
  const { mesh, baseline, preparedSteps } = useDocumentStore.getState();
  return findingsOf(mesh, baseline, preparedSteps).all.filter(
    (finding) =>
      finding.ruleId === BREAKING_CHANGES_RULE_ID &&
      finding.severity === 'error' &&
      !finding.suppressed &&
      finding.element.kind === 'contract' &&
      finding.element.contractId === id,
  );
}

/** A save whose version its changes do not allow: what the rule says, and its fix (the version they need) a click away. */
function versionWarning(savedTo: string, errors: readonly Finding[]): Notice {
  return {
    tone: 'error',
    text: `${savedTo} under a version its changes do not allow; its consumers still hold the earlier contract, so this stays reported until the version is raised.`,
    details: errors.map((error) => error.message),
    actions: errors.flatMap(({ fix }) => (fix ? [{ label: describeFix(fix), run: () => fixProblem(fix) }] : [])),
  };
}

/** What a save of text with problems leaves behind in the design, said after "Saved … to …". */
function draftStateOf(id: string, text: string): string {
  if (!(id in useContractDrafts.getState().textById)) return '';
  const problems = contractFindingsOf(id, text).filter((finding) => finding.severity === 'error').length;
  const design = isOpenedDraft(id)
    ? 'it joins the design once they are fixed'
    : 'the design keeps its last valid version';
  return ` as written, with its ${counted(problems, 'problem')}; ${design}`;
}

/**
 * Opens a contract file into the design, to edit it there and save it back to the same file.
 * A file that is not a valid contract opens as a draft in the editor, with its problems, when
 * its id can be read and is free: it joins the design once fixed (see `applyContractText`).
 * Otherwise it is not opened, and its problems are listed. The file itself never changes.
 */
export async function openContractFile(host: Host): Promise<void> {
  try {
    const opened = await host.openContractFile();
    if (!opened) return;
    const { importContractSource } = await import('../../shared/contracts/import');
    const read = importContractSource(opened.file.name, opened.text);
    if (read.ok) {
      // Linked to its file once in the design, at once or when the import dialog is confirmed.
      await importContractTexts([{ name: opened.file.name, text: opened.text }], { verb: 'Opened', file: opened });
      return;
    }
    const problems = read.errors.map((error) => `${opened.file.name} ${formatLocatedProblem(error)}`);
    const id = readableContractId(opened.text);
    const isTaken = currentMesh()?.contracts.some((contract) => contract.id === id) ?? true;
    if (id === undefined || isTaken) {
      const why =
        id === undefined
          ? 'it has no id to keep a draft under: none, a blank one, or one with a control character'
          : `the design already has a contract '${id}'`;
      useNoticeStore.getState().show({
        tone: 'error',
        text: `Open contract: could not open ${shownName(opened.file.name)} (${counted(read.errors.length, 'problem')}; ${why}). The file is left as it is.`,
        details: problems,
      });
      return;
    }
    useContractFiles.getState().bind(id, opened.file, opened.text);
    useDocumentStore.getState().markContractFileOpened(id, undefined);
    useContractDrafts.getState().setDraft(id, opened.text);
    useContractTabs.getState().openContract(id);
    useNoticeStore.getState().show({
      tone: 'error',
      text: `Open contract: ${shownName(opened.file.name)} opened as a draft with ${counted(read.errors.length, 'problem')}; it joins the design once they are fixed.`,
      details: problems,
    });
  } catch (error) {
    useNoticeStore.getState().show({ tone: 'error', text: failureText('Could not open the contract', error) });
  }
}
