import type { KeyPress } from '../../../shared/commands/chords';

/*
 * Characters typed between adding an element (P, then "Orders") and its name field taking the
 * focus, a render later: they belong to the name, not to the canvas's one-key shortcuts. On a
 * loaded machine that render can come after the first few keys. Likewise for a contract opened to
 * be edited at once (New contract), whose editor can take a second to load.
 */

let typedAhead = { elementId: '', text: '' };

/** Whether the key types a character (a letter, a digit, a space), not a chord or a named key (Enter, F2). */
export function typesCharacter(press: KeyPress): boolean {
  return [...press.key].length === 1 && !press.ctrlKey && !press.metaKey && !press.altKey;
}

/** Keeps a character typed while `elementId`'s name field is about to take the focus. */
export function holdTypedAhead(elementId: string, character: string): void {
  const text = typedAhead.elementId === elementId ? typedAhead.text : '';
  typedAhead = { elementId, text: text + character };
}

/** What was typed ahead for `elementId`, once: its field, which just took the focus, types it. */
export function takeTypedAhead(elementId: string): string {
  const { text } = typedAhead;
  const isFor = typedAhead.elementId === elementId;
  typedAhead = { elementId: '', text: '' };
  return isFor ? text : '';
}

/** What characters typed ahead for a contract's editor are held under: no element id has a colon. */
export function contractEditorTypingKey(contractId: string): string {
  return `contract:${contractId}`;
}
