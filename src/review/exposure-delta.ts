import { StackView, type TerraformDocument } from '../terraform/json';
import { exposureFacts, type ExposureFact, type ListenerFacts } from './exposure/facts';
import { encrypts, minimumTls } from './exposure/tls';
import type { ExposureChange, ExposureDelta, ExposureFlag } from './exposure/types';

export type { ExposureKind, ListenerFacts } from './exposure/facts';
export type { ExposureChange, ExposureDelta, ExposureFlag, ExposureFlagKind } from './exposure/types';
export { renderExposureDeltaMarkdown } from './exposure/markdown';

/**
 * The exposure delta of one stack: new or removed world-open ingress (0.0.0.0/0, ::/0), internet-facing load
 * balancers, listeners (added, removed, protocol, TLS policy and certificate changes), public subnets, public IPs
 * of tasks and instances, and function URLs without authentication; flags for new exposure and TLS downgrades.
 */
export function exposureDelta(base: TerraformDocument | undefined, head: TerraformDocument | undefined): ExposureDelta {
  const key = (f: ExposureFact) => `${f.kind}\n${f.address}\n${f.key}`;
  const index = (doc: TerraformDocument | undefined) =>
    new Map((doc ? exposureFacts(new StackView('', doc)) : []).map((f) => [key(f), f] as const));
  const before = index(base);
  const after = index(head);
  const changes: ExposureChange[] = [];
  for (const k of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(k);
    const h = after.get(k);
    if (h && !b) changes.push({ kind: h.kind, address: h.address, change: 'added', detail: h.detail, ...flagOf(h) });
    else if (b && !h) changes.push({ kind: b.kind, address: b.address, change: 'removed', detail: b.detail });
    else if (b && h && b.detail !== h.detail) {
      const flag = h.listener && b.listener ? downgrade(b.listener, h.listener) : undefined;
      changes.push({
        kind: h.kind,
        address: h.address,
        change: 'changed',
        detail: h.detail,
        before: b.detail,
        ...(flag ? { flag } : {}),
      });
    }
  }
  return { changes, flagCount: changes.filter((c) => c.flag).length };
}

/** The flag of a new fact. */
function flagOf(f: ExposureFact): { flag: ExposureFlag } | Record<string, never> {
  if (f.kind === 'world-open-ingress')
    return {
      flag: { kind: 'world-open-ingress', reason: `${f.address} now admits ${f.detail} (anyone on the internet)` },
    };
  if (f.kind === 'listener') {
    const l = f.listener!;
    if (l.internetFacing !== true) return {};
    const plain = encrypts(l.protocol) ? '' : ' without TLS';
    return {
      flag: {
        kind: 'public-exposure',
        reason: `new ${l.protocol ?? '?'} listener on port ${l.port ?? '?'} of internet-facing ${l.loadBalancer}${plain}`,
      },
    };
  }
  return { flag: { kind: 'public-exposure', reason: `${f.address}: ${f.detail}` } };
}

/** A listener that stops encrypting, or whose TLS policy accepts an older TLS version than before. */
function downgrade(b: ListenerFacts, h: ListenerFacts): ExposureFlag | undefined {
  if (encrypts(b.protocol) && !encrypts(h.protocol))
    return {
      kind: 'tls-downgrade',
      reason: `protocol ${b.protocol} -> ${h.protocol ?? '?'}: traffic is no longer encrypted`,
    };
  if (b.sslPolicy && h.sslPolicy && b.sslPolicy !== h.sslPolicy) {
    const [was, now] = [minimumTls(b.sslPolicy), minimumTls(h.sslPolicy)];
    if (was !== undefined && now !== undefined && now < was)
      return {
        kind: 'tls-downgrade',
        reason: `TLS policy ${b.sslPolicy} -> ${h.sslPolicy}: accepts TLS ${now.toFixed(1)} (was ${was.toFixed(1)} and later)`,
      };
  }
  return undefined;
}
