import RegexRepeatLimit from '../../src/rules/terraform/RegexRepeatLimit';
import { problems, tf } from './helpers';

const variable = (condition: string) =>
  tf({}, { variable: { v: { type: 'string', validation: [{ condition, error_message: 'bad' }] } } });

describe('Terraform-RegexRepeatLimit (RE2 rejects repeat counts over 1000)', () => {
  it('passes patterns within the limit, and a length checked with length()', () => {
    expect(
      problems(
        RegexRepeatLimit,
        variable('${length(var.v) <= 1224 && can(regex("^[A-Za-z0-9+=,.@:/_-]+$", var.v))}'),
        'var.v',
      ),
    ).toEqual([]);
    expect(problems(RegexRepeatLimit, variable('${can(regex("^[a-z]{2,1000}$", var.v))}'), 'var.v')).toEqual([]);
  });
  it('fails {2,1224} (every value would be refused inside can()) wherever the expression is', () => {
    expect(
      problems(RegexRepeatLimit, variable('${can(regex("^[A-Za-z0-9+=,.@:/_-]{2,1224}$", var.v))}'), 'var.v'),
    ).toEqual([expect.stringContaining('repeats {2,1224}: RE2 allows at most 1000')]);
    const json = tf({ aws_s3_bucket: { b: { tags: { t: '${length(regexall("x{1001}", var.s))}' } } } });
    expect(problems(RegexRepeatLimit, json, 'aws_s3_bucket.b')).toHaveLength(1);
  });
  it('ignores literal strings that only look like patterns', () => {
    expect(
      problems(RegexRepeatLimit, tf({ aws_s3_bucket: { b: { description: 'regex("a{5000}")' } } }), 'aws_s3_bucket.b'),
    ).toEqual([]);
  });
});
