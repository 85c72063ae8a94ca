import { z } from 'zod';
import { quoted } from './isolated-names';

export const RuleSeveritySchema = z.enum(['off', 'info', 'warning', 'error']);
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;

/**
 * A rule's severity alone, or with the reason it was set: a rule turned off should say why. The
 * object form is there to give a reason, so it needs one whatever the severity.
 */
export const RulePolicySchema = z.union([
  RuleSeveritySchema,
  z.strictObject({ severity: RuleSeveritySchema, reason: z.string().trim().min(1) }),
]);
export type RulePolicy = z.infer<typeof RulePolicySchema>;

/** Any value as the app reads it; the published JSON Schema gives it RulePolicySchema's form, so editors flag the rest. */
export const PolicyEntrySchema = z.unknown();

/** The classification words ODCS names as examples, ranked least strict first as the common four-level scheme does. */
export const COMMON_CLASSIFICATION_LEVELS: readonly string[] = ['public', 'internal', 'confidential', 'restricted'];

/**
 * Per-mesh overrides of governance rule severities, keyed by rule id: policies as code. An entry
 * is kept as written, even one `readRulePolicy` refuses: a typo in one policy is a
 * `policy-entries` finding, never a reason to lock the whole design out. `classificationLevels`
 * ranks a company's own classification words, least strict first, in place of the common four.
 */
export const PoliciesSchema = z.strictObject({
  rules: z.record(z.string(), PolicyEntrySchema),
  classificationLevels: z.array(z.string().trim().min(1)).optional(),
});
export type Policies = z.infer<typeof PoliciesSchema>;

/** The classification words the design ranks, least strict first. */
export function classificationLevelsOf(policies: Policies): readonly string[] {
  return policies.classificationLevels ?? COMMON_CLASSIFICATION_LEVELS;
}

/**
 * The words ranked before `public`, each then less strict than public data, which is never
 * sensitive: a ranking that would let a public copy keep them. None where `public` comes first or not at all.
 */
export function levelsRankedBelowPublic(levels: readonly string[] | undefined): readonly string[] {
  const publicAt = levels?.findIndex((level) => level.trim().toLowerCase() === 'public') ?? -1;
  return levels && publicAt > 0 ? levels.slice(0, publicAt) : [];
}

/** A word a ranking names again after its first place, as spelt each time, and the words ranked between. */
export interface LevelRankedTwice {
  first: string;
  again: string;
  /** Ranked above its first place and below the later one: a copy of its data classified so keeps only the first place. */
  between: readonly string[];
}

/**
 * Each word `levels` ranks more than once, ignoring capitals and surrounding spaces as
 * classifications are matched (`pii`, then `PII`): only its first place counts, so the later one ranks nothing.
 */
export function levelsRankedTwice(levels: readonly string[] | undefined): LevelRankedTwice[] {
  const normalized = (levels ?? []).map((level) => level.trim().toLowerCase());
  return (levels ?? []).flatMap((again, at) => {
    const firstAt = normalized.indexOf(normalized[at] as string);
    if (firstAt === at) return [];
    return [{ first: levels?.[firstAt] as string, again, between: levels?.slice(firstAt + 1, at) ?? [] }];
  });
}

/**
 * The pairs of the common four words (`public` aside: see `levelsRankedBelowPublic`) that `levels`
 * ranks against the common order, each as [the stricter word, the one it is ranked below]: the
 * ranking would let a copy of `restricted` data be classified `internal`.
 */
export function commonLevelsInverted(levels: readonly string[] | undefined): [string, string][] {
  const rankOf = (level: string) => COMMON_CLASSIFICATION_LEVELS.indexOf(level.trim().toLowerCase());
  const common = (levels ?? []).filter((level) => rankOf(level) > 0);
  return common.flatMap((stricter, at) =>
    common
      .slice(at + 1)
      .flatMap((ranked): [string, string][] => (rankOf(stricter) > rankOf(ranked) ? [[stricter, ranked]] : [])),
  );
}

/** What ranking `stricter` below `ranked` (a pair of `commonLevelsInverted`) risks, after "ranks": for a design's policies and an organisation's file alike. */
export function inversionOfCommonOrder(stricter: string, ranked: string): string {
  return `${quoted(stricter)} below ${quoted(ranked)}, against the common order (${COMMON_CLASSIFICATION_LEVELS.join(', ')}): a copy of ${stricter} data could be classified ${quoted(ranked)}`;
}

const SEVERITY_CHOICES = `severity must be one of ${['error', 'warning', 'info', 'off'].join(', ')}`;

/** A policy entry as the rules apply it, or why it cannot be applied. */
export function readRulePolicy(entry: unknown): { ok: true; value: RulePolicy } | { ok: false; error: string } {
  const parsed = RulePolicySchema.safeParse(entry);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: whyNoPolicy(entry) };
}

function whyNoPolicy(entry: unknown): string {
  if (typeof entry === 'string') return `${SEVERITY_CHOICES} (got '${entry}')`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    return `it must be a severity or { "severity": …, "reason": "why" } (got ${JSON.stringify(entry)})`;
  const { severity, reason, ...others } = entry as Record<string, unknown>;
  const extraKeys = Object.keys(others);
  if (extraKeys.length > 0)
    return `an entry has only "severity" and "reason" (got ${extraKeys.map((key) => `"${key}"`).join(', ')})`;
  if (!RuleSeveritySchema.safeParse(severity).success)
    return `${SEVERITY_CHOICES} (got ${severity === undefined ? 'none' : `'${String(severity)}'`})`;
  if (reason === undefined && severity === 'off')
    return `a reason is required with { "severity": "off" }; add a "reason", since a rule turned off without one is itself a finding`;
  if (reason === undefined)
    return `a reason is required with { "severity": … }; write "${String(severity)}" alone, or add a "reason"`;
  if (typeof reason !== 'string') return `the reason must be text (got ${JSON.stringify(reason)})`;
  return 'the reason is empty; a reason says why';
}
