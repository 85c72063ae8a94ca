import type { ReactNode } from 'react';

/** A collapsible group of fields; the first ones start open, the long tail closed. */
export function InspectorSection({
  title,
  open = false,
  children,
}: {
  title: string;
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <details className="inspector-section" open={open}>
      <summary>{title}</summary>
      <div className="inspector-section__body">{children}</div>
    </details>
  );
}
