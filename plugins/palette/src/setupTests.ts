import '@testing-library/jest-dom';

// Component tests type into forms with user-event; on a loaded 2-core CI
// machine running every package at once, that can outlast jest's default
// 5 s. A generous limit, not a speed check (those are benchmarks).
jest.setTimeout(30_000);
