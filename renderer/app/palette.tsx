import type { DragEvent } from 'react';
import { PALETTE_MIME } from '../canvas/palette-drag';
import { type InsertableKind, insertElement } from '../store/insert-actions';

const ITEMS: ReadonlyArray<{ kind: InsertableKind; label: string; hint: string; shortcut: string }> = [
  { kind: 'domain', label: 'Domain', hint: 'A business area that owns data', shortcut: 'D' },
  { kind: 'product', label: 'Data product', hint: 'Ports, contracts, storage, code', shortcut: 'P' },
  { kind: 'system', label: 'Operational system', hint: 'Service, database, CDC topics', shortcut: 'S' },
];

function startDrag(event: DragEvent, kind: InsertableKind): void {
  event.dataTransfer.setData(PALETTE_MIME, kind);
  event.dataTransfer.effectAllowed = 'copy';
}

/** Click to add into the selected domain, or drag onto the canvas to add where dropped. */
export function Palette() {
  return (
    <nav className="palette" aria-label="Palette">
      {ITEMS.map((item) => (
        <button
          key={item.kind}
          type="button"
          draggable
          className={`palette__item palette__item--${item.kind}`}
          onDragStart={(event) => startDrag(event, item.kind)}
          onClick={() => insertElement(item.kind)}
          title={`${item.hint} — click or press ${item.shortcut} to add, or drag onto the canvas`}
          data-testid={`palette-${item.kind}`}
        >
          <span className="palette__icon" aria-hidden="true" />
          <span className="palette__label">{item.label}</span>
        </button>
      ))}
    </nav>
  );
}
