import { type EvaluationResult, runSimulation } from '@cloud-copilot/iam-simulate';

/** The account that owns every simulated resource: the one the tests' ARNs are written for. */
export const SIMULATED_ACCOUNT = '123456789012';

export interface SimulatedRequest {
  /** ARN of the caller (for a trust policy: the one assuming the role). */
  readonly principal: string;
  /** `service:Action`, as AWS spells it. */
  readonly action: string;
  /** ARN of the resource acted on (owned by SIMULATED_ACCOUNT), or `*`. */
  readonly resource: string;
  /** Policy documents attached to the caller. */
  readonly identityPolicies: readonly unknown[];
  /** The resource's own policy, e.g. a role's trust policy. @default none */
  readonly resourcePolicy?: unknown;
  /** Request context keys, e.g. `{ 'sts:ExternalId': '...' }`. @default none */
  readonly context?: Readonly<Record<string, string | string[]>>;
  /** The account that owns the resource (a target's account, for a config with targets). @default SIMULATED_ACCOUNT */
  readonly resourceAccount?: string;
}

/**
 * How IAM decides one request, by @cloud-copilot/iam-simulate (no SCPs or RCPs beyond AWS's defaults). Throws when
 * the simulator rejects the input (an invalid policy, an unknown action), so a typo cannot pass as "denied".
 */
export async function simulate(request: SimulatedRequest): Promise<EvaluationResult> {
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.resourceAccount ?? SIMULATED_ACCOUNT },
        contextVariables: { ...request.context },
      },
      identityPolicies: request.identityPolicies.map((policy, i) => ({ name: `policy-${i + 1}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(request.resourcePolicy === undefined ? {} : { resourcePolicy: request.resourcePolicy }),
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`IAM simulation input rejected: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}
