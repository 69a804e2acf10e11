import { ScanResult } from '@palette-backstage/plugin-palette-common';

/** A report reduced to its verdict and counts; the store adds when it arrived. */
export type ParsedScan = Omit<ScanResult, 'receivedAt'>;
