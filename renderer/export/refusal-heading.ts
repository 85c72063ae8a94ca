import type { ExportProblem, ExportTarget } from '../../shared/export';

/**
 * What heads the problems that stop an export: the formats they stop, when the other formats
 * chosen would export without them (unchecked), or that nothing can be exported.
 */
export function refusalHeading(errors: readonly ExportProblem[], chosen: readonly ExportTarget[]): string {
  const stopped = new Set(errors.map((error) => error.targetId));
  const blocked = chosen.filter((target) => stopped.has(target.id));
  // A problem of no one format (a scope, a path in the bundle) stops every format.
  if (stopped.has(undefined) || blocked.length === chosen.length)
    return 'Nothing can be exported until these are fixed:';
  const labels = blocked.map((target) => target.label).join(', ');
  return `${labels} cannot be exported until these are fixed; uncheck ${blocked.length === 1 ? 'it' : 'them'} to export the other formats:`;
}
