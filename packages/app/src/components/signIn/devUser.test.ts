import { readDevUser } from './devUser';

function fakeWindow(search: string, storage = new Map<string, string>()) {
  return {
    location: { search } as Location,
    sessionStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    } as Storage,
    storage,
  };
}

describe('readDevUser', () => {
  it('takes the user from ?as= and keeps it for later loads of the tab', () => {
    const storage = new Map<string, string>();
    expect(readDevUser(fakeWindow('?as=alice', storage))).toBe('alice');
    expect(readDevUser(fakeWindow('', storage))).toBe('alice');
  });

  it('goes back to guest with an empty ?as=', () => {
    const storage = new Map([['palette.devUser', 'alice']]);
    expect(readDevUser(fakeWindow('?as=', storage))).toBeUndefined();
    expect(storage.size).toBe(0);
  });

  it('is undefined when no user was chosen', () => {
    expect(readDevUser(fakeWindow('?foo=bar'))).toBeUndefined();
  });
});
