import { cardName, isMeld, minDeadwood, type Card, type MoveBase } from '@deckhand/rules';
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { CardText, CardsText } from '../../cards/CardText';
import { CardFace } from '../../cards/PlayingCard';
import { nums, str } from '../../table/boardFields';
import type { TablePartProps } from '../../table/gameParts';
import { displayGroup, looseCards, moveCard, reconcile, shownDeadwood, suggestedGroups, type Groups } from './arrangement';
import { drawFrom, meldsOf } from './board';

interface CardMove extends MoveBase {
  readonly card?: Card;
  readonly meld?: number;
}

/** The player's hand in groups they can rearrange (drag, or tap a card then a group), with the turn's buttons. */
export function GinHand(props: TablePartProps) {
  const { game, view, board, mine, myTurn, sendMove } = props;
  const hand = nums(mine, 'hand');
  const handKey = hand.join(',');
  const [groups, setGroups] = useState<Groups>(() => suggestedGroups(hand));
  const [selected, setSelected] = useState<Card | null>(null);
  /** The player moved a card: keep their groups. Until then the hand follows the best arrangement. */
  const [custom, setCustom] = useState(false);

  // The table remounts this per hand (keyed by hand number), so a new deal starts from the best
  // arrangement; a drawn or thrown card keeps the player's own groups once they made some.
  // It runs on the hand's content (handKey), not on the identity of the array.
  useEffect(() => {
    setGroups((previous) => (custom ? reconcile(previous, hand) : suggestedGroups(hand)));
    setSelected((card) => (card !== null && hand.includes(card) ? card : null));
  }, [handKey]);

  const legal = useMemo(() => (myTurn ? (game.legalMovesInView(view) as CardMove[]) : []), [game, view, myTurn]);
  const phase = str(board, 'phase');
  const loose = looseCards(groups, hand);
  const deadwood = shownDeadwood(groups, hand);
  const best = hand.length > 0 ? minDeadwood(hand) : 0;
  const movesOf = (type: string) => legal.filter((move) => move.type === type && (selected === null || move.card === selected));
  const discard = selected !== null ? movesOf('discard')[0] : undefined;
  const knock = selected !== null ? movesOf('knock')[0] : undefined;
  const gin = selected !== null ? movesOf('gin')[0] : undefined;
  const bigGin = legal.find((move) => move.type === 'bigGin');
  const layoffs = selected !== null ? movesOf('layoff') : [];
  const done = legal.find((move) => move.type === 'done');
  const anyKnock = legal.some((move) => move.type === 'knock' || move.type === 'gin');
  const fromStock = drawFrom(legal, 'stock');
  const fromDiscard = drawFrom(legal, 'discard');
  const topDiscard: Card | undefined = nums(board, 'discard').at(-1);
  const knockerMelds = meldsOf(board, 'knocker');

  const send = (move: MoveBase) => {
    setSelected(null);
    sendMove(move as CardMove as { type: string });
  };
  const moveTo = (target: number | null, card: Card | null = selected) => {
    if (card === null) return;
    setGroups((previous) => moveCard(previous, card, target));
    setCustom(true);
    setSelected(null);
  };
  const onDrop = (target: number | null) => (event: DragEvent) => {
    event.preventDefault();
    const card = Number(event.dataTransfer.getData('text/plain'));
    if (Number.isInteger(card) && hand.includes(card)) moveTo(target, card);
  };

  const cardButton = (card: Card) => (
    <li key={card}>
      <button
        type="button"
        className={`hand-card${selected === card ? ' selected' : ''}`}
        aria-label={cardName(card)}
        aria-pressed={selected === card}
        data-card={card}
        draggable
        onDragStart={(event) => event.dataTransfer.setData('text/plain', String(card))}
        onClick={() => setSelected((current) => (current === card ? null : card))}
      >
        <CardFace card={card} labelled={false} />
      </button>
    </li>
  );

  const groupBox = (cards: readonly Card[], index: number | null) => {
    const meld = index !== null && isMeld(cards);
    const label = index === null ? `Deadwood ${loose.length > 0 ? '' : '(none)'}` : meld ? 'Meld' : 'Not a meld';
    const canDropHere = selected !== null && (index === null ? !loose.includes(selected) : !cards.includes(selected));
    return (
      <div
        key={index ?? 'loose'}
        className={`gin-group${meld ? ' meld' : ''}${index === null ? ' loose' : ''}`}
        data-testid={index === null ? 'gin-loose' : 'gin-group'}
        onDragOver={(event) => event.preventDefault()}
        onDrop={onDrop(index)}
      >
        <span className="gin-group-label">{label}</span>
        <ul className="gin-cards" aria-label={index === null ? 'Deadwood' : `Group ${index + 1}${meld ? ', a meld' : ''}`}>
          {(index === null ? cards : displayGroup(cards)).map(cardButton)}
        </ul>
        {canDropHere && (
          <button type="button" className="secondary gin-move" onClick={() => moveTo(index)}>
            Move <CardText card={selected} /> here
          </button>
        )}
      </div>
    );
  };

  return (
    <div className="gin-hand" aria-label="Your hand">
      <p className="gin-deadwood" data-testid="gin-deadwood">
        Deadwood <strong>{deadwood}</strong>
        {deadwood !== best ? <span className="muted"> (best arrangement: {best})</span> : null}
        <button type="button" className="secondary gin-sort" onClick={() => {
            setGroups(suggestedGroups(hand));
            setCustom(false);
          }}>
          Sort melds
        </button>
      </p>
      <div className="gin-groups">
        {groups.map((group, index) => groupBox(group, index))}
        {groupBox(loose, null)}
        {selected !== null && (
          <button type="button" className="secondary gin-move" onClick={() => moveTo(groups.length)}>
            New group with <CardText card={selected} />
          </button>
        )}
      </div>
      <div className="hand-actions" data-testid="gin-actions">
        {(fromStock || fromDiscard) && (
          <>
            <button type="button" onClick={() => fromStock && send(fromStock)} disabled={!fromStock}>
              Draw from stock
            </button>
            {topDiscard !== undefined && (
              <button type="button" className="secondary" onClick={() => fromDiscard && send(fromDiscard)} disabled={!fromDiscard}>
                Take <CardText card={topDiscard} />
              </button>
            )}
          </>
        )}
        {phase === 'discard' && myTurn && selected === null && (
          <span className="muted">{anyKnock ? 'You can knock: pick the card to throw.' : 'Pick a card to discard.'}</span>
        )}
        {discard && <button type="button" onClick={() => send(discard)}>Discard <CardText card={selected!} /></button>}
        {knock && <button type="button" className="gin-knock" onClick={() => send(knock)}>Knock, throwing <CardText card={selected!} /></button>}
        {gin && <button type="button" className="gin-knock" onClick={() => send(gin)}>Gin! (throw <CardText card={selected!} />)</button>}
        {bigGin && <button type="button" className="gin-knock" onClick={() => send(bigGin)}>Big gin!</button>}
        {layoffs.map((move) => (
          <button key={move.meld} type="button" onClick={() => send(move)}>
            Lay <CardText card={selected!} /> off on <CardsText cards={knockerMelds[move.meld ?? 0] ?? []} />
          </button>
        ))}
        {phase === 'layoff' && myTurn && selected === null && <span className="muted">Pick a card to lay off, or finish.</span>}
        {done && <button type="button" className="secondary" onClick={() => send(done)}>Done laying off</button>}
      </div>
    </div>
  );
}
