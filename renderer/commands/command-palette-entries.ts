import { searchCommands } from '../../shared/commands/command-search';
import type { CommandGroup, CommandId } from '../../shared/commands/command-table';
import { currentMesh } from '../store/document-store';
import { COMMAND_BEHAVIOURS } from './command-behaviours';
import { shownChord } from './command-hints';
import { isCommandEnabled } from './run-command';

/** One line of the command palette: a command, its key on this platform, and why it cannot run now. */
export interface PaletteEntry {
  id: CommandId;
  label: string;
  group: CommandGroup;
  chord: string | null;
  isAvailable: boolean;
  /** What it needs to run, where that is known: what its key would say. */
  whyUnavailable?: string;
}

function whyUnavailable(id: CommandId): string | undefined {
  return COMMAND_BEHAVIOURS[id].needs ?? (currentMesh() ? undefined : 'open or create a design first');
}

/** The palette's lines for a query, read from the command table and the commands' enabled-when. */
export function paletteEntries(query: string): PaletteEntry[] {
  return searchCommands(query).map((command) => {
    const id = command.id as CommandId;
    const isAvailable = isCommandEnabled(id);
    const why = isAvailable ? undefined : whyUnavailable(id);
    return {
      id,
      label: command.label,
      group: command.group,
      chord: shownChord(id),
      isAvailable,
      ...(why && { whyUnavailable: why }),
    };
  });
}
