import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** One configured management cluster (no credentials: those stay in the kubeconfig). */
export const managementClusterConfigSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label'),
    type: z.enum(['embedded', 'kubeconfig', 'inCluster']),
    kubeconfigPath: z.string().min(1).optional(),
    context: z.string().min(1).optional(),
    default: z.boolean().optional(),
    crdsDir: z.string().min(1).optional(),
    speed: z.enum(['instant', 'fast', 'realistic']).optional(),
  })
  .refine(c => c.type !== 'kubeconfig' || c.kubeconfigPath, {
    message: 'kubeconfigPath is required for type kubeconfig',
    path: ['kubeconfigPath'],
  });

export type ManagementClusterConfig = z.infer<
  typeof managementClusterConfigSchema
>;

/**
 * Reads `palette.managementClusters`. Without it the portal runs on one
 * embedded simulator, so that a fresh clone works with no setup.
 */
export function readManagementClusterConfig(
  config: Config,
): ManagementClusterConfig[] {
  const raw = config.getOptional('palette.managementClusters');
  if (raw === undefined)
    return [{ name: 'embedded', type: 'embedded', default: true }];
  const parsed = z.array(managementClusterConfigSchema).min(1).safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      i => `palette.managementClusters.${i.path.join('.')}: ${i.message}`,
    );
    throw new InputError(`Invalid configuration: ${issues.join('; ')}`);
  }
  const names = parsed.data.map(c => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate)
    throw new InputError(
      `Invalid configuration: management cluster "${duplicate}" is configured twice`,
    );
  if (parsed.data.filter(c => c.default).length > 1) {
    throw new InputError(
      'Invalid configuration: more than one management cluster is marked default',
    );
  }
  return parsed.data;
}
