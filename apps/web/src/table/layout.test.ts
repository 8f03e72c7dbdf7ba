import { describe, expect, it } from 'vitest';
import { seatSides } from './layout';

describe('seatSides', () => {
  it('puts the viewer at the bottom and the next seats clockwise: left, top, right', () => {
    expect(seatSides(4, 0)).toEqual(['bottom', 'left', 'top', 'right']);
    expect(seatSides(4, 2)).toEqual(['top', 'right', 'bottom', 'left']);
  });

  it('seats a lone opponent across, and three players left and right', () => {
    expect(seatSides(2, 1)).toEqual(['top', 'bottom']);
    expect(seatSides(3, 0)).toEqual(['bottom', 'left', 'right']);
  });

  it('lets extra opponents share the top row', () => {
    expect(seatSides(6, 0)).toEqual(['bottom', 'left', 'top', 'top', 'top', 'right']);
  });
});
