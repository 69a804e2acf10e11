/**
 * Types, zod schemas, permissions and annotation keys shared by the
 * Palette backend, scaffolder actions and frontend.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './health';
export * from './annotations';
export * from './packs';
export * from './profiles';
export * from './clusters';
export * from './governance';
export * from './fleet';
export * from './rollouts';
