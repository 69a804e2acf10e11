import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { ResourceType } from '../api/resourceTypes';
import { compileSchema } from './schema';
import type { CrdSchema, LoadedCrds } from './types';

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Every `*.yaml` / `*.yml` file below `dir`, in a stable (sorted) order. */
function yamlFiles(dir: string): string[] {
  const files: string[] = [];
  const entries = fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : Number(a.name > b.name)));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...yamlFiles(full));
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.push(full);
  }
  return files;
}

function isCrd(doc: unknown): doc is JsonObject & { spec: JsonObject } {
  return (
    isObject(doc) &&
    doc.kind === 'CustomResourceDefinition' &&
    typeof doc.apiVersion === 'string' &&
    doc.apiVersion.startsWith('apiextensions.k8s.io/') &&
    isObject(doc.spec)
  );
}

/**
 * Loads every CustomResourceDefinition in the YAML files below `dir`
 * (recursively; `*.yaml` and `*.yml`, several documents per file allowed).
 * Documents of other kinds and files of other types are ignored.
 *
 * Each served version becomes one ResourceType and gets its
 * `openAPIV3Schema` compiled once, here. Unserved versions are left out.
 * When two files define the same group, version and kind, the later file
 * (in sorted path order) wins.
 *
 * @public
 */
export function loadCrdsFromDir(dir: string): LoadedCrds {
  const types = new Map<string, ResourceType>();
  const schemas = new Map<string, CrdSchema>();
  const openApiSchemas = new Map<string, Record<string, unknown>>();
  const celRulesByKey = new Map<string, number>();

  for (const file of yamlFiles(dir)) {
    let docs: unknown[];
    try {
      // The core schema: no timestamps turned into Dates, as in JSON.
      docs = yaml.loadAll(fs.readFileSync(file, 'utf8'), undefined, {
        schema: yaml.CORE_SCHEMA,
        filename: file,
      });
    } catch (error) {
      throw new Error(
        `Cannot read CRD file ${file}: ${(error as Error).message}`,
      );
    }
    for (const doc of docs) {
      if (!isCrd(doc)) continue;
      const spec = doc.spec;
      const names = isObject(spec.names) ? spec.names : {};
      const group = str(spec.group);
      const kind = str(names.kind);
      const plural = str(names.plural);
      if (group === undefined || kind === undefined || plural === undefined) {
        throw new Error(
          `CRD in ${file} has no spec.group, spec.names.kind or spec.names.plural`,
        );
      }
      const singular = str(names.singular) ?? kind.toLowerCase();
      const shortNames = Array.isArray(names.shortNames)
        ? names.shortNames.filter((n): n is string => typeof n === 'string')
        : [];
      const namespaced = spec.scope !== 'Cluster';

      const versions: JsonObject[] = Array.isArray(spec.versions)
        ? spec.versions.filter(isObject)
        : [];
      // apiextensions.k8s.io/v1beta1 CRDs may name a single version.
      if (versions.length === 0 && str(spec.version)) {
        versions.push({ name: spec.version, served: true, storage: true });
      }

      for (const v of versions) {
        const version = str(v.name);
        if (version === undefined || v.served === false) continue;
        const subresources = isObject(v.subresources)
          ? v.subresources
          : spec.subresources;
        const hasStatus = isObject(subresources) && 'status' in subresources;
        const validation = isObject(v.schema) ? v.schema : spec.validation;
        const openAPIV3Schema = isObject(validation)
          ? validation.openAPIV3Schema
          : undefined;

        const key = `${group}/${version}/${kind}`;
        types.set(key, {
          group,
          version,
          kind,
          plural,
          singular,
          namespaced,
          hasStatus,
          ...(shortNames.length > 0 ? { shortNames } : {}),
        });
        const compiled = compileSchema(
          isObject(openAPIV3Schema)
            ? openAPIV3Schema
            : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          { preserveUnknownFields: spec.preserveUnknownFields === true },
        );
        schemas.set(key, compiled);
        if (isObject(openAPIV3Schema)) openApiSchemas.set(key, openAPIV3Schema);
        celRulesByKey.set(key, compiled.celRules);
      }
    }
  }

  let skippedCelRules = 0;
  for (const n of celRulesByKey.values()) skippedCelRules += n;

  return {
    types: [...types.values()],
    schemaFor: (group, version, kind) =>
      schemas.get(`${group}/${version}/${kind}`),
    openApiSchemaFor: (group, version, kind) =>
      openApiSchemas.get(`${group}/${version}/${kind}`),
    skippedCelRules,
  };
}
