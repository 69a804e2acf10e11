import { escapeGoTemplate } from './goTemplate';

/** What Go's text/template prints for the escaped text (the one action it contains). */
const goTemplateOutput = (text: string) => text.replaceAll('{{ "{{" }}', '{{');

describe('escapeGoTemplate', () => {
  it('turns every {{ into an action that prints it', () => {
    const text =
      'summary: "{{ $labels.instance }} down"\nother: "{{.Values.x}}{{y}}"';
    const escaped = escapeGoTemplate(text);
    expect(escaped).toBe(
      'summary: "{{ "{{" }} $labels.instance }} down"\nother: "{{ "{{" }}.Values.x}}{{ "{{" }}y}}"',
    );
    expect(goTemplateOutput(escaped)).toBe(text);
  });

  it('leaves text without braces alone', () => {
    expect(escapeGoTemplate('a: 1\nb: "}}"\n')).toBe('a: 1\nb: "}}"\n');
  });
});
