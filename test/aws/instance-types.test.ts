import { isGravitonInstanceType } from '../../src/aws/instance-types';

describe('instance types', () => {
  // docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html, the additional capabilities after the
  // generation: "g – AWS Graviton processors"; the first Arm family, a1, predates that letter.
  it.each([
    ['t4g.small', true],
    ['c7gn.large', true],
    ['is4gen.xlarge', true],
    ['a1.medium', true],
    ['m8g.large', true],
    ['t3.small', false],
    ['g4dn.xlarge', false],
    ['m7i-flex.large', false],
    ['m5zn.large', false],
  ])('%s is Graviton: %s', (type, graviton) => {
    expect(isGravitonInstanceType(type)).toBe(graviton);
  });
});
