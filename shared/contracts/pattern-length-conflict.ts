import type { ContractProperty } from '../model/contract';
import { patternLengths } from './pattern-lengths';
import { tightestUpperLimit } from './physical-limit-conflicts';

/** A property's pattern whose matches are all too long for its length limit, or all too short for its minimum. */
export interface PatternLengthConflict {
  pattern: string;
  /** The lengths of the values it matches, in words: `12`, `at least 4`, `2 to 4`. */
  matchLengths: string;
  /** The limit no match keeps, as the contract writes it (`varchar(10)`, `maxLength 10`), and which way it bounds. */
  limit: { said: string; length: number; bounds: 'at most' | 'at least' };
}

/**
 * Where a property's `logicalTypeOptions.pattern` can match no value of a length it allows: its
 * shortest match longer than `maxLength` or the length its `physicalType` states (the tighter),
 * or its longest match (when the pattern bounds it) shorter than `minLength`.
 */
export function patternLengthConflictOf(property: ContractProperty): PatternLengthConflict | undefined {
  const options = (property.extensions?.logicalTypeOptions ?? {}) as Record<string, unknown>;
  const { pattern, minLength } = options;
  if (typeof pattern !== 'string') return undefined;
  const lengths = patternLengths(pattern);
  if (!lengths) return undefined;
  const { shortest, longest } = lengths;
  const matchLengths =
    longest === undefined ? `at least ${shortest}` : longest === shortest ? `${shortest}` : `${shortest} to ${longest}`;
  const upper = tightestUpperLimit(property);
  if (upper && shortest > upper.length) return { pattern, matchLengths, limit: { ...upper, bounds: 'at most' } };
  if (typeof minLength === 'number' && longest !== undefined && longest < minLength) {
    return { pattern, matchLengths, limit: { said: `minLength ${minLength}`, length: minLength, bounds: 'at least' } };
  }
  return undefined;
}
