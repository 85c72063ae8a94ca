/** How many keys and pointer presses the user has made in the window: a count to compare, not a time. */
let inputCount = 0;

/** Counts one key or pointer press (the window's own listeners call this; tests call it in their place). */
export function noteUserInput(): void {
  inputCount++;
}

if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', noteUserInput, true);
  window.addEventListener('keydown', noteUserInput, true);
}

/** A mark of now, to ask later whether the user has pressed anything since. */
export function userInputMark(): number {
  return inputCount;
}

export function hasUserInputSince(mark: number): boolean {
  return inputCount > mark;
}
