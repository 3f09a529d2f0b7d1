import { describe, expect, it } from 'vitest';
import { parsePublishLatency } from './scale-part';

describe('parsePublishLatency', () => {
  it('reads the p95 of the proxy line and judges it against 2 s', () => {
    const output = [
      "B shows the correction, from A's answer: n=20 min 12 ms p50 30 ms p95 61 ms max 80 ms",
      "a reader through nginx sees it, from A's answer: n=20 min 900 ms p50 1300 ms p95 1730 ms max 1900 ms",
      'OK: every change reached the other instance within 2000 ms (worst 80 ms)',
    ].join('\n');
    expect(parsePublishLatency(output)).toEqual({ line: "a reader through nginx sees it, from A's answer: n=20 min 900 ms p50 1300 ms p95 1730 ms max 1900 ms", p95Ms: 1730, ok: true });
    expect(parsePublishLatency(output.replace('p95 1730', 'p95 2300'))?.ok).toBe(false);
  });

  it('answers null when the check measured nothing through nginx', () => {
    expect(parsePublishLatency('nginx: not installed, the proxy is not measured\n')).toBeNull();
  });
});
