import { parse } from '@cdktf/hcl2json';
import { asHeredoc } from '../../src/synth/hcl-heredoc';
import { formatHcl } from '../../src/synth/hcl-format';

// Terraform language docs, "Strings and Templates" > "Heredoc Strings": with `<<-`, "Terraform analyses the lines in
// the sequence to find the one with the smallest number of leading spaces, and then trims that many spaces from the
// beginning of all of the lines". The body is indented one level below the attribute, so at least one line must
// start unindented for the trim to restore it exactly.
describe('multi-line strings in the HCL review copy', () => {
  it('become an indented heredoc inside the call, the call closing after the marker', () => {
    expect(
      asHeredoc('base64encode("#!/bin/bash\\nset -eu\\n  echo \\"hi\\" \\\\ done\\n\\necho $${HOME}\\n")', '  '),
    ).toEqual({
      value: 'base64encode(<<-EOT',
      body: ['    #!/bin/bash', '    set -eu', '      echo "hi" \\ done', '', '    echo $${HOME}', '  EOT', '  )'],
    });
    expect(asHeredoc('"a\\nb\\n"', '')).toEqual({ value: '<<-EOT', body: ['  a', '  b', 'EOT'] });
  });

  it('pick a marker no line of the text equals', () => {
    expect(asHeredoc('"EOT\\nEOT_\\n"', '')?.value).toBe('<<-EOT__');
  });

  it.each([
    ['one line', '"no newline at all"'],
    ['no final newline', '"a\\nb"'],
    ['an interpolation', '"a\\n${var.x}\\n"'],
    ['a template directive', '"a\\n%{ if true }x%{ endif }\\n"'],
    ['a unicode escape', '"a\\n\\u00e9\\n"'],
    ['a carriage return', '"a\\r\\nb\\r\\n"'],
    ['a line of only blanks', '"a\\n  \\nb\\n"'],
    ['every line indented (the trim would take it)', '"  a\\n  b\\n"'],
    ['not one string', 'join("\\n", ["a", "b"])'],
  ])('stay quoted with %s', (_what, value) => {
    expect(asHeredoc(value, '  ')).toBeUndefined();
  });

  it('lay out as terraform fmt does (the call on its own, unaligned), idempotently, meaning the same to a parser', async () => {
    const raw = [
      'resource "aws_launch_template" "t" {',
      'name = "x"',
      'update_default_version = true',
      'user_data = "${base64encode("#!/bin/bash\\nset -eu\\n")}"',
      'vpc_security_group_ids = []',
      '}',
    ].join('\n');
    const formatted = formatHcl(raw);
    expect(formatted).toBe(
      [
        'resource "aws_launch_template" "t" {',
        '  name                   = "x"',
        '  update_default_version = true',
        '  user_data = base64encode(<<-EOT',
        '    #!/bin/bash',
        '    set -eu',
        '  EOT',
        '  )',
        '  vpc_security_group_ids = []',
        '}',
        '',
      ].join('\n'),
    );
    expect(formatHcl(formatted)).toBe(formatted);
    await expect(parse('main.tf', formatted)).resolves.toHaveProperty('resource');
  });
});
