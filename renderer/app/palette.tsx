import type { DragEvent } from 'react';
import type { CommandId } from '../../shared/commands/command-table';
import { PALETTE_MIME } from '../canvas/palette-drag';
import { shownChord } from '../commands/command-hints';
import { runCommand } from '../commands/run-command';
import { useHost } from '../host/host-context';
import type { InsertableKind } from '../store/insert-actions';

const ITEMS: ReadonlyArray<{ kind: InsertableKind; label: string; hint: string; command: CommandId }> = [
  { kind: 'domain', label: 'Domain', hint: 'A business area that owns data', command: 'add.domain' },
  { kind: 'product', label: 'Data product', hint: 'Ports, contracts, storage, code', command: 'add.product' },
  { kind: 'system', label: 'Operational system', hint: 'Service, database, CDC topics', command: 'add.system' },
  { kind: 'note', label: 'Note', hint: 'A sticky note in Markdown', command: 'add.note' },
];

function startDrag(event: DragEvent, kind: InsertableKind): void {
  event.dataTransfer.setData(PALETTE_MIME, kind);
  event.dataTransfer.effectAllowed = 'copy';
}

/** Click to add into the selected domain, or drag onto the canvas to add where dropped. */
export function Palette() {
  const host = useHost();
  return (
    <nav className="palette" aria-label="Palette">
      {ITEMS.map((item) => (
        <button
          key={item.kind}
          type="button"
          draggable
          className={`palette__item palette__item--${item.kind}`}
          onDragStart={(event) => startDrag(event, item.kind)}
          onClick={() => runCommand(item.command, { host })}
          title={`${item.hint} — click or press ${shownChord(item.command)} to add, or drag onto the canvas`}
          data-testid={`palette-${item.kind}`}
        >
          <span className="palette__icon" aria-hidden="true" />
          <span className="palette__label">{item.label}</span>
        </button>
      ))}
    </nav>
  );
}
