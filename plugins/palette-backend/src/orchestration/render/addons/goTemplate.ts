/**
 * CAAPH renders a HelmChartProxy's `valuesTemplate` as a Go template (with
 * the Cluster and its control plane as data) before handing the values to
 * Helm. Palette resolves its own variables before that, so whatever braces
 * remain in the values are data, e.g. Prometheus alert templates
 * (`{{ $labels.instance }}`) or Helm `tpl` strings: each `{{` is written as
 * the Go template action `{{ "{{" }}`, which prints it back, so the values
 * reach Helm exactly as the profile holds them. (`}}` outside an action is
 * plain text to Go templates and needs nothing.)
 */
export function escapeGoTemplate(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}
