import {
  BotLevel, SeatKind, TURN_SECONDS, Visibility, seatOfPlayer, type SeatSnapshot, type TurnSeconds,
} from '@deckhand/protocol';
import { GAMES, findGame, sidesOf, type OptionSpec, type OptionValue } from '@deckhand/rules';
import { lazy, Suspense, useState } from 'react';
import { useSession, useTable } from '../net/SessionContext';
import { EventLog } from '../table/EventLog';
import { Chat } from '../table/Chat';
import { SeatBadges, seatLabel } from '../table/SeatBadges';
import { SeatCountOptions } from '../SeatCountOptions';
import { LockToggle } from '../table/DoorControls';
import { useInviteOrigin } from './inviteOrigin';
import type { QrCode as QrCodeComponent } from './QrCode';

// The QR encoder is only needed in a table's lobby: out of the first load, fetched once the
// page is idle (`preloadQrCode`), and drawn in the lobby's first frame once it is here.
let LoadedQrCode: typeof QrCodeComponent | null = null;
const loadQrCode = () =>
  import('./QrCode').then((module) => {
    LoadedQrCode = module.QrCode;
    return { default: module.QrCode };
  });
const LazyQrCode = lazy(loadQrCode);

export function preloadQrCode(): void {
  void loadQrCode();
}

export function inviteLink(code: string, origin: string = location.origin): string {
  return `${origin}/t/${code}`;
}

function OptionControl({
  spec,
  value,
  disabled,
  onChange,
}: {
  spec: OptionSpec;
  value: OptionValue | undefined;
  disabled: boolean;
  onChange: (value: OptionValue) => void;
}) {
  const id = `option-${spec.key}`;
  const index = spec.choices.findIndex((choice) => choice.value === value);
  return (
    <div>
      <label htmlFor={id}>{spec.label}</label>
      <select
        id={id}
        value={index < 0 ? '' : String(index)}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          const choice = spec.choices[Number(event.target.value)];
          if (choice) onChange(choice.value);
        }}
      >
        {spec.choices.map((choice, i) => (
          <option key={String(choice.value)} value={String(i)}>
            {choice.label}
          </option>
        ))}
      </select>
      <p className="muted" id={`${id}-help`} style={{ fontSize: '0.85rem' }}>
        {spec.description}
      </p>
    </div>
  );
}

/** The levels a host can give a bot, each with one line on how it plays. */
const BOT_LEVELS: Readonly<Record<BotLevel, { label: string; description: string }>> = {
  [BotLevel.Easy]: { label: 'Easy bot', description: 'Plays any legal card.' },
  [BotLevel.Normal]: { label: 'Normal bot', description: 'Plays by rules of thumb.' },
  [BotLevel.Hard]: { label: 'Hard bot', description: 'Thinks ahead about the cards it cannot see.' },
};

function SeatCard({
  seat,
  isHost,
  iAmHost,
  mySeat,
  isHostSeat,
  onAddBot,
  onRemoveBot,
  onKick,
  onSit,
  side,
  onSwap,
}: {
  seat: SeatSnapshot;
  isHost: boolean;
  iAmHost: boolean;
  mySeat: number | null;
  isHostSeat: boolean;
  onAddBot: (level: BotLevel) => void;
  onRemoveBot: () => void;
  onKick: () => void;
  onSit: () => void;
  /** In a game of partnerships: the seat's side and the other seats it may swap with (host only). */
  side: { readonly name: string; readonly partners: string; readonly others: readonly SeatSnapshot[] } | null;
  onSwap: (other: number) => void;
}) {
  const [level, setLevel] = useState<BotLevel>(BotLevel.Normal);
  const empty = seat.kind === SeatKind.Empty;
  const label = seatLabel(seat, seat.index);
  return (
    <li className={`seat${empty ? ' empty' : ''}`} data-seat={seat.index} aria-label={`Seat ${seat.index + 1}: ${empty ? 'empty' : label}`}>
      <div className="row">
        <span className="muted">Seat {seat.index + 1}</span>
        <span className="seat-name">{empty ? 'Empty' : label}</span>
      </div>
      {!empty && (
        <div className="row">
          <SeatBadges seat={seat} isHost={isHostSeat} isMe={seat.index === mySeat} />
        </div>
      )}
      {side && (
        <p className="seat-side" data-testid={`side-of-seat-${seat.index}`}>
          {side.name} · {side.partners}
        </p>
      )}
      {side && iAmHost && (
        <div className="row">
          <label className="visually-hidden" htmlFor={`swap-${seat.index}`}>
            Swap seat {seat.index + 1} with
          </label>
          <select
            id={`swap-${seat.index}`}
            value=""
            onChange={(event) => {
              if (event.target.value !== '') onSwap(Number(event.target.value));
            }}
          >
            <option value="">Swap with…</option>
            {side.others.map((other) => (
              <option key={other.index} value={other.index}>
                Seat {other.index + 1}: {other.kind === SeatKind.Empty ? 'empty' : seatLabel(other, other.index)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="row" style={{ marginTop: '0.4rem' }}>
        {empty && iAmHost && (
          <>
            <label className="visually-hidden" htmlFor={`bot-level-${seat.index}`}>
              Bot level for seat {seat.index + 1}
            </label>
            <select
              id={`bot-level-${seat.index}`}
              value={level}
              aria-describedby={`bot-level-${seat.index}-help`}
              onChange={(event) => setLevel(event.target.value as BotLevel)}
            >
              {Object.values(BotLevel).map((choice) => (
                <option key={choice} value={choice}>
                  {BOT_LEVELS[choice].label}
                </option>
              ))}
            </select>
            <button type="button" className="small" onClick={() => onAddBot(level)} aria-label={`Add bot to seat ${seat.index + 1}`}>
              Add bot
            </button>
            <p className="muted" id={`bot-level-${seat.index}-help`} style={{ fontSize: '0.85rem', width: '100%', margin: 0 }}>
              {BOT_LEVELS[level].description}
            </p>
          </>
        )}
        {empty && mySeat === null && (
          <button type="button" className="small secondary" onClick={onSit}>
            Sit here
          </button>
        )}
        {seat.kind === SeatKind.Bot && iAmHost && (
          <button type="button" className="small secondary" onClick={onRemoveBot} aria-label={`Remove bot from seat ${seat.index + 1}`}>
            Remove bot
          </button>
        )}
        {seat.kind === SeatKind.Human && iAmHost && !isHost && (
          <button type="button" className="small danger" onClick={onKick} aria-label={`Kick ${label}`}>
            Kick
          </button>
        )}
      </div>
    </li>
  );
}

/** Before the game: seats, invite link and QR code, host controls, spectators. */
export function TableLobby({ onLeave }: { onLeave: () => void }) {
  const session = useSession();
  const code = useTable((t) => t.code);
  const gameId = useTable((t) => t.gameId);
  const options = useTable((t) => t.options);
  const visibility = useTable((t) => t.visibility);
  const seats = useTable((t) => t.seats);
  const spectators = useTable((t) => t.spectators);
  const hostId = useTable((t) => t.hostId);
  const turnSeconds = useTable((t) => t.turnSeconds);
  const mySeat = useTable((t) => seatOfPlayer(t, session.playerId));
  const [copied, setCopied] = useState(false);
  const game = findGame(gameId);
  const iAmHost = hostId !== '' && hostId === session.playerId;
  const link = inviteLink(code, useInviteOrigin());
  const occupied = seats.filter((seat) => seat.kind !== SeatKind.Empty).length;
  const sides = game?.teams ? sidesOf(game, seats.length) : null;
  /** "Side 1 · with Ana": a game of partnerships shows who plays with whom. */
  const sideOf = (index: number) => {
    const at = sides?.findIndex((side) => side.includes(index)) ?? -1;
    if (!sides || at < 0) return null;
    const partners = sides[at]!.filter((other) => other !== index).map((other) => seatLabel(seats[other], other));
    return {
      name: `Side ${at + 1}`,
      partners: `partner: ${partners.join(', ') || 'nobody'}`,
      others: seats.filter((other) => other.index !== index),
    };
  };
  const hostName = seats.find((seat) => seat.playerId === hostId)?.name ?? spectators.find((s) => s.playerId === hostId)?.name;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      session.showNotice('COPY', 'Copy failed: select the link and copy it by hand.');
    }
  };

  const configure = (change: Parameters<typeof session.send>[0] & { type: 'configure' }) => session.send(change);

  return (
    <main className="page stack" aria-labelledby="lobby-title">
      <div className="row">
        <h1 id="lobby-title" className="grow">
          {game?.name ?? gameId} table <span className="code" data-testid="table-code">{code}</span>
        </h1>
        <button type="button" className="secondary" onClick={onLeave}>
          Leave
        </button>
      </div>

      <section className="panel stack" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite friends</h2>
        <div className="qr-wrap">
          {LoadedQrCode ? (
            <LoadedQrCode text={link} label={`QR code for the invite link ${link}`} />
          ) : (
            <Suspense fallback={<div className="qr" style={{ width: 146, height: 146 }} aria-hidden="true" />}>
              <LazyQrCode text={link} label={`QR code for the invite link ${link}`} />
            </Suspense>
          )}
          <div className="grow stack">
            <p>
              Share the link, or the code <span className="code">{code}</span>.
            </p>
            <LockToggle />
            <div className="invite">
              <label className="visually-hidden" htmlFor="invite-link">
                Invite link
              </label>
              <input id="invite-link" readOnly value={link} onFocus={(event) => event.target.select()} data-testid="invite-link" />
              <button type="button" className="secondary" onClick={() => void copy()}>
                {copied ? 'Copied!' : 'Copy link'}
              </button>
            </div>
            <details className="program-invite">
              <summary>Invite a bot program</summary>
              <p className="muted">A bot you wrote takes a seat with the same link, from a checkout of Deckhand (see examples/hearts-bot):</p>
              <code data-testid="program-invite">npm run bot -- --invite {link} --bot ./my-bot.js</code>
            </details>
          </div>
        </div>
      </section>

      <section className="panel stack" aria-labelledby="seats-title">
        <h2 id="seats-title">
          Seats ({occupied}/{seats.length})
        </h2>
        <ul className="seats" data-count={seats.length}>
          <li className="seats-felt" aria-hidden="true">
            {game?.name ?? gameId}
          </li>
          {seats.map((seat) => (
            <SeatCard
              key={seat.index}
              seat={seat}
              isHost={seat.playerId === session.playerId}
              iAmHost={iAmHost}
              mySeat={mySeat}
              isHostSeat={seat.kind === SeatKind.Human && seat.playerId === hostId}
              onAddBot={(level) => session.send({ type: 'addBot', seat: seat.index, level })}
              onRemoveBot={() => session.send({ type: 'removeBot', seat: seat.index })}
              onKick={() => session.send({ type: 'kick', playerId: seat.playerId })}
              onSit={() => session.send({ type: 'sit', seat: seat.index })}
              side={sideOf(seat.index)}
              onSwap={(other) => session.send({ type: 'swapSeats', seat: seat.index, with: other })}
            />
          ))}
        </ul>
        <div>
          <h3>Spectators</h3>
          {spectators.length === 0 ? (
            <p className="muted">Nobody is watching.</p>
          ) : (
            <ul className="table-list">
              {spectators.map((spectator) => (
                <li key={spectator.playerId}>
                  <span className="grow">
                    {spectator.name}
                    {spectator.playerId === session.playerId ? ' (you)' : ''}
                    {spectator.connected ? '' : ' (offline)'}
                  </span>
                  {iAmHost && spectator.playerId !== session.playerId && (
                    <button type="button" className="small danger" onClick={() => session.send({ type: 'kick', playerId: spectator.playerId })}>
                      Kick
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {mySeat !== null && (
            <button type="button" className="small secondary" onClick={() => session.send({ type: 'stand' })}>
              Stand up and watch
            </button>
          )}
        </div>
      </section>

      <div className="grid-2">
        <section className="panel stack" aria-labelledby="settings-title">
          <h2 id="settings-title">Game settings</h2>
          {!iAmHost && <p className="muted">Only the host{hostName ? ` (${hostName})` : ''} can change these.</p>}
          <div>
            <label htmlFor="lobby-game">Game</label>
            <select id="lobby-game" value={gameId} disabled={!iAmHost} onChange={(event) => configure({ type: 'configure', gameId: event.target.value })}>
              {GAMES.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
            {game && <p className="muted" style={{ fontSize: '0.85rem' }}>{game.description}</p>}
          </div>
          {game && game.minSeats !== game.maxSeats && (
            <div>
              <label htmlFor="lobby-seats">Players</label>
              <select
                id="lobby-seats"
                value={seats.length}
                disabled={!iAmHost}
                onChange={(event) => configure({ type: 'configure', seatCount: Number(event.target.value) })}
              >
                <SeatCountOptions game={game} />
              </select>
            </div>
          )}
          {game?.options.map((spec) => (
            <OptionControl
              key={spec.key}
              spec={spec}
              value={options[spec.key]}
              disabled={!iAmHost}
              onChange={(value) => configure({ type: 'configure', options: { ...options, [spec.key]: value } })}
            />
          ))}
          <div>
            <label htmlFor="lobby-timer">Turn timer</label>
            <select
              id="lobby-timer"
              value={turnSeconds}
              disabled={!iAmHost}
              onChange={(event) => configure({ type: 'configure', turnSeconds: Number(event.target.value) as TurnSeconds })}
            >
              {TURN_SECONDS.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {seconds === 0 ? 'Off' : `${seconds} seconds`}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="lobby-visibility">Who can find this table</label>
            <select
              id="lobby-visibility"
              value={visibility}
              disabled={!iAmHost}
              onChange={(event) => configure({ type: 'configure', visibility: event.target.value as Visibility })}
            >
              <option value={Visibility.Private}>Private: only with the link or code</option>
              <option value={Visibility.Public}>Public: listed on the home page</option>
            </select>
          </div>
          {iAmHost ? (
            <button type="button" onClick={() => session.send({ type: 'start' })} disabled={game !== undefined && occupied < game.minSeats}>
              Start game
            </button>
          ) : (
            <p>Waiting for the host to start the game…</p>
          )}
        </section>
        <div className="stack">
          <EventLog />
          <Chat />
        </div>
      </div>
    </main>
  );
}
