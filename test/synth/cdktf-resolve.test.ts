import { App, Fn, Lazy, TerraformStack, Token } from 'cdktf';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { cdktfResolve, fastResolve } from '../../src/synth/cdktf-resolve';

/**
 * The stacks' resolve (src/synth/cdktf-resolve.ts) must give what cdktf's own gives
 * (cdktf/lib/tokens/private/resolve.js): plain values copied with undefined dropped from objects and arrays, every
 * kind of token resolved by cdktf, whatever surrounds it.
 */
function stackWithBucket(): { stack: TerraformStack; bucket: S3Bucket } {
  const stack = new TerraformStack(new App({ skipValidation: true, stackTraces: false }), 'resolve');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  return { stack, bucket: new S3Bucket(stack, 'bucket', { bucketPrefix: 'x' }) };
}

describe('the stacks resolve', () => {
  it('is the resolve TerraformStack calls', () => {
    expect((require('cdktf/lib/_tokens') as { resolve: unknown }).resolve).toBe(fastResolve);
  });

  it('copies plain values as cdktf does: undefined dropped, order, dates and primitives kept', () => {
    const { stack } = stackWithBucket();
    const date = new Date(0);
    const plain = {
      b: [1, undefined, 'two', null, { c: undefined, d: false }],
      a: { nested: { deeper: ['x', 2.5e10, -0, true] } },
      empty: {},
      list: [],
      when: date,
      gone: undefined,
      exponent: '1e5 and 2e-3 are not number tokens',
      dollar: 'a literal $ and { brace }',
    };
    const fast = fastResolve(stack, plain) as Record<string, unknown>;
    expect(fast).toEqual(cdktfResolve(stack, plain));
    expect(Object.keys(fast)).toEqual(Object.keys(cdktfResolve(stack, plain) as object));
    expect(fast.when).toBe(date);
    expect(fast).not.toBe(plain); // a copy, as cdktf's
  });

  it('resolves every kind of token as cdktf does, wherever it sits', () => {
    const { stack, bucket } = stackWithBucket();
    const value = {
      arn: bucket.arn,
      inText: `arn is ${bucket.arn}, id ${bucket.id}`,
      nested: [{ ref: bucket.bucket, n: Token.asNumber(bucket.id) }, 'plain'],
      listToken: Token.asList(bucket.arn),
      numberInText: `count ${Token.asNumber(bucket.id)}`,
      mapToken: Token.asStringMap(bucket.tagsAll),
      fn: Fn.join(',', [bucket.arn, 'x']),
      lazy: Lazy.stringValue({ produce: () => 'produced' }),
      lazyObject: Lazy.anyValue({ produce: () => ({ k: [bucket.arn, undefined] }) }),
      keyed: { [bucket.bucket]: 'a key that is a token', other: bucket.id },
      escaped: '$${literal}',
      template: '${var.not_a_token}',
    };
    for (const preparing of [false, true]) {
      expect(fastResolve(stack, value, preparing)).toEqual(cdktfResolve(stack, value, preparing));
    }
    expect(fastResolve(stack, value)).toMatchObject({ arn: '${aws_s3_bucket.bucket.arn}', lazy: 'produced' });
  });

  it('gives the whole stack the JSON and HCL cdktf gives', () => {
    const tokens = require('cdktf/lib/_tokens') as { resolve: unknown };
    const render = (resolve: unknown): unknown[] => {
      tokens.resolve = resolve;
      const { stack } = stackWithBucket();
      return [stack.toTerraform(), stack.toHclTerraform()];
    };
    try {
      expect(render(fastResolve)).toEqual(render(cdktfResolve));
    } finally {
      tokens.resolve = fastResolve;
    }
  });

  it("throws cdktf's errors for what cannot be resolved", () => {
    const { stack } = stackWithBucket();
    const fn = (): void => undefined;
    expect(() => fastResolve(stack, { f: fn })).toThrow();
    expect(() => cdktfResolve(stack, { f: fn })).toThrow();
    expect(() => fastResolve(stack, { scope: stack })).toThrow(/construct/i);
    // A list token with another element beside it: cdktf's own message, from inside a plain object.
    const { bucket } = stackWithBucket();
    const mixed = { inner: { list: [...Token.asList(bucket.arn), 'x'] } };
    expect(() => cdktfResolve(stack, mixed)).toThrow(/Cannot add elements to list token/);
    expect(() => fastResolve(stack, mixed)).toThrow(/Cannot add elements to list token/);
  });
});
