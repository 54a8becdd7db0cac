/**
 * Idle timeouts on the path between a Lambda function and DynamoDB, and the TCP keep-alive timers that would
 * have to beat them. The keep-alive experiment's schedule and the python-on function's socket options are
 * derived from these, so the README, the schedule and the handler cannot disagree.
 */
export interface IdleTimeout {
  /** What drops (or closes) an idle connection. */
  readonly where: string;
  readonly seconds: number;
  /** documented: AWS states it; observed: reported by SDK users, not documented by AWS. */
  readonly kind: 'documented' | 'observed';
  /** Where the figure comes from. */
  readonly source: string;
  /**
   * Whether TCP keep-alive probes can keep the connection past it. Probes carry no data: they refresh a
   * middlebox's flow state, but not an HTTP server's own idle timer.
   */
  readonly probesHelp: boolean;
}

export const PATH_IDLE_TIMEOUTS: readonly IdleTimeout[] = [
  {
    where: 'DynamoDB front end (HTTP connection idle close)',
    seconds: 60,
    kind: 'observed',
    source:
      'https://github.com/aws/aws-sdk-java/issues/1365 (idle connections closed after about 60 s); ' +
      'https://github.com/feast-dev/feast/pull/5167 measured about 90 s',
    probesHelp: false,
  },
  {
    where: 'NAT gateway, VPC endpoints and NLB flow state (the path of a function in a VPC)',
    seconds: 350,
    kind: 'documented',
    source:
      'https://aws.amazon.com/blogs/networking-and-content-delivery/implementing-long-running-tcp-connections-within-vpc-networking/',
    probesHelp: true,
  },
];

/** Linux's default net.ipv4.tcp_keepalive_time: the first probe of a socket with only SO_KEEPALIVE set. */
export const LINUX_DEFAULT_KEEPIDLE_SECONDS = 7200;

/** Per-socket keep-alive timers (Linux TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT). */
export interface KeepaliveTimers {
  /** Idle seconds before the first probe. */
  readonly idleSeconds: number;
  /** Seconds between unanswered probes. */
  readonly intervalSeconds: number;
  /** Unanswered probes before the kernel drops the connection. */
  readonly count: number;
}

/**
 * The python-on function's timers: first probe after 30 s idle, well before the shortest flow-state timeout
 * (350 s) and before DynamoDB's observed 60 s, so that if DynamoDB's front end counts probes as activity, the
 * experiment shows it too. A dead peer is detected within 30 + 3 x 10 = 60 s.
 */
export const PYTHON_ON_TIMERS: KeepaliveTimers = { idleSeconds: 30, intervalSeconds: 10, count: 3 };

/** The shortest timeout that probes can beat: the first probe must come before it. */
export function shortestProbeableTimeout(timeouts: readonly IdleTimeout[] = PATH_IDLE_TIMEOUTS): number {
  return Math.min(...timeouts.filter((t) => t.probesHelp).map((t) => t.seconds));
}
