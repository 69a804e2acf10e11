import { WorkQueue } from './WorkQueue';

describe('WorkQueue', () => {
  it('processes a key once however often it was added, in order', async () => {
    const seen: string[] = [];
    const queue = new WorkQueue(key => seen.push(key));
    queue.add('a');
    queue.add('b');
    queue.add('a');
    expect(queue.isIdle()).toBe(false);
    await queue.idle();
    expect(seen).toEqual(['a', 'b']);
    expect(queue.isIdle()).toBe(true);
  });

  it('runs delayed keys after their delay, keeping the earliest schedule', async () => {
    const seen: Array<[string, number]> = [];
    const start = Date.now();
    const queue = new WorkQueue(key => seen.push([key, Date.now() - start]));
    queue.addAfter('late', 60);
    queue.addAfter('early', 20);
    queue.addAfter('late', 200); // later than scheduled: ignored
    await queue.idle();
    expect(seen.map(s => s[0])).toEqual(['early', 'late']);
    expect(seen[0][1]).toBeGreaterThanOrEqual(19);
    expect(seen[1][1]).toBeGreaterThanOrEqual(59);
    expect(seen[1][1]).toBeLessThan(190);
  });

  it('lets keys requeue themselves and stays responsive between slices', async () => {
    let count = 0;
    const queue = new WorkQueue(key => {
      count++;
      const busyUntil = performance.now() + 2;
      while (performance.now() < busyUntil) {
        // simulate work
      }
      if (count < 40) queue.add(key);
    }, 10);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    queue.add('k');
    await queue.idle();
    clearInterval(timer);
    expect(count).toBe(40);
    // ~80 ms of work in 10 ms slices: other callbacks ran in between.
    expect(ticks).toBeGreaterThan(2);
  });

  it('resolves idle waiters and drops work on stop', async () => {
    const seen: string[] = [];
    const queue = new WorkQueue(key => seen.push(key));
    queue.addAfter('x', 10_000);
    const idle = queue.idle();
    queue.stop();
    await idle;
    queue.add('y');
    await queue.idle();
    expect(seen).toEqual([]);
  });
});
