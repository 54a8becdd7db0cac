/**
 * The benchmark's functions: one per language and keep-alive setting, each doing one timed DynamoDB PutItem.
 * The ids are the keys of every per-function output and the names `stackwright bench lambda` prints.
 */
export const KEEPALIVE_VARIANTS = {
  'python-on': {
    language: 'python',
    keepAlive: true,
    label: 'Python, Config(tcp_keepalive=True), first probe after 30 s idle',
  },
  'python-off': { language: 'python', keepAlive: false, label: 'Python, botocore default (no TCP keep-alive)' },
  'node-on': { language: 'node', keepAlive: true, label: 'Node.js SDK v3 default (HTTP keep-alive)' },
  'node-off': { language: 'node', keepAlive: false, label: 'Node.js SDK v3, https.Agent keepAlive: false' },
} as const;

export type KeepaliveVariantId = keyof typeof KEEPALIVE_VARIANTS;
export type KeepaliveLanguage = (typeof KEEPALIVE_VARIANTS)[KeepaliveVariantId]['language'];

/** In the order the stack creates them and the bench prints them. */
export const keepaliveVariantIds = Object.keys(KEEPALIVE_VARIANTS) as [KeepaliveVariantId, ...KeepaliveVariantId[]];

/**
 * Python runtimes Lambda and the pinned AWS provider (hashicorp/aws 6.25.0; python3.14 since 6.20) accept,
 * newest first. The newest is the default.
 */
export const pythonRuntimes = ['python3.14', 'python3.13', 'python3.12'] as const;

/** Node.js runtimes (nodejs24.x accepted since provider 6.19), newest first. All ship the AWS SDK for JavaScript v3. */
export const nodeRuntimes = ['nodejs24.x', 'nodejs22.x', 'nodejs20.x'] as const;

export type PythonRuntime = (typeof pythonRuntimes)[number];
export type NodeRuntime = (typeof nodeRuntimes)[number];
