import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('parseRoute', () => {
  it('reads home and table links, codes in any case', () => {
    expect(parseRoute('/')).toEqual({ screen: 'home' });
    expect(parseRoute('/t/BCDFG')).toEqual({ screen: 'table', code: 'BCDFG' });
    expect(parseRoute('/t/bcdfg/')).toEqual({ screen: 'table', code: 'BCDFG' });
  });

  it('calls every other link bad rather than showing home under it', () => {
    for (const path of ['/t/%3Cb%3E', '/t/ABCDE/extra', '/t/', '/t/BCDFGH', '/t/AEIOU', '/t/%E0', '/tables', '/t']) {
      expect(parseRoute(path), path).toEqual({ screen: 'badLink' });
    }
  });
});
