import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { formatHcl } from '../../src/synth/hcl-format';
import { buildStacks } from '../../src/synth/synthesize';
import { renderHcl } from '../../src/synth/hcl';
import { testConfig } from '../helpers/synth';
import { loadConfig } from '../../src/config/load';
import { tempDir } from '../helpers/temp-dir';
import type { Json } from '../helpers/json';

const RAW = [
  'resource "aws_iam_role" "r" {',
  'name = "x"',
  'max_session_duration = 3600',
  'assume_role_policy = <<EOF',
  '{',
  '  "a": "${var.b}"',
  '}',
  'EOF',
  'tags = {',
  '"k:v" = "1"',
  'long_key = "${aws_s3_bucket.b.arn}"',
  'mixed = "${var.a}-${var.b}"',
  '}',
  'list = [',
  '',
  ']',
  '}',
  '',
  '',
  '',
  'output "o" {',
  'value = "${aws_iam_role.r.arn}"',
  '}',
].join('\n');

describe('HCL layout', () => {
  it('indents, aligns, keeps heredocs verbatim, collapses empty lists and unwraps lone interpolations', () => {
    expect(formatHcl(RAW)).toBe(
      [
        'resource "aws_iam_role" "r" {',
        '  name                 = "x"',
        '  max_session_duration = 3600',
        '  assume_role_policy   = <<EOF',
        '{',
        '  "a": "${var.b}"',
        '}',
        'EOF',
        '  tags = {',
        '    "k:v"    = "1"',
        '    long_key = aws_s3_bucket.b.arn',
        '    mixed    = "${var.a}-${var.b}"',
        '  }',
        '  list = []',
        '}',
        '',
        'output "o" {',
        '  value = aws_iam_role.r.arn',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes the quotes cdktf leaves bare in a one-line JSON string with a reference, not those in the reference', () => {
    const raw =
      'resource "x" "y" {\npattern = "{"arn":["${aws_ecs_cluster.c.arn}"],"n":"${jsonencode({"a" = 1})}"}"\n}';
    expect(formatHcl(raw)).toBe(
      'resource "x" "y" {\n  pattern = "{\\"arn\\":[\\"${aws_ecs_cluster.c.arn}\\"],\\"n\\":\\"${jsonencode({"a" = 1})}\\"}"\n}\n',
    );
  });

  it('lays out every stack of the default config as HCL a parser accepts', async () => {
    for (const stack of buildStacks(loadConfig(join(__dirname, '..', '..', 'stackwright.yaml')))) {
      await expect(parse(`${stack.node.id}/main.tf`, renderHcl(stack))).resolves.toHaveProperty('resource');
    }
  });

  it('writes the references of depends_on and ignore_changes bare, as Terraform wants them', () => {
    const raw = [
      'resource "aws_nat_gateway" "n" {',
      'depends_on = [',
      '"aws_internet_gateway.igw",',
      '"module.x.aws_eip.a",',
      ']',
      'tags = [',
      '"aws_not.a_reference",',
      ']',
      'lifecycle {',
      'ignore_changes = [',
      '"desired_count",',
      ']',
      '}',
      '}',
    ].join('\n');
    expect(formatHcl(raw)).toBe(
      [
        'resource "aws_nat_gateway" "n" {',
        '  depends_on = [',
        '    aws_internet_gateway.igw,',
        '    module.x.aws_eip.a,',
        '  ]',
        '  tags = [',
        '    "aws_not.a_reference",',
        '  ]',
        '  lifecycle {',
        '    ignore_changes = [',
        '      desired_count,',
        '    ]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('is idempotent', () => {
    expect(formatHcl(formatHcl(RAW))).toBe(formatHcl(RAW));
  });

  it("means the same to an HCL parser as cdktf's raw output, for the Datadog stack in every mode", async () => {
    for (const datadog of [{}, { externalId: 'manual', permissions: 'full', securityAudit: true }]) {
      const [stack] = buildStacks(testConfig({ datadog }));
      const raw = (stack!.toHclTerraform() as { hcl: string }).hcl;
      const { check, ...ours } = (await parse('main.tf', renderHcl(stack!))) as Record<string, unknown>;
      // A bare reference parses as "${ref}", cdktf's quoted one as "ref": the same reference.
      expect(JSON.parse(JSON.stringify(ours).replace(/"\$\{([\w.-]+)\}"/g, '"$1"'))).toEqual(
        JSON.parse(JSON.stringify(await parse('main.tf', raw)).replace(/"\$\{([\w.-]+)\}"/g, '"$1"')),
      );
      // cdktf's renderer drops the check block an override adds; the review copy has it, as the JSON does.
      const json = stack!.toTerraform() as { check?: Record<string, { assert: Array<{ condition: string }> }> };
      expect(Object.keys((check as object | undefined) ?? {})).toEqual(Object.keys(json.check ?? {}));
      for (const [name, block] of Object.entries(json.check ?? {})) {
        expect((check as Json)[name][0].assert[0].condition).toBe(block.assert[0]!.condition);
      }
    }
  });

  // terraform fmt is the reference layout; the Terraform CLI is on developer and CI machines of this project.
  const terraform = ['/usr/local/bin/terraform', '/usr/bin/terraform'].find((p) => {
    try {
      execFileSync(p, ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  (terraform ? it : it.skip)('is what terraform fmt would write', () => {
    const dir = tempDir('sw-fmt-');
    const configs = [{ externalId: 'manual', permissions: 'full' }, {}]; // manual (variable validation), managed (check)
    configs.forEach((datadog, i) =>
      writeFileSync(join(dir, `main${i}.tf`), renderHcl(buildStacks(testConfig({ datadog }))[0]!)),
    );
    expect(
      execFileSync(terraform!, ['fmt', '-check', '-diff', dir], {
        encoding: 'utf8',
        env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
      }),
    ).toBe('');
  });
});
