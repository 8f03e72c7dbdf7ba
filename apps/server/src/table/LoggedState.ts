/**
 * The part of a table its log rebuilds: the model the room mirrors, the game
 * and its rules state, the moves of the current game, the chat and the
 * game's public recent log, and who is kept out or let in. `apply` is the
 * only way any of it changes, for a live action (`Table.commit`) and for a
 * logged one (`Table.restore`) alike, so a replayed table is the table that
 * was running. Timers, connections and messages are the `Table`'s business.
 */
import { createHash } from 'node:crypto';
import type { AnyGame, MoveBase, OptionValue, Seat, WireRecord } from '@deckhand/rules';
import { Limits, SeatKind, TablePhase, Visibility } from '@deckhand/protocol';
import type { ChatLine , BotLevel} from '@deckhand/protocol';
import { RecentLog } from '../RecentLog';
import { flatJson } from '../flatJson';
import type { TableDoor } from './TableDoor';
import { emptyHolder } from './seats';
import type { LoggedHolder, SeatModel, TableAction, TableModel } from './types';

export class LoggedState {
  readonly model: TableModel;
  game: AnyGame;
  /** The rules state of the game being played; null in the lobby and after `toLobby`. */
  gameState: unknown = null;
  /** Bumped at every change of the game (a move, a deal, its end): the room re-mirrors the board when it moves. */
  position = 0;
  readonly chat: ChatLine[] = [];
  /** The current game's public log (move events and notices), for whoever joins or reconnects mid-game. */
  readonly recentLog = new RecentLog();
  /** The options as the host gave them (the parsed ones are on the model). */
  optionInput: Record<string, OptionValue> = {};
  seed = '';
  /**
   * The current game's moves, each as its JSON text (one flat string,
   * `flatJson`). A game keeps hundreds until it ends, and every full
   * collection marks what every table keeps: a move as received and
   * recorded was about seven heap objects.
   */
  private moves: string[] = [];
  dealtAt = 0;
  chatId = 0;
  /**
   * The public view at a position: the hand number, the turn clock and the
   * mirror all read it after a move. Kept only until the room has mirrored
   * the move (`forgetView`): a table waiting for its next move holds none.
   */
  private shown: { readonly position: number; readonly view: WireRecord } | null = null;

  constructor(
    private readonly games: readonly AnyGame[],
    code: string,
    game: AnyGame,
    /** Kicked and refused people, and admitted ones: bans and admissions are logged. */
    private readonly door: TableDoor,
  ) {
    this.game = game;
    this.model = {
      code, gameId: game.id, options: {}, visibility: Visibility.Private, phase: TablePhase.Lobby, hostId: '',
      seats: [], spectators: new Map(), maxSpectators: 0, turnSeconds: 0, deadline: 0, deadlineWait: 0, clockStarts: 0, seedHash: '', seed: '',
      handNumber: 0, moveNumber: 0, lastSeat: -1, lastBy: '', outcome: { scores: [], winners: [], ranking: [] }, deals: 0,
      locked: false,
    };
  }

  /**
   * The one place the model changes for a logged reason, live and on replay
   * alike. `next` is the rules state a live move already computed; without it
   * the move is applied again, and a refused one throws (a damaged log).
   */
  apply(action: TableAction, at: number, next?: unknown): void {
    const model = this.model;
    switch (action.kind) {
      case 'create': {
        this.optionInput = { ...action.optionInput };
        const options = this.game.parseOptions(this.optionInput, action.seatCount);
        model.options = options.ok ? (options.value as Record<string, OptionValue>) : {};
        model.visibility = action.visibility;
        model.turnSeconds = action.turnSeconds;
        model.maxSpectators = action.maxSpectators;
        for (let index = 0; index < action.seatCount; index++) model.seats.push(seatModel(emptyHolder()));
        return;
      }
      case 'configure': {
        const game = this.games.find((candidate) => candidate.id === action.gameId) ?? this.game;
        const options = game.parseOptions(action.optionInput, action.seatCount);
        this.game = game;
        this.optionInput = { ...action.optionInput };
        model.gameId = game.id;
        if (options.ok) model.options = options.value as Record<string, OptionValue>;
        while (model.seats.length > action.seatCount) model.seats.pop();
        while (model.seats.length < action.seatCount) model.seats.push(seatModel(emptyHolder()));
        model.turnSeconds = action.turnSeconds;
        model.visibility = action.visibility;
        return;
      }
      case 'seat':
        Object.assign(model.seats[action.seat]!, seatModel(action.holder));
        return;
      case 'away': {
        const holder = model.seats[action.seat]!;
        holder.away = action.away;
        holder.timeouts = action.timeouts;
        return;
      }
      case 'host':
        model.hostId = action.playerId;
        return;
      case 'ban':
        this.door.keepOut(action.playerId, action.device ?? null);
        return;
      case 'lock':
        model.locked = action.locked;
        return;
      case 'admit':
        this.door.admit(action.playerId);
        return;
      case 'chat':
        this.chatId = action.line.id;
        this.chat.push(action.line);
        if (this.chat.length > Limits.chatHistory) this.chat.shift();
        return;
      case 'start': {
        const taken = model.seats.filter((seat) => seat.kind !== SeatKind.Empty).length;
        const options = this.game.parseOptions(this.optionInput, taken);
        // Empty seats are dropped so the game is dealt for the seats that play.
        for (let index = model.seats.length - 1; index >= 0; index--) {
          if (model.seats[index]!.kind === SeatKind.Empty) model.seats.splice(index, 1);
        }
        if (options.ok) model.options = options.value as Record<string, OptionValue>;
        return;
      }
      case 'deal':
        this.endGame();
        model.deals++;
        this.seed = action.seed;
        this.moves = [];
        this.dealtAt = at;
        this.gameState = this.game.setup({ seed: action.seed, seats: model.seats.length, options: model.options });
        this.recentLog.clear();
        this.position++;
        model.seedHash = createHash('sha256').update(action.seed).digest('hex');
        model.handNumber = this.boardHandNumber();
        model.phase = TablePhase.Playing;
        for (const seat of model.seats) seat.timeouts = 0;
        return;
      case 'move': {
        let state = next;
        if (state === undefined) {
          const result = this.game.apply(this.gameState, action.seat, action.move);
          if (!result.ok) throw new Error(`logged move ${this.moves.length + 1} is refused: ${result.error.message}`);
          state = result.state;
          // A restored table's log comes back too: the same events the live move sent.
          this.recentLog.add({
            type: 'events', moveNumber: this.moves.length + 1, handNumber: model.handNumber, seat: action.seat, by: action.by,
            events: result.events,
          });
        }
        this.gameState = state;
        this.position++;
        this.moves.push(flatJson({ seat: action.seat, move: action.move }));
        model.moveNumber = this.moves.length;
        model.handNumber = this.boardHandNumber();
        model.lastSeat = action.seat;
        model.lastBy = action.by;
        const outcome = this.game.outcome(state);
        if (outcome !== null) {
          model.outcome = { scores: [...outcome.scores], winners: [...outcome.winners], ranking: [...outcome.ranking] };
          model.phase = TablePhase.GameOver;
          model.seed = this.seed;
          model.deadline = 0;
        }
        return;
      }
      case 'lobby':
        this.endGame();
        model.phase = TablePhase.Lobby;
        return;
      case 'clock':
        model.deadline = action.deadline;
        model.deadlineWait = 0;
        return;
      case 'stop':
        return;
      default: {
        const unreachable: never = action;
        throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** Moves played in the current game. */
  get moveCount(): number {
    return this.moves.length;
  }

  /** The current game's moves, parsed anew: for its record, at its end or when a player asks. */
  playedMoves(): { seat: Seat; move: MoveBase }[] {
    return this.moves.map((text) => JSON.parse(text) as { seat: Seat; move: MoveBase });
  }

  /** Forgets the previous game (before a deal, or back to the lobby). */
  private endGame(): void {
    this.gameState = null;
    this.position++;
    const model = this.model;
    model.outcome = { scores: [], winners: [], ranking: [] };
    model.deadline = 0;
    model.handNumber = 0;
    model.moveNumber = 0;
    model.lastSeat = -1;
    model.lastBy = '';
    model.seedHash = '';
    model.seed = '';
  }

  /** The rules' public view of the game being played (null without one), built once per position. */
  publicView(): WireRecord | null {
    if (this.gameState === null) return null;
    if (this.shown?.position !== this.position) this.shown = { position: this.position, view: this.game.view(this.gameState, null).public };
    return this.shown.view;
  }

  /**
   * Lets the cached public view go once a call's changes are mirrored. Kept
   * from one move to the next it was about 13 heap objects a table that every
   * young collection in between found alive and copied.
   */
  forgetView(): void {
    this.shown = null;
  }

  /** The rules' hand number on the board, 1 when the game keeps none. */
  private boardHandNumber(): number {
    const view = this.publicView();
    if (view === null) return 0;
    const handNumber = view['handNumber'];
    return typeof handNumber === 'number' ? handNumber : 1;
  }
}

/** A bot is named after its seat. */
export function botHolder(seat: Seat, level: BotLevel): LoggedHolder {
  return { kind: SeatKind.Bot, playerId: '', name: `Bot ${seat + 1}`, botLevel: level };
}

function seatModel(holder: LoggedHolder): SeatModel {
  return {
    ...holder, connected: holder.kind === SeatKind.Bot, reconnectDeadline: 0, away: false, timeouts: 0,
    program: holder.program === true,
  };
}
