import { simulate } from '../helpers/iam-simulation';
import { onlyResource } from '../helpers/synth';
import { parsePolicy, synthDatadog } from './helpers';

const EXTERNAL_ID = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/DatadogIntegrationRole';

/** May `principal` assume the synthesized role, presenting `externalId`? Evaluated by IAM simulation. */
function mayAssume(trust: unknown, principal: string, externalId?: string): Promise<string> {
  return simulate({
    principal,
    action: 'sts:AssumeRole',
    resource: ROLE_ARN,
    // The caller's own side allows AssumeRole, so the trust policy alone decides.
    identityPolicies: [
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] },
    ],
    resourcePolicy: trust,
    context: externalId === undefined ? {} : { 'sts:ExternalId': externalId },
  });
}

describe.each(['managed', 'manual'])('trust policy by IAM simulation (%s mode)', (externalId) => {
  let trust: unknown;
  beforeAll(async () => {
    const json = await synthDatadog({ externalId });
    // Terraform fills the reference in at apply time; the simulation uses a known value in its place.
    trust = parsePolicy(onlyResource(json, 'aws_iam_role').assume_role_policy, () => EXTERNAL_ID);
  });

  it("lets Datadog's account assume the role with the right external ID", async () => {
    expect(await mayAssume(trust, 'arn:aws:iam::464622532012:role/DatadogAWSIntegrationRole', EXTERNAL_ID)).toBe(
      'Allowed',
    );
  });

  it('refuses a wrong external ID', async () => {
    expect(await mayAssume(trust, 'arn:aws:iam::464622532012:role/DatadogAWSIntegrationRole', 'guessed')).toBe(
      'ImplicitlyDenied',
    );
  });

  it('refuses a missing external ID', async () => {
    expect(await mayAssume(trust, 'arn:aws:iam::464622532012:role/DatadogAWSIntegrationRole')).toBe('ImplicitlyDenied');
  });

  it('refuses any other account, even with the right external ID', async () => {
    expect(await mayAssume(trust, 'arn:aws:iam::417141415827:role/DatadogAWSIntegrationRole', EXTERNAL_ID)).toBe(
      'ImplicitlyDenied',
    );
    expect(await mayAssume(trust, 'arn:aws:iam::123456789012:role/SomeoneElse', EXTERNAL_ID)).toBe('ImplicitlyDenied');
  });
});
