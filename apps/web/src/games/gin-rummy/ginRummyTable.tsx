import { cardText } from '../../cards/CardText';
import { num, nums, str } from '../../table/boardFields';
import type { GameTableParts, StandingsProps, TablePartProps } from '../../table/gameParts';
import { seatLabel } from '../../table/SeatBadges';
import { cardInSentence } from '../../table/words';
import { GinCenter, LaidOutHand } from './GinCenter';
import { GinHand } from './GinHand';
import './ginRummy.css';

/** A new hand remounts the hand, so it starts from the best arrangement. */
function Hand(props: TablePartProps) {
  return <GinHand key={num(props.board, 'handNumber', 1)} {...props} />;
}

const RESULT_WORDS: Readonly<Record<string, string>> = {
  knock: 'knocked and won the hand',
  undercut: 'undercut the knocker',
  gin: 'went gin',
  bigGin: 'went big gin',
};

/** The showdown: how the hand ended, both hands laid out with melds and layoffs. */
function Showdown({ board, seats }: StandingsProps) {
  const result = str(board, 'result');
  const winner = num(board, 'lastHandWinner');
  const knocker = num(board, 'knocker');
  if (result === 'dead' || knocker < 0) {
    return <p data-testid="showdown-result">The stock ran down to two cards: a dead hand, nobody scores.</p>;
  }
  const points = nums(board, 'lastHandPoints')[winner] ?? 0;
  const defender = 1 - knocker;
  return (
    <div className="stack gin-showdown">
      <p data-testid="showdown-result">
        <strong>{seatLabel(seats[winner], winner)}</strong> {RESULT_WORDS[result] ?? 'won the hand'}: {points} points
        {num(board, 'multiplier', 1) > 1 ? ' (doubled: spade upcard)' : ''}.
      </p>
      <LaidOutHand board={board} who="knocker" title={`${seatLabel(seats[knocker], knocker)} (${result === 'gin' || result === 'bigGin' ? 'gin' : 'knocked'})`} />
      <LaidOutHand board={board} who="defender" title={`${seatLabel(seats[defender], defender)}${nums(board, 'layoffs').length > 0 ? ' (laid off the marked cards)' : ''}`} />
    </div>
  );
}

export const ginRummyTable: GameTableParts = {
  howToPlay: [
    'Two players, ten cards each. On your turn draw from the stock or take the top discard, then discard one card.',
    'Build melds: runs of three or more in one suit (ace low) and sets of three or four of a rank.',
    'Knock when your unmelded cards (deadwood) count 10 or less; with none at all, that is gin.',
    'The defender lays cards off on the knocker\'s melds; lower deadwood wins the difference, an undercut scores 25 more. First to 100.',
  ],
  lowerIsBetter: false,
  Center: GinCenter,
  Hand,
  status: ({ board, myTurn }, activeNames) => {
    const phase = str(board, 'phase');
    const who = myTurn ? 'Your turn' : activeNames.join(', ');
    if (phase === 'draw') return myTurn ? 'Your turn: draw from the stock or take the discard' : `${who} to draw`;
    if (phase === 'discard') return myTurn ? 'Your turn: discard, knock or go gin' : `${who} to discard`;
    if (phase === 'layoff') return myTurn ? 'Lay off on the knocker\'s melds, then finish' : `${who} is laying off`;
    return null;
  },
  seatNote: (board, seat) => {
    const taken = nums(board, 'taken').filter((_, i) => nums(board, 'takenBy')[i] === seat);
    const won = nums(board, 'handsWon')[seat] ?? 0;
    return `${won} hand${won === 1 ? '' : 's'} won${taken.length > 0 ? ` · took ${taken.map(cardText).join(' ')}` : ''}`;
  },
  summaryNote: (props) => <Showdown {...props} />,
  describeEvent: (event, nameOf) => {
    const seat = nameOf(event.seat);
    switch (event.type) {
      case 'drew':
        return [event.from === 'discard' ? `${seat} took ${cardInSentence(event.card)} from the discard pile.` : `${seat} drew from the stock.`];
      case 'discarded':
        return [`${seat} discarded ${cardInSentence(event.card)}.`];
      case 'knocked':
        return [`${seat} knocked with ${String(event.deadwood)} deadwood, throwing ${cardInSentence(event.card)}.`];
      case 'ginned':
        return [event.big ? `${seat} went big gin!` : `${seat} went gin, throwing ${cardInSentence(event.card)}!`];
      case 'laidOff':
        return [`${seat} laid off ${cardInSentence(event.card)}.`];
      case 'handScored': {
        const points = event.points;
        if (event.result === 'dead') return ['Dead hand: nobody scores.'];
        return Array.isArray(points) ? [`Hand over (${String(event.result)}): ${points.map((p, i) => `${nameOf(i)} ${String(p)}`).join(', ')}.`] : undefined;
      }
      case 'handDealt':
        return [`Hand ${String(event.handNumber)} dealt; the upcard is ${cardInSentence(event.upcard)}.`];
      default:
        return undefined;
    }
  },
};
