import { splitRange } from './periods';

describe('splitRange', () => {
  it('reads whole months monthly and the days at either end daily', () => {
    expect(splitRange('2025-11-15', '2026-11-20')).toEqual([
      { rows: 'days', from: '2025-11-15', to: '2025-12-01' },
      { rows: 'months', from: '2025-12-01', to: '2026-11-01' },
      { rows: 'days', from: '2026-11-01', to: '2026-11-20' },
    ]);
  });

  it('leaves out empty ends on month boundaries', () => {
    expect(splitRange('2026-01-01', '2026-03-01')).toEqual([
      { rows: 'months', from: '2026-01-01', to: '2026-03-01' },
    ]);
    expect(splitRange('2026-01-01', '2026-02-10')).toEqual([
      { rows: 'months', from: '2026-01-01', to: '2026-02-01' },
      { rows: 'days', from: '2026-02-01', to: '2026-02-10' },
    ]);
    expect(splitRange('2025-12-31', '2026-02-01')).toEqual([
      { rows: 'days', from: '2025-12-31', to: '2026-01-01' },
      { rows: 'months', from: '2026-01-01', to: '2026-02-01' },
    ]);
  });

  it('reads a range without a whole month day by day', () => {
    expect(splitRange('2026-01-10', '2026-02-10')).toEqual([
      { rows: 'days', from: '2026-01-10', to: '2026-02-10' },
    ]);
    expect(splitRange('2026-01-01', '2026-01-31')).toEqual([
      { rows: 'days', from: '2026-01-01', to: '2026-01-31' },
    ]);
    expect(splitRange('2026-01-05', '2026-01-05')).toEqual([]);
  });

  it('handles open-ended lifetimes', () => {
    expect(splitRange('0000-01-01', '9999-12-31')).toEqual([
      { rows: 'months', from: '0000-01-01', to: '9999-12-01' },
      { rows: 'days', from: '9999-12-01', to: '9999-12-31' },
    ]);
  });
});
