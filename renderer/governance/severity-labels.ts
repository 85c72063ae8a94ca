import type { Severity } from '../../shared/validation/finding';

/** How each severity is named and signed, the same in the status bar, the problems panel and the canvas badges. */
export const SEVERITY_LABELS: Record<Severity, { one: string; many: string; icon: string }> = {
  error: { one: 'error', many: 'errors', icon: '✖' },
  warning: { one: 'warning', many: 'warnings', icon: '▲' },
  info: { one: 'info', many: 'infos', icon: 'ℹ' },
};
