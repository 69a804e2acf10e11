import { act, renderHook, waitFor } from '@testing-library/react';
import { usePolledValue } from './usePolledValue';

describe('usePolledValue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('loads again after the delay the value asks for, and stops when it asks for none', async () => {
    const values = [1, 2, 3];
    const load = jest.fn(async () => values.shift() ?? 99);
    const { result, unmount } = renderHook(() =>
      usePolledValue(load, [], value => (value < 3 ? 1000 : undefined)),
    );
    await waitFor(() => expect(result.current.value).toBe(1));
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() => expect(result.current.value).toBe(2));
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() => expect(result.current.value).toBe(3));
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(load).toHaveBeenCalledTimes(3);
    unmount();
  });

  it('keeps the last value through an error, says so, and tries again', async () => {
    let fail = false;
    const load = jest.fn(async () => {
      if (fail) throw new Error('backend down');
      return 'ok';
    });
    const { result, unmount } = renderHook(() =>
      usePolledValue(load, [], () => 1000, 5000),
    );
    await waitFor(() => expect(result.current.value).toBe('ok'));
    fail = true;
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    await waitFor(() =>
      expect(result.current.error?.message).toBe('backend down'),
    );
    expect(result.current.value).toBe('ok');
    fail = false;
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    await waitFor(() => expect(result.current.error).toBeUndefined());
    expect(load).toHaveBeenCalledTimes(3);
    unmount();
  });

  it('shows a value it is given, refreshes on demand, and stops polling when unmounted', async () => {
    const load = jest.fn(async () => 'loaded');
    const { result, unmount } = renderHook(() =>
      usePolledValue(load, [], () => 1000),
    );
    await waitFor(() => expect(result.current.value).toBe('loaded'));
    act(() => result.current.setValue('given'));
    expect(result.current.value).toBe('given');
    act(() => result.current.refresh());
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    unmount();
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads again at once when its dependencies change', async () => {
    const load = jest.fn(async (page: number) => `page ${page}`);
    const { result, rerender, unmount } = renderHook(
      ({ page }) =>
        usePolledValue(
          () => load(page),
          [page],
          () => undefined,
        ),
      { initialProps: { page: 1 } },
    );
    await waitFor(() => expect(result.current.value).toBe('page 1'));
    rerender({ page: 2 });
    // The previous page stays on screen while the next loads.
    expect(result.current.value).toBe('page 1');
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.value).toBe('page 2'));
    unmount();
  });
});
