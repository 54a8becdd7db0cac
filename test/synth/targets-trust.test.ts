import { join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { hasTargets } from '../../src/config/config-file';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { datadogAccountFor } from '../../src/datadog/sites';
import { synthesize, type SynthesizedStack } from '../../src/synth/synthesize';
import { simulate } from '../helpers/iam-simulation';
import { onlyResource } from '../helpers/synth';
import type { Json } from '../helpers/json';

/**
 * Cross-account trust, per target of the five-account example, by IAM simulation. What it relies on: "To allow
 * users from another account to assume a role, the trust policy must name that account as a principal", and "the
 * ExternalId condition ... the role can be assumed only when the correct external ID is presented"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html). Datadog's account
 * per site and partition is Datadog's own list (src/datadog/sites.ts cites it).
 */
const EXAMPLE = join(PROJECT_ROOT, 'examples/targets/datadog-organisation.yaml');

/** A distinct stand-in for each target's external ID (Terraform fills in the real one at apply). */
const externalIdOf = (target: string) => `external-id-of-${target}`;

interface TargetRole {
  target: string;
  partition: string;
  account: string;
  site: string;
  arn: string;
  trust: Json;
  externalIdRef: string;
}

let roles: TargetRole[] = [];

beforeAll(async () => {
  const config = loadConfig(EXAMPLE);
  if (!hasTargets(config)) throw new Error('the example has targets');
  const { targets } = config;
  const stacks = await synthesize(config, { hcl: false, only: ['datadog'] });
  roles = stacks.map((s: SynthesizedStack) => {
    const json = s.json as Json;
    const role = onlyResource(json, 'aws_iam_role');
    const policy = String(role.assume_role_policy);
    const refs = [...policy.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]!);
    const target = s.folder!.target!;
    const t = targets.find((x) => x.name === target)!;
    const partition = t.partition;
    return {
      target,
      partition,
      account: s.folder!.accountId!,
      site: t.stacks.datadog!.site,
      arn: `arn:${partition}:iam::${s.folder!.accountId}:role/${String(role.name)}`,
      trust: JSON.parse(policy.replace(/\$\{[^}]+\}/g, () => externalIdOf(target))) as Json,
      externalIdRef: refs[0] ?? '',
    };
  });
});

function mayAssume(role: TargetRole, principal: string, externalId: string): Promise<string> {
  return simulate({
    principal,
    action: 'sts:AssumeRole',
    resource: role.arn,
    resourceAccount: role.account,
    identityPolicies: [
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] },
    ],
    resourcePolicy: role.trust,
    context: { 'sts:ExternalId': externalId },
  });
}

const datadogPrincipal = (partition: string, account: string) =>
  `arn:${partition}:iam::${account}:role/DatadogAWSIntegrationRole`;

describe('Datadog trust per target (IAM simulation)', () => {
  it('covers all five targets, two of them GovCloud on ddog-gov.com', () => {
    expect(roles.map((r) => [r.target, r.partition, r.site])).toEqual([
      ['gov-dev', 'aws-us-gov', 'ddog-gov.com'],
      ['gov-prod', 'aws-us-gov', 'ddog-gov.com'],
      ['prod', 'aws', 'datadoghq.com'],
      ['security', 'aws', 'datadoghq.com'],
      ['staging', 'aws', 'datadoghq.com'],
    ]);
  });

  it("each trust policy uses its own folder's external ID: the managed resource or the manual variable", () => {
    expect(Object.fromEntries(roles.map((r) => [r.target, r.externalIdRef]))).toEqual({
      'gov-dev': 'var.datadog_external_id',
      'gov-prod': 'datadog_integration_aws_external_id.external_id.id',
      prod: 'datadog_integration_aws_external_id.external_id.id',
      security: 'var.datadog_external_id',
      staging: 'datadog_integration_aws_external_id.external_id.id',
    });
  });

  it("only Datadog's account for the target's site and partition assumes the role, only with that target's external ID", async () => {
    for (const role of roles) {
      const datadog = datadogAccountFor(role.site as never, role.partition as never)!;
      const principal = datadogPrincipal(role.partition, datadog);
      expect([role.target, await mayAssume(role, principal, externalIdOf(role.target))]).toEqual([
        role.target,
        'Allowed',
      ]);
      for (const other of roles.filter((r) => r.target !== role.target))
        expect([role.target, other.target, await mayAssume(role, principal, externalIdOf(other.target))]).toEqual([
          role.target,
          other.target,
          'ImplicitlyDenied',
        ]);
      // Datadog's commercial account cannot assume a GovCloud target's role, nor US1-FED's a commercial one.
      const wrong = role.partition === 'aws' ? datadogAccountFor('ddog-gov.com', 'aws')! : '464622532012';
      expect([
        role.target,
        await mayAssume(role, datadogPrincipal(role.partition, wrong), externalIdOf(role.target)),
      ]).toEqual([role.target, 'ImplicitlyDenied']);
      // Nor can another target's account, with the right external ID.
      const peer = roles.find((r) => r.partition === role.partition && r.target !== role.target)!;
      expect([
        role.target,
        await mayAssume(role, datadogPrincipal(role.partition, peer.account), externalIdOf(role.target)),
      ]).toEqual([role.target, 'ImplicitlyDenied']);
    }
  });
});
