/** Where a seat sits on screen, from the viewer's seat: the viewer at the bottom, clockwise to the left. */
export type Side = 'bottom' | 'left' | 'top' | 'right';

/** Sides for every seat, indexed by seat. Extra opponents share the top row. */
export function seatSides(seatCount: number, viewerSeat: number): Side[] {
  const others = seatCount - 1;
  const left = others <= 1 ? 0 : Math.max(1, Math.floor(others / 4));
  const right = left;
  const sides: Side[] = [];
  for (let seat = 0; seat < seatCount; seat++) {
    const r = (seat - viewerSeat + seatCount) % seatCount;
    if (r === 0) sides.push('bottom');
    else if (r <= left) sides.push('left');
    else if (r > others - right) sides.push('right');
    else sides.push('top');
  }
  return sides;
}
