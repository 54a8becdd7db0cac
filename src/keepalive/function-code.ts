import { renderTemplate } from '../templates/render';
import type { ZipEntry } from '../lambda/deterministic-zip';
import { BENCHMARK_TABLE_KEYS } from './benchmark-table';
import { PYTHON_ON_TIMERS } from './idle-timeouts';
import { KEEPALIVE_VARIANTS, type KeepaliveVariantId } from './variants';

/** A variant's deployment package contents and the handler Lambda calls. */
export interface FunctionCode {
  /** `<module>.<function>` as Lambda's `handler` setting wants it. */
  readonly handler: string;
  /** Files of the zip: one rendered source file, nothing else (the SDK comes from the runtime). */
  readonly files: readonly ZipEntry[];
}

export const PYTHON_TEMPLATE = 'keepalive/handler.py.hbs';
export const NODE_TEMPLATE = 'keepalive/index.js.hbs';

/**
 * Renders one variant's handler from templates/keepalive/. The Node.js handler is rendered as plain CommonJS:
 * its only imports (the AWS SDK v3 and node built-ins) come from the runtime, so there is nothing to bundle and the
 * file in the zip is exactly the rendered template. Item attribute names come from the table's key definition.
 */
export function functionCode(variant: KeepaliveVariantId): FunctionCode {
  const spec = KEEPALIVE_VARIANTS[variant];
  if (spec.language === 'python') {
    const t = PYTHON_ON_TIMERS;
    const source = renderTemplate(PYTHON_TEMPLATE, {
      ...BENCHMARK_TABLE_KEYS,
      variant,
      tcpKeepalive: spec.keepAlive ? 'True' : 'False',
      // Only the keep-alive variant gets timers: without SO_KEEPALIVE they would do nothing.
      keepaliveTimers: spec.keepAlive ? `(${t.idleSeconds}, ${t.intervalSeconds}, ${t.count})` : 'None',
    });
    return { handler: 'handler.handler', files: [{ path: 'handler.py', contents: source }] };
  }
  const source = renderTemplate(NODE_TEMPLATE, {
    ...BENCHMARK_TABLE_KEYS,
    variant,
    keepAlive: spec.keepAlive ? 'true' : 'false',
  });
  return { handler: 'index.handler', files: [{ path: 'index.js', contents: source }] };
}
