import { flags, num, nums, str } from '../../table/boardFields';
import type { GameTableParts, TablePartProps } from '../../table/gameParts';
import { seatLabel } from '../../table/SeatBadges';
import { ShortCards } from '../../table/ShortCards';
import { HeartsCenter } from './HeartsCenter';

const PASS_SIZE = 3;
/** The pass button's words: "Pass 3 cards to the left", never a fraction that reads as "remaining". */
const PASS_BUTTON_WORDS: Readonly<Record<string, string>> = { left: 'to the left', right: 'to the right', across: 'across' };
/** Seats clockwise from the passer to whom it passes. */
const PASS_TARGET: Readonly<Record<string, number>> = { left: 1, across: 2, right: 3 };

function passing({ board }: TablePartProps): boolean {
  return str(board, 'phase') === 'passing';
}

function passedAlready(props: TablePartProps): boolean {
  return passing(props) && props.mySeat !== null && flags(props.board, 'passedSeats')[props.mySeat] === true;
}

/** What this seat passed (while the others choose) and received (before the first lead). */
function HeartsHandActions(props: TablePartProps) {
  const passedCards = nums(props.mine, 'passed');
  const receivedCards = nums(props.mine, 'received');
  const showReceived = str(props.board, 'phase') === 'playing' && receivedCards.length > 0 && num(props.board, 'tricksPlayed', 0) === 0;
  return (
    <>
      {passedAlready(props) && passedCards.length > 0 && (
        <ShortCards label="You passed" cards={passedCards} testId="passed" />
      )}
      {showReceived && <ShortCards label="You received" cards={receivedCards} testId="received" />}
    </>
  );
}

export const heartsTable: GameTableParts = {
  howToPlay: [
    'Four players, 13 cards each. Before each hand pass 3 cards (left, right, across, then no pass).',
    'The two of clubs leads the first trick. Follow suit if you can; the highest card of the led suit takes the trick.',
    'Each heart is 1 point and the queen of spades 13. Hearts cannot be led until one has been played.',
    'Take all the points to "shoot the moon". The game ends at the target score; the lowest score wins.',
  ],
  lowerIsBetter: true,
  Center: HeartsCenter,
  HandActions: HeartsHandActions,
  pick: (props) => {
    if (!passing(props) || props.mySeat === null || passedAlready(props)) return null;
    const direction = str(props.board, 'passDirection', 'none');
    return {
      count: PASS_SIZE,
      buttonLabel: () => `Pass ${PASS_SIZE} cards ${PASS_BUTTON_WORDS[direction] ?? direction}`,
      move: (cards) => ({ type: 'pass', cards: [...cards] }),
    };
  },
  status: (props, activeNames) => {
    if (!passing(props)) return null;
    if (passedAlready(props)) return `Passed. Waiting for ${activeNames.join(', ') || 'the others'}…`;
    if (props.mySeat === null) return 'Players are choosing cards to pass.';
    const direction = str(props.board, 'passDirection', 'none');
    const offset = PASS_TARGET[direction];
    const to = offset !== undefined ? (props.mySeat + offset) % props.seats.length : null;
    return `Choose 3 cards to pass to ${to !== null ? seatLabel(props.seats[to], to) : 'the next player'} (${direction})`;
  },
  seatNote: (board, seat) => {
    if (str(board, 'phase') === 'passing') return flags(board, 'passedSeats')[seat] ? 'passed' : 'choosing';
    return (
      <>
        {nums(board, 'handPoints')[seat] ?? 0}
        <span className="word"> pts</span> this hand
      </>
    );
  },
  summaryNote: ({ board, seats }) => {
    const moon = num(board, 'moonShooter');
    return moon >= 0 ? <p><strong>{seatLabel(seats[moon], moon)}</strong> shot the moon!</p> : null;
  },
  describeEvent: (event, nameOf) => {
    switch (event.type) {
      case 'passed':
        return [`${nameOf(event.seat)} chose 3 cards to pass.`];
      case 'passesExchanged':
        return [`Cards were passed ${String(event.passDirection)}.`];
      case 'heartsBroken':
        return ['Hearts are broken.'];
      default:
        return undefined;
    }
  },
};
