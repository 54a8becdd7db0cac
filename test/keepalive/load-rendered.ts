import { functionCode } from '../../src/keepalive/function-code';
import type { KeepaliveVariantId } from '../../src/keepalive/variants';

/**
 * Evaluates a variant's rendered Node.js handler (exactly the text that goes into its zip) as a CommonJS module,
 * resolving its imports through jest's registry, so aws-sdk-client-mock's stubs apply to the client it creates.
 */
export function loadNodeHandler(variant: Extract<KeepaliveVariantId, `node-${string}`>): any {
  const source = String(functionCode(variant).files[0].contents);
  const module = { exports: {} as any };
  new Function('require', 'module', 'exports', source)(require, module, module.exports);
  return module.exports;
}
