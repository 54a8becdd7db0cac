import {
  FARGATE_CPU_VALUES,
  FARGATE_MEMORY_BY_CPU,
  allowedFargateMemory,
  describeFargateMemory,
  fargateSizeProblem,
  isFargateSize,
} from '../../src/aws/fargate';

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
    expect(allowedFargateMemory(256)).toBe('with cpu 256: one of 512, 1024, 2048');
    expect(allowedFargateMemory(16384)).toBe('with cpu 16384: 32768 to 122880 in steps of 8192');
    expect(allowedFargateMemory(3)).toBeUndefined();
  });

  it('words a size Fargate does not offer one way: the field at fault, the wrong value, what the CPU allows', () => {
    expect(fargateSizeProblem({ cpu: 512, memory: 1024 })).toBeUndefined();
    expect(fargateSizeProblem({ cpu: 512, memory: 512 })).toEqual({
      field: 'memory',
      message: 'Fargate does not offer 512 MiB with 512 CPU units',
      allowed: 'with cpu 512: 1024 to 4096 in steps of 1024',
    });
    expect(fargateSizeProblem({ cpu: 300, memory: 1024 })).toEqual({
      field: 'cpu',
      message: 'Fargate does not offer 300 CPU units',
      allowed: 'one of 256, 512, 1024, 2048, 4096, 8192, 16384',
    });
  });
});
