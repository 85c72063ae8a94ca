import { describe, expect, it } from 'vitest';
import { qualityRuleWords } from '../../../shared/contracts/quality-rule-words';

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
    expect(qualityRuleWords(rule)).toBe(words);
  });

  it.each([
    [
      { metric: 'missingValues', arguments: { missingValues: ['', 'n/a'] }, mustBeLessThan: 5, unit: 'percent' },
      "missingValues (missing: '', 'n/a') < 5%",
    ],
    [{ metric: 'nullValues', mustBeBetween: [1, 3], unit: 'percent' }, 'nullValues between 1–3%'],
    [{ metric: 'nullValues', mustBeLessOrEqualTo: 10, unit: 'rows' }, 'nullValues ≤ 10 rows'],
  ])('says the unit its threshold counts in: %j', (rule, words) => {
    expect(qualityRuleWords(rule)).toBe(words);
  });

  it("takes a rule's description where it names no metric", () => {
    expect(qualityRuleWords({ type: 'sql', description: 'No sightings in the future', mustBe: 0 })).toBe(
      'No sightings in the future',
    );
  });
});
