/** Resolves at the next animation frame: after React has drawn what was set before it. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
