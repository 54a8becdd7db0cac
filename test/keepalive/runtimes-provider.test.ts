import { pythonRuntimes, nodeRuntimes } from '../../src/keepalive/variants';
import { RECONCILER_SETTINGS } from '../../src/ecs/reconciler/reconciler-settings';
import { synthKeepalive } from './helpers';

/**
 * The first hashicorp/aws release that accepts each runtime: the provider validates `runtime` against the
 * aws-sdk-go-v2 Lambda enum it is built with. Source: hashicorp/terraform-provider-aws pull request #45024 ("Update
 * CHANGELOG for AWS Lambda Node.js 24, Java 25 and Python 3.14", merged), which says: "Tested and
 * terraform-provider-aws 6.19.0 allows for the creation of a nodejs24.x Lambda runtime function" and "Tested and
 * terraform-provider-aws 6.20.0 allows for the creation of a python3.14 Lambda runtime function". Older runtimes were
 * accepted long before any 6.x release.
 */
const FIRST_ACCEPTED: Record<string, string> = { 'nodejs24.x': '6.19.0', 'python3.14': '6.20.0' };

const parts = (version: string): number[] => version.split('.').map(Number);
const atLeast = (version: string, minimum: string): boolean => {
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
};

describe('Lambda runtimes against the pinned AWS provider', () => {
  it('every runtime Stackwright can emit is accepted by the hashicorp/aws version the stacks pin', async () => {
    const { json } = await synthKeepalive();
    const pinned = (json.terraform as { required_providers: { aws: { version: string } } }).required_providers.aws
      .version;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const emitted = [...pythonRuntimes, ...nodeRuntimes, RECONCILER_SETTINGS.runtime];
    const tooOld = emitted.filter((runtime) => runtime in FIRST_ACCEPTED && !atLeast(pinned, FIRST_ACCEPTED[runtime]));
    expect(tooOld).toEqual([]);
    // The check has teeth: a pin older than the PR's versions would be reported.
    expect(atLeast('6.18.0', FIRST_ACCEPTED['nodejs24.x'])).toBe(false);
    expect(atLeast('6.19.9', FIRST_ACCEPTED['python3.14'])).toBe(false);
  });
});
