import { describeVariantImages } from './variant-suite';

// The tcp variant from its own x86_64 images, built from generated/sidecar/images/tcp (see variant-suite.ts).
describeVariantImages('tcp', 'amd64');
