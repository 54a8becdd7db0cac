import { unzipSync, strFromU8 } from 'fflate';
import { addLambdaZip } from '../../src/lambda/lambda-zip';
import { sourceCodeHash } from '../../src/lambda/deterministic-zip';
import { emptyStack as newStack } from './test-stack';

describe('addLambdaZip', () => {
  it('writes assets/<name>.zip into the stack folder and returns a module-relative filename and its hash', () => {
    const stack = newStack();
    const out = addLambdaZip(stack, 'reconciler', [{ path: 'index.js', contents: 'x' }]);
    expect(out.filename).toBe('${path.module}/assets/reconciler.zip');
    const [file] = stack.stackFiles();
    expect(file.path).toBe('assets/reconciler.zip');
    expect(out.sourceCodeHash).toBe(sourceCodeHash(file.contents as Uint8Array));
    expect(strFromU8(unzipSync(file.contents as Uint8Array)['index.js'])).toBe('x');
  });

  it('gives the same hash in another stack for the same files', () => {
    const files = [{ path: 'index.js', contents: 'x' }];
    expect(addLambdaZip(newStack(), 'a', files).sourceCodeHash).toBe(
      addLambdaZip(newStack(), 'a', files).sourceCodeHash,
    );
  });

  it('rejects a bad name and a name already used in the stack', () => {
    const stack = newStack();
    expect(() => addLambdaZip(stack, '../x', [])).toThrow(/name must be/);
    expect(() => addLambdaZip(stack, 'Upper', [])).toThrow(/name must be/);
    addLambdaZip(stack, 'fn', [{ path: 'index.js', contents: '' }]);
    expect(() => addLambdaZip(stack, 'fn', [{ path: 'index.js', contents: '' }])).toThrow(/already in stack/);
  });
});
