/** Deterministic in-process packaging of Node.js Lambda functions. */
export { bundleNodeHandler, RUNTIME_PROVIDED_PACKAGES, type BundleNodeHandlerOptions } from './bundle';
export { deterministicZip, sourceCodeHash, type ZipEntry } from './deterministic-zip';
export { addLambdaZip, type LambdaZip } from './lambda-zip';
