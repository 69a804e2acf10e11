import http from 'node:http';
import { ResourceType } from '../api/resourceTypes';
import { parseFieldSelector, parseLabelSelector } from '../store/labelSelector';
import { ObjectStore } from '../store/ObjectStore';
import { StatusError } from './StatusError';

interface WatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
}

const BOOKMARK_INTERVAL_MS = 1_000;

/**
 * Streams watch events as newline-delimited JSON, as the API server does.
 * A resourceVersion older than the kept history gets an in-stream ERROR event
 * with a 410 `Status` (as a real server sends it), so informers re-list.
 */
export function serveWatch(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  store: ObjectStore,
  type: ResourceType,
  options: WatchOptions,
) {
  const matchLabels = parseLabelSelector(options.labelSelector);
  const matchFields = parseFieldSelector(options.fieldSelector);
  const typeKey = `${type.group}/${type.plural}`;
  res.writeHead(200, {
    'content-type': 'application/json',
    'transfer-encoding': 'chunked',
  });
  // Clients wait for the headers before reading events: send them now.
  res.flushHeaders();
  const write = (obj: unknown) => res.write(`${JSON.stringify(obj)}\n`);

  let from = Number(options.resourceVersion);
  if (
    !options.resourceVersion ||
    options.resourceVersion === '0' ||
    Number.isNaN(from)
  ) {
    // "Any" resourceVersion: start with the current state as ADDED events.
    from = store.currentRevision;
    for (const obj of store.list(type, { namespace: options.namespace })
      .items) {
      if (matchLabels(obj.metadata.labels) && matchFields(obj))
        write({ type: 'ADDED', object: obj });
    }
  }

  let lastSent = from;
  let unsubscribe: () => void = () => {};
  try {
    unsubscribe = store.watch(from, event => {
      if (event.typeKey !== typeKey) return;
      const obj = event.object;
      if (
        options.namespace !== undefined &&
        obj.metadata.namespace !== options.namespace
      )
        return;
      if (!matchLabels(obj.metadata.labels) || !matchFields(obj)) return;
      lastSent = event.resourceVersion;
      write({ type: event.type, object: obj });
    });
  } catch (error) {
    if (error instanceof StatusError) {
      write({ type: 'ERROR', object: error.toStatus() });
      res.end();
      return;
    }
    throw error;
  }

  const timers: NodeJS.Timeout[] = [];
  if (options.allowBookmarks) {
    timers.push(
      setInterval(() => {
        const apiVersion = type.group
          ? `${type.group}/${type.version}`
          : type.version;
        write({
          type: 'BOOKMARK',
          object: {
            apiVersion,
            kind: type.kind,
            metadata: {
              resourceVersion: String(
                Math.max(lastSent, store.currentRevision),
              ),
            },
          },
        });
      }, BOOKMARK_INTERVAL_MS),
    );
  }
  const stop = () => {
    unsubscribe();
    timers.forEach(t => clearInterval(t));
    res.end();
  };
  if (options.timeoutSeconds)
    timers.push(setTimeout(stop, options.timeoutSeconds * 1000));
  req.on('close', stop);
}
