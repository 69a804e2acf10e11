import { RenderMessages } from './messages';

/** A machine size of the private clouds, where no instance type catalogue exists. */
export interface MachineSize {
  cpus: number;
  memoryMiB: number;
  diskGiB: number;
}

/**
 * The sizes a pool's `instanceType` names on vSphere and MAAS. The smallest
 * meets kubeadm's control plane minimum (2 CPUs, 2 GiB).
 */
export const MACHINE_SIZES: Readonly<Record<string, MachineSize>> = {
  small: { cpus: 2, memoryMiB: 4096, diskGiB: 40 },
  medium: { cpus: 4, memoryMiB: 8192, diskGiB: 60 },
  large: { cpus: 8, memoryMiB: 16384, diskGiB: 100 },
  xlarge: { cpus: 16, memoryMiB: 32768, diskGiB: 160 },
};

/** The size an instance type names; an unknown one is reported on `field` (and `medium` used). */
export function machineSize(
  instanceType: string,
  field: string,
  messages: RenderMessages,
): MachineSize {
  const size = MACHINE_SIZES[instanceType];
  if (size) return size;
  messages.error(
    'pool.instanceType',
    field,
    `"${instanceType}" is not a machine size here; use one of ${Object.keys(
      MACHINE_SIZES,
    ).join(', ')}`,
  );
  return MACHINE_SIZES.medium;
}
