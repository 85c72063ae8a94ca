/**
 * Which autosave slots open tabs and windows are keeping. A slot in use is live work, not work an
 * earlier session left behind: another tab must neither open it again nor discard it.
 */
export interface AutosaveClaims {
  /** Claims slot `key` for this tab until released or the tab goes (closed or crashed); false when another holds it. */
  claim(key: string): Promise<boolean>;
  release(key: string): void;
  /** The slots other live tabs hold. */
  claimedElsewhere(): Promise<Set<string>>;
}

const LOCK_PREFIX = 'data-mesh-designer:autosave:';

/**
 * Claims as Web Locks, held while the tab lives: the browser lets them go when a tab or an
 * Electron window closes or crashes, so no copy is left claimed by a tab that is gone.
 * Without the API (an insecure origin) nothing is claimed and every copy is offered, as before.
 */
export function webLockClaims(locks: LockManager | undefined): AutosaveClaims {
  return locks ? lockClaims(locks) : NO_CLAIMS;
}

const NO_CLAIMS: AutosaveClaims = {
  claim: async () => true,
  release: () => {},
  claimedElsewhere: async () => new Set(),
};

function lockClaims(locks: LockManager): AutosaveClaims {
  const claims = new Map<string, Promise<boolean>>();
  const releases = new Map<string, () => void>();

  function request(key: string): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      locks
        .request(`${LOCK_PREFIX}${key}`, { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          return new Promise<void>((release) => releases.set(key, release));
        })
        .catch(reject);
    });
  }

  return {
    claim(key) {
      const existing = claims.get(key);
      if (existing) return existing;
      const claimed = request(key).then((isClaimed) => {
        if (!isClaimed) claims.delete(key);
        return isClaimed;
      });
      claims.set(key, claimed);
      return claimed;
    },
    release(key) {
      releases.get(key)?.();
      releases.delete(key);
      claims.delete(key);
    },
    async claimedElsewhere() {
      const { held = [] } = await locks.query();
      const slotKeys = held.flatMap(({ name }) =>
        name?.startsWith(LOCK_PREFIX) ? [name.slice(LOCK_PREFIX.length)] : [],
      );
      return new Set(slotKeys.filter((key) => !releases.has(key)));
    },
  };
}
