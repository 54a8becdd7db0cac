import { synthesize } from '../../../src/synth/synthesize';
import { listStacks } from '../../../src/synth/stack-list';
import { testConfig } from '../../helpers/synth';
import type { Json } from '../../helpers/json';
import { TEST_LISTENER_CIDRS } from './helpers';

/** Text generated from the config says what that config does: its variants, architectures and output folder. */
describe('sidecar text follows the config', () => {
  const config = (section: Record<string, unknown>) =>
    testConfig({ sidecar: { listenerCidrs: TEST_LISTENER_CIDRS, ...section } });

  test('`list` names only the variants and architectures configured', () => {
    const [arm] = listStacks(config({ variants: ['sharedvol'], architectures: ['ARM64'] }));
    expect(arm!.summary).toBe(
      'Fargate benchmark: nginx -> gunicorn/starlette over a shared volume, arm64, behind one ALB',
    );
    const [all] = listStacks(config({}));
    expect(all!.summary).toBe(
      'Fargate benchmark: nginx -> gunicorn/starlette over tcp, a shared volume or one container, x86_64 and arm64, behind one ALB',
    );
  });

  test("the README's routing example is a configured deployment, and bench_command runs in the stack's folder, whatever -o says", async () => {
    const [stack] = await synthesize(config({ variants: ['combined', 'sharedvol'], architectures: ['ARM64'] }), {
      hcl: false,
    });
    const readme = stack!.files.get('README.md') as string;
    expect(readme).toContain('forwards its path prefix (`/sharedvol-arm64` and\n`/sharedvol-arm64/*`)');
    expect(readme).not.toContain('tcp-x86_64');
    expect(readme).toContain('Two of the three shapes of "Container-to-Container Communication"');
    expect(readme).not.toContain('- `tcp`');
    const command = 'npx stackwright bench remote --from-terraform .';
    expect((stack!.json as Json).output.bench_command.value).toBe(command);
    expect(readme).toContain(`\`${command}\``);
  });
});
