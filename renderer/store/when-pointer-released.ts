/** Whether a mouse button, pen or finger is down anywhere in the window right now. */
let isPointerDown = false;

if (typeof window !== 'undefined') {
  const release = () => {
    isPointerDown = false;
  };
  window.addEventListener(
    'pointerdown',
    () => {
      isPointerDown = true;
    },
    true,
  );
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
}

/**
 * Runs `change` now, or, while a press is under way, once it ends: what a press takes the focus
 * from must not move the page under the pointer before the release, or the click lands elsewhere
 * (the button pressed moves up when a field's error line goes).
 */
export function whenPointerReleased(change: () => void): void {
  if (!isPointerDown) {
    change();
    return;
  }
  const runOnce = () => {
    window.removeEventListener('pointerup', runOnce, true);
    window.removeEventListener('pointercancel', runOnce, true);
    change();
  };
  window.addEventListener('pointerup', runOnce, true);
  window.addEventListener('pointercancel', runOnce, true);
}
