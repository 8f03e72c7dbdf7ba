import { useState } from 'react';
import { setTurnSound, turnSoundOn } from './turnAlert';

/** The optional chime on your turn: off by default, remembered on this device. */
export function TurnSoundToggle() {
  const [on, setOn] = useState(turnSoundOn);
  return (
    <label className="sound-toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => {
          setTurnSound(event.target.checked);
          setOn(event.target.checked);
        }}
      />{' '}
      Sound when it is my turn
    </label>
  );
}
