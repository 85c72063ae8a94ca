import type { CommandId } from '../../shared/commands/command-table';
import { useHost } from '../host/host-context';
import { commandTooltip } from './command-hints';
import { runCommand } from './run-command';
import { useCommandEnabled } from './use-command-enabled';

interface CommandButtonProps {
  command: CommandId;
  children: string;
  label?: string;
  /** What the button shows now (`Theme: dark`), put first in its tooltip when it shows an icon. */
  state?: string;
  className?: string;
}

/** A button for a command: its tooltip names the key on this platform, it greys out when the command cannot run. */
export function CommandButton({ command, children, label, state, className }: CommandButtonProps) {
  const host = useHost();
  const isEnabled = useCommandEnabled(command);
  return (
    <button
      type="button"
      className={className}
      disabled={!isEnabled}
      onClick={() => runCommand(command, { host })}
      title={state ? `${state} — ${commandTooltip(command)}` : commandTooltip(command)}
      aria-label={label}
    >
      {children}
    </button>
  );
}
