import { cardName, findGame, type Card, type GameView, type MoveBase, type WireRecord } from '@deckhand/rules';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { tablePartsOf } from '../games/registry';
import { useSession, useTable } from '../net/SessionContext';
import { useFocusRescue } from './focusRescue';
import { useNoticeText } from './NoticeLine';
import { nums, str } from './boardFields';
import { Chat, useRecentEmotes } from './Chat';
import { CountdownRing } from './Countdown';
import { EventLog } from './EventLog';
import type { MoveIntent, TablePartProps } from './gameParts';
import { Hand, HandMode } from './Hand';
import { HandSummary } from './HandSummary';
import { seatSides, type Side } from './layout';
import { handStatuses, legalMoveOfType } from './legality';
import { MoveAnnouncer } from './MoveAnnouncer';
import { Opponent } from './Opponent';
import { TurnSoundToggle } from './TurnSoundToggle';
import { useTurnAlert } from './turnAlert';
import { SeatBadges, seatLabel } from './SeatBadges';

/** The legal plays of one card: several when the play also names something (an eight and its suit). */
function playsOf(moves: readonly MoveBase[], card: Card): MoveBase[] {
  return moves.filter((move) => move.type === 'play' && (move as { readonly card?: unknown }).card === card);
}

/** The game in progress: opponents around the felt, the middle of the table, and the player's hand. */
/** `children`: a results panel laid over the felt (game over), leaving chat and log usable beside it. */
export function GameTable({ children }: { children?: ReactNode }) {
  const session = useSession();
  const gameId = useTable((t) => t.gameId);
  const game = findGame(gameId);
  const parts = tablePartsOf(gameId);
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
  /** A card with several legal plays, waiting for the player to choose one. */
  const [choosingFor, setChoosingFor] = useState<Card | null>(null);
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
    setChoosingFor(null);
  }, [phase]);

  // A player in another tab notices their turn from the tab title (flashing), a vibration, or the chime they chose.
  useTurnAlert(myTurn);
  const tableMain = useRef<HTMLDivElement>(null);
  useFocusRescue(tableMain);

  const sendMove = useCallback(
    (move: MoveIntent) => {
      session.send({ type: 'move', move });
      setSelected([]);
      setChoosingFor(null);
    },
    [session],
  );

  const play = useCallback(
    (card: Card) => {
      if (game && parts?.playChoice && playsOf(game.legalMovesInView(view) as MoveBase[], card).length > 1) {
        setSelected([card]);
        setChoosingFor(card);
        return;
      }
      sendMove({ type: 'play', card });
    },
    [game, parts, view, sendMove],
  );

  const seatCount = seats.length;
  const sides: Side[] = useMemo(() => seatSides(seatCount, mySeat ?? 0), [seatCount, mySeat]);
  const partProps: TablePartProps | null = game
    ? { game, view, board, mine, seats, sides, mySeat, myTurn, sendMove }
    : null;
  const pick = partProps && parts?.pick ? parts.pick(partProps) : null;
  const pickCount = pick?.count ?? 0;
  const mode: HandMode =
    mySeat === null ? HandMode.Watch : pick ? HandMode.Pick : myTurn ? HandMode.Play : HandMode.Watch;

  const select = useCallback(
    (card: Card) => {
      setChoosingFor(null);
      if (mode === HandMode.Pick) {
        setSelected((prev) =>
          prev.includes(card) ? prev.filter((c) => c !== card) : prev.length < pickCount ? [...prev, card] : [...prev.slice(1), card],
        );
      } else {
        setSelected([card]);
      }
    },
    [mode, pickCount],
  );
  const refuse = useCallback((reason: string) => session.showNotice('REFUSED', reason), [session]);

  if (!game || !parts || !partProps) {
    return <p className="panel">This table plays “{gameId}”, which this page does not know. Reload the page.</p>;
  }

  const handCounts = nums(board, 'handCounts');
  const scores = nums(board, 'scores');
  const hostSeat = seats.find((seat) => seat.playerId === hostId && hostId !== '');

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
          extra={parts.seatNote?.(board, seat.index)}
        />
      ));

  const activeNames = active.filter((seat) => seat !== mySeat).map((seat) => seatLabel(seats[seat], seat));
  const status = (() => {
    if (phase === 'handOver') return 'Hand over';
    const own = parts.status?.(partProps, activeNames);
    if (own) return own;
    if (myTurn) return 'Your turn';
    return activeNames.length > 0 ? `${activeNames.join(', ')} to play` : '';
  })();

  const me = mySeat !== null ? seats[mySeat] : undefined;
  const meNote = me ? parts.seatNote?.(board, me.index) : undefined;
  const choices = choosingFor !== null ? playsOf(game.legalMovesInView(view) as MoveBase[], choosingFor) : [];
  const { Center, HandActions } = parts;

  return (
    <div className="table-layout">
      <MoveAnnouncer />
      <div className="table-main" ref={tableMain}>
        <div className="felt">
          {/* Clockwise from the left: on a phone the groups dissolve into one strip in this order. */}
          <div className="opponents">
            <div className="pos-left">{opponentsAt('left')}</div>
            <div className="pos-top">{opponentsAt('top')}</div>
            <div className="pos-right">{opponentsAt('right')}</div>
          </div>
          <div className="center">
            <Center {...partProps} />
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
              {meNote && <span className="me-note">· {meNote}</span>}
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

          {/* A game with its own hand part (Gin Rummy) has its own action row: this one then holds notices only, and takes no room without one. */}
          <div className={`hand-actions${parts.Hand ? ' notices-only' : ''}`}>
            {noticeText && (
              <span className="move-error" role="alert" data-testid="move-error">
                {noticeText}
              </span>
            )}
            {pick && (
              <>
                <button type="button" disabled={selected.length !== pick.count} onClick={() => sendMove(pick.move(selected))}>
                  {pick.buttonLabel(selected.length)}
                </button>
                {selected.length < pick.count && (
                  <span className="pass-picked" data-testid="pass-chosen">
                    {selected.length} of {pick.count} chosen
                  </span>
                )}
              </>
            )}
            {/* While a suit is being named, its buttons are the only actions: the rest come back with Cancel. */}
            {HandActions && choosingFor === null && <HandActions {...partProps} />}
            {selectedCard !== undefined && selectedLegal && choosingFor === null && (
              <button type="button" onClick={() => play(selectedCard)}>
                Play {cardName(selectedCard)}
              </button>
            )}
            {choosingFor !== null && parts.playChoice && (
              <div className="suit-chooser" role="group" aria-labelledby="play-choice-title">
                {/* Said in words, not shown as a second card: the card stays picked in the hand, and a full card face made the row too tall for a phone held sideways. */}
                <span id="play-choice-title" className="chooser-title">{parts.playChoice.title(choosingFor)}</span>
                {/* The button that opened the chooser is gone: focus goes to the first choice, and back to the card on Cancel. */}
                {choices.map((move, index) => (
                  <button key={JSON.stringify(move)} type="button" autoFocus={index === 0} onClick={() => sendMove(move as MoveIntent)}>
                    {parts.playChoice?.label(move)}
                  </button>
                ))}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    document.querySelector<HTMLElement>(`.hand-card[data-card="${choosingFor}"]`)?.focus();
                    setChoosingFor(null);
                  }}
                >
                  Cancel
                </button>
              </div>
            )}
          </div>
          {mySeat !== null && parts.Hand && <parts.Hand {...partProps} />}
          {mySeat !== null && !parts.Hand && (
            <Hand statuses={statuses} mode={mode} selected={selected} onSelect={select} onPlay={play} onRefused={refuse} />
          )}
        </section>
        {phase === 'handOver' && (
          <HandSummary
            parts={parts}
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
