import type { ChangeOptions } from '../../store/document-store';

/** How a field reports an edit: the value, and the key that merges its keystrokes into one undo step. */
export type OnFieldChange<T> = (value: T, options: ChangeOptions) => void;
