import * as k8s from '@kubernetes/client-node';

/** Bounds of the server-side timeout of each watch request, in seconds. */
const WATCH_TIMEOUT_SECONDS = { min: 300, max: 600 };

/**
 * client-node's `Watch`, asking for what client-go's reflector asks for:
 * BOOKMARK events, so that the informer's resourceVersion keeps up with the
 * server on quiet resources and resuming after a reconnect rarely meets
 * 410 Gone; and a randomised server-side timeout, so that a connection that
 * died silently (no FIN) is replaced within minutes. The informer resumes
 * from its last resourceVersion after each clean close.
 */
export class BookmarkWatch extends k8s.Watch {
  override watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: any, watchObj?: any) => void,
    done: (err: any) => void,
  ): Promise<AbortController> {
    const { min, max } = WATCH_TIMEOUT_SECONDS;
    return super.watch(
      path,
      {
        ...queryParams,
        allowWatchBookmarks: true,
        timeoutSeconds: min + Math.floor(Math.random() * (max - min)),
      },
      callback,
      done,
    );
  }
}
