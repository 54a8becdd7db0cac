/**
 * Parsed JSON that tests read by path: synthesized Terraform, IAM policy documents, benchmark reports, terraform's
 * machine-readable output, compose files. None of these has a TypeScript schema in this project (restating the AWS
 * provider's schema would test the restatement, not the code), so the type checks nothing; every test asserts on
 * the values it reads, and a wrong path fails that assertion.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemaless parsed JSON read by path; the assertions check each value read
export type Json = any;
