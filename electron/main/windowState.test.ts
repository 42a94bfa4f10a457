import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  fitWindowState,
  MIN_WINDOW_SIZE,
  parseWindowState,
  type Rect,
} from './windowState';
import { loadWindowState, saveWindowState, windowStatePath } from './windowStateFile';

const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const EXTERNAL_RIGHT: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('parseWindowState', () => {
  it('reads a saved state and rounds it', () => {
    expect(parseWindowState('{"x":10.4,"y":20,"width":1000.6,"height":700,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1001,
      height: 700,
      maximized: true,
    });
  });

  it('drops a half-given position and treats damaged files as no state', () => {
    expect(parseWindowState('{"x":10,"width":900,"height":600}')).toEqual({
      width: 900,
      height: 600,
      maximized: false,
    });
    for (const text of ['', '{', 'null', '[]', '{"width":"900","height":600}', '{"width":0,"height":600}']) {
      expect(parseWindowState(text), text).toBeNull();
    }
    expect(parseWindowState('{"width":1e400,"height":600}')).toBeNull();
  });
});

describe('fitWindowState', () => {
  it('uses the default size, centred, the first time', () => {
    expect(fitWindowState(null, [LAPTOP])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('keeps a window that is on a screen where it was', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, maximized: false };
    expect(fitWindowState(saved, [LAPTOP, EXTERNAL_RIGHT])).toEqual(saved);
  });

  it('lets the system place a window whose screen has gone', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, maximized: true };
    expect(fitWindowState(saved, [LAPTOP])).toEqual({ width: 1200, height: 875, maximized: true });
  });

  it('brings a window hanging off the screen edge fully back on', () => {
    const saved = { x: 1300, y: 700, width: 1000, height: 600, maximized: false };
    expect(fitWindowState(saved, [LAPTOP])).toEqual({
      x: 440,
      y: 300,
      width: 1000,
      height: 600,
      maximized: false,
    });
  });

  it('treats a sliver of overlap as off screen (the title bar must be reachable)', () => {
    const saved = { x: 1430, y: 100, width: 800, height: 600, maximized: false };
    expect(fitWindowState(saved, [LAPTOP])).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('shrinks a window larger than its screen and enforces the minimum size', () => {
    const big = { x: 0, y: 25, width: 5000, height: 3000, maximized: false };
    expect(fitWindowState(big, [LAPTOP])).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
      maximized: false,
    });
    const tiny = { width: 10, height: 10, maximized: false };
    expect(fitWindowState(tiny, [LAPTOP])).toEqual({ ...MIN_WINDOW_SIZE, maximized: false });
  });

  it('handles screens at negative coordinates (left of the primary)', () => {
    const left: Rect = { x: -1920, y: 0, width: 1920, height: 1050 };
    const saved = { x: -2100, y: -50, width: 1000, height: 700, maximized: false };
    expect(fitWindowState(saved, [LAPTOP, left])).toEqual({
      x: -1920,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('keeps the saved size when no screen is known', () => {
    expect(fitWindowState({ x: 5, y: 5, width: 900, height: 700, maximized: false }, [])).toEqual({
      width: 900,
      height: 700,
      maximized: false,
    });
  });
});

describe('window-state.json', () => {
  it('round-trips through the data folder and ignores a damaged file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-window-'));
    try {
      expect(await loadWindowState(dir)).toBeNull();
      const state = { x: 40, y: 60, width: 1100, height: 760, maximized: false };
      await saveWindowState(dir, state);
      expect(await loadWindowState(dir)).toEqual(state);
      expect(JSON.parse(await readFile(windowStatePath(dir), 'utf8'))).toEqual(state);
      await writeFile(windowStatePath(dir), '{"x":');
      expect(await loadWindowState(dir)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
