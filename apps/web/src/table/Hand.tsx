import { cardName, type Card } from '@deckhand/rules';
import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { CardFace } from '../cards/PlayingCard';
import type { CardStatus } from './legality';

export const HandMode = {
  /** Play one card: tap selects, a second tap (or Enter) plays. */
  Play: 'play',
  /** Pick several cards (the Hearts pass): tap or Enter toggles. */
  Pick: 'pick',
  /** Nothing to do now; cards are shown, with the reason on focus. */
  Watch: 'watch',
} as const;
export type HandMode = (typeof HandMode)[keyof typeof HandMode];

/** More cards than this go into two rows on a narrow screen. */
const TWO_ROWS_FROM = 8;
/** The least room between a card's reason and the edge of the screen. */
const REASON_MARGIN_PX = 6;

/**
 * Shown (hover or focus), a dimmed card's reason is centred over the card; over a card near the edge of the screen
 * it would be cut off, so it moves sideways just enough to stay whole (`--reason-shift`, read by the stylesheet).
 */
function keepReasonOnScreen(item: HTMLElement): void {
  const reason = item.querySelector<HTMLElement>('.reason');
  if (!reason) return;
  const card = item.getBoundingClientRect();
  const width = reason.offsetWidth;
  const left = card.left + card.width / 2 - width / 2;
  const fitted = Math.min(Math.max(left, REASON_MARGIN_PX), document.documentElement.clientWidth - REASON_MARGIN_PX - width);
  item.style.setProperty('--reason-shift', `${Math.round(fitted - left)}px`);
}

interface HandProps {
  readonly statuses: readonly CardStatus[];
  readonly mode: HandMode;
  readonly selected: readonly Card[];
  readonly onSelect: (card: Card) => void;
  readonly onPlay: (card: Card) => void;
  /** A dimmed card was chosen: say why near the hand (touch has no hover). */
  readonly onRefused: (reason: string) => void;
}

/**
 * The player's hand along the bottom, sorted by suit and rank. Legal cards are
 * raised and lit, the others dimmed with the reason shown on hover and focus.
 * Nothing is drag-only: tap to select, tap again or press Play; Enter plays.
 */
export const Hand = memo(function Hand({ statuses, mode, selected, onSelect, onPlay, onRefused }: HandProps) {
  const choose = (status: CardStatus, fromKeyboard: boolean): void => {
    if (mode === HandMode.Pick) {
      onSelect(status.card);
      return;
    }
    if (!status.legal) {
      if (status.reason) onRefused(status.reason);
      return;
    }
    if (mode !== HandMode.Play) return;
    if (fromKeyboard || selected.includes(status.card)) onPlay(status.card);
    else onSelect(status.card);
  };

  // A phone held upright shows a long hand in two rows (a Hearts deal: 7 + 6), so every card keeps a wide tap target.
  const perRow = statuses.length > TWO_ROWS_FROM ? Math.ceil(statuses.length / 2) : Math.max(1, statuses.length);

  return (
    <ul
      className="hand"
      style={
        {
          '--count': Math.max(2, statuses.length),
          // Grid columns before the last card, in two rows and in one (CSS cannot round a division).
          '--lead-two-rows': Math.max(1, perRow - 1),
          '--lead-one-row': Math.max(1, statuses.length - 1),
        } as CSSProperties
      }
      data-rows={perRow < statuses.length ? 2 : 1}
      aria-label={`Your hand, ${statuses.length} card${statuses.length === 1 ? '' : 's'}`}>
      {statuses.map((status) => {
        const isSelected = selected.includes(status.card);
        const dimmed = mode === HandMode.Play ? !status.legal : mode === HandMode.Watch;
        const reasonId = `reason-${status.card}`;
        const showReason = dimmed && status.reason !== null && mode === HandMode.Play;
        const className = [
          'hand-card',
          mode === HandMode.Play && status.legal ? 'legal' : '',
          dimmed ? 'dimmed' : '',
          isSelected ? 'selected' : '',
        ].join(' ');
        return (
          <li
            key={status.card}
            onPointerEnter={showReason ? (event) => keepReasonOnScreen(event.currentTarget) : undefined}
            onFocus={showReason ? (event) => keepReasonOnScreen(event.currentTarget) : undefined}
          >
            <button
              type="button"
              className={className}
              aria-label={cardName(status.card)}
              aria-disabled={dimmed || undefined}
              aria-pressed={mode === HandMode.Pick ? isSelected : undefined}
              aria-describedby={showReason ? reasonId : undefined}
              data-card={status.card}
              data-legal={mode === HandMode.Play ? String(status.legal) : undefined}
              onClick={(event: MouseEvent) => choose(status, event.detail === 0)}
              onKeyDown={(event: KeyboardEvent) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  choose(status, true);
                }
              }}
            >
              <CardFace card={status.card} labelled={false} />
            </button>
            {showReason && (
              <span className="reason" id={reasonId} role="tooltip">
                {status.reason}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
});
