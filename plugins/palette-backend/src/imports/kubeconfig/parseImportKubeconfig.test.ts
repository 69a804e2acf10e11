import yaml from 'js-yaml';
import { parseImportKubeconfig } from './parseImportKubeconfig';

const KUBECONFIG = yaml.dump({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [
    { name: 'prod', cluster: { server: 'https://prod.example.com:6443' } },
    { name: 'dev', cluster: { server: 'https://dev.example.com' } },
    { name: 'nowhere', cluster: {} },
  ],
  users: [
    { name: 'prod-admin', user: { token: 'prod-token' } },
    { name: 'dev-admin', user: { token: 'dev-token' } },
    { name: 'file-user', user: { 'client-certificate': '/etc/passwd' } },
  ],
  contexts: [
    { name: 'prod', context: { cluster: 'prod', user: 'prod-admin' } },
    { name: 'dev', context: { cluster: 'dev', user: 'dev-admin' } },
    { name: 'broken', context: { cluster: 'nowhere', user: 'dev-admin' } },
    { name: 'files', context: { cluster: 'dev', user: 'file-user' } },
  ],
  'current-context': 'dev',
});

describe('parseImportKubeconfig', () => {
  it('keeps only the imported context, its cluster and its user', () => {
    const parsed = parseImportKubeconfig(KUBECONFIG, 'prod');
    expect(parsed.server).toBe('https://prod.example.com:6443');
    expect(parsed.text).toContain('prod-token');
    expect(parsed.text).not.toContain('dev-token');
    expect(parsed.kubeConfig.getCurrentContext()).toBe('prod');
    expect(parseImportKubeconfig(KUBECONFIG).server).toBe(
      'https://dev.example.com',
    );
  });

  it.each([
    ['not: [yaml', undefined, /^kubeconfig: is not a kubeconfig/],
    [
      KUBECONFIG,
      'staging',
      /^kubeconfig: has no context "staging" \(it has prod, dev, broken, files\)$/,
    ],
    [KUBECONFIG, 'broken', /names no cluster with a server URL/],
    [KUBECONFIG, 'files', /client-certificate \(a file path\)/],
  ])('refuses %#', (text, context, message) => {
    expect(() => parseImportKubeconfig(text, context)).toThrow(message);
  });

  it('never echoes the content it could not parse', () => {
    let message = '';
    try {
      parseImportKubeconfig('token: s3cr3t\n  bad: [indent');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^kubeconfig: is not a kubeconfig/);
    expect(message).not.toContain('s3cr3t');
  });
});
