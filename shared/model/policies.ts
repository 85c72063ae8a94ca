import { z } from 'zod';

export const RuleSeveritySchema = z.enum(['off', 'info', 'warning', 'error']);
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;

/** Per-mesh overrides of governance rule severities, keyed by rule id. */
export const PoliciesSchema = z.strictObject({
  rules: z.record(z.string(), RuleSeveritySchema),
});
export type Policies = z.infer<typeof PoliciesSchema>;
