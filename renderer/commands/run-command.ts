import { type CommandId, commandById } from '../../shared/commands/command-table';
import { useNoticeStore } from '../store/notice-store';
import { COMMAND_BEHAVIOURS, type CommandContext } from './command-behaviours';

export function isCommandEnabled(id: CommandId): boolean {
  return COMMAND_BEHAVIOURS[id].isEnabled?.() ?? true;
}

/** Runs a command if it is enabled now. Commands report their own expected failures; anything else is shown too. */
export function runCommand(id: CommandId, context: CommandContext): void {
  if (!isCommandEnabled(id)) return;
  void Promise.resolve()
    .then(() => COMMAND_BEHAVIOURS[id].run(context))
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      useNoticeStore.getState().show({ tone: 'error', text: `${commandById(id).label} failed: ${reason}` });
    });
}
