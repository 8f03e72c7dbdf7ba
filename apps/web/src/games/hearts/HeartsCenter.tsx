import { Suit } from '@deckhand/rules';
import { SuitIcon } from '../../cards/SuitIcon';
import { flag, num, str } from '../../table/boardFields';
import type { TablePartProps } from '../../table/gameParts';
import { Trick } from '../../table/Trick';

const PASS_WORDS: Readonly<Record<string, string>> = {
  left: 'Pass to the left',
  right: 'Pass to the right',
  across: 'Pass across',
  none: 'No pass this hand',
};

/** The hand number, the pass direction, whether hearts are broken, and the trick. */
export function HeartsCenter({ board, seats, sides }: TablePartProps) {
  const phase = str(board, 'phase');
  const direction = str(board, 'passDirection', 'none');
  return (
    <>
      <div className="markers">
        <span className="marker">Hand {num(board, 'handNumber', 1)}</span>
        {phase === 'passing' && <span className="marker" data-testid="pass-direction">{PASS_WORDS[direction] ?? direction}</span>}
        {flag(board, 'heartsBroken') ? (
          <span className="marker hearts-broken">
            <SuitIcon suit={Suit.Hearts} /> Hearts broken
          </span>
        ) : (
          <span className="marker">
            <SuitIcon suit={Suit.Hearts} /> Hearts not broken
          </span>
        )}
      </div>
      <Trick board={board} seats={seats} sides={sides} />
    </>
  );
}
