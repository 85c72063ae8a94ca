import { useEffect } from 'react';
import { type CommandId, commandById } from '../../shared/commands/command-table';
import { useContractTabs } from '../contracts/contract-tabs-store';
import type { Host } from '../host/host';
import { usePromptStore } from '../host/in-page-prompt';
import { contractEditorTypingKey, holdTypedAhead, typesCharacter } from '../inspector/fields/typed-ahead';
import { useNoticeStore } from '../store/notice-store';
import { useUiStore } from '../store/ui-store';
import { commandReaches, commandToRunForKey, isAppKeyInCodeEditor, menuCommandAction } from './command-routing';
import { focusPlace, leaveTextField, returnToFieldLeft, topModalDialog } from './focus';
import { performOwnTextEdit } from './own-text-edits';
import { PLATFORM } from './platform';
import { isCommandEnabled, runCommand, whatCommandNeeds } from './run-command';

/** Runs a command chosen from a menu or the command palette, on what has the focus (the text of a field for Copy), as its keys do there. */
export function runAsMenuItem(id: CommandId, host: Host): void {
  const action = menuCommandAction(id, focusPlace(document.activeElement));
  if (action === 'run') {
    const focusedBefore = document.activeElement;
    const fieldLeft = leaveTextField();
    runCommand(id, { host, focusedBefore });
    void returnToFieldLeft(fieldLeft);
  } else if (!performOwnTextEdit(document.activeElement, action.textEdit)) {
    void host.editText(action.textEdit);
  }
}

// The store says so before the dialog's effect opens it; the page says so for a dialog of its own (Import).
const isDialogOpen = () =>
  useUiStore.getState().dialog !== null || usePromptStore.getState().question !== null || topModalDialog() !== null;

/** What characters typed now are held for: the name field or contract editor asked to take the focus, still to show. */
function typedAheadTarget(): string | null {
  const { nameFocusRequest } = useUiStore.getState();
  if (nameFocusRequest) return nameFocusRequest.elementId;
  const { editorFocusRequest } = useContractTabs.getState();
  return editorFocusRequest === null ? null : contractEditorTypingKey(editorFocusRequest);
}

/** Runs the command table's commands from the keyboard and from the desktop menus. */
export function useCommands(host: Host): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // Letters typed before a new element's name field (or a new contract's editor) shows go into
      // it, from a clicked Add button too.
      const typingTarget = typedAheadTarget();
      const isOutsideText = ['canvas', 'run-controls', 'panel'].includes(focusPlace(event.target));
      if (typingTarget && isOutsideText && typesCharacter(event)) {
        event.preventDefault();
        holdTypedAhead(typingTarget, event.key);
        return;
      }
      const id = commandToRunForKey(event, focusPlace(event.target), isDialogOpen(), PLATFORM);
      // Ctrl+V is left to the browser, whose paste event brings the clipboard's text (see onPaste).
      if (!id || id === 'edit.paste') return;
      if (!isCommandEnabled(id)) {
        // A key whose command cannot run now stays with the page (Enter on a focused button),
        // unless the command says what it lacks: a key that does nothing looks broken.
        const needs = focusPlace(event.target) === 'canvas' ? whatCommandNeeds(id) : undefined;
        if (!needs) return;
        event.preventDefault();
        useNoticeStore.getState().show({ tone: 'info', text: `${commandById(id).label}: ${needs}`, isMomentary: true });
        return;
      }
      event.preventDefault();
      // A field's typing step ends first, so undo takes back the whole edit and save sees it.
      const focusedBefore = document.activeElement;
      const fieldLeft = leaveTextField();
      runCommand(id, { host, keyPress: event, focusedBefore });
      void returnToFieldLeft(fieldLeft);
    };
    // The code editor takes keys where they land (Ctrl+K starts its chords): the app's keys are
    // taken from it first, on their way down, and never reach it, even when no command runs.
    const onKeyDownToCodeEditor = (event: KeyboardEvent) => {
      if (focusPlace(event.target) !== 'code' || !isAppKeyInCodeEditor(event, PLATFORM)) return;
      event.stopPropagation();
      onKeyDown(event);
    };
    // A paste event carries the clipboard's text: read from it, a paste needs no permission to read
    // the clipboard, which the desktop app's page never has and a browser asks the user for.
    const onPaste = (event: ClipboardEvent) => {
      // A paste event goes to the page's caret, which a click on a dialog's button leaves behind, in a
      // neighbouring text once the dialog is gone: the focus, as for Ctrl+X, says whether it is the canvas's.
      const isForCanvas = commandReaches('edit.paste', focusPlace(document.activeElement));
      if (event.defaultPrevented || !isForCanvas || isDialogOpen()) return;
      if (!isCommandEnabled('edit.paste')) return;
      event.preventDefault();
      const pastedText = event.clipboardData?.getData('text/plain');
      runCommand('edit.paste', { host, ...(pastedText !== undefined && { pastedText }) });
    };
    window.addEventListener('keydown', onKeyDownToCodeEditor, { capture: true });
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    const stopMenu = host.onMenuCommand((id) => runAsMenuItem(id, host));
    return () => {
      window.removeEventListener('keydown', onKeyDownToCodeEditor, { capture: true });
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
      stopMenu();
    };
  }, [host]);
}
