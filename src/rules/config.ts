import { z } from 'zod';
import { didYouMean } from '../core/did-you-mean';
import { RULE_IDS } from './ids';

/**
 * Config section `rules`: lower a rule to a warning, suppress it for one resource with a reason, or raise it to an
 * error (every rule is one by default), which also overrides a suppression declared in code.
 */
export const ruleOverrideSchema = z
  .strictObject({
    rule: z.string().regex(/^[A-Z][A-Za-z0-9]*-[A-Za-z0-9-]+$/, 'a rule id such as ECS-FargateTaskSize'),
    /** Terraform address (`aws_iam_policy.x`), `<stack>/<address>`, or `*` for every resource. */
    resource: z.string().min(1).default('*'),
    level: z.enum(['error', 'warning', 'suppressed']),
    reason: z.string().min(10, 'an override needs a written reason of at least 10 characters'),
  })
  .superRefine((o, ctx) => {
    if (!RULE_IDS.includes(o.rule)) {
      const hint = didYouMean(o.rule, RULE_IDS);
      const allowed = hint ? `${hint} \`stackwright check --list\` lists every rule` : RULE_IDS.join(', ');
      ctx.addIssue({ code: 'custom', path: ['rule'], message: `unknown rule '${o.rule}'`, params: { allowed } });
    }
  });
export const rulesConfigSchema = z.strictObject({ overrides: z.array(ruleOverrideSchema).default([]) });
export type RulesConfig = z.infer<typeof rulesConfigSchema>;
export type RuleOverride = RulesConfig['overrides'][number];
