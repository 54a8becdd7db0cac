import { constraintText } from '../../src/ecs/readme';

describe('ECS README: placement cells', () => {
  it('renders each constraint by its type: distinctInstance bare, memberOf with its expression', () => {
    expect(constraintText({ type: 'distinctInstance' })).toBe('distinctInstance');
    expect(constraintText({ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' })).toBe(
      'memberOf(`attribute:ecs.instance-type =~ t3.*`)',
    );
  });

  it('escapes the pipe a cluster query expression may hold, which would end the table cell', () => {
    expect(constraintText({ type: 'memberOf', expression: 'a || b' })).toBe('memberOf(`a \\|\\| b`)');
  });
});
