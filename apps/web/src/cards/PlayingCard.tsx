import { cardName, rankLabel, rankOf, suitName, suitOf, type Card } from '@deckhand/rules';
import { memo } from 'react';
import { SuitShape } from './SuitIcon';

/**
 * A card face drawn in SVG: rank and suit in the corner, a large suit mark in
 * the middle. The suit colour comes from CSS (a four-colour deck), and every
 * card carries its spoken name.
 */
export const CardFace = memo(function CardFace({ card, labelled = true }: { card: Card; labelled?: boolean }) {
  const suit = suitOf(card);
  const rank = rankLabel(rankOf(card));
  return (
    <svg
      className={`card-face suit-${suitName(suit)}`}
      viewBox="0 0 50 70"
      role={labelled ? 'img' : undefined}
      aria-label={labelled ? cardName(card) : undefined}
      aria-hidden={labelled ? undefined : true}
      focusable="false"
    >
      <rect className="card-paper" x="0.75" y="0.75" width="48.5" height="68.5" rx="4.5" />
      {/* "10" is the one two-character rank: a tighter, smaller face keeps it inside the corner. */}
      <text className={rank === '10' ? 'card-rank card-rank-10' : 'card-rank'} x={rank === '10' ? 2.5 : 4.5} y="16">
        {rank}
      </text>
      <SuitShape suit={suit} x={4.5} y={19} size={10} />
      <SuitShape suit={suit} x={19} y={33} size={26} />
    </svg>
  );
});

/** The back of a card; opponents' hands and the stock. */
export function CardBack({ label }: { label?: string }) {
  return (
    <svg
      className="card-back"
      viewBox="0 0 50 70"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      <rect className="card-back-paper" x="0.75" y="0.75" width="48.5" height="68.5" rx="4.5" />
      <rect className="card-back-pattern" x="5" y="5" width="40" height="60" rx="2.5" />
    </svg>
  );
}
