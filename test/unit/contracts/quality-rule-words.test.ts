import { describe, expect, it } from 'vitest';
import { qualityRuleWords } from '../../../shared/contracts/quality-rule-words';

/** The rule's words as they read, what is shown as written in backquotes. */
function said(rule: Record<string, unknown>): string {
  return qualityRuleWords(rule)
    .map(({ words, code }) => [words, code === undefined ? '' : `\`${code}\``].filter(Boolean).join(' '))
    .join(' ');
}

describe('how the Preview words a quality rule', () => {
  it.each([
    [{ metric: 'nullValues', mustBe: 0 }, 'nullValues = 0'],
    [
      { metric: 'missingValues', arguments: { missingValues: [null, '', 'N/A'] }, mustBe: 0 },
      "missingValues (missing: null, '', 'N/A') = 0",
    ],
    [
      { metric: 'invalidValues', arguments: { validValues: [1, 2, 3] }, mustBe: 0 },
      'invalidValues (valid: 1, 2, 3) = 0',
    ],
    [
      { metric: 'invalidValues', arguments: { pattern: '^[a-z]{4}$' }, mustBe: 0 },
      'invalidValues (pattern: ^[a-z]{4}$) = 0',
    ],
    [
      {
        metric: 'duplicateValues',
        arguments: { properties: ['observer_id', 'species_code', 'observed_at'] },
        mustBe: 0,
      },
      'duplicateValues (observer_id, species_code, observed_at) = 0',
    ],
    [{ metric: 'rowCount', mustBeGreaterThan: 1000 }, 'rowCount > 1000'],
    [{ metric: 'rowCount', mustBeBetween: [10, 20] }, 'rowCount between 10–20'],
  ])('shows every argument of an ODCS v3.1 library metric: %j', (rule, words) => {
    expect(said(rule)).toBe(words);
  });

  it.each([
    [
      { metric: 'missingValues', arguments: { missingValues: ['', 'n/a'] }, mustBeLessThan: 5, unit: 'percent' },
      "missingValues (missing: '', 'n/a') < 5%",
    ],
    [{ metric: 'nullValues', mustBeBetween: [1, 3], unit: 'percent' }, 'nullValues between 1–3%'],
    [{ metric: 'nullValues', mustBeLessOrEqualTo: 10, unit: 'rows' }, 'nullValues ≤ 10 rows'],
  ])('says the unit its threshold counts in: %j', (rule, words) => {
    expect(said(rule)).toBe(words);
  });

  it("takes a rule's description where it names no metric", () => {
    expect(said({ type: 'text', description: 'No sightings in the future' })).toBe('No sightings in the future');
  });

  it('shows an SQL rule its query, on one line as written, and the threshold its result must meet', () => {
    expect(
      said({ type: 'sql', query: 'SELECT count(*)\n  FROM sightings\n  WHERE observed_at > now()\n', mustBe: 0 }),
    ).toBe('`SELECT count(*) FROM sightings WHERE observed_at > now()` must be 0');
    expect(said({ type: 'sql', query: 'SELECT count(*) FROM scans', mustBeBetween: [10, 20], unit: 'rows' })).toBe(
      '`SELECT count(*) FROM scans` must be between 10–20 rows',
    );
  });

  it("says an SQL rule's description before its query", () => {
    expect(
      said({ type: 'sql', description: 'No sightings in the future', query: 'SELECT 1', mustBeLessOrEqualTo: 5 }),
    ).toBe('No sightings in the future: `SELECT 1` must be at most 5');
  });
});
