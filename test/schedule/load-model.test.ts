// SPDX-License-Identifier: Apache-2.0
/** The load model on 2–3 fake nodes, every number computed by hand. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { LoadModel } from "../../src/schedule/load-model.js";
import { op } from "./demand.js";

test("copies count bytes in and out and the replica's memory; frees make memory live memory", () => {
  const m = new LoadModel(3);
  m.addBlock(1, 100, 0);
  m.addBlock(2, 50, 1);
  const o = op([[1, 100], [2, 50]], 10, 2);
  // The objective: max memory + max in + max out, plus the bytes the placement moves.
  // On node 0: copy block 2 (50 in, 50 out of node 1): mem0 = 100 + 50 + 10 = 160.
  assert.equal(m.cost(o, 0), 160 + 50 + 50 + 50);
  // On node 2: copy both: mem2 = 160, in 150, max out 100 (node 0), 150 moved.
  assert.equal(m.cost(o, 2), 160 + 150 + 100 + 150);
  m.commit(o, 0, [{ id: 3, bytes: 10 }]);
  assert.deepEqual(
    m.loads().map((l) => [l.memory, l.bytesIn, l.bytesOut, l.ops]),
    [
      [160, 50, 0, 1],
      [50, 0, 50, 0],
      [0, 0, 0, 0],
    ],
  );
  assert.deepEqual(m.holders(2), [1, 0]);
  // Freeing block 2 removes it from both holders; node 0's peak stays.
  m.free(2);
  assert.deepEqual(m.loads().map((l) => l.memory), [110, 0, 0]);
  assert.equal(m.loads()[0]!.peakMemory, 160);
  // A replica is cached: reading block 1 on node 1 twice copies it once.
  const read = op([[1, 100]], 0, 1);
  m.commit(read, 1, []);
  m.commit(read, 1, []);
  assert.deepEqual(m.loads().map((l) => [l.memory, l.bytesIn, l.bytesOut]), [
    [110, 50, 100],
    [100, 100, 50],
    [0, 0, 0],
  ]);
});

test("a block named twice by one op is copied once", () => {
  const m = new LoadModel(2);
  m.addBlock(1, 100, 0);
  assert.equal(m.cost(op([[1, 100], [1, 100]], 0, 1), 1), 100 + 100 + 100 + 100);
});

test("copies are sent by the node that computed the block, not by a replica", () => {
  const m = new LoadModel(3);
  m.addBlock(1, 10, 0);
  m.commit(op([[1, 10]], 0, 1), 1, []);
  m.commit(op([[1, 10]], 0, 2), 2, []);
  assert.deepEqual(m.loads().map((l) => l.bytesOut), [20, 0, 0]);
});

test("the objective sums the busiest node of each resource, which need not be one node", () => {
  const m = new LoadModel(3);
  m.addBlock(1, 1000, 0); // node 0: most memory
  m.addBlock(2, 10, 1);
  m.commit(op([[2, 10]], 0, 2), 2, []); // node 1 sent 10, node 2 received 10
  // Placing on node 2 an op reading block 2 (already there) with a 5-byte output:
  // max mem 1000 (node 0) + max in 10 (node 2) + max out 10 (node 1), nothing moved.
  assert.equal(m.cost(op([[2, 10]], 5, 2), 2), 1000 + 10 + 10);
});

test("lookahead charges an intermediate placed off its owner the result's trip to the owner", () => {
  const m = new LoadModel(3);
  m.addBlock(1, 10, 1);
  // A partial whose 100-byte result node 0 needs, reading a 10-byte block on node 1.
  const o = op([[1, 10]], 100, 0, false, 1);
  // Without lookahead node 1 looks free: mem 10 + 100, nothing moves.
  assert.equal(m.cost(o, 1), 110);
  // ...but the result must then travel: node 0 receives and holds 100, node 1 sends 100.
  assert.equal(m.cost(o, 1, true), 110 + 100 + 100 + 100);
  // On the owner: mem 10 + 100 there, 10 in, 10 out, 10 moved.
  assert.equal(m.cost(o, 0, true), 110 + 10 + 10 + 10);
  // A final op is never charged (it is on its owner), nor is an op on its owner.
  assert.equal(m.cost({ ...o, final: true }, 1, true), 110);
});

test("clone is independent; resetCounters keeps live memory and block locations", () => {
  const m = new LoadModel(2);
  m.addBlock(1, 8, 0);
  m.commit(op([[1, 8]], 4, 1), 1, [{ id: 2, bytes: 4 }]);
  const c = m.clone();
  c.free(1);
  assert.deepEqual(m.loads().map((l) => l.memory), [8, 12]);
  assert.deepEqual(c.loads().map((l) => l.memory), [0, 4]);
  m.resetCounters();
  assert.deepEqual(
    m.loads().map((l) => [l.memory, l.peakMemory, l.bytesIn, l.bytesOut, l.ops]),
    [
      [8, 8, 0, 0, 0],
      [12, 12, 0, 0, 0],
    ],
  );
  assert.deepEqual(m.holders(1), [0, 1]);
  assert.equal(m.blockCount, 2);
});

test("a copy the runtime failed to make is forgotten: holders, memory and traffic", () => {
  const m = new LoadModel(2, 150);
  m.addBlock(1, 100, 0);
  const read = op([[1, 100]], 0, 1);
  assert.equal(m.fits(read, 1), true);
  m.commit(read, 1, []);
  m.forgetCopy(1, 1);
  assert.deepEqual(m.holders(1), [0]);
  assert.deepEqual(m.loads().map((l) => [l.memory, l.bytesIn, l.bytesOut]), [
    [100, 0, 0],
    [0, 0, 0],
  ]);
  // The origin is never forgotten.
  m.forgetCopy(1, 0);
  assert.deepEqual(m.holders(1), [0]);
  // 100 + 60 bytes would not fit node 0's 150.
  assert.equal(m.fits(op([[1, 100]], 60, 0), 0), false);
  assert.equal(m.fits(op([[1, 100]], 50, 0), 0), true);
});
