import { useEffect, useState } from 'react';

const SOUND_KEY = 'deckhand:turn-sound';
const BASE_TITLE = 'Deckhand';
const TURN_TITLE = '• Your turn · Deckhand';
const FLASH_MS = 1000;

/** Whether the player asked for a sound on their turn (off unless they did; kept in localStorage). */
export function turnSoundOn(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setTurnSound(on: boolean): void {
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

/** A short two-note chime drawn with Web Audio: no file to download. */
function chime(): void {
  const Context = window.AudioContext as typeof AudioContext | undefined;
  if (!Context) return;
  const audio = new Context();
  [660, 880].forEach((frequency, index) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    const start = audio.currentTime + index * 0.12;
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + 0.25);
    tone.connect(gain).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 0.25);
  });
  setTimeout(() => void audio.close(), 800);
}

/**
 * Tells a player it is their turn when they are not looking: the tab title
 * flashes while the tab is hidden, a phone vibrates once where it can, and the
 * optional chime plays. The title keeps its turn mark while the turn lasts.
 */
export function useTurnAlert(myTurn: boolean): void {
  const [hidden, setHidden] = useState(() => document.hidden);
  useEffect(() => {
    const update = () => setHidden(document.hidden);
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);

  useEffect(() => {
    if (!myTurn) return undefined;
    if (turnSoundOn()) chime();
    if (document.hidden) navigator.vibrate?.(200);
    return undefined;
  }, [myTurn]);

  useEffect(() => {
    document.title = myTurn ? TURN_TITLE : BASE_TITLE;
    if (!myTurn || !hidden) return undefined;
    let on = true;
    const timer = setInterval(() => {
      on = !on;
      document.title = on ? TURN_TITLE : BASE_TITLE;
    }, FLASH_MS);
    return () => {
      clearInterval(timer);
      document.title = BASE_TITLE;
    };
  }, [myTurn, hidden]);

  useEffect(() => () => void (document.title = BASE_TITLE), []);
}
