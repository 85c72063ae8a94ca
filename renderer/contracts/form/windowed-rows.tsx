import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, type Ref, useLayoutEffect, useRef, useState } from 'react';

/**
 * From this many fields the form's table draws only the rows near the view: a 2 MB contract's
 * 10,000 rows of inputs took the form over 10 s to show. Smaller tables draw every row, so
 * find-in-page and tests see them all.
 */
export const WINDOWED_FROM_FIELDS = 200;
const ESTIMATED_ROW_PX = 30;
/** Rows drawn before the scrolling form is measured, so the first fields show at once. */
const FIRST_VIEW_PX = 800;

type MeasureRow = (element: HTMLElement | null) => void;

/**
 * The `<tbody>` rows of a long table in view within its scrolling ancestor, between two spacers
 * that keep the table's full height; each row is measured, so an opened panel takes its room.
 */
export function WindowedRows({
  count,
  row,
}: {
  count: number;
  row: (index: number, measure: MeasureRow) => ReactNode;
}) {
  const start = useRef<HTMLTableSectionElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Where the rows start in the scroller's content moves when a section above opens or closes.
  const updateScrollMargin = () => {
    const margin = offsetWithin(start.current, scroller);
    if (margin !== undefined && Math.abs(margin - scrollMargin) > 1) setScrollMargin(margin);
  };
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_ROW_PX,
    initialRect: { width: 0, height: FIRST_VIEW_PX },
    overscan: 10,
    scrollMargin,
    onChange: updateScrollMargin,
  });
  useLayoutEffect(() => setScroller(scrollingAncestorOf(start.current)), []);
  useLayoutEffect(updateScrollMargin);
  const items = virtualizer.getVirtualItems();
  const before = (items[0]?.start ?? scrollMargin) - scrollMargin;
  const after = virtualizer.getTotalSize() - ((items.at(-1)?.end ?? scrollMargin) - scrollMargin);
  return (
    <>
      <Spacer height={before} sectionRef={start} />
      {items.map((item) => row(item.index, virtualizer.measureElement))}
      <Spacer height={after} />
    </>
  );
}

function Spacer({ height, sectionRef }: { height: number; sectionRef?: Ref<HTMLTableSectionElement> | undefined }) {
  return (
    <tbody ref={sectionRef} aria-hidden="true">
      <tr>
        <td colSpan={6} style={{ height, padding: 0, border: 0 }} />
      </tr>
    </tbody>
  );
}

function scrollingAncestorOf(element: HTMLElement | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(node).overflowY)) return node;
  }
  return null;
}

/** How far below the top of `scroller`'s content `element` starts. */
function offsetWithin(element: HTMLElement | null, scroller: HTMLElement | null): number | undefined {
  if (!element || !scroller) return undefined;
  return element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}
