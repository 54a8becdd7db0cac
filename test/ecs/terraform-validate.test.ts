import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp-dir';

const GENERATED = join(__dirname, '..', '..', 'generated', 'ecs');
/** The real AWS provider, mirrored on this machine (see REFERENCE.md); nothing is downloaded. */
const MIRROR = '/opt/tf-plugins';
const MIRRORED_AWS = '5.100.0';

function terraform(dir: string, args: string[]) {
  return spawnSync('terraform', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'), TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' },
  });
}

describe('the generated ECS stack, by the real Terraform and AWS provider', () => {
  it('passes terraform validate: capacity provider, launch template, services with depends_on, FIFO queue, event source mapping', () => {
    const dir = tempDir('ecs-validate-');
    cpSync(join(GENERATED, 'assets'), join(dir, 'assets'), { recursive: true });
    const json = JSON.parse(readFileSync(join(GENERATED, 'cdk.tf.json'), 'utf8'));
    // The mirror holds provider 5.100, which predates the nodejs24.x runtime; everything else is validated as written.
    json.terraform = { required_providers: { aws: { source: 'hashicorp/aws', version: MIRRORED_AWS } } };
    for (const fn of Object.values(json.resource.aws_lambda_function) as { runtime: string }[]) fn.runtime = fn.runtime.replace('nodejs24.x', 'nodejs22.x');
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(json));
    writeFileSync(join(dir, 'cli.tfrc'), `provider_installation {\n  filesystem_mirror {\n    path = "${MIRROR}"\n  }\n}\n`);

    const init = terraform(dir, ['init', '-input=false', '-backend=false', '-no-color']);
    expect({ status: init.status, stderr: init.stderr }).toEqual({ status: 0, stderr: '' });
    const validate = terraform(dir, ['validate', '-no-color', '-json']);
    const result = JSON.parse(validate.stdout);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  }, 180_000);
});
