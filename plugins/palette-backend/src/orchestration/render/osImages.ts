import type { OsPackKind } from '@palette-backstage/plugin-palette-common';
import type { RenderContext } from './context';

/**
 * The OS part of Cluster API image-builder's image names: `ubuntu-2404`,
 * `flatcar-stable-4459.2.4`, `rhel-9`.
 */
export function imageBuilderOs(os: OsPackKind): string {
  const [major, minor] = os.release.split('.');
  switch (os.distribution) {
    case 'ubuntu':
      return `ubuntu-${major}${minor ?? ''}`;
    case 'flatcar':
      return `flatcar-stable-${os.release}`;
    case 'rhel':
      return `rhel-${major}`;
    default:
      return os.distribution;
  }
}

/**
 * The name image-builder gives a node image of this OS and Kubernetes
 * version, e.g. `ubuntu-2404-kube-v1.34.10`: the vSphere VM template, the
 * OpenStack Glance image or the MAAS boot resource the platform team
 * publishes for each profile version.
 */
export function kubeImageName(ctx: RenderContext): string {
  return `${imageBuilderOs(ctx.os.kind)}-kube-${ctx.kubernetesVersion}`;
}

/** Whether nodes boot with cloud-init (Flatcar uses Ignition, without Jinja templating). */
export function usesCloudInit(ctx: RenderContext): boolean {
  return ctx.os.kind.distribution !== 'flatcar';
}
