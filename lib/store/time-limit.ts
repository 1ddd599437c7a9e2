/** Rejects with this when a promise has not settled within its time. */
export class TimeLimitError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeLimitError';
  }
}

/**
 * `promise`, or a TimeLimitError once `ms` have passed without it settling. Why: a browser call that
 * never settles (a message sent while the extension's worker restarts, a database open another
 * connection blocks) would otherwise leave whoever awaits it waiting forever, with nothing on screen.
 * `onLate` receives a value that arrives after the limit, so its owner can release it (close a
 * connection opened too late).
 */
export function timeLimit<T>(promise: Promise<T>, ms: number, onLate?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new TimeLimitError(ms));
    }, ms);
    promise.then(
      (value) => {
        if (late) onLate?.(value);
        else {
          clearTimeout(timer);
          resolve(value);
        }
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
