import { describe, expect, it } from 'vitest';
import { machineBusySeconds } from './cpu';

describe('machineBusySeconds', () => {
  it('adds every non-idle column of the cpu line, in seconds', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice
    const stat = 'cpu  1000 50 300 9000 200 10 20 5 0 0\ncpu0 500 25 150 4500 100 5 10 2 0 0\n';
    expect(machineBusySeconds(stat)).toBeCloseTo((1000 + 50 + 300 + 10 + 20 + 5) / 100);
  });

  it('answers undefined for text without a cpu line', () => {
    expect(machineBusySeconds('intr 1 2 3\n')).toBeUndefined();
  });
});
