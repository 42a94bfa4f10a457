// Test helper: the real file system with one operation made to fail like a full or read-only disk.

import { nodeStoreFs, type StoreFs } from './storeFs';

export type FaultPoint = 'create' | 'write' | 'sync' | 'rename' | 'append';

interface FaultyFs extends StoreFs {
  /** Fail the next operations at `point` with this errno code until `heal()`. */
  fail(point: FaultPoint, code: string): void;
  heal(): void;
}

export function faultyFs(base: StoreFs = nodeStoreFs): FaultyFs {
  let fault: { point: FaultPoint; code: string } | null = null;
  const maybeFail = (point: FaultPoint) => {
    if (fault?.point === point) {
      const error = new Error(`${fault.code}: simulated failure at ${point}`) as NodeJS.ErrnoException;
      error.code = fault.code;
      throw error;
    }
  };
  return {
    ...base,
    fail(point, code) {
      fault = { point, code };
    },
    heal() {
      fault = null;
    },
    async createExclusive(path, mode) {
      maybeFail('create');
      const file = await base.createExclusive(path, mode);
      return {
        async write(data) {
          // A full disk typically accepts part of the data first.
          if (fault?.point === 'write') await file.write(data.subarray(0, Math.floor(data.byteLength / 2)));
          maybeFail('write');
          await file.write(data);
        },
        async sync() {
          maybeFail('sync');
          await file.sync();
        },
        close: () => file.close(),
      };
    },
    async appendDurably(path, data) {
      maybeFail('append');
      await base.appendDurably(path, data);
    },
    async rename(from, to) {
      maybeFail('rename');
      await base.rename(from, to);
    },
  };
}
