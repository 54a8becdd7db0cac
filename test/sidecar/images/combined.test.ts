import { describeVariantImages } from './variant-suite';

// The combined variant from its own x86_64 images, built from generated/sidecar/images/combined (see variant-suite.ts).
describeVariantImages('combined', 'amd64');
