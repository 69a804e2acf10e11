import { dateRangeProblem, NO_AUDIT_FILTERS, toAuditQuery } from './auditQuery';

describe('toAuditQuery', () => {
  it('sends only the filters that are set, trimmed, with the limit', () => {
    expect(
      toAuditQuery(
        { ...NO_AUDIT_FILTERS, actor: ' user:default/jane ', action: ' ' },
        50,
      ),
    ).toEqual({
      actor: 'user:default/jane',
      target: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
      limit: 50,
    });
  });

  it('turns days into the start and end of local days', () => {
    const query = toAuditQuery(
      { ...NO_AUDIT_FILTERS, from: '2026-10-01', to: '2026-10-02' },
      100,
    );
    expect(query.from).toBe(new Date(2026, 9, 1, 0, 0, 0, 0).toISOString());
    expect(query.to).toBe(new Date(2026, 9, 2, 23, 59, 59, 999).toISOString());
    expect(
      toAuditQuery({ ...NO_AUDIT_FILTERS, from: 'yesterday' }, 100).from,
    ).toBeUndefined();
  });

  it('finds a range that ends before it starts', () => {
    expect(
      dateRangeProblem({
        ...NO_AUDIT_FILTERS,
        from: '2026-10-02',
        to: '2026-10-01',
      }),
    ).toBe('must not be before From');
    expect(
      dateRangeProblem({
        ...NO_AUDIT_FILTERS,
        from: '2026-10-01',
        to: '2026-10-01',
      }),
    ).toBeUndefined();
  });
});
