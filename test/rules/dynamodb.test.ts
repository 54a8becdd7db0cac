import KeyAttributesOnly from '../../src/rules/dynamodb/KeyAttributesOnly';
import { judge, problems, tf } from './helpers';

// The rule quotes the provider's docs (dynamodb_table page, "DynamoDB Table attributes"): attributes that are no
// table or index key "can cause an infinite loop in planning".

const TABLE = 'aws_dynamodb_table.posts';
const table = (over: Record<string, unknown>) =>
  tf({
    aws_dynamodb_table: {
      posts: {
        name: 'posts',
        billing_mode: 'PAY_PER_REQUEST',
        hash_key: 'userId',
        range_key: 'postId',
        attribute: [
          { name: 'userId', type: 'S' },
          { name: 'postId', type: 'S' },
        ],
        ...over,
      },
    },
  });

describe('DynamoDB-KeyAttributesOnly', () => {
  it('passes attributes that are table keys or index keys', () => {
    expect(problems(KeyAttributesOnly, table({}), TABLE)).toEqual([]);
    const withIndex = table({
      attribute: [
        { name: 'userId', type: 'S' },
        { name: 'postId', type: 'S' },
        { name: 'score', type: 'N' },
      ],
      global_secondary_index: [{ name: 'by-score', hash_key: 'postId', range_key: 'score', projection_type: 'ALL' }],
    });
    expect(problems(KeyAttributesOnly, withIndex, TABLE)).toEqual([]);
  });
  it('fails an attribute that no key uses', () => {
    const json = table({
      attribute: [
        { name: 'userId', type: 'S' },
        { name: 'postId', type: 'S' },
        { name: 'expiresAt', type: 'N' },
      ],
    });
    expect(problems(KeyAttributesOnly, json, TABLE)).toEqual([
      'attribute expiresAt is no key of the table or of an index: every plan adds it again',
    ]);
  });
  it('is not applicable when a key is only known at plan time', () => {
    expect(judge(KeyAttributesOnly, table({ hash_key: '${var.key}' }), TABLE).compliance).toBe('not-applicable');
  });
});
