import { type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react';
import { importAgain } from './import-again';
import { PartBoundary } from './part-boundary';

type Loader<Props> = () => Promise<{ default: ComponentType<Props> }>;

/**
 * A component whose code loads on first use, which shows in its place why it could not load, with
 * a Retry that loads it again (React keeps a failed lazy component failed, so Retry makes a new one).
 */
export function lazyPart<Props extends object>(part: string, load: Loader<Props>, fallback: ReactNode = null) {
  let Loaded = lazy(load);
  // biome-ignore lint/correctness/noComponentHookFactories: called once per chunk at module level, as React's lazy() is
  function LazyPart(props: Props) {
    const [, setAttempts] = useState(0);
    const retry = () => {
      Loaded = lazy(() => importAgain(load));
      setAttempts((attempts) => attempts + 1);
    };
    return (
      <PartBoundary part={part} onRetry={retry}>
        <Suspense fallback={fallback}>
          <Loaded {...props} />
        </Suspense>
      </PartBoundary>
    );
  }
  return LazyPart;
}
