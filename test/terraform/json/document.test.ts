import {
  addressOf,
  labelOf,
  movedBlocks,
  resolveRef,
  resourceAt,
  resourcesByAddress,
  resourcesOf,
  resourceTypes,
  type TerraformDocument,
} from '../../../src/terraform/json';
import { num as pricingNum } from '../../../src/pricing/terraform-json';

const doc: TerraformDocument = {
  resource: {
    aws_lb: { public: { name: 'web' } },
    aws_ecs_service: { b: { name: '${var.n}', tags: { Name: 'tagged' } }, a: { task_definition: '${aws_x.t.arn}' } },
    aws_lambda_function: { fn: { function_name: 'reconcile', name: 'ignored' } },
  },
  data: { aws_caller_identity: { me: {} } },
  moved: [{ from: 'aws_lb.old', to: 'aws_lb.public' }, { from: 'x' }],
};

describe('the Terraform JSON document reader', () => {
  it('lists resources by type and by address, in a stable order', () => {
    expect(resourceTypes(doc)).toEqual(['aws_ecs_service', 'aws_lambda_function', 'aws_lb']);
    expect(resourcesOf(doc, 'aws_ecs_service').map((r) => r.name)).toEqual(['b', 'a']);
    expect(resourcesOf(doc, 'aws_vpc')).toEqual([]);
    expect([...resourcesByAddress(doc).keys()]).toEqual([
      'aws_ecs_service.a',
      'aws_ecs_service.b',
      'aws_lambda_function.fn',
      'aws_lb.public',
    ]);
    expect(addressOf({ type: 'aws_lb', name: 'public' })).toBe('aws_lb.public');
  });

  it('finds a resource by address and resolves whole-value references; data sources are not resources', () => {
    expect(resourceAt(doc, 'aws_lb.public')?.attrs).toEqual({ name: 'web' });
    expect(resourceAt(doc, 'data.aws_caller_identity.me')).toBeUndefined();
    expect(resolveRef(doc, '${aws_lb.public.arn}')?.name).toBe('public');
    expect(resolveRef(doc, '${aws_lb.other.arn}')).toBeUndefined();
    expect(resolveRef(doc, 'arn:${aws_lb.public.arn}')).toBeUndefined();
  });

  it('labels a resource by its literal name, else its Terraform name', () => {
    expect(labelOf(resourcesOf(doc, 'aws_lambda_function')[0])).toBe('reconcile');
    expect(labelOf(resourcesOf(doc, 'aws_ecs_service')[0])).toBe('b');
    expect(labelOf(resourcesOf(doc, 'aws_lb')[0])).toBe('web');
  });

  it('reads moved blocks, skipping incomplete ones', () => {
    expect(movedBlocks(doc)).toEqual([{ from: 'aws_lb.old', to: 'aws_lb.public' }]);
    expect(movedBlocks({})).toEqual([]);
  });

  it("gives the cost estimate the reader's number rule, with a fallback for unknown values", () => {
    expect(pricingNum('2', 0)).toBe(2);
    expect(pricingNum(3.5, 0)).toBe(3.5);
    expect(pricingNum('${var.count}', 7)).toBe(7);
    expect(pricingNum(undefined, 1)).toBe(1);
  });
});
