import { ecsUserData } from '../../src/ecs/ec2-capacity';

/**
 * The ECS agent's unit as the ECS-optimized Amazon Linux AMI installs it: aws/amazon-ecs-agent v1.105.0,
 * packaging/amazon-linux-ami-integrated/ecs.service ([Unit] section, verbatim).
 */
const AGENT_UNIT = `[Unit]
Description=Amazon Elastic Container Service - container agent
Documentation=https://aws.amazon.com/documentation/ecs/
Wants=docker.service
PartOf=docker.service
After=docker.service
After=cloud-final.service`;

type Unit = Map<string, string[]>;

/** The directives of a unit file (one list per key, as systemd accumulates After=, Before=, ...). */
function parseUnit(text: string): Unit {
  const unit: Unit = new Map();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m) unit.set(m[1]!, [...(unit.get(m[1]!) ?? []), ...m[2]!.split(/\s+/)]);
  }
  return unit;
}

/** The unit file the user data writes with its heredoc. */
function blockUnit(userData: string): Unit {
  const m = /cat > \/etc\/systemd\/system\/stackwright-block-imds\.service <<'EOF'\n([\s\S]*?)\nEOF/.exec(userData);
  if (!m) throw new Error('the user data writes no stackwright-block-imds.service');
  return parseUnit(m[1]!);
}

/**
 * systemd orders start jobs by After=/Before= of either unit (systemd.unit(5): "Before= and After= ... configure
 * ordering dependencies"; "If unit foo.service contains the setting Before=bar.service and both units are being
 * started, bar.service's start-up is delayed until foo.service has finished starting up"; After= is the inverse).
 * True when `first` is ordered before `second`, directly or through other units.
 */
function orderedBefore(units: Record<string, Unit>, first: string, second: string): boolean {
  const edges = new Map<string, Set<string>>();
  const add = (a: string, b: string) => edges.set(a, new Set([...(edges.get(a) ?? []), b]));
  for (const [name, unit] of Object.entries(units)) {
    for (const b of unit.get('Before') ?? []) add(name, b);
    for (const a of unit.get('After') ?? []) add(a, name);
  }
  const seen = new Set<string>();
  const walk = (n: string): boolean =>
    n === second || (!seen.has(n) && (seen.add(n), [...(edges.get(n) ?? [])].some(walk)));
  return [...(edges.get(first) ?? [])].some(walk);
}

describe('the IMDS block is in place before the ECS agent starts a task', () => {
  const units = {
    'stackwright-block-imds.service': blockUnit(ecsUserData('demo-main')),
    'ecs.service': parseUnit(AGENT_UNIT),
  };

  it('orders the block unit before the agent (the agent unit itself only waits for docker and cloud-final)', () => {
    expect(orderedBefore(units, 'stackwright-block-imds.service', 'ecs.service')).toBe(true);
  });

  it('makes the agent require the block, so a failed insert keeps the agent (and its tasks) down', () => {
    expect(units['stackwright-block-imds.service'].get('RequiredBy')).toContain('ecs.service');
  });

  it('the model sees the gap in a unit ordered after docker only', () => {
    const afterDockerOnly = { ...units, 'stackwright-block-imds.service': parseUnit('After=docker.service') };
    expect(orderedBefore(afterDockerOnly, 'stackwright-block-imds.service', 'ecs.service')).toBe(false);
  });
});
