import { hclString, renderCheckBlocks } from '../../src/synth/hcl-checks';

describe('check blocks in the HCL review copy', () => {
  it('renders data sources and asserts: whole templates bare, other strings quoted, other values as JSON', () => {
    const json = {
      check: {
        c1: {
          data: { aws_x: { d: { name: 'a"b', count: 2, ref: '${aws_y.z.id}' } } },
          assert: [{ condition: '${data.aws_x.d.count > 1}', error_message: 'say "${data.aws_x.d.name}"\n' }],
        },
      },
    };
    expect(renderCheckBlocks(json)).toBe(
      [
        'check "c1" {',
        'data "aws_x" "d" {',
        'name = "a\\"b"',
        'count = 2',
        'ref = aws_y.z.id',
        '}',
        'assert {',
        'condition = data.aws_x.d.count > 1',
        'error_message = "say \\"${data.aws_x.d.name}\\"\\n"',
        '}',
        '}',
      ].join('\n'),
    );
  });

  it('renders nothing for a stack without check blocks', () => {
    expect(renderCheckBlocks({ resource: {} })).toBe('');
  });

  it('escapes quotes and backslashes outside ${...} only, nested braces included', () => {
    expect(hclString('${merge({a = "1"})}"\\')).toBe('"${merge({a = "1"})}\\"\\\\"');
  });
});
