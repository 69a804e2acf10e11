import { referencedVariableNames } from '../../../profiles';
import type { RenderContext } from '../context';
import { clusterObjectName } from '../names';

/**
 * CAAPH takes chart values only inline (`valuesTemplate`), with no Secret
 * to read them from, so the value of a sensitive variable that an add-on's
 * values reference ends up in the HelmChartProxy on the management cluster.
 * Each such case is reported as a warning, so that it is a decision and
 * access to HelmChartProxies can be restricted (or the chart pointed at an
 * existing Secret instead).
 */
export function warnAboutInlineSecrets(ctx: RenderContext): void {
  for (const layer of ctx.addOns) {
    if (layer.pack.kind.type !== 'helm') continue;
    const profile = layer.source.profile;
    const raw = profile.layers.find(l => l.packName === layer.pack.name);
    for (const name of referencedVariableNames(raw?.values)) {
      const variable = profile.variables?.find(v => v.name === name);
      if (variable?.sensitive) {
        ctx.messages.warning(
          'variable.sensitiveInline',
          `variables.${name}`,
          `the sensitive variable "${name}" is written into the values of HelmChartProxy ${clusterObjectName(
            ctx.request.name,
            layer.pack.name,
          )} on the management cluster (CAAPH has no Secret-backed values); restrict who can read HelmChartProxies in namespace "${
            ctx.namespace
          }"`,
          layer.pack.name,
        );
      }
    }
  }
}
