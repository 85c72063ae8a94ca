import type { ReactNode } from 'react';

/**
 * A pane whose content may scroll, named and reached with Tab, so a keyboard user can scroll it
 * (axe scrollable-region-focusable): a pane holding nothing focusable cannot be scrolled otherwise.
 */
export function ScrollPane({ className, label, children }: { className: string; label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is focused to scroll it with the keyboard.
    <section className={className} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
