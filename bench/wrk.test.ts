import { describe, expect, it } from 'vitest';
import { parseWrk } from './wrk';

// A report in the shape wrk 4.1 prints with --latency (numbers made up for the test).
const report = (extra: string, p99 = '9.46ms') => `Running 2s test @ http://127.0.0.1:3601/
  1 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.46ms    1.53ms  22.79ms   94.77%
    Req/Sec     1.66k   164.07     1.85k    66.67%
  Latency Distribution
     50%    2.21ms
     75%    2.68ms
     90%    3.33ms
     99%    ${p99}
  3477 requests in 2.10s, 1.72MB read
${extra}Requests/sec:   1656.40
Transfer/sec:    840.93KB
`;

describe('parseWrk', () => {
  it('reads throughput, the 99th percentile and the request count', () => {
    expect(parseWrk(report(''))).toEqual({ requestsPerSecond: 1656, p99Ms: 9.46, requests: 3477, non2xx: 0, errors: 0 });
  });

  it('counts refused answers and every kind of socket error', () => {
    const parsed = parseWrk(report('  Socket errors: connect 1, read 2, write 0, timeout 4\n  Non-2xx or 3xx responses: 12\n', '1.20s'));
    expect(parsed).toMatchObject({ non2xx: 12, errors: 7, p99Ms: 1200 });
  });

  it('refuses output without a result', () => {
    expect(() => parseWrk('unable to connect to 127.0.0.1:9 Connection refused\n')).toThrow(/no result/);
  });
});
