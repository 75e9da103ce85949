/**
 * The queue's "new order" chime, synthesised with Web Audio (no file to load).
 * Browsers refuse to play sound before the user interacts with the page, so
 * the context is created or resumed inside a click ("Turn on sound"); the
 * choice is remembered, and after a reload the first tap anywhere re-arms it.
 */
const PREFERENCE = 'queueSound';

let context: AudioContext | null = null;

export function soundWanted(): boolean {
  try {
    return localStorage.getItem(PREFERENCE) === 'on';
  } catch {
    return false;
  }
}

export function rememberSound(on: boolean) {
  try {
    if (on) localStorage.setItem(PREFERENCE, 'on');
    else localStorage.removeItem(PREFERENCE);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** Call from a user gesture: true when sound can play from now on. */
export async function unlockSound(): Promise<boolean> {
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return false;
  context ??= new Ctor();
  if (context.state === 'suspended') {
    try {
      await context.resume();
    } catch {
      return false;
    }
  }
  return context.state === 'running';
}

/** Two short rising tones; silent when sound was never unlocked. */
export function chime() {
  if (!context || context.state !== 'running') return;
  const start = context.currentTime;
  [880, 1320].forEach((frequency, i) => {
    const osc = context!.createOscillator();
    const gain = context!.createGain();
    const t = start + i * 0.18;
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.16);
    osc.connect(gain).connect(context!.destination);
    osc.start(t);
    osc.stop(t + 0.17);
  });
}
