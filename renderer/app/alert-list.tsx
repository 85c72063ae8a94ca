import type { ReactNode } from 'react';

/**
 * A list of problems read out as it appears. The live region wraps the list: role="alert" on the
 * <ul> itself would take away its list role, leaving its items outside any list (axe listitem).
 */
export function AlertList({
  className,
  testId,
  children,
}: {
  className: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div role="alert" data-testid={testId}>
      <ul className={className}>{children}</ul>
    </div>
  );
}
