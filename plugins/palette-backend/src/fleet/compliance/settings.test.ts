import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_COMPLIANCE_SETTINGS,
  readComplianceSettings,
} from './settings';

describe('readComplianceSettings', () => {
  it('defaults to production requiring a policy engine and monitoring', () => {
    expect(readComplianceSettings(new ConfigReader({}))).toEqual(
      DEFAULT_COMPLIANCE_SETTINGS,
    );
    expect(DEFAULT_COMPLIANCE_SETTINGS.requiredAddons.production).toEqual([
      { purpose: 'policy engine', anyOf: ['kyverno', 'gatekeeper'] },
      { purpose: 'monitoring', anyOf: ['kube-prometheus-stack'] },
    ]);
  });

  it('reads each key, keeping the defaults of the others', () => {
    const settings = readComplianceSettings(
      new ConfigReader({
        palette: {
          compliance: {
            supportedMinors: 2,
            requiredAddons: {
              staging: [{ purpose: 'backups', anyOf: ['velero'] }],
            },
          },
        },
      }),
    );
    expect(settings).toEqual({
      ...DEFAULT_COMPLIANCE_SETTINGS,
      supportedMinors: 2,
      requiredAddons: { staging: [{ purpose: 'backups', anyOf: ['velero'] }] },
    });
  });

  it('names a bad key', () => {
    expect(() =>
      readComplianceSettings(
        new ConfigReader({
          palette: { compliance: { requiredAddons: { production: [{}] } } },
        }),
      ),
    ).toThrow(/palette\.compliance\.requiredAddons\.production\[0\]\.purpose/);
  });
});
