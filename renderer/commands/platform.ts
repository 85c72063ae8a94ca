import type { Platform } from '../../shared/commands/chords';

/** macOS and iOS name their Command key ⌘; everything else uses Ctrl. */
export const PLATFORM: Platform = /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other';
