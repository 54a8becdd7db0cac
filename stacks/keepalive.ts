import { defineStack } from '../src/core/stack-definition';
import { StackwrightStack } from '../src/core/stackwright-stack';
import { KeepaliveBenchmark } from '../src/keepalive/keepalive-benchmark';
import { keepaliveReadme } from '../src/keepalive/readme';
import { keepaliveBenchmarkProps } from './keepalive-props';

export const keepaliveStack = defineStack({
  key: 'keepalive',
  summary:
    'Lambda keep-alive benchmark: DynamoDB table and timed-PutItem functions (Python and Node.js, keep-alive on/off) behind IAM function URLs',
  build: (scope, config, k) => {
    const stack = new StackwrightStack(scope, 'keepalive', {
      config,
      description:
        `A DynamoDB table and ${k.variants.length} Lambda functions (${k.variants.join(', ')}) that each ` +
        `time one PutItem per call, with and without keep-alive, for \`stackwright bench lambda\`.`,
    });
    const bench = new KeepaliveBenchmark(stack, 'benchmark', keepaliveBenchmarkProps(k));
    const functions = [...bench.functions];

    stack.addOutputs({
      function_urls: {
        value: Object.fromEntries(functions.map(([v, f]) => [v, f.url.functionUrl])),
        description: 'Function URL per variant (AWS_IAM auth); `stackwright bench lambda --from-terraform` reads this',
      },
      function_names: {
        value: Object.fromEntries(functions.map(([v, f]) => [v, f.fn.functionName])),
        description: 'Lambda function name per variant',
      },
      table_name: { value: bench.table.table.name, description: 'The DynamoDB table the functions write to' },
      bench_invoke_policy_arn: {
        value: bench.invokePolicy.arn,
        description: 'Attach to the benchmark caller: invoke these function URLs',
      },
    });
    stack.addReadmeSection(keepaliveReadme(k));
    return stack;
  },
});
