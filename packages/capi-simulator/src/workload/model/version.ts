/** `1.32.3` of `v1.32.3-eks-4096722`. */
export function semverOf(gitVersion: string): string {
  return gitVersion.match(/^v?(\d+\.\d+\.\d+)/)?.[1] ?? '0.0.0';
}

/** The minor of a Kubernetes version (`32` of `v1.32.3`). */
export function minorOf(gitVersion: string): number {
  return Number(semverOf(gitVersion).split('.')[1]);
}
