import { Suit } from '@deckhand/rules';
import { SuitIcon } from '../../cards/SuitIcon';
import { flag, flags, num, nums, str } from '../../table/boardFields';
import type { TablePartProps } from '../../table/gameParts';
import { Trick } from '../../table/Trick';
import { SIDE_SEATS, sideName, sideOfSeat } from './sides';

/** Each side's combined bid, tricks taken, bags and score; then the markers and the trick. */
export function SpadesCenter({ board, seats, sides, mySeat }: TablePartProps) {
  const bids = nums(board, 'bids');
  const blind = flags(board, 'blindNil');
  const tricksWon = nums(board, 'tricksWon');
  const bags = nums(board, 'bags');
  const sideScores = nums(board, 'sideScores');
  const bidding = str(board, 'phase') === 'bidding';
  return (
    <>
      <div className="side-boards">
        {SIDE_SEATS.map((members, side) => {
          const sideBids = members.map((seat) => bids[seat] ?? -1);
          const contract = sideBids.reduce((sum, bid) => sum + Math.max(0, bid), 0);
          const nils = members.filter((seat) => bids[seat] === 0).map((seat) => (blind[seat] ? 'blind nil' : 'nil'));
          const taken = members.reduce((sum, seat) => sum + (tricksWon[seat] ?? 0), 0);
          const allBid = sideBids.every((bid) => bid >= 0);
          return (
            <section
              key={side}
              className={`side-board${mySeat !== null && sideOfSeat(mySeat) === side ? ' mine' : ''}`}
              aria-label={`Side ${side + 1}: ${sideName(seats, side)}`}
              data-testid={`side-${side}`}
            >
              <span className="side-names">{sideName(seats, side)}</span>
              <span>
                Bid {allBid || !bidding ? contract : `${contract}…`}
                {nils.length > 0 ? ` + ${nils.join(' + ')}` : ''} · Took {taken} · Bags {bags[side] ?? 0}
              </span>
              <span className="visually-hidden">, score </span>
              <span> · Score {sideScores[side] ?? 0}</span>
            </section>
          );
        })}
      </div>
      <div className="markers">
        <span className="marker">Hand {num(board, 'handNumber', 1)}</span>
        <span className="marker">Target {num(board, 'target', 500)}</span>
        <span className={`marker${flag(board, 'spadesBroken') ? ' hearts-broken' : ''}`}>
          <SuitIcon suit={Suit.Spades} /> {flag(board, 'spadesBroken') ? 'Spades broken' : 'Spades not broken'}
        </span>
      </div>
      <Trick board={board} seats={seats} sides={sides} />
    </>
  );
}
