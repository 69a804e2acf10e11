import { describeKubeError } from './kubeErrors';

describe('describeKubeError', () => {
  it('names refused credentials without echoing them', () => {
    expect(describeKubeError({ code: 401, body: 'Unauthorized' })).toBe(
      'the API server refused the configured credentials (HTTP 401)',
    );
  });

  it('gives the Status message of other HTTP errors', () => {
    const body = JSON.stringify({
      kind: 'Status',
      message: 'the server could not find the requested resource',
    });
    expect(describeKubeError({ code: 404, body })).toBe(
      'the API server answered HTTP 404: the server could not find the requested resource',
    );
    expect(describeKubeError({ statusCode: 500 })).toBe(
      'the API server answered HTTP 500',
    );
  });

  it('names network failures by their code, without the address', () => {
    const error = Object.assign(
      new Error(
        'request to https://10.0.0.5:6443/apis failed, reason: connect ECONNREFUSED 10.0.0.5:6443',
      ),
      { code: 'ECONNREFUSED' },
    );
    expect(describeKubeError(error)).toBe(
      'cannot connect to the API server (ECONNREFUSED)',
    );
    expect(
      describeKubeError(
        Object.assign(new Error('fetch failed'), {
          cause: { code: 'ENOTFOUND' },
        }),
      ),
    ).toBe('cannot connect to the API server (ENOTFOUND)');
    expect(
      describeKubeError(
        Object.assign(new Error('Premature close'), {
          code: 'ERR_STREAM_PREMATURE_CLOSE',
        }),
      ),
    ).toBe(
      'the connection to the API server was lost (ERR_STREAM_PREMATURE_CLOSE)',
    );
  });

  it('scrubs addresses and tokens from anything else', () => {
    expect(
      describeKubeError(
        new Error(
          'Bearer abc.def failed at https://mc.example.com:6443/x from 10.1.2.3\nstack',
        ),
      ),
    ).toBe('Bearer *** failed at <api-server> from <address>');
  });
});
