import { sqlArray, sqlLiteral } from './session-statements';

describe('session statement arguments', () => {
  it.each([
    [null, 'NULL'],
    [42, "'42'"],
    [-1.5, "'-1.5'"],
    ['plain', "'plain'"],
    ["it's", "'it''s'"],
    ['back\\slash', " E'back\\\\slash'"],
  ])('quotes %p as %s', (value, literal) => {
    expect(sqlLiteral(value)).toBe(literal);
  });

  it('refuses what cannot travel in a simple-protocol message', () => {
    expect(() => sqlLiteral('nul\u0000inside')).toThrow(/NUL/);
    expect(() => sqlLiteral(Number.NaN)).toThrow(/finite/);
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });

  it('writes arrays in their text form, quoting every element', () => {
    expect(sqlArray([])).toBe('{}');
    expect(sqlArray(['a', 'b c', 'q"uote', 'back\\slash', 'NULL', '{x,y}'])).toBe('{"a","b c","q\\"uote","back\\\\slash","NULL","{x,y}"}');
  });
});
