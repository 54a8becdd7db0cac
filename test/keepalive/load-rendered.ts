import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { functionCode } from '../../src/keepalive/function-code';
import type { KeepaliveVariantId } from '../../src/keepalive/variants';

/** The rendered handler's exports: the function URL handler, and its module-scope DynamoDB client and options. */
export interface NodeHandlerModule {
  handler(event: { body?: string }, context: object): Promise<{ statusCode: number; headers: object; body: string }>;
  clientOptions(keepAlive: boolean): object;
  client: DynamoDBClient;
}

/**
 * Evaluates a variant's rendered Node.js handler (exactly the text that goes into its zip) as a CommonJS module,
 * resolving its imports through jest's registry, so aws-sdk-client-mock's stubs apply to the client it creates.
 */
export function loadNodeHandler(variant: Extract<KeepaliveVariantId, `node-${string}`>): NodeHandlerModule {
  const source = String(functionCode(variant).files[0].contents);
  const module = { exports: {} as NodeHandlerModule };
  new Function('require', 'module', 'exports', source)(require, module, module.exports);
  return module.exports;
}
