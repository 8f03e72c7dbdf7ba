import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('parseRoute', () => {
  it('reads home and table links, codes in any case', () => {
    expect(parseRoute('/')).toEqual({ screen: 'home' });
    expect(parseRoute('/t/BCDFG')).toEqual({ screen: 'table', code: 'BCDFG' });
    expect(parseRoute('/t/bcdfg/')).toEqual({ screen: 'table', code: 'BCDFG' });
  });

  it('reads a finished game\'s replay link; a /g/ link that cannot name a game is a bad game link', () => {
    const id = '0f8e5a1c-3b2d-4c6e-9a7b-1d2e3f4a5b6c';
    expect(parseRoute(`/g/${id}`)).toEqual({ screen: 'replay', id });
    expect(parseRoute(`/g/${id.toUpperCase()}/`)).toEqual({ screen: 'replay', id });
    for (const path of ['/g/', '/g/abc', `/g/${id}/extra`, '/g/%E0', `/g/${id}x`]) {
      expect(parseRoute(path), path).toEqual({ screen: 'badGameLink' });
    }
  });

  it('calls every other link bad rather than showing home under it', () => {
    for (const path of ['/t/%3Cb%3E', '/t/ABCDE/extra', '/t/', '/t/BCDFGH', '/t/AEIOU', '/t/%E0', '/tables', '/t']) {
      expect(parseRoute(path), path).toEqual({ screen: 'badLink' });
    }
  });
});
