import {
  emptyImportForm,
  ImportForm,
  isImportFieldShown,
  toImportRequest,
  validateImportForm,
} from './importForm';

const filled = (overrides: Partial<ImportForm> = {}): ImportForm => ({
  ...emptyImportForm(),
  name: ' legacy-eks ',
  kubeconfig: 'apiVersion: v1\nkind: Config\n',
  owner: 'team-apollo',
  project: 'payments',
  environment: 'production',
  ...overrides,
});

const fieldsOf = (form: ImportForm) =>
  validateImportForm(form).map(m => `${m.field}: ${m.message}`);

describe('import form', () => {
  it('builds a read-only request with entity refs and no add-ons', () => {
    expect(
      toImportRequest(
        filled({ addOns: [{ name: 'observability', version: '2.0.0' }] }),
      ),
    ).toEqual({
      name: 'legacy-eks',
      kubeconfig: 'apiVersion: v1\nkind: Config\n',
      mode: 'read-only',
      addOnProfiles: [],
      owner: 'group:default/team-apollo',
      project: 'system:default/payments',
      environment: 'production',
    });
  });

  it('sends add-ons, context and description only when set, add-ons in managed mode', () => {
    expect(
      toImportRequest(
        filled({
          mode: 'managed',
          addOns: [{ name: 'observability', version: '2.0.0' }],
          context: ' prod-admin ',
          description: 'The old payments cluster',
        }),
      ),
    ).toMatchObject({
      mode: 'managed',
      addOnProfiles: [{ name: 'observability', version: '2.0.0' }],
      context: 'prod-admin',
      description: 'The old payments cluster',
    });
  });

  it('accepts a complete form', () => {
    expect(validateImportForm(filled())).toEqual([]);
  });

  it('says what is missing in plain words, once per field', () => {
    expect(
      fieldsOf({ ...emptyImportForm(), kubeconfig: '  ', environment: '' }),
    ).toEqual([
      'name: is required',
      'kubeconfig: is required',
      'owner: is required',
      'project: is required',
      'environment: is required',
    ]);
  });

  it("refuses what the API's schema refuses", () => {
    expect(
      fieldsOf(
        filled({
          name: 'Legacy_EKS',
          owner: 'a:b:c',
          environment: 'Prod!',
          kubeconfig: 'x'.repeat(256 * 1024 + 1),
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^name: must be a DNS-1123 label/),
      'kubeconfig: is larger than 256 KiB',
      expect.stringMatching(/^owner: must be a group/),
      expect.stringMatching(/^environment: must be a lowercase name/),
    ]);
  });

  it('knows which fields it shows next to an input', () => {
    expect(isImportFieldShown('kubeconfig')).toBe(true);
    expect(isImportFieldShown('addOnProfiles.0.version')).toBe(true);
    expect(isImportFieldShown('managementCluster')).toBe(false);
  });
});
