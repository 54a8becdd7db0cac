import { ECSClient } from '@aws-sdk/client-ecs';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { reconcileMessages, type MessagesResult } from './messages';
import { loadSettings, type ReconcilerSettings } from './settings';

/**
 * Created once per execution environment and reused by every invocation. The SDK v3 default HTTP handler keeps
 * connections alive, so warm invocations skip the TCP and TLS handshakes; do not pass keepAlive: false.
 */
export const ecs = new ECSClient({});
export const logger = new Logger({ serviceName: 'ecs-desired-count-reconciler' });

let settings: ReconcilerSettings | undefined;

/**
 * Entry point (`index.handler`): a batch of the FIFO queue, whose messages are EventBridge "ECS Container Instance
 * State Change" events (or one such event, invoked directly).
 */
export const handler = async (event: unknown, context?: Context): Promise<MessagesResult> => {
  if (context) logger.addContext(context);
  settings ??= loadSettings(process.env);
  return reconcileMessages(event, { ecs, logger, settings });
};
