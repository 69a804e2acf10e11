import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles each wait up to the cap, shortened by at most a fifth, and starts over after reset', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1000 });
    const waits = Array.from({ length: 6 }, () => backoff.next());
    const bases = [100, 200, 400, 800, 1000, 1000];
    waits.forEach((wait, i) => {
      expect(wait).toBeLessThanOrEqual(bases[i]);
      expect(wait).toBeGreaterThanOrEqual(bases[i] * 0.8);
    });
    backoff.reset();
    expect(backoff.next()).toBeLessThanOrEqual(100);
  });
});
