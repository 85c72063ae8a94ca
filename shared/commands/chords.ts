/**
 * Key chords as the command table writes them: `Mod+Shift+Z`, `Ctrl+Y`, `Delete`, `?`.
 * `Mod` is Cmd on macOS and Ctrl elsewhere. Pure, so the keyboard handler, the desktop menu,
 * the tooltips and the shortcut sheet all read chords the same way.
 */
export type Chord = string;
export type Platform = 'mac' | 'other';

/** One list for every platform, or one per platform where the conventions differ (Redo). */
export type Chords = readonly Chord[] | { readonly mac: readonly Chord[]; readonly other: readonly Chord[] };

/** The fields of a keyboard event a chord is matched against (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function chordsOn(chords: Chords | undefined, platform: Platform): readonly Chord[] {
  if (!chords) return [];
  return 'mac' in chords ? chords[platform] : chords;
}

interface ParsedChord {
  modifiers: ReadonlySet<string>;
  key: string;
}

function parseChord(chord: Chord): ParsedChord {
  const parts = chord.split('+');
  // `+` itself and `Shift++` end with an empty part once split.
  const key = parts.pop() || '+';
  return { modifiers: new Set(parts.filter(Boolean)), key };
}

/** True for chords held with Cmd or Ctrl, the only ones a menu may own (plain keys belong to the canvas). */
export function isModifiedChord(chord: Chord): boolean {
  const { modifiers } = parseChord(chord);
  return modifiers.has('Mod') || modifiers.has('Ctrl');
}

/**
 * Whether a key press is the chord. Letters compare by the character typed and, when the layout
 * or Option types another one (Cyrillic, ⌥S = ß), by the physical key; digits compare by key
 * position so Shift+1 works whatever it types; symbols like `?` or `+` compare as typed.
 */
export function matchesChord(event: KeyPress, chord: Chord, platform: Platform): boolean {
  const { modifiers, key } = parseChord(chord);
  const isMac = platform === 'mac';
  const ctrl = modifiers.has('Ctrl') || (modifiers.has('Mod') && !isMac);
  const meta = modifiers.has('Mod') && isMac;
  if (event.ctrlKey !== ctrl || event.metaKey !== meta || event.altKey !== modifiers.has('Alt')) return false;
  const shiftMatches = event.shiftKey === modifiers.has('Shift');
  if (/^[A-Z]$/.test(key)) {
    const typedLetter = /^[a-z]$/i.test(event.key) ? event.key.toUpperCase() : null;
    // AltGr is Ctrl+Alt on Windows: a typed character that is not a Latin letter must not fire
    // a Ctrl+Alt chord there, so the physical key only counts on macOS or without Alt.
    const byPosition = typedLetter === null && (isMac || !event.altKey) && event.code === `Key${key}`;
    return shiftMatches && (typedLetter === key || byPosition);
  }
  if (/^[0-9]$/.test(key)) return shiftMatches && event.code === `Digit${key}`;
  if (key.length === 1) return event.key === key;
  return shiftMatches && event.key === key;
}

const MAC_SYMBOLS: Record<string, string> = { Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Mod: '⌘' };
// macOS menus list modifiers in this order: ⌃⌥⇧⌘.
const MAC_ORDER = ['Ctrl', 'Alt', 'Shift', 'Mod'];

/** How a chord is written for people: `Ctrl+Alt+S` on Windows and Linux, `⌥⌘S` on macOS. */
export function displayChord(chord: Chord, platform: Platform): string {
  if (platform === 'other') return chord.replace(/\bMod\b/, 'Ctrl');
  const { modifiers, key } = parseChord(chord);
  if (modifiers.size === 0) return key;
  const symbols = MAC_ORDER.filter((modifier) => modifiers.has(modifier)).map((modifier) => MAC_SYMBOLS[modifier]);
  return `${symbols.join('')}${key}`;
}

const ACCELERATOR_KEYS: Record<string, string> = { '+': 'Plus', ' ': 'Space', ArrowLeft: 'Left', ArrowRight: 'Right' };

/** The chord in Electron's accelerator syntax (`CmdOrCtrl+Alt+S`). */
export function electronAccelerator(chord: Chord): string {
  const { modifiers, key } = parseChord(chord);
  const names = [...modifiers].map((modifier) =>
    modifier === 'Mod' ? 'CmdOrCtrl' : modifier === 'Ctrl' ? 'Control' : modifier,
  );
  return [...names, ACCELERATOR_KEYS[key] ?? key].join('+');
}
