/** Hours in an average month (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;

/**
 * The built-in price list: approximate on-demand (pay-as-you-go, Linux)
 * list prices in USD of common instance types in a few regions, and
 * showback rates for private clouds. They make estimates meaningful out of
 * the box; an organisation puts its negotiated prices in `palette.cost`,
 * which is merged over these per cloud, region and instance type.
 */
export const DEFAULT_PUBLIC_PRICES = {
  aws: {
    defaultRegion: 'us-east-1',
    storagePerGbMonth: 0.08, // gp3
    nodeDiskGb: 80,
    regions: {
      'us-east-1': {
        't3.medium': 0.0416,
        't3.large': 0.0832,
        'm5.large': 0.096,
        'm5.xlarge': 0.192,
        'm5.2xlarge': 0.384,
        'm6i.large': 0.096,
        'm6i.xlarge': 0.192,
        'c5.xlarge': 0.17,
        'r5.xlarge': 0.252,
      },
      'eu-west-1': {
        't3.medium': 0.0456,
        't3.large': 0.0912,
        'm5.large': 0.107,
        'm5.xlarge': 0.214,
        'm5.2xlarge': 0.428,
        'm6i.large': 0.107,
        'm6i.xlarge': 0.214,
        'c5.xlarge': 0.192,
        'r5.xlarge': 0.282,
      },
    },
  },
  azure: {
    defaultRegion: 'eastus',
    storagePerGbMonth: 0.1, // Premium SSD, roughly
    nodeDiskGb: 128,
    regions: {
      eastus: {
        Standard_B2s: 0.0416,
        Standard_D2s_v5: 0.096,
        Standard_D4s_v5: 0.192,
        Standard_D8s_v5: 0.384,
        Standard_E4s_v5: 0.252,
      },
      westeurope: {
        Standard_B2s: 0.0456,
        Standard_D2s_v5: 0.11,
        Standard_D4s_v5: 0.22,
        Standard_D8s_v5: 0.44,
        Standard_E4s_v5: 0.288,
      },
    },
  },
  gcp: {
    defaultRegion: 'us-central1',
    storagePerGbMonth: 0.1, // pd-balanced
    nodeDiskGb: 100,
    regions: {
      'us-central1': {
        'e2-standard-2': 0.067,
        'e2-standard-4': 0.134,
        'n2-standard-2': 0.0971,
        'n2-standard-4': 0.1942,
        'n2-standard-8': 0.3885,
      },
      'europe-west1': {
        'e2-standard-2': 0.0737,
        'e2-standard-4': 0.1474,
        'n2-standard-2': 0.1069,
        'n2-standard-4': 0.2138,
        'n2-standard-8': 0.4275,
      },
    },
  },
};

/** Hourly fees of managed control planes (EKS standard support, AKS Standard tier, GKE Standard). */
export const DEFAULT_MANAGED_CONTROL_PLANE_HOURLY = {
  eks: 0.1,
  aks: 0.1,
  gke: 0.1,
};

/**
 * Private clouds have no price list: a showback rate per resource. Dev
 * (local) clusters get the same rate so that a demo fleet shows meaningful
 * numbers; set them to 0 in `palette.cost.private.dev` to make them free.
 */
const SHOWBACK = { vcpuHour: 0.02, memoryGbHour: 0.0025, storageGbMonth: 0.05 };
export const DEFAULT_PRIVATE_RATES = {
  vsphere: SHOWBACK,
  openstack: SHOWBACK,
  maas: SHOWBACK,
  dev: SHOWBACK,
};
