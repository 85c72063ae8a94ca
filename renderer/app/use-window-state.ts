import { useEffect } from 'react';
import { COMMAND_IDS } from '../../shared/commands/command-table';
import type { DocumentShellState } from '../../shared/ipc';
import { shownName } from '../../shared/model';
import type { FocusPlace } from '../commands/command-routing';
import { focusPlace } from '../commands/focus';
import { isCommandAvailableAt } from '../commands/run-command';
import { subscribeToCommandState } from '../commands/use-command-enabled';
import { unappliedDraftNames, useContractDrafts } from '../contracts/contract-drafts';
import type { Host } from '../host/host';
import { unappliedScenarioNames, useScenarioDrafts } from '../simulation/scenario-drafts';
import { selectDocumentName, selectIsDirty, useDocumentStore } from '../store/document-store';

export const APP_NAME = 'Data Mesh Designer';

/** The window's title: the document's name, marked while it has unsaved changes. */
export function windowTitle(documentName: string | null, isDirty: boolean): string {
  if (documentName === null) return APP_NAME;
  return `${isDirty ? '• ' : ''}${shownName(documentName)} — ${APP_NAME}`;
}

/** Unsaved changes, contract text with problems or scenario text not applied, which leaving the design would lose: the desktop asks before closing. */
export function hasWorkToSettle(): boolean {
  return (
    selectIsDirty(useDocumentStore.getState()) ||
    unappliedDraftNames().length > 0 ||
    unappliedScenarioNames().length > 0
  );
}

/** The window's title now: `•` marks unsaved changes and contract text with problems, which leaving would lose. */
export function currentWindowTitle(): string {
  const state = useDocumentStore.getState();
  return windowTitle(state.mesh ? selectDocumentName(state) : null, hasWorkToSettle());
}

/** `focus`: where the keyboard focus is, since a menu's Copy copies a field's text there. */
export function currentShellState(focus: FocusPlace = 'canvas'): DocumentShellState {
  const { file, designGeneration } = useDocumentStore.getState();
  return {
    isDirty: hasWorkToSettle(),
    ...(file?.path ? { filePath: file.path } : {}),
    enabledCommands: COMMAND_IDS.filter((id) => isCommandAvailableAt(id, focus)),
    designGeneration,
  };
}

/** Calls `listener` whenever what the shell shows may have changed: the document, the commands, the drafts. */
export function subscribeToShellState(listener: () => void): () => void {
  const stopCommands = subscribeToCommandState(listener);
  const stopDrafts = useContractDrafts.subscribe(listener);
  const stopScenarioDrafts = useScenarioDrafts.subscribe(listener);
  return () => {
    stopCommands();
    stopDrafts();
    stopScenarioDrafts();
  };
}

/** Keeps the title (the desktop window takes the page's) and the desktop's menus and edited mark in step with the document. */
export function useWindowState(host: Host): void {
  useEffect(() => {
    let shown = '';
    const update = () => {
      document.title = currentWindowTitle();
      const shellState = currentShellState(focusPlace(document.activeElement));
      const serialized = JSON.stringify(shellState);
      if (serialized === shown) return;
      shown = serialized;
      host.showDocumentState(shellState);
    };
    update();
    const stopShellState = subscribeToShellState(update);
    window.addEventListener('focusin', update);
    window.addEventListener('focusout', update);
    return () => {
      stopShellState();
      window.removeEventListener('focusin', update);
      window.removeEventListener('focusout', update);
    };
  }, [host]);
}
