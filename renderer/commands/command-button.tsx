import type { CommandId } from '../../shared/commands/command-table';
import { greyedOutUnless } from '../app/greyed-out-button';
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
  /** Stays focusable while greyed out, for a button that greys itself out as it is pressed. */
  staysFocusable?: boolean;
}

/** A button for a command: its tooltip names the key on this platform, it greys out when the command cannot run. */
export function CommandButton({ command, children, label, state, className, staysFocusable }: CommandButtonProps) {
  const host = useHost();
  const isEnabled = useCommandEnabled(command);
  const run = () => runCommand(command, { host });
  const greying = staysFocusable ? greyedOutUnless(isEnabled, run) : { disabled: !isEnabled, onClick: run };
  return (
    <button
      type="button"
      className={className}
      {...greying}
      title={state ? `${state} — ${commandTooltip(command)}` : commandTooltip(command)}
      aria-label={label}
    >
      {children}
    </button>
  );
}
