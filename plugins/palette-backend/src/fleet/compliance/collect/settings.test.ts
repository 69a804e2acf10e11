import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { scanCollectionTask } from '.';
import { ComplianceService } from '../ComplianceService';
import {
  DEFAULT_SCAN_COLLECTION_SETTINGS,
  readScanCollectionSettings,
} from './settings';

const taskOf = (config: object) =>
  scanCollectionTask({
    config: new ConfigReader(config),
    service: {} as ComplianceService,
    clusters: { list: jest.fn() },
    readKubeconfig: jest.fn(),
    auditor: mockServices.auditor.mock(),
    logger: mockServices.logger.mock(),
  });

describe('scan collection settings', () => {
  it('is off by default: no task is scheduled', () => {
    expect(readScanCollectionSettings(new ConfigReader({}))).toEqual(
      DEFAULT_SCAN_COLLECTION_SETTINGS,
    );
    expect(DEFAULT_SCAN_COLLECTION_SETTINGS.enabled).toBe(false);
    expect(taskOf({})).toBeUndefined();
    expect(
      taskOf({ palette: { compliance: { collectScans: { enabled: false } } } }),
    ).toBeUndefined();
  });

  it('runs hourly once enabled, and reads each key', () => {
    expect(
      taskOf({ palette: { compliance: { collectScans: { enabled: true } } } }),
    ).toMatchObject({
      id: 'palette-compliance-scan-collection',
      frequency: { hours: 1 },
    });
    expect(
      readScanCollectionSettings(
        new ConfigReader({
          palette: {
            compliance: {
              collectScans: {
                enabled: true,
                frequency: { minutes: 15 },
                namespace: 'security',
                label: 'example.com/report',
                concurrency: 8,
              },
            },
          },
        }),
      ),
    ).toEqual({
      enabled: true,
      frequency: { minutes: 15 },
      namespace: 'security',
      label: 'example.com/report',
      concurrency: 8,
    });
  });

  it('refuses a concurrency below one', () => {
    expect(() =>
      readScanCollectionSettings(
        new ConfigReader({
          palette: { compliance: { collectScans: { concurrency: 0 } } },
        }),
      ),
    ).toThrow(/collectScans\.concurrency must be a positive integer/);
  });
});
