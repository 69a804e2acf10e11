import {
  CloudType,
  isManagedCloudType,
} from '@palette-backstage/plugin-palette-common';
import { HOURS_PER_MONTH } from './defaultPrices';
import { MACHINE_SIZES } from '../../orchestration/render';
import {
  CostSettings,
  ManagedCloud,
  PrivateCloud,
  PublicCloud,
} from './priceConfig';

/** A provider a cluster runs on (never `all`). */
export type Provider = Exclude<CloudType, 'all'>;

/** What one node costs per hour: its machine, and its disk apart. */
export interface NodePrice {
  computeHourly: number;
  storageHourly: number;
  diskGb: number;
}

/** Where a price applies: the cluster's provider, region and cloud account. */
export interface PriceContext {
  provider: Provider;
  region: string;
  cloudAccount: string;
}

/** The price list of each managed service's cloud. */
const CLOUD_OF: Record<Provider, PublicCloud | PrivateCloud> = {
  aws: 'aws',
  eks: 'aws',
  azure: 'azure',
  aks: 'azure',
  gcp: 'gcp',
  gke: 'gcp',
  vsphere: 'vsphere',
  openstack: 'openstack',
  maas: 'maas',
  dev: 'dev',
};

const isManaged = (p: Provider): p is ManagedCloud => isManagedCloudType(p);

/**
 * Prices of the fleet: list prices per cloud, region and instance type,
 * showback rates per resource on private clouds, managed control plane
 * fees, and per-account negotiated prices and discounts. One model serves
 * estimates (what a request would cost) and snapshots (what runs costs).
 */
export class PriceModel {
  constructor(readonly settings: CostSettings) {}

  get currency(): string {
    return this.settings.currency;
  }

  /** Whether the provider's control plane is a managed service (no machines). */
  static isManaged(provider: Provider): boolean {
    return isManaged(provider);
  }

  /** The price of one node of an instance type; `undefined` when unknown. */
  node(ctx: PriceContext, instanceType: string): NodePrice | undefined {
    const factor = this.#factor(ctx);
    const cloud = CLOUD_OF[ctx.provider];
    if (cloud in this.settings.private) {
      return this.#privateNode(cloud as PrivateCloud, instanceType, factor);
    }
    const prices = this.settings.public[cloud as PublicCloud];
    const hourly =
      this.settings.accounts[ctx.cloudAccount]?.instanceTypes[instanceType] ??
      prices.regions[ctx.region]?.[instanceType] ??
      // A region missing from the list is priced as the cloud's default
      // region: close enough for showback, and better than free.
      prices.regions[prices.defaultRegion]?.[instanceType];
    if (hourly === undefined) return undefined;
    return {
      computeHourly: hourly * factor,
      storageHourly:
        (prices.nodeDiskGb * prices.storagePerGbMonth * factor) /
        HOURS_PER_MONTH,
      diskGb: prices.nodeDiskGb,
    };
  }

  /** The hourly fee of the provider's managed control plane (0 when self-managed). */
  managedControlPlaneHourly(ctx: PriceContext): number {
    return isManaged(ctx.provider)
      ? this.settings.managedControlPlaneHourly[ctx.provider] *
          this.#factor(ctx)
      : 0;
  }

  /**
   * The price of one node by its resources, on private clouds (showback
   * rates per vCPU and GiB); `undefined` on public clouds, which price
   * instance types only.
   */
  nodeOfSize(
    ctx: PriceContext,
    size: { cpus: number; memoryMiB: number; diskGiB: number },
  ): NodePrice | undefined {
    const cloud = CLOUD_OF[ctx.provider];
    if (!(cloud in this.settings.private)) return undefined;
    return this.#sized(cloud as PrivateCloud, size, this.#factor(ctx));
  }

  #privateNode(
    cloud: PrivateCloud,
    instanceType: string,
    factor: number,
  ): NodePrice | undefined {
    const size = MACHINE_SIZES[instanceType];
    if (!size) return undefined;
    return this.#sized(cloud, size, factor);
  }

  #sized(
    cloud: PrivateCloud,
    size: { cpus: number; memoryMiB: number; diskGiB: number },
    factor: number,
  ): NodePrice {
    const rates = this.settings.private[cloud];
    return {
      computeHourly:
        (size.cpus * rates.vcpuHour +
          (size.memoryMiB / 1024) * rates.memoryGbHour) *
        factor,
      storageHourly:
        (size.diskGiB * rates.storageGbMonth * factor) / HOURS_PER_MONTH,
      diskGb: size.diskGiB,
    };
  }

  #factor(ctx: PriceContext): number {
    return 1 - (this.settings.accounts[ctx.cloudAccount]?.discount ?? 0);
  }
}
