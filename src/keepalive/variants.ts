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
 * Python runtimes, newest first; the newest is the default. hashicorp/aws validates `runtime` with
 * `enum.Validate[awstypes.Runtime]()` (internal/service/lambda/function.go), i.e. against the Runtime values of the
 * aws-sdk-go-v2 Lambda module it is built with (service/lambda/types/enums.go, which lists python3.14 and nodejs24.x).
 */
export const pythonRuntimes = ['python3.14', 'python3.13', 'python3.12'] as const;

/** Node.js runtimes, newest first (validated as the Python ones). All ship the AWS SDK for JavaScript v3. */
export const nodeRuntimes = ['nodejs24.x', 'nodejs22.x', 'nodejs20.x'] as const;

export type PythonRuntime = (typeof pythonRuntimes)[number];
export type NodeRuntime = (typeof nodeRuntimes)[number];
