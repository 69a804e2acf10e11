import type {
  ValidationMessage,
  ValidationSeverity,
} from '@palette-backstage/plugin-palette-common';

/**
 * Collects every problem of one render, so that a request is answered with
 * all of them at once. `field` is the path of the request field concerned
 * (`region`, `variables.podCidr`, `workerPools.1.instanceType`...), `layer`
 * the pack when the problem is in one.
 */
export class RenderMessages {
  readonly #messages: ValidationMessage[] = [];

  error(code: string, field: string, message: string, layer?: string): void {
    this.#add('error', code, field, message, layer);
  }

  warning(code: string, field: string, message: string, layer?: string): void {
    this.#add('warning', code, field, message, layer);
  }

  info(code: string, field: string, message: string, layer?: string): void {
    this.#add('info', code, field, message, layer);
  }

  /** Whether a finding with this code was reported on this field. */
  has(code: string, field: string): boolean {
    return this.#messages.some(m => m.code === code && m.field === field);
  }

  get hasErrors(): boolean {
    return this.#messages.some(m => m.severity === 'error');
  }

  list(): ValidationMessage[] {
    return [...this.#messages];
  }

  #add(
    severity: ValidationSeverity,
    code: string,
    field: string,
    message: string,
    layer?: string,
  ) {
    // The same finding reached twice (e.g. a pool's instance type also used
    // by the control plane) is reported once.
    const repeated = this.#messages.some(
      m =>
        m.severity === severity &&
        m.code === code &&
        m.field === field &&
        m.message === message,
    );
    if (repeated) return;
    this.#messages.push({
      severity,
      code,
      field,
      message,
      ...(layer !== undefined ? { layer } : {}),
    });
  }
}
