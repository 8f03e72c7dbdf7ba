import { cardName, findGame, rankLabel, rankOf, suitName, suitOf, SUITS, type Card, type GameView, type Suit, type WireRecord } from '@deckhand/rules';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { SuitIcon } from '../cards/SuitIcon';
import { CardFace } from '../cards/PlayingCard';
import { useSession, useTable } from '../net/SessionContext';
import { useNoticeText } from './NoticeLine';
import { flags, num, nums, str } from './boardFields';
import { Chat, useRecentEmotes } from './Chat';
import { CountdownRing } from './Countdown';
import { CrazyEightsCenter } from './CrazyEightsCenter';
import { EventLog } from './EventLog';
import { Hand, HandMode } from './Hand';
import { HandSummary } from './HandSummary';
import { HeartsCenter } from './HeartsCenter';
import { seatSides, type Side } from './layout';
import { handStatuses, legalMoveOfType } from './legality';
import { MoveAnnouncer } from './MoveAnnouncer';
import { Opponent } from './Opponent';
import { TurnSoundToggle } from './TurnSoundToggle';
import { useTurnAlert } from './turnAlert';
import { SeatBadges, seatLabel } from './SeatBadges';

const PASS_SIZE = 3;

const PASS_TARGET: Readonly<Record<string, number>> = { left: 1, across: 2, right: 3 };

/** The pass button's words: "Pass 3 cards to the left", never a fraction that reads as "remaining". */
const PASS_BUTTON_WORDS: Readonly<Record<string, string>> = { left: 'to the left', right: 'to the right', across: 'across' };

/** The game in progress: opponents around the felt, the middle of the table, and the player's hand. */
/** `children`: a results panel laid over the felt (game over), leaving chat and log usable beside it. */
export function GameTable({ children }: { children?: ReactNode }) {
  const session = useSession();
  const gameId = useTable((t) => t.gameId);
  const game = findGame(gameId);
  const seats = useTable((t) => t.seats);
  const board = useTable((t) => t.board);
  const mine = useTable((t) => t.mine);
  const mySeat = useTable((t) => t.mySeat);
  const active = useTable((t) => t.active);
  const deadline = useTable((t) => t.deadline);
  const turnSeconds = useTable((t) => t.turnSeconds);
  const hostId = useTable((t) => t.hostId);
  const emotes = useRecentEmotes();
  const noticeText = useNoticeText();
  const [selected, setSelected] = useState<readonly Card[]>([]);
  const [choosingSuitFor, setChoosingSuitFor] = useState<Card | null>(null);
  // On a phone the log and chat open as a drawer over the table.
  const [drawerOpen, setDrawerOpen] = useState(false);

  // The same shape as the protocol's gameViewOf, built from the three slices so it changes only with them.
  const view = useMemo<GameView<WireRecord, WireRecord>>(
    () => ({ seat: mySeat, public: board, private: mine }),
    [board, mine, mySeat],
  );
  const hand = nums(mine, 'hand');
  const statuses = useMemo(() => (game ? handStatuses(game, view, hand) : []), [game, view, hand]);
  const phase = str(board, 'phase');
  const myTurn = mySeat !== null && active.includes(mySeat);

  // A new phase or a played card makes an old selection meaningless.
  useEffect(() => {
    setSelected((prev) => prev.filter((card) => hand.includes(card)));
  }, [hand]);
  useEffect(() => {
    setSelected([]);
    setChoosingSuitFor(null);
  }, [phase]);

  // A player in another tab notices their turn from the tab title (flashing), a vibration, or the chime they chose.
  useTurnAlert(myTurn);

  const sendMove = useCallback(
    (move: { readonly type: string; readonly [field: string]: unknown }) => {
      session.send({ type: 'move', move });
      setSelected([]);
      setChoosingSuitFor(null);
    },
    [session],
  );

  const play = useCallback(
    (card: Card) => {
      if (gameId === 'crazy-eights' && rankOf(card) === 8) {
        setSelected([card]);
        setChoosingSuitFor(card);
        return;
      }
      sendMove({ type: 'play', card });
    },
    [gameId, sendMove],
  );

  const passing = gameId === 'hearts' && phase === 'passing';
  const passedAlready = passing && mySeat !== null && flags(board, 'passedSeats')[mySeat] === true;
  const mode: HandMode =
    mySeat === null ? HandMode.Watch : passing && !passedAlready ? HandMode.Pick : myTurn && !passing ? HandMode.Play : HandMode.Watch;

  const select = useCallback(
    (card: Card) => {
      setChoosingSuitFor(null);
      if (mode === HandMode.Pick) {
        setSelected((prev) =>
          prev.includes(card) ? prev.filter((c) => c !== card) : prev.length < PASS_SIZE ? [...prev, card] : [...prev.slice(1), card],
        );
      } else {
        setSelected([card]);
      }
    },
    [mode],
  );
  const refuse = useCallback((reason: string) => session.showNotice('REFUSED', reason), [session]);

  if (!game) {
    return <p className="panel">This table plays “{gameId}”, which this page does not know. Reload the page.</p>;
  }

  const seatCount = seats.length;
  const viewer = mySeat ?? 0;
  const sides: Side[] = seatSides(seatCount, viewer);
  const handCounts = nums(board, 'handCounts');
  const scores = nums(board, 'scores');
  const handPoints = nums(board, 'handPoints');
  const hostSeat = seats.find((seat) => seat.playerId === hostId && hostId !== '');

  const canDraw = gameId === 'crazy-eights' && myTurn ? legalMoveOfType(game, view, 'draw') !== null : false;
  const canPassTurn = gameId === 'crazy-eights' && myTurn ? legalMoveOfType(game, view, 'pass') !== null : false;
  const canContinue = phase === 'handOver' && legalMoveOfType(game, view, 'continue') !== null;
  const selectedCard = mode === HandMode.Play ? selected[0] : undefined;
  const selectedLegal = selectedCard !== undefined && statuses.some((s) => s.card === selectedCard && s.legal);

  const opponentsAt = (side: Side) =>
    seats
      .filter((seat) => sides[seat.index] === side && seat.index !== mySeat)
      .map((seat) => (
        <Opponent
          key={seat.index}
          seat={seat}
          position={side}
          cardCount={handCounts[seat.index] ?? 0}
          score={scores[seat.index] ?? 0}
          active={active.includes(seat.index)}
          isHost={seat === hostSeat}
          deadline={deadline}
          turnSeconds={turnSeconds}
          emote={emotes.get(seat.index) ?? null}
          extra={
            gameId === 'hearts'
              ? passing
                ? flags(board, 'passedSeats')[seat.index]
                  ? 'passed'
                  : 'choosing'
                : `${handPoints[seat.index] ?? 0} pts this hand`
              : undefined
          }
        />
      ));

  const passDirection = str(board, 'passDirection', 'none');
  const passTo = mySeat !== null && PASS_TARGET[passDirection] !== undefined ? (mySeat + PASS_TARGET[passDirection]!) % seatCount : null;
  const activeNames = active.filter((seat) => seat !== mySeat).map((seat) => seatLabel(seats[seat], seat));
  const status = (() => {
    if (phase === 'handOver') return 'Hand over';
    if (passing) {
      if (passedAlready) return `Passed. Waiting for ${activeNames.join(', ') || 'the others'}…`;
      if (mySeat === null) return 'Players are choosing cards to pass.';
      return `Choose 3 cards to pass to ${passTo !== null ? seatLabel(seats[passTo], passTo) : 'the next player'} (${passDirection})`;
    }
    if (myTurn) return 'Your turn';
    return activeNames.length > 0 ? `${activeNames.join(', ')} to play` : '';
  })();

  const me = mySeat !== null ? seats[mySeat] : undefined;
  const passedCards = nums(mine, 'passed');
  const receivedCards = nums(mine, 'received');

  return (
    <div className="table-layout">
      <MoveAnnouncer />
      <div className="table-main">
        <div className="felt">
          {/* Clockwise from the left: on a phone the groups dissolve into one strip in this order. */}
          <div className="opponents">
            <div className="pos-left">{opponentsAt('left')}</div>
            <div className="pos-top">{opponentsAt('top')}</div>
            <div className="pos-right">{opponentsAt('right')}</div>
          </div>
          <div className="center">
            {gameId === 'hearts' && <HeartsCenter board={board} seats={seats} sides={sides} />}
            {gameId === 'crazy-eights' && (
              <CrazyEightsCenter board={board} onDraw={canDraw ? () => sendMove({ type: 'draw' }) : null} />
            )}
          </div>
          <p className="status-line" role="status" data-testid="status">
            {status}
          </p>
        </div>

        <section className="me" aria-label="Your seat">
          {me ? (
            <div className={`me-line${myTurn ? ' active' : ''}`}>
              {myTurn && <CountdownRing deadline={deadline} totalSeconds={turnSeconds} />}
              <span className="name">{seatLabel(me, me.index)}</span>
              <SeatBadges seat={me} isHost={me === hostSeat} isMe />
              <span>score {scores[me.index] ?? 0}</span>
              {gameId === 'hearts' && (
                <span>
                  · {handPoints[me.index] ?? 0}
                  <span className="word"> pts</span> this hand
                </span>
              )}
              {emotes.get(me.index) && <span aria-hidden="true">{emotes.get(me.index)}</span>}
              <DrawerToggle open={drawerOpen} onToggle={() => setDrawerOpen(!drawerOpen)} />
            </div>
          ) : (
            <>
              <div className="me-line">
                <p>You are watching this game.</p>
                <DrawerToggle open={drawerOpen} onToggle={() => setDrawerOpen(!drawerOpen)} />
              </div>
              {/* A spectator sees the table from seat 1: that player sits at the bottom. */}
              {opponentsAt('bottom')}
            </>
          )}

          <div className="hand-actions">
            {noticeText && (
              <span className="move-error" role="alert" data-testid="move-error">
                {noticeText}
              </span>
            )}
            {mode === HandMode.Pick && (
              <>
                <button type="button" disabled={selected.length !== PASS_SIZE} onClick={() => sendMove({ type: 'pass', cards: [...selected] })}>
                  Pass {PASS_SIZE} cards {PASS_BUTTON_WORDS[passDirection] ?? passDirection}
                </button>
                {selected.length < PASS_SIZE && (
                  <span className="pass-picked" data-testid="pass-chosen">
                    {selected.length} of {PASS_SIZE} chosen
                  </span>
                )}
              </>
            )}
            {passedAlready && passedCards.length > 0 && <ShortCards label="You passed" cards={passedCards} />}
            {gameId === 'hearts' && phase === 'playing' && receivedCards.length > 0 && num(board, 'tricksPlayed', 0) === 0 && (
              <ShortCards label="You received" cards={receivedCards} />
            )}
            {selectedCard !== undefined && selectedLegal && choosingSuitFor === null && (
              <button type="button" onClick={() => play(selectedCard)}>
                Play {cardName(selectedCard)}
              </button>
            )}
            {choosingSuitFor !== null && (
              <div className="suit-chooser" role="group" aria-label={`Name a suit for the ${cardName(choosingSuitFor)}`}>
                <CardFace card={choosingSuitFor} />
                {SUITS.map((suit: Suit) => (
                  <button key={suit} type="button" onClick={() => sendMove({ type: 'play', card: choosingSuitFor, suit })}>
                    <SuitIcon suit={suit} /> {suitName(suit)}
                  </button>
                ))}
                <button type="button" className="secondary" onClick={() => setChoosingSuitFor(null)}>
                  Cancel
                </button>
              </div>
            )}
            {canDraw && (
              <button type="button" className="secondary" onClick={() => sendMove({ type: 'draw' })}>
                Draw
              </button>
            )}
            {canPassTurn && (
              <button type="button" className="secondary" onClick={() => sendMove({ type: 'pass' })}>
                Pass
              </button>
            )}
          </div>
          {mySeat !== null && (
            <Hand statuses={statuses} mode={mode} selected={selected} onSelect={select} onPlay={play} onRefused={refuse} />
          )}
        </section>
        {phase === 'handOver' && (
          <HandSummary
            gameId={gameId}
            board={board}
            seats={seats}
            mySeat={mySeat}
            deadline={deadline}
            onContinue={canContinue ? () => sendMove({ type: 'continue' }) : null}
          />
        )}
        {children}
      </div>
      <aside className={`side${drawerOpen ? ' open' : ''}`} aria-label="Log and chat">
        <button type="button" className="small secondary drawer-close" onClick={() => setDrawerOpen(false)}>
          Close log and chat
        </button>
        <TurnSoundToggle />
        <EventLog />
        <Chat />
      </aside>
    </div>
  );
}

/** The phone's way to the log and chat (hidden where they sit beside the table). */
function DrawerToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="small secondary drawer-toggle" aria-expanded={open} onClick={onToggle}>
      Log and chat
    </button>
  );
}

/** A few cards in one short line ("You received: 2♣ Q♠ A♥"), spoken in full. */
function ShortCards({ label, cards }: { label: string; cards: readonly Card[] }) {
  return (
    <span className="pass-picked" data-testid={label === 'You received' ? 'received' : 'passed'}>
      <span className="visually-hidden">
        {label}: {cards.map((card) => cardName(card)).join(', ')}
      </span>
      <span aria-hidden="true">
        {label}:{' '}
        {cards.map((card) => (
          <span key={card} className={`short-card suit-${suitName(suitOf(card))}`}>
            {rankLabel(rankOf(card))}
            <SuitIcon suit={suitOf(card)} size="0.85em" />
          </span>
        ))}
      </span>
    </span>
  );
}
