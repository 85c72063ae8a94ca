import { useState } from 'react';

/**
 * React keys for elements shown by id (the inspected element, a product's ports): one per element,
 * kept when its first name gives it a new id (see takeIdFromFirstName). Keyed by the id itself,
 * its fields were rebuilt as the name field was left, and the field the user tabbed or clicked to
 * lost the focus to the page, whose keys are the canvas's shortcuts.
 */
export class ElementKeys {
  private readonly keys = new Map<string, string>();
  private count = 0;

  /** The element's key; an id not seen before gets a new one. */
  keyOf = (id: string): string => {
    const known = this.keys.get(id);
    if (known !== undefined) return known;
    this.count += 1;
    const key = String(this.count);
    this.keys.set(id, key);
    return key;
  };

  /** The element `from` is now `to`: it keeps its key, and an element later given `from` gets another. */
  idChanged = (from: string, to: string): void => {
    this.keys.set(to, this.keyOf(from));
    this.keys.delete(from);
  };
}

/** Element keys for as long as the component showing the elements lives. */
export function useElementKeys(): ElementKeys {
  return useState(() => new ElementKeys())[0];
}
