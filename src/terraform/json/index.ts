/** The one reader of synthesized Terraform JSON: documents, resources, literal values and references. */
export * from './document';
export * from './references';
export * from './stack-view';
export * from './values';
