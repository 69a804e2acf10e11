import {
  canonicalJson,
  goNumber,
  goQuote,
  goSyntax,
  goValue,
} from './goFormat';

describe('Go-style printing', () => {
  it('quotes strings like strconv.Quote', () => {
    expect(goQuote('plain')).toBe('"plain"');
    expect(goQuote('say "hi"\n\t\\')).toBe('"say \\"hi\\"\\n\\t\\\\"');
    expect(goQuote('\u0001\u007f')).toBe('"\\x01\\x7f"');
    expect(goQuote('héllo')).toBe('"héllo"');
  });

  it('prints int64 in full and float64 in %v form', () => {
    expect(goNumber(42)).toBe('42');
    expect(goNumber(-7)).toBe('-7');
    expect(goNumber(2 ** 60)).toBe('1152921504606846976');
    expect(goNumber(1.5)).toBe('1.5');
    expect(goNumber(0.00001)).toBe('1e-05');
    expect(goNumber(1234567.5)).toBe('1.2345675e+06');
  });

  it('prints bad values as field.Error does', () => {
    expect(goValue('x')).toBe('"x"');
    expect(goValue(3)).toBe('3');
    expect(goValue(true)).toBe('true');
    expect(goValue(null)).toBe('"null"');
    expect(goValue({ b: 1, a: 'x' })).toBe(
      'map[string]interface {}{"a":"x", "b":1}',
    );
    expect(goSyntax([1, 'a', null])).toBe(
      '[]interface {}{1, "a", interface {}(nil)}',
    );
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(
      '{"a":null,"b":[1,{"c":2,"d":1}]}',
    );
  });
});
