import { loadSettings, reconcilerEnvironment, SettingsError } from '../../../../src/ecs/reconciler/handler/settings';

describe('reconciler settings from the environment', () => {
  it('reads managed services and dry run', () => {
    const settings = loadSettings({
      MANAGED_SERVICES: '{"web":["agent","exporter"],"api":["agent"]}',
      DRY_RUN: 'true',
    });
    expect([...settings.managed]).toEqual([
      ['web', ['agent', 'exporter']],
      ['api', ['agent']],
    ]);
    expect(settings.dryRun).toBe(true);
  });

  it('defaults dry run to false', () => {
    expect(loadSettings({ MANAGED_SERVICES: '{}' }).dryRun).toBe(false);
    expect(loadSettings({ MANAGED_SERVICES: '{}', DRY_RUN: 'false' }).dryRun).toBe(false);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['no MANAGED_SERVICES', {}, /MANAGED_SERVICES is not set/],
    ['MANAGED_SERVICES not JSON', { MANAGED_SERVICES: '{web' }, /is not JSON/],
    ['a list instead of an object', { MANAGED_SERVICES: '["web"]' }, /MANAGED_SERVICES: \(root\)/],
    ['a bad cluster name', { MANAGED_SERVICES: '{"a b":["x"]}' }, /MANAGED_SERVICES: a b/],
    [
      'a bad service name',
      { MANAGED_SERVICES: '{"web":["x/y"]}' },
      /MANAGED_SERVICES: web\.0: not an ECS service name/,
    ],
    ['an empty service list', { MANAGED_SERVICES: '{"web":[]}' }, /web: lists no service/],
    ['a service listed twice', { MANAGED_SERVICES: '{"web":["x","x"]}' }, /web: lists a service twice/],
    [
      'DRY_RUN not a boolean',
      { MANAGED_SERVICES: '{}', DRY_RUN: 'yes' },
      /DRY_RUN must be 'true' or 'false', got 'yes'/,
    ],
  ];
  it.each(bad)('rejects %s with a SettingsError', (_what, env, message) => {
    expect(() => loadSettings(env)).toThrow(SettingsError);
    expect(() => loadSettings(env)).toThrow(message);
  });

  it('writes the environment the handler reads, with clusters sorted', () => {
    const env = reconcilerEnvironment(
      new Map([
        ['web', ['b', 'a']],
        ['api', ['x']],
        ['zeta', ['y']],
        ['mid', ['z']],
      ]),
      true,
    );
    expect(env).toEqual({
      MANAGED_SERVICES: '{"api":["x"],"mid":["z"],"web":["b","a"],"zeta":["y"]}',
      DRY_RUN: 'true',
    });
    expect([...loadSettings(env).managed.keys()]).toEqual(['api', 'mid', 'web', 'zeta']);
    expect(reconcilerEnvironment(new Map(), false)).toEqual({ MANAGED_SERVICES: '{}', DRY_RUN: 'false' });
  });
});
