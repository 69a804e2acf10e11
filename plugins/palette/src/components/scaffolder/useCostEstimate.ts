import { useApi } from '@backstage/core-plugin-api';
import {
  ClusterRequestInput,
  CostEstimate,
} from '@palette-backstage/plugin-palette-common';
import useAsync from 'react-use/esm/useAsync';
import { paletteApiRef } from '../../api/PaletteApi';
import { useSettled } from './useSettled';

/** How long the form must rest before its cost is asked for again. */
export const ESTIMATE_DELAY_MS = 500;

/** What palette-backend answered for one request (by its key). */
interface Outcome {
  key: string;
  estimate?: CostEstimate;
  error?: Error;
}

/**
 * The cost estimate of a request, asked for once the request has stopped
 * changing for a moment. Requests are compared by content, so a form that
 * re-renders with the same request is not estimated again. Each answer
 * remembers the request it is for: `current` only when it is for the
 * request given now, `loading` until then (the last answer stays readable
 * meanwhile).
 */
export function useCostEstimate(request?: ClusterRequestInput) {
  const paletteApi = useApi(paletteApiRef);
  const key = request ? JSON.stringify(request) : '';
  const settled = useSettled(key, ESTIMATE_DELAY_MS);
  const { value: outcome } = useAsync(async (): Promise<
    Outcome | undefined
  > => {
    if (!settled) return undefined;
    try {
      return {
        key: settled,
        estimate: await paletteApi.estimateCost(JSON.parse(settled)),
      };
    } catch (e) {
      return {
        key: settled,
        error: e instanceof Error ? e : new Error(String(e)),
      };
    }
  }, [paletteApi, settled]);
  const current = !!key && outcome?.key === key;
  return {
    value: outcome?.estimate,
    error: outcome?.error,
    loading: !!key && !current,
    current,
  };
}
