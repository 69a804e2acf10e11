const STORAGE_KEY = 'palette.devUser';

/**
 * The catalog user to sign in as: `?as=<name>` chooses one for this browser
 * tab (kept in sessionStorage so reloads stay signed in as them), `?as=`
 * goes back to guest.
 */
export function readDevUser(
  win: Pick<Window, 'location' | 'sessionStorage'>,
): string | undefined {
  const requested = new URLSearchParams(win.location.search).get('as');
  if (requested !== null) {
    if (requested) win.sessionStorage.setItem(STORAGE_KEY, requested);
    else win.sessionStorage.removeItem(STORAGE_KEY);
  }
  return win.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}
