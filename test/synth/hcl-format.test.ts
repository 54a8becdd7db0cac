import { parse } from '@cdktf/hcl2json';
import { REQUIRED_TERRAFORM_VERSION } from '../../src/core/stackwright-stack';
import { formatHcl } from '../../src/synth/hcl-format';
import { buildStacks } from '../../src/synth/synthesize';
import { renderHcl } from '../../src/synth/hcl';
import { testConfig } from '../helpers/synth';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load';
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
      // cdktf writes the terraform block's required_version as `0 = "required_version"`, which no parser accepts
      // (src/synth/hcl.ts): compared with that one line as it should be, and the JSON's value.
      expect(raw).toContain('0 = "required_version"');
      const rawFixed = raw.replace('0 = "required_version"', `required_version = "${REQUIRED_TERRAFORM_VERSION}"`);
      const { check, ...ours } = (await parse('main.tf', renderHcl(stack!))) as Record<string, unknown>;
      // A bare reference parses as "${ref}", cdktf's quoted one as "ref": the same reference.
      const unquoted = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/"\$\{([\w.-]+)\}"/g, '"$1"')) as unknown;
      expect(unquoted(ours)).toEqual(unquoted(await parse('main.tf', rawFixed)));
      expect((ours.terraform as Json)[0].required_version).toBe(REQUIRED_TERRAFORM_VERSION);
      // cdktf's renderer drops the check block an override adds; the review copy has it, as the JSON does.
      const json = stack!.toTerraform() as { check?: Record<string, { assert: Array<{ condition: string }> }> };
      expect(Object.keys((check as object | undefined) ?? {})).toEqual(Object.keys(json.check ?? {}));
      for (const [name, block] of Object.entries(json.check ?? {})) {
        expect((check as Json)[name][0].assert[0].condition).toBe(block.assert[0]!.condition);
      }
    }
  });
});
