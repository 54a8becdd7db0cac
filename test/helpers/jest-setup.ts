// cdktf captures a full stack trace for every token it creates (every reference, every function call), only to
// enrich its error messages. Under jest each capture is source-mapped frame by frame through cdktf's inline maps,
// which costs more CPU than the synthesis being tested, so the tests skip it. Stackwright's own errors and assertions
// do not use these traces.
const stackTrace = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: () => string[] };
stackTrace.captureStackTrace = () => [];
