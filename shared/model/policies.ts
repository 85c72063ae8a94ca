import { z } from 'zod';

export const RuleSeveritySchema = z.enum(['off', 'info', 'warning', 'error']);
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;

/** A rule's severity alone, or with the reason it was set: a rule turned off should say why. */
export const RulePolicySchema = z.union(
  [
    RuleSeveritySchema,
    z.strictObject({
      severity: RuleSeveritySchema,
      reason: z.string().trim().min(1, { error: 'a reason says why: it cannot be empty' }),
    }),
  ],
  // Zod's own message for a value no alternative takes is "Invalid input".
  { error: `must be 'error', 'warning', 'info' or 'off', or { "severity": one of them, "reason": "why" }` },
);
export type RulePolicy = z.infer<typeof RulePolicySchema>;

/** Per-mesh overrides of governance rule severities, keyed by rule id: policies as code. */
export const PoliciesSchema = z.strictObject({
  rules: z.record(z.string(), RulePolicySchema),
});
export type Policies = z.infer<typeof PoliciesSchema>;
