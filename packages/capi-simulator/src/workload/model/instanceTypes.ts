/** vCPUs and memory of the instance types the demo and the providers use. */
const SIZES: Record<string, { cpu: number; memoryGiB: number }> = {
  't3.medium': { cpu: 2, memoryGiB: 4 },
  't3.large': { cpu: 2, memoryGiB: 8 },
  'm5.large': { cpu: 2, memoryGiB: 8 },
  'm5.xlarge': { cpu: 4, memoryGiB: 16 },
  'm5.2xlarge': { cpu: 8, memoryGiB: 32 },
  'm6i.xlarge': { cpu: 4, memoryGiB: 16 },
  'm7i.xlarge': { cpu: 4, memoryGiB: 16 },
  'c5.xlarge': { cpu: 4, memoryGiB: 8 },
  'r5.xlarge': { cpu: 4, memoryGiB: 32 },
  Standard_D2s_v5: { cpu: 2, memoryGiB: 8 },
  Standard_D4s_v5: { cpu: 4, memoryGiB: 16 },
  Standard_D8s_v5: { cpu: 8, memoryGiB: 32 },
  Standard_E8s_v5: { cpu: 8, memoryGiB: 64 },
  'e2-standard-2': { cpu: 2, memoryGiB: 8 },
  'e2-standard-4': { cpu: 4, memoryGiB: 16 },
  'n2-standard-4': { cpu: 4, memoryGiB: 16 },
  'n2-standard-8': { cpu: 8, memoryGiB: 32 },
};

/** The size of an instance type; unknown types get a common 4 vCPU / 16 GiB size. */
export function instanceSize(instanceType: string | undefined): {
  cpu: number;
  memoryGiB: number;
} {
  return (instanceType && SIZES[instanceType]) || { cpu: 4, memoryGiB: 16 };
}
