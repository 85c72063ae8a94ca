import { type CommandId, commandById } from '../../shared/commands/command-table';
import { applyPendingContractEdits } from '../contracts/pending-contract-edits';
import { currentMesh } from '../store/document-store';
import { useNoticeStore } from '../store/notice-store';
import { COMMAND_BEHAVIOURS, type CommandContext } from './command-behaviours';
import { type FocusPlace, menuCommandAction } from './command-routing';

export function isCommandEnabled(id: CommandId): boolean {
  return COMMAND_BEHAVIOURS[id].isEnabled?.() ?? true;
}

/**
 * Whether a menu item or palette line can run with the focus at `focus`: Copy in a text field
 * copies the field's text, whatever is selected on the canvas.
 */
export function isCommandAvailableAt(id: CommandId, focus: FocusPlace): boolean {
  return menuCommandAction(id, focus) !== 'run' || isCommandEnabled(id);
}

/**
 * Why a command cannot run now, as the command palette says it: a design to act on first, then
 * what the command itself needs (what its key says too); undefined when it can run.
 */
export function whyCommandUnavailable(id: CommandId): string | undefined {
  if (isCommandEnabled(id)) return undefined;
  return currentMesh() === null ? 'open or create a design first' : whatCommandNeeds(id);
}

/** What a command itself needs to run (a selection, Simulate mode), where it says. */
export function whatCommandNeeds(id: CommandId): string | undefined {
  const { needs } = COMMAND_BEHAVIOURS[id];
  return typeof needs === 'function' ? needs() : needs;
}

/** Runs a command if it is enabled now. Commands report their own expected failures; anything else is shown too. */
export function runCommand(id: CommandId, context: CommandContext): void {
  // A key or a desktop menu leaves the focus in the YAML editor: the command sees what was just typed there.
  applyPendingContractEdits();
  if (!isCommandEnabled(id)) return;
  void Promise.resolve()
    .then(() => COMMAND_BEHAVIOURS[id].run(context))
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      useNoticeStore.getState().show({ tone: 'error', text: `${commandById(id).label} failed: ${reason}` });
    });
}
