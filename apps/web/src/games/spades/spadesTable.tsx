import { CardBack } from '../../cards/PlayingCard';
import { flag, flags, nums, str } from '../../table/boardFields';
import type { GameTableParts, StandingsProps, TablePartProps } from '../../table/gameParts';
import { legalMoveOfType } from '../../table/legality';
import { seatLabel } from '../../table/SeatBadges';
import { SpadesCenter } from './SpadesCenter';
import { SIDE_SEATS, bidWords, sideName } from './sides';

const MAX_BID = 13;

function myBidTurn({ board, myTurn }: TablePartProps): boolean {
  return myTurn && str(board, 'phase') === 'bidding';
}

/**
 * The bidding control: nil to 13 as buttons; before a blind nil is decided,
 * blind nil or a look at the cards. Offered only what the rules list as legal.
 */
function BiddingControl(props: TablePartProps) {
  if (!myBidTurn(props)) return null;
  const { game, view, sendMove, board, mySeat } = props;
  if (legalMoveOfType(game, view, 'look')) {
    return (
      <div className="bid-picker" role="group" aria-label="Blind nil">
        <span>Your side trails by 100 or more: bid blind nil before looking?</span>
        {legalMoveOfType(game, view, 'blindNil') && (
          <button type="button" onClick={() => sendMove({ type: 'blindNil' })}>
            Blind nil (±200)
          </button>
        )}
        <button type="button" className="secondary" onClick={() => sendMove({ type: 'look' })}>
          Look at my cards
        </button>
      </div>
    );
  }
  const partner = mySeat === null ? -1 : (mySeat + 2) % 4;
  const partnerBid = partner >= 0 ? (nums(board, 'bids')[partner] ?? -1) : -1;
  return (
    <div className="bid-picker" role="group" aria-label="Your bid">
      <span>
        Your bid{partnerBid >= 0 ? ` (partner bid ${bidWords(partnerBid, flags(board, 'blindNil')[partner] === true)})` : ''}:
      </span>
      {Array.from({ length: MAX_BID + 1 }, (_, tricks) => (
        <button
          key={tricks}
          type="button"
          className={tricks === 0 ? 'secondary' : undefined}
          aria-label={tricks === 0 ? 'Bid nil' : `Bid ${tricks}`}
          onClick={() => sendMove({ type: 'bid', tricks })}
        >
          {tricks === 0 ? 'Nil' : tricks}
        </button>
      ))}
    </div>
  );
}

/** The hand just played, a row per side: bid, tricks, nils, bags, points, total. */
function SideStandings({ board, seats, mySeat }: StandingsProps) {
  const bids = nums(board, 'bids');
  const blind = flags(board, 'blindNil');
  const tricksWon = nums(board, 'tricksWon');
  const lastNil = nums(board, 'lastNil');
  const penalty = nums(board, 'lastBagPenalty');
  const points = nums(board, 'lastHandPoints');
  const scores = nums(board, 'sideScores');
  const bags = nums(board, 'bags');
  const continued = flags(board, 'continued');
  return (
    <table className="standings" aria-label="Hand result by side">
      <thead>
        <tr>
          <th>Side</th>
          <th className="num">Bid</th>
          <th className="num">Took</th>
          <th>Nil</th>
          <th className="num">Bags</th>
          <th className="num">This hand</th>
          <th className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {SIDE_SEATS.map((members, side) => {
          const contract = members.reduce((sum, seat) => sum + Math.max(0, bids[seat] ?? 0), 0);
          const taken = members.reduce((sum, seat) => sum + (tricksWon[seat] ?? 0), 0);
          const nils = members
            .filter((seat) => bids[seat] === 0)
            .map((seat) => `${seatLabel(seats[seat], seat)} ${bidWords(0, blind[seat] === true)} ${(lastNil[seat] ?? 0) > 0 ? '+' : ''}${lastNil[seat] ?? 0}`);
          const ready = members.every((seat) => continued[seat]);
          return (
            <tr key={side} data-testid={`hand-side-${side}`}>
              <td>
                {sideName(seats, side)}
                {mySeat !== null && members.includes(mySeat) ? ' (you)' : ''}
                {ready ? ' ✓' : ''}
              </td>
              <td className="num">{contract}</td>
              <td className="num">{taken}</td>
              <td>{nils.join(', ') || '—'}</td>
              <td className="num">
                {bags[side] ?? 0}
                {(penalty[side] ?? 0) < 0 ? ` (${penalty[side]})` : ''}
              </td>
              <td className="num">{points[members[0]!] ?? 0}</td>
              <td className="num">{scores[side] ?? 0}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * [S-06] Until a player eligible for blind nil decides, their own cards stay
 * face down: drawn as backs, so the hand reads as dealt but hidden, not missing.
 */
function FaceDownHand({ board, mySeat }: TablePartProps) {
  if (mySeat === null || str(board, 'phase') !== 'bidding' || flags(board, 'looked')[mySeat] !== false) return null;
  const count = nums(board, 'handCounts')[mySeat] ?? 0;
  return (
    <div className="face-down-hand" role="img" aria-label={`Your ${count} cards, face down until you bid`} data-testid="face-down-hand">
      {Array.from({ length: count }, (_, i) => (
        <CardBack key={i} />
      ))}
    </div>
  );
}

function HandActions(props: TablePartProps) {
  return (
    <>
      <FaceDownHand {...props} />
      <BiddingControl {...props} />
    </>
  );
}

export const spadesTable: GameTableParts = {
  howToPlay: [
    'Four players in two partnerships: partners sit across the table. Spades are always trumps.',
    'Each player bids how many tricks they will take (nil: none at all). A side scores its combined bid.',
    'Follow suit if you can. Spades cannot be led until one has been played on another suit.',
    'Make the bid: 10 a trick bid, 1 a bag over; every 10 bags cost 100. Miss it: -10 a trick. Nil ±100. First side to 500 wins.',
  ],
  lowerIsBetter: false,
  Center: SpadesCenter,
  HandActions,
  status: (props, activeNames) => {
    if (str(props.board, 'phase') !== 'bidding') return null;
    if (myBidTurn(props) && legalMoveOfType(props.game, props.view, 'look')) return 'Blind nil, or look at your cards first?';
    if (myBidTurn(props)) return 'Your bid: how many tricks will you take?';
    return activeNames.length > 0 ? `${activeNames.join(', ')} is bidding` : 'Bidding';
  },
  seatNote: (board, seat) => {
    const bid = nums(board, 'bids')[seat] ?? -1;
    const words = bidWords(bid, flags(board, 'blindNil')[seat] === true);
    if (str(board, 'phase') === 'bidding') return bid < 0 ? 'bidding…' : `bid ${words}`;
    return `bid ${words} · took ${nums(board, 'tricksWon')[seat] ?? 0}`;
  },
  HandStandings: SideStandings,
  summaryNote: ({ board }) => (flag(board, 'gameEnding') ? <p>That hand decides the game.</p> : null),
  describeEvent: (event, nameOf) => {
    switch (event.type) {
      case 'bid':
        return [`${nameOf(event.seat)} bid ${bidWords(Number(event.tricks), event.blind === true)}.`];
      case 'looked':
        return [`${nameOf(event.seat)} looked at their cards.`];
      case 'spadesBroken':
        return ['Spades are broken.'];
      case 'handDealt':
        return [`Hand ${String(event.handNumber)} dealt by ${nameOf(event.dealer)}.`];
      case 'handScored': {
        const points = Array.isArray(event.points) ? (event.points as unknown[]) : [];
        const sides = SIDE_SEATS.map((members, side) => `${members.map(nameOf).join(' & ')} ${Number(points[side]) > 0 ? '+' : ''}${String(points[side])}`);
        return [`Hand over: ${sides.join(', ')}.`];
      }
      default:
        return undefined;
    }
  },
};
