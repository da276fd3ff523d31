import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IMAGE_HISTORY_SIZE, ImageHistory, imageChoices } from '../../../../client/src/kube/debug/imageHistory';

function memento(initial?: unknown) {
  const store = new Map<string, unknown>(initial === undefined ? [] : [['podscope.debug.imageHistory', initial]]);
  return { get: <T>(k: string) => store.get(k) as T | undefined, update: async (k: string, v: unknown) => { store.set(k, v); } };
}

test('newest first, each image once, at most the history size', async () => {
  const h = new ImageHistory(memento());
  await h.remember('a:1');
  await h.remember('b:1');
  await h.remember('a:1');
  assert.deepEqual(h.list(), ['a:1', 'b:1']);
  for (let i = 0; i < IMAGE_HISTORY_SIZE + 3; i++) await h.remember(`img:${i}`);
  assert.equal(h.list().length, IMAGE_HISTORY_SIZE);
  assert.equal(h.list()[0], `img:${IMAGE_HISTORY_SIZE + 2}`);
});

test('a corrupt stored value reads as no history', () => {
  assert.deepEqual(new ImageHistory(memento('busybox')).list(), []);
  assert.deepEqual(new ImageHistory(memento(['ok:1', 7])).list(), ['ok:1']);
});

test('the pick offers the setting first, then the history without repeating it', () => {
  assert.deepEqual(imageChoices('busybox:1.36', ['netshoot:1', 'busybox:1.36', 'alpine:3']), ['busybox:1.36', 'netshoot:1', 'alpine:3']);
});
