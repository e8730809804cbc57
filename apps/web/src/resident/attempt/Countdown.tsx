import { useEffect, useRef, useState } from 'react';
import { crossedThreshold, formatCountdown, remainingMs, speakCountdown } from '../../shared/clock';

/**
 * The time left, recomputed from the server deadline and clock offset on every tick (so it is
 * right after the phone sleeps); screen readers hear it only at a few thresholds.
 */
export function Countdown({ deadlineAt, offset, onZero, onTick }: { deadlineAt: string; offset: number; onZero: () => void; onTick?: (ms: number) => void }) {
  const [ms, setMs] = useState(() => remainingMs(deadlineAt, offset));
  const [spoken, setSpoken] = useState('');
  const prev = useRef(ms);
  const fired = useRef(false);
  const cb = useRef({ onZero, onTick });
  cb.current = { onZero, onTick };

  useEffect(() => {
    fired.current = false;
    const tick = () => {
      const now = remainingMs(deadlineAt, offset);
      const t = crossedThreshold(prev.current, now);
      if (t !== null) setSpoken(speakCountdown(now));
      prev.current = now;
      setMs(now);
      cb.current.onTick?.(now);
      if (now <= 0 && !fired.current) {
        fired.current = true;
        cb.current.onZero();
      }
    };
    tick();
    const id = window.setInterval(tick, 250);
    return () => window.clearInterval(id);
  }, [deadlineAt, offset]);

  const urgent = ms <= 60_000;
  return (
    <div className={`countdown${urgent ? ' countdown-urgent' : ''}`}>
      <span className="countdown-label">Thời gian còn lại</span>
      <span className="countdown-time" role="timer" aria-label={speakCountdown(ms)}>
        {formatCountdown(ms)}
      </span>
      <span className="visually-hidden" aria-live="assertive">
        {spoken}
      </span>
    </div>
  );
}
