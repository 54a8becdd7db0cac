import { FARGATE_CPU_VALUES, FARGATE_MEMORY_BY_CPU, describeFargateMemory, isFargateSize } from '../../src/aws/fargate';

describe('Fargate task sizes', () => {
  it('has the seven CPU values and the documented memory ranges', () => {
    expect(FARGATE_CPU_VALUES).toEqual([256, 512, 1024, 2048, 4096, 8192, 16384]);
    expect(FARGATE_MEMORY_BY_CPU.get(512)).toEqual([1024, 2048, 3072, 4096]);
    expect(FARGATE_MEMORY_BY_CPU.get(4096)).toHaveLength(23);
    expect(FARGATE_MEMORY_BY_CPU.get(16384)?.at(-1)).toBe(122880);
  });

  it('accepts valid pairs and rejects the rest', () => {
    expect(isFargateSize(256, 512)).toBe(true);
    expect(isFargateSize(256, 1536)).toBe(false);
    expect(isFargateSize(8192, 20480)).toBe(true);
    expect(isFargateSize(8192, 18432)).toBe(false);
    expect(isFargateSize(300, 1024)).toBe(false);
  });

  it('describes the allowed memory for messages', () => {
    expect(describeFargateMemory(256)).toBe('512, 1024, 2048');
    expect(describeFargateMemory(1024)).toBe('2048 to 8192 in steps of 1024');
    expect(describeFargateMemory(3)).toBeUndefined();
  });
});
