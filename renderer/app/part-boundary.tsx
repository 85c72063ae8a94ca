import { Component, type ErrorInfo, type ReactNode } from 'react';
import './part-boundary.css';

interface PartBoundaryProps {
  /** What the user calls this part, as in "The export dialog could not be loaded". */
  part: string;
  /** Called before the part is drawn again; a lazily loaded part loads its chunk again there. */
  onRetry?: () => void;
  children: ReactNode;
}

interface PartBoundaryState {
  error: Error | null;
}

/**
 * A part of the window that failed (its chunk did not load, or it threw while drawing) shows why
 * in its place, with a Retry, and the rest of the window goes on working: without a boundary React
 * takes the whole window down with it.
 */
export class PartBoundary extends Component<PartBoundaryProps, PartBoundaryState> {
  override state: PartBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): PartBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.part} failed:`, error, info.componentStack);
  }

  private retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="part-failure" role="alert">
        <p>
          The {this.props.part} could not be loaded: {error.message}
        </p>
        <button type="button" onClick={this.retry}>
          Retry
        </button>
      </div>
    );
  }
}
