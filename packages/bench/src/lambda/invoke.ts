import * as http from 'node:http';
import * as https from 'node:https';
import { performance } from 'node:perf_hooks';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { LambdaTarget } from './targets';

/** Credentials as the signer takes them: fixed, or a provider it calls before each signature. */
export type SignerCredentials = ConstructorParameters<typeof SignatureV4>[0]['credentials'];

/** The outcome of one call, as the report and the chart use it. */
export interface CallResult {
  /** 0-based call number for this function. */
  readonly seq: number;
  /** When the call started, in ms since the run started. */
  readonly offsetMs: number;
  /** Client-side round trip (signing excluded), in ms. */
  readonly roundTripMs: number;
  /** PutItem latency the function measured and returned, in ms; absent when the call failed. */
  readonly ms?: number;
  readonly coldStart?: boolean;
  readonly status?: number;
  readonly error?: string;
  /** Idle-gap schedule: how long the function's connections sat idle before this call, ms. */
  readonly idleBeforeMs?: number;
}

/** A function URL that signs every request with SigV4 for service `lambda`, over one kept-alive connection. */
export class SignedFunctionUrl {
  private readonly signer: SignatureV4;
  private readonly agent: http.Agent;

  constructor(
    public readonly target: LambdaTarget,
    credentials: SignerCredentials,
    private readonly timeoutMs: number,
  ) {
    this.signer = new SignatureV4({ service: 'lambda', region: target.region, credentials, sha256: Sha256 });
    // Keep-alive on the caller's side, so the client's own connection set-up does not add to the round trip.
    const agentOptions = { keepAlive: true, maxSockets: 1 };
    this.agent = target.url.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  }

  /** One signed POST; the body tells the function which call this is. */
  async call(seq: number, runStart: number): Promise<CallResult> {
    const body = JSON.stringify({ seq, source: 'stackwright bench lambda' });
    const { url } = this.target;
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query,
      headers: { host: url.host, 'content-type': 'application/json' },
      body,
    });
    const started = performance.now();
    const offsetMs = started - runStart;
    try {
      const res = await this.send(signed.headers as Record<string, string>, body);
      const roundTripMs = performance.now() - started;
      return { seq, offsetMs, roundTripMs, ...interpret(res.status, res.body) };
    } catch (err) {
      return { seq, offsetMs, roundTripMs: performance.now() - started, error: (err as Error).message };
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private send(headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
    const { url } = this.target;
    const request = url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', headers, agent: this.agent, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no response within ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** Reads the function's answer: `{ "ms": <number>, "coldStart": <bool> }` on HTTP 200. */
export function interpret(status: number, body: string): Pick<CallResult, 'ms' | 'coldStart' | 'status' | 'error'> {
  if (status !== 200) return { status, error: `HTTP ${status}: ${body.slice(0, 200).trim()}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status, error: `response is not JSON: ${body.slice(0, 200)}` };
  }
  const ms = (parsed as { ms?: unknown } | null)?.ms;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    return { status, error: 'response has no numeric "ms"' };
  const coldStart = (parsed as { coldStart?: unknown }).coldStart === true;
  return { status, ms, coldStart };
}
