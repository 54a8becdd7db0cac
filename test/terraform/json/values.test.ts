import { StackView } from '../../../src/terraform/json';
import {
  blocks,
  hasExpression,
  isKnown,
  list,
  mentionedAddresses,
  num,
  parseJsonAttribute,
  reference,
  str,
  templateParts,
} from '../../../src/terraform/json';

describe('Terraform values', () => {
  it('splits templates into literals and expressions, with nested braces, quotes and escapes', () => {
    expect(templateParts('arn:aws:iam::${data.aws_caller_identity.me.account_id}:root')).toEqual([
      { kind: 'literal', text: 'arn:aws:iam::' },
      { kind: 'expression', text: 'data.aws_caller_identity.me.account_id' },
      { kind: 'literal', text: ':root' },
    ]);
    expect(templateParts('${jsonencode({ a = "}" })}')).toEqual([
      { kind: 'expression', text: 'jsonencode({ a = "}" })' },
    ]);
    expect(templateParts('cost $${each.value} %%{x}')).toEqual([{ kind: 'literal', text: 'cost ${each.value} %{x}' }]);
    expect(hasExpression('$${literal}')).toBe(false);
    expect(hasExpression('%{ if x }y%{ endif }')).toBe(true);
    expect(isKnown({ a: ['x', { b: '${var.y}' }] })).toBe(false);
  });

  it('reads literals and leaves plan-time values unknown', () => {
    expect([num(256), num('512'), num('${var.cpu}'), num('1 vCPU')]).toEqual([256, 512, undefined, undefined]);
    expect([str('awsvpc'), str('${var.mode}')]).toEqual(['awsvpc', undefined]);
    expect([list(undefined), list('x'), list('${var.l}')]).toEqual([[], ['x'], undefined]);
    expect([blocks({ a: 1 }), blocks([{ a: 1 }]), blocks('${var.b}')]).toEqual([[{ a: 1 }], [{ a: 1 }], undefined]);
    expect(parseJsonAttribute('{"Resource": "${aws_sqs_queue.q.arn}"}')).toEqual({
      Resource: '${aws_sqs_queue.q.arn}',
    });
    expect(parseJsonAttribute('${jsonencode(local.p)}')).toBeUndefined();
    expect(parseJsonAttribute('[{"cpu": ${var.cpu}}]')).toBeUndefined();
  });

  it('follows references within a stack', () => {
    expect(reference('${aws_lb.public.arn}')).toEqual({ address: 'aws_lb.public', attribute: 'arn' });
    expect(reference('${data.aws_iam_role.r.arn}')).toEqual({ address: 'data.aws_iam_role.r', attribute: 'arn' });
    expect(reference('prefix-${aws_lb.public.arn}')).toBeUndefined();
    expect(mentionedAddresses('service/${aws_ecs_cluster.main.name}/${aws_ecs_service.web.name}')).toEqual([
      'aws_ecs_cluster.main',
      'aws_ecs_service.web',
    ]);
    const view = new StackView('s', {
      resource: { aws_lb: { public: { name: 'x' } } },
      data: { aws_caller_identity: { me: {} } },
      variable: { k: { sensitive: true } },
    });
    expect(view.resolve('${aws_lb.public.arn}')?.address).toBe('aws_lb.public');
    expect(view.resolve('${aws_lb.public.arn}', 'aws_alb')).toBeUndefined();
    expect(view.ofType('data.aws_caller_identity').map((b) => b.address)).toEqual(['data.aws_caller_identity.me']);
    expect(view.variableOf('${var.k}')).toEqual({ name: 'k', sensitive: true });
  });
});
