/** How long input pauses before the app's background preparation starts. */
export const INPUT_PAUSE_MILLIS = 1000;

/** The inputs that mean someone is working: a gesture in progress keeps sending one of them. */
const INPUTS = ['pointerdown', 'pointermove', 'wheel', 'keydown'] as const;

/**
 * Runs `work` once nobody has pressed, moved, scrolled or typed for `quietMillis` (counted from
 * now), when the browser is next idle (or one more such pause later). For background preparation that holds the main thread for
 * a moment: started while a pan or a drag goes on, it would freeze it. Returns a cancel function.
 */
export function whenInputPauses(work: () => void, quietMillis: number): () => void {
  let lastInput = performance.now();
  let timer: number | undefined;
  let idle: number | undefined;
  const noteInput = () => {
    lastInput = performance.now();
  };
  const stopListening = () => {
    for (const type of INPUTS) window.removeEventListener(type, noteInput, true);
  };
  const check = () => {
    const quietFor = performance.now() - lastInput;
    if (quietFor < quietMillis) {
      timer = window.setTimeout(check, quietMillis - quietFor);
      return;
    }
    timer = undefined;
    // A page that draws every frame may never be idle: then it runs at the latest after another pause.
    idle = requestIdleCallback(
      () => {
        idle = undefined;
        if (performance.now() - lastInput < quietMillis) return check();
        stopListening();
        work();
      },
      { timeout: quietMillis },
    );
  };
  for (const type of INPUTS) window.addEventListener(type, noteInput, { capture: true, passive: true });
  timer = window.setTimeout(check, quietMillis);
  return () => {
    stopListening();
    if (timer !== undefined) window.clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
